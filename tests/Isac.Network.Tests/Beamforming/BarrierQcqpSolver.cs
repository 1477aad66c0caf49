using MathNet.Numerics.LinearAlgebra;

namespace Isac.Network.Tests.Beamforming;

/// <summary>
/// An independent, generic reference solver for convex quadratically constrained quadratic
/// programs in real variables: minimise f_0(x) s.t. f_i(x) ≤ 0, f_i(x) = xᵀP_ix + q_iᵀx + r_i with
/// P_i ⪰ 0, by the log-barrier method (Boyd and Vandenberghe, §11.3) with damped Newton steps.
/// It shares no code with the beamformers; tests use it as the "generic convex solver".
/// </summary>
public sealed class BarrierQcqpSolver
{
    public sealed record Quadratic(Matrix<double> P, Vector<double> Q, double R)
    {
        public double Value(Vector<double> x) => x * (P * x) + Q * x + R;
        public Vector<double> Gradient(Vector<double> x) => 2 * (P * x) + Q;
    }

    /// <summary>Solves from a strictly feasible start; returns x with duality gap m/t below <paramref name="gap"/>.</summary>
    public static Vector<double> Solve(Quadratic objective, IReadOnlyList<Quadratic> constraints, Vector<double> start, double gap = 1e-10)
    {
        var x = start.Clone();
        foreach (var c in constraints)
            if (c.Value(x) >= 0) throw new ArgumentException("the start is not strictly feasible");
        double t = 1;
        int m = constraints.Count;
        // Scale t to the objective so the first centring is well conditioned.
        t = Math.Max(1, m / Math.Max(1e-12, Math.Abs(objective.Value(x))));
        while (m / t > gap)
        {
            for (int newton = 0; newton < 200; newton++)
            {
                var g = t * objective.Gradient(x);
                var h = 2 * t * objective.P;
                foreach (var c in constraints)
                {
                    double f = c.Value(x);
                    var gc = c.Gradient(x);
                    g += gc / -f;
                    h += gc.OuterProduct(gc) / (f * f) + 2 * c.P / -f;
                }
                var dx = -h.Solve(g);
                double decrement = -(g * dx);
                if (decrement / 2 <= 1e-14) break;
                double step = 1;
                double phi0 = Barrier(objective, constraints, x, t);
                while (true)
                {
                    var trial = x + step * dx;
                    if (constraints.All(c => c.Value(trial) < 0) && Barrier(objective, constraints, trial, t) <= phi0 - 0.25 * step * decrement) break;
                    step *= 0.5;
                    if (step < 1e-16) break;
                }
                x += step * dx;
            }
            t *= 10;
        }
        return x;
    }

    private static double Barrier(Quadratic objective, IReadOnlyList<Quadratic> constraints, Vector<double> x, double t) =>
        t * objective.Value(x) - constraints.Sum(c => Math.Log(-c.Value(x)));
}
