using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Uncertainty;

/// <summary>Where in the error ball a random CSI error is drawn.</summary>
public enum ErrorPlacement
{
    /// <summary>Uniform in the ball ‖e‖ ≤ ρ (by volume).</summary>
    InsideBall,

    /// <summary>Uniform on the sphere ‖e‖ = ρ (the errors a worst case lives on).</summary>
    OnSurface,
}

/// <summary>Uniform draws from the complex ball {e ∈ Cⁿ : ‖e‖ ≤ ρ}, which is the real ball in R²ⁿ.</summary>
public static class ComplexBall
{
    /// <summary>
    /// A uniform draw: direction = a CN(0, I) vector normalised (isotropic), radius ρ·U^{1/(2n)}
    /// inside the ball (the volume of a 2n-dimensional ball grows as r²ⁿ) or ρ on the surface.
    /// </summary>
    public static Vector<Complex> Sample(int dimension, double radius, ErrorPlacement placement, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 1");
        if (!(radius >= 0) || !double.IsFinite(radius)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be finite and non-negative");
        Vector<Complex> g;
        double norm;
        do
        {
            g = Vector<Complex>.Build.Dense(dimension, _ => random.NextComplexGaussian());
            norm = g.L2Norm();
        } while (norm == 0);
        double r = placement == ErrorPlacement.OnSurface
            ? radius
            : radius * Math.Pow(random.NextDouble(), 1.0 / (2 * dimension));
        return g * (r / norm);
    }
}
