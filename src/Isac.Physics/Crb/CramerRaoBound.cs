using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Isac.Physics.Crb;

/// <summary>The Fisher information of one BS and its inverse, the Cramér-Rao bound.</summary>
/// <param name="Fisher">F, 3×3 real symmetric, rows (θ in radians, Re α, Im α).</param>
/// <param name="Bound">F⁻¹: its diagonal bounds the variance of any unbiased estimator of each parameter.</param>
public sealed record CramerRaoBoundResult(Matrix<double> Fisher, Matrix<double> Bound)
{
    /// <summary>CRB(θ_mm) in rad².</summary>
    public double Angle => Bound[0, 0];

    /// <summary>√CRB(θ_mm) converted to degrees (the RCRB of paper A's figures).</summary>
    public double RootAngleDegrees => Math.Sqrt(Bound[0, 0]) * 180.0 / Math.PI;

    /// <summary>The diagonal of F⁻¹: the bounds for (θ, Re α, Im α).</summary>
    public double[] Diagonal => [Bound[0, 0], Bound[1, 1], Bound[2, 2]];
}

/// <summary>Inverts Fisher information matrices with a check that they are not singular.</summary>
/// <remarks>
/// A FIM is declared singular when a parameter gets no information (F_ll ≤ 1e-12 of the largest
/// value the coefficient matrix could give at this transmit power, ‖B_ll‖_F·tr R) or when the
/// parameters cannot be told apart (the smallest eigenvalue of the correlation matrix
/// D·F·D, D = diag(F_ll)^{-1/2}, is below 1e-12). Both tests are scale-free, so a tiny |α|² or σ_R²
/// does not trigger them.
/// </remarks>
public static class CramerRaoBound
{
    /// <summary>Relative threshold of both singularity tests.</summary>
    public const double SingularityThreshold = 1e-12;

    private static readonly string[] Names = ["θ", "Re α", "Im α"];

    /// <summary>Evaluates the map at <paramref name="covariance"/> and inverts it.</summary>
    /// <exception cref="SingularFisherInformationException">The FIM is singular.</exception>
    public static CramerRaoBoundResult Evaluate(FisherInformationMap map, Matrix<Complex> covariance)
    {
        if (TryEvaluate(map, covariance, out var result, out string? reason)) return result!;
        throw new SingularFisherInformationException(null, reason!);
    }

    /// <summary>As <see cref="Evaluate"/>, returning false and the reason instead of throwing.</summary>
    public static bool TryEvaluate(FisherInformationMap map, Matrix<Complex> covariance, out CramerRaoBoundResult? result, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(map);
        var f = map.Evaluate(covariance);
        for (int l = 0; l < 3; l++)
        {
            double scale = map.InformationScale(l, covariance);
            if (!(f[l, l] > SingularityThreshold * scale) || scale == 0)
            {
                result = null;
                reason = NoInformation(l);
                return false;
            }
        }
        return TryInvert(f, out result, out reason);
    }

    /// <summary>Inverts a given FIM (only the scale-free correlation test applies).</summary>
    /// <exception cref="SingularFisherInformationException">The FIM is singular or not finite.</exception>
    public static CramerRaoBoundResult FromFisher(Matrix<double> fisher)
    {
        ArgumentNullException.ThrowIfNull(fisher);
        if (fisher.RowCount != 3 || fisher.ColumnCount != 3) throw new ArgumentException($"a FIM here is 3×3, got {fisher.RowCount}×{fisher.ColumnCount}", nameof(fisher));
        for (int l = 0; l < 3; l++)
            if (!(fisher[l, l] > 0) || !double.IsFinite(fisher[l, l]))
                throw new SingularFisherInformationException(null, NoInformation(l));
        if (TryInvert(fisher, out var result, out string? reason)) return result!;
        throw new SingularFisherInformationException(null, reason!);
    }

    private static bool TryInvert(Matrix<double> f, out CramerRaoBoundResult? result, out string? reason)
    {
        var d = Matrix<double>.Build.DenseOfDiagonalArray([1 / Math.Sqrt(f[0, 0]), 1 / Math.Sqrt(f[1, 1]), 1 / Math.Sqrt(f[2, 2])]);
        var correlation = d * f * d;
        correlation = (correlation + correlation.Transpose()) * 0.5;
        double smallest = correlation.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Min();
        if (!(smallest > SingularityThreshold))
        {
            result = null;
            reason = $"the Fisher information is singular: the parameters (θ, Re α, Im α) cannot be told apart (smallest eigenvalue of the normalised FIM {smallest:G3})";
            return false;
        }
        var inverse = d * correlation.Inverse() * d;
        inverse = (inverse + inverse.Transpose()) * 0.5;
        result = new CramerRaoBoundResult(f.Clone(), inverse);
        reason = null;
        return true;
    }

    private static string NoInformation(int l) => l == 0
        ? "the Fisher information is singular: the echo carries no information about the angle θ (no power toward the target, α_mm = 0, or θ at ±90°)"
        : $"the Fisher information is singular: the echo carries no information about {Names[l]} (no transmit power reaches the target)";
}
