using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;
using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>Maps the internal iterate back to the user's blocks and signs, scales certificates and computes the DIMACS errors.</summary>
internal static class SolutionBuilder
{
    public static ConicSolution Build(InternalModel model, IpmState state, SolverStatus status, TerminationReason reason,
                                      Measures measures, int iterations, TimeSpan elapsed, IDenseKernels kernels, string backendName)
    {
        var problem = model.Problem;
        double sign = model.Sign;
        var blocks = model.Blocks;
        double pobj = 0;
        foreach (var b in blocks)
        {
            pobj += ConeBlock.Dot(b.C, b.X);
        }
        double dobj = ManagedKernels.Dot(model.Rhs, state.Y);

        // Certificates are rays: scale them to the normalisation documented on SolverStatus.
        double xScale = 1, yScale = 1;
        if (status == SolverStatus.PrimalInfeasible)
        {
            yScale = 1 / -dobj;
        }
        else if (status == SolverStatus.DualInfeasible)
        {
            xScale = 1 / pobj;
        }

        var xs = new double[problem.Cones.Count][];
        var zs = new double[problem.Cones.Count][];
        for (int ub = 0; ub < problem.Cones.Count; ub++)
        {
            var map = model.UserToInternal[ub];
            if (map.Split is { } split)
            {
                // An LP block with pairs x⁺ − x⁻ solved as free variables: x⁺ = max(x, 0), x⁻ = max(−x, 0),
                // and their slacks ±(Σ y_i A_i − C) (zero up to the dual residual).
                int n = problem.Cones[ub].Size;
                xs[ub] = new double[n];
                zs[ub] = new double[n];
                if (map.Internal >= 0)
                {
                    var lp = blocks[map.Internal];
                    for (int t = 0; t < split.Kept.Length; t++)
                    {
                        xs[ub][split.Kept[t]] = xScale * lp.X[t];
                        zs[ub][split.Kept[t]] = yScale * lp.Z[t];
                    }
                }
                var free = blocks[map.FreeInternal];
                for (int t = 0; t < split.Plus.Length; t++)
                {
                    double x = xScale * free.X[t];
                    xs[ub][split.Plus[t]] = Math.Max(x, 0);
                    xs[ub][split.Minus[t]] = Math.Max(-x, 0);
                    zs[ub][split.Plus[t]] = yScale * free.Rd[t];
                    zs[ub][split.Minus[t]] = -yScale * free.Rd[t];
                }
            }
            else
            {
                var b = blocks[map.Internal];
                xs[ub] = ArrayMath.Scaled(b.X, xScale);
                zs[ub] = ArrayMath.Scaled(b.Z, yScale);
            }
        }
        var y = ArrayMath.Scaled(state.Y, sign * yScale);
        double userP = sign * xScale * pobj, userD = sign * yScale * dobj;

        var dimacs = Dimacs(model, state, kernels, xScale, yScale);
        bool certificate = status is SolverStatus.PrimalInfeasible or SolverStatus.DualInfeasible;
        return new ConicSolution
        {
            Status = status,
            PrimalObjective = userP,
            DualObjective = userD,
            X = xs,
            Y = y,
            Z = zs,
            Iterations = iterations,
            SolveTime = elapsed,
            Dimacs = dimacs with { ObjectiveGap = (userP - userD) / (1 + Math.Abs(userP) + Math.Abs(userD)) },
            Backend = backendName,
            Termination = reason,
            ObjectiveGap = certificate ? double.NaN : measures.ObjectiveGap,
            ComplementarityGap = certificate ? double.NaN : measures.ComplementarityGap,
            Accuracy = certificate ? double.NaN : measures.Accuracy,
        };
    }

    private static DimacsErrors Dimacs(InternalModel model, IpmState state, IDenseKernels kernels, double xScale, double yScale)
    {
        var blocks = model.Blocks;
        int m = model.M;
        var ax = new double[m];
        double pobj = 0, dobj = 0, xz = 0, rd2 = 0, minX = double.PositiveInfinity, minZ = double.PositiveInfinity, cmax = 0;
        foreach (var b in blocks)
        {
            var x = ArrayMath.Scaled(b.X, xScale);
            var z = ArrayMath.Scaled(b.Z, yScale);
            b.ApplyA(x, ax);
            pobj += ConeBlock.Dot(b.C, x);
            xz += ConeBlock.Dot(x, z);
            var rd = new double[b.StoredLength];
            for (int k = 0; k < rd.Length; k++)
            {
                rd[k] = -b.C[k] - z[k];
                cmax = Math.Max(cmax, Math.Abs(b.C[k]));
            }
            b.AddAdjoint(ArrayMath.Scaled(state.Y, yScale), rd);
            rd2 += ConeBlock.Dot(rd, rd);
            minX = Math.Min(minX, b.MinEigenvalue(x, kernels));
            minZ = Math.Min(minZ, b.MinEigenvalue(z, kernels));
        }
        double rp2 = 0, amax = 0;
        for (int i = 0; i < m; i++)
        {
            double r = ax[i] - model.Rhs[i];
            rp2 += r * r;
            amax = Math.Max(amax, Math.Abs(model.Rhs[i]));
            dobj += model.Rhs[i] * yScale * state.Y[i];
        }
        double denom = 1 + Math.Abs(pobj) + Math.Abs(dobj);
        return new DimacsErrors(
            Math.Sqrt(rp2) / (1 + amax),
            Math.Max(0, -minX) / (1 + amax),
            Math.Sqrt(rd2) / (1 + cmax),
            Math.Max(0, -minZ) / (1 + cmax),
            (pobj - dobj) / denom,
            xz / denom);
    }
}
