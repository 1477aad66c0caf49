using Complex = System.Numerics.Complex;
using Isac.Physics.Arrays;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Beampattern;

/// <summary>The transmit beampattern P(θ) = a(θ)ᵀ R a(θ)* of one BS (paper A Fig. 4; (19b) evaluates it at θ_mn).</summary>
/// <remarks>
/// a(θ)ᵀ x is the far-field signal toward θ (the same convention as the users' hᵀx and the target's
/// vᵀX), so its power is a(θ)ᵀ R a(θ)* for the transmit covariance R. For a stacked CoMP covariance
/// take each BS's diagonal block (Sensing.TransmitCovariance.Block): BSs at different sites do not
/// form one array.
/// </remarks>
public static class TransmitBeampattern
{
    /// <summary>P(θ) for one angle (radians).</summary>
    public static double Power(UniformLinearArray array, Matrix<Complex> covariance, double thetaRadians)
    {
        ArgumentNullException.ThrowIfNull(array);
        Check(array, covariance);
        var a = array.Response(thetaRadians);
        return HermitianMatrix.TransposeFormConjugate(a, covariance, a).Real;
    }

    /// <summary>P(θ) for every angle in <paramref name="thetasRadians"/>.</summary>
    public static double[] Sweep(UniformLinearArray array, Matrix<Complex> covariance, IReadOnlyList<double> thetasRadians)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(thetasRadians);
        Check(array, covariance);
        return thetasRadians.Select(t => Power(array, covariance, t)).ToArray();
    }

    /// <summary><paramref name="count"/> equally spaced angles from −90° to 90° inclusive, in radians.</summary>
    public static double[] Grid(int count)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "need at least two angles");
        return Enumerable.Range(0, count).Select(i => -Math.PI / 2 + Math.PI * i / (count - 1)).ToArray();
    }

    private static void Check(UniformLinearArray array, Matrix<Complex> covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.RowCount != array.Elements || covariance.ColumnCount != array.Elements)
            throw new ArgumentException($"the covariance must be {array.Elements}×{array.Elements} like the array, got {covariance.RowCount}×{covariance.ColumnCount}", nameof(covariance));
    }
}
