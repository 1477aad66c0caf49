using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>
/// Keeps the iterate an iterative beamformer should return: the best objective among those that
/// meet the sensing constraints (relative violation at most
/// <see cref="FractionalProgrammingBeamformer.FeasibilityTolerance"/>), or, while none does, the
/// least violating one. An inexact inner solve (or a rank-one extraction from a relaxation) can
/// make a step go down or out of the feasible set, and the caller should not pay for it.
/// </summary>
internal sealed class BestIterate
{
    private double _objective = double.NegativeInfinity;
    private double _violation = double.PositiveInfinity;

    /// <summary>The kept beams (null before the first offer).</summary>
    public Complex[][]? Beams { get; private set; }

    /// <summary>Offers an iterate; keeps it if it is better by the rule above.</summary>
    public void Offer(Complex[][] beams, double objective, double violation)
    {
        const double tol = FractionalProgrammingBeamformer.FeasibilityTolerance;
        bool feasible = violation <= tol;
        bool haveFeasible = _violation <= tol;
        if ((feasible && (!haveFeasible || objective > _objective)) || (!feasible && !haveFeasible && violation < _violation))
        {
            Beams = beams;
            _objective = objective;
            _violation = violation;
        }
    }
}
