namespace Isac.Precoding.Design;

/// <summary>What one half-step of Algorithm 1 ended with.</summary>
/// <param name="Ok">All its problems were solved.</param>
/// <param name="Infeasible">Some problem was infeasible (with <see cref="Problem"/> naming it).</param>
/// <param name="Problem">The failing problem, e.g. <c>P1.A at BS 2</c>, or empty.</param>
/// <param name="Detail">The solver's status for a failure.</param>
internal sealed record StepOutcome(bool Ok, bool Infeasible, string Problem, string Detail)
{
    public static StepOutcome Success { get; } = new(true, false, "", "");

    public static StepOutcome NotFeasible(string problem) => new(false, true, problem, "Infeasible");

    public static StepOutcome Failure(string problem, string status) => new(false, false, problem, status);
}

/// <summary>How Algorithm 1 ended.</summary>
/// <param name="HasSolution">An accepted iterate exists.</param>
/// <param name="Status">The design status (solved even when a later iteration failed but an earlier one stands).</param>
/// <param name="Message">Why it stopped, when not by convergence.</param>
/// <param name="FailedIteration">The iteration of a failure or infeasibility, if any.</param>
/// <param name="Converged">The stopping rule was met before the cap.</param>
/// <param name="Iterations">One record per completed iteration.</param>
internal sealed record AlternatingOutcome(bool HasSolution, DesignStatus Status, string Message, int? FailedIteration, bool Converged,
    IReadOnlyList<IterationRecord> Iterations);

/// <summary>
/// Paper A's Algorithm 1, independent of the scheme: alternate (P·.A), which optimises the
/// trade-off for fixed caps, and (P·.B), which lowers the caps (and leakage) while keeping the
/// performance (P·.A) reached, until the (P·.A) objectives settle.
/// </summary>
/// <remarks>
/// <para>Stopping rule (the paper gives none): stop after iteration i ≥ 2 when every (P·.A) objective
/// changed by at most <see cref="AlternatingSettings.RelativeTolerance"/>·max(|previous|, 1e-12)
/// since iteration i−1, or after <see cref="AlternatingSettings.MaxIterations"/> iterations. A
/// design without caps (<see cref="HasCaps"/> false) stops after its first (P·.A).</para>
/// <para>Failures: if (P·.A) is infeasible in iteration 1 the design is infeasible; if a solver fails
/// in iteration 1 the design failed (with the iteration). In later iterations the last accepted
/// (P·.A) solution stands and the outcome records the iteration and the problem that stopped it.
/// The accepted iterate is the last (P·.A) solution; (P·.B) only updates the caps and, in CBF, the
/// covariances from which the next interference covariances are computed.</para>
/// </remarks>
internal abstract class AlternatingDesign
{
    /// <summary>False when (P·.A) has nothing to alternate with (the exact CoMP design with a fixed γ).</summary>
    protected abstract bool HasCaps { get; }

    /// <summary>Solves (P·.A) for every unit with the current caps; on success stores the iterate as accepted.</summary>
    protected abstract StepOutcome StepA(int iteration);

    /// <summary>Solves (P·.B) for every unit and updates the caps.</summary>
    protected abstract StepOutcome StepB(int iteration);

    /// <summary>The objectives of the accepted (P·.A) solutions, one per unit (BS or network).</summary>
    protected abstract double[] Objectives { get; }

    /// <summary>The record of an iteration, after its (P·.B).</summary>
    protected abstract IterationRecord Record(int iteration);

    /// <summary>The accepted iterate in absolute units (after a successful <see cref="Run"/>).</summary>
    public abstract RelaxedSolution Solution();

    /// <summary>Runs the algorithm.</summary>
    public AlternatingOutcome Run(AlternatingSettings settings, CancellationToken cancellation)
    {
        var records = new List<IterationRecord>();
        double[]? previous = null;
        for (int it = 1; it <= settings.MaxIterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            var a = StepA(it);
            if (!a.Ok) return Stop(records, it, a);
            double[] objective = (double[])Objectives.Clone();
            if (!HasCaps)
            {
                records.Add(Record(it));
                return new AlternatingOutcome(true, DesignStatus.Solved, "", null, true, records);
            }
            var b = StepB(it);
            if (!b.Ok)
            {
                records.Add(Record(it));
                return Stop(records, it, b);
            }
            records.Add(Record(it));
            if (previous is not null && Settled(previous, objective, settings.RelativeTolerance))
                return new AlternatingOutcome(true, DesignStatus.Solved, "", null, true, records);
            previous = objective;
        }
        return new AlternatingOutcome(true, DesignStatus.Solved,
            $"stopped at the iteration cap ({settings.MaxIterations}) before the objectives settled", null, false, records);
    }

    private static bool Settled(double[] previous, double[] current, double tolerance)
    {
        for (int i = 0; i < current.Length; i++)
            if (Math.Abs(current[i] - previous[i]) > tolerance * Math.Max(Math.Abs(previous[i]), 1e-12)) return false;
        return true;
    }

    private static AlternatingOutcome Stop(List<IterationRecord> records, int iteration, StepOutcome step)
    {
        string what = step.Infeasible ? $"{step.Problem} is infeasible" : $"the solver failed on {step.Problem} ({step.Detail})";
        if (iteration == 1 && records.Count == 0)
        {
            var status = step.Infeasible ? DesignStatus.Infeasible : DesignStatus.SolverFailed;
            return new AlternatingOutcome(false, status, $"iteration 1: {what}", 1, false, records);
        }
        return new AlternatingOutcome(true, DesignStatus.Solved,
            $"iteration {iteration}: {what}; the iterate of iteration {records.Count} stands", iteration, false, records);
    }
}
