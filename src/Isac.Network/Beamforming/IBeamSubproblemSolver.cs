namespace Isac.Network.Beamforming;

/// <summary>Solves the convex beam subproblem (26); warm-start state is carried between FP iterations.</summary>
public interface IBeamSubproblemSolver
{
    /// <summary>Returns the beams and the number of inner iterations used.</summary>
    (System.Numerics.Complex[][] Beams, int Iterations) Solve(QuadraticBeamSubproblem problem, DualState state);
}

/// <summary>Dual variables kept between calls (λ for the power, μ_k for the sensing constraints).</summary>
public sealed class DualState
{
    /// <summary>λ ≥ 0; NaN when not yet initialised.</summary>
    public double Lambda { get; set; } = double.NaN;

    /// <summary>μ_k ≥ 0 (empty until initialised).</summary>
    public double[] Mu { get; set; } = [];
}
