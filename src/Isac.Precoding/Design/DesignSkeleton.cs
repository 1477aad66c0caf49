using Isac.Modeling;
using Isac.Modeling.Solutions;
using Isac.Physics;
using Isac.Precoding.Sdp;

namespace Isac.Precoding.Design;

/// <summary>
/// What the four designs of paper A share: the context, the trade-off, the coordinates their models are written in
/// (<see cref="DesignSpace"/>), and the loop that solves one convex problem per unit and commits the results only
/// when every unit's problem was solved.
/// </summary>
/// <remarks>
/// <para>A unit is a BS in coordinated beamforming (per-BS problems, J of them) and the whole network in coordinated
/// multi-point (one problem over the stacked antennas). A design file holds only what is its own: its variables,
/// its SINR or constructive-interference constraints, its caps and what Algorithm 1's (P·.B) does with them. The
/// constraints every design writes the same way are in <see cref="DesignConstraints"/>, <see cref="CrbBound"/> and
/// <see cref="Tradeoff"/>.</para>
/// <para>Every model is built in the coordinates of <see cref="DesignSpace"/> (the orthonormal bases of the subspaces
/// the designs see, docs/derivations.md §6.9, or the antennas themselves), and everything a design hands out
/// (<see cref="AlternatingDesign.Solution"/>, iteration records, transmitted covariances) is mapped back to the
/// antennas by <see cref="DesignSpace"/>.</para>
/// </remarks>
internal abstract class DesignSkeleton : AlternatingDesign
{
    protected DesignSkeleton(DesignContext context, Tradeoff tradeoff, CoordinationMode mode)
    {
        C = context;
        Tradeoff = tradeoff;
        Mode = mode;
        Units = mode == CoordinationMode.Cbf ? context.Network.Cells : 1;
    }

    /// <summary>What every design of the run shares.</summary>
    protected DesignContext C { get; }

    /// <summary>The objective's trade-off.</summary>
    protected Tradeoff Tradeoff { get; }

    /// <summary>CBF (one problem per BS) or CoMP (one problem).</summary>
    protected CoordinationMode Mode { get; }

    /// <summary>J in CBF, 1 in CoMP.</summary>
    protected int Units { get; }

    /// <summary>The coordinates of the models.</summary>
    protected DesignSpace Space => C.Space;

    /// <summary>The BS of a unit as the solve records name it (null in CoMP).</summary>
    private int? Bs(int unit) => Mode == CoordinationMode.Cbf ? unit : null;

    /// <summary>
    /// Solves <paramref name="problem"/> for every unit: <paramref name="build"/> writes unit u's model and returns how
    /// to read its solution; when every unit's problem was solved, <paramref name="commit"/> sees the values in unit
    /// order (so that every unit of a Jacobi step is built from the same iterate); otherwise nothing is committed and
    /// the first failure is returned.
    /// </summary>
    protected StepOutcome SolveUnits<T>(string problem, int iteration, Func<int, Model, Func<ModelSolution, T>> build, Action<int, T> commit,
        double? coneShare = null)
    {
        var values = new T[Units];
        for (int u = 0; u < Units; u++)
        {
            var outcome = TrySolve(problem, iteration, u, build, out var value, coneShare);
            if (!outcome.Ok) return outcome;
            values[u] = value!;
        }
        for (int u = 0; u < Units; u++) commit(u, values[u]);
        return StepOutcome.Success;
    }

    /// <summary>Solves <paramref name="problem"/> for one unit; on success <paramref name="value"/> is what the reader returned.
    /// <paramref name="coneShare"/>: the side choice's cone-variable share for this problem (<see cref="Sdp.SdpRunner.Solve"/>), or null
    /// for the run's.</summary>
    protected StepOutcome TrySolve<T>(string problem, int iteration, int unit, Func<int, Model, Func<ModelSolution, T>> build, out T? value,
        double? coneShare = null)
    {
        value = default;
        int? bs = Bs(unit);
        var model = new Model(bs is int b ? $"{problem}-bs{b + 1}" : problem);
        var read = build(unit, model);
        var s = C.Runner.Solve(model, problem, iteration, bs, coneShare);
        if (!SolveOutcome.Usable(s)) return SolveOutcome.Failed(s, bs is int f ? $"{problem} at BS {f + 1}" : problem);
        value = read(s);
        return StepOutcome.Success;
    }
}
