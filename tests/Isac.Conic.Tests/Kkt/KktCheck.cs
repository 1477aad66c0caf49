using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Kkt;

/// <summary>
/// Independent KKT check of a solution on the problem as given (not the solver's own measures):
/// primal residual ‖A(X) − a‖/(1+‖a‖), dual residual ‖Z − s(Σ y_i A_i − C)‖/(1+‖C‖) with s = ±1 by
/// sense, cone membership of X and Z (by eigenvalues computed with MathNet), and the gap
/// |⟨C,X⟩ − aᵀy| / (1 + |⟨C,X⟩| + |aᵀy|).
/// </summary>
public static class KktCheck
{
    public sealed record Residuals(double Primal, double Dual, double PrimalCone, double DualCone, double Gap)
    {
        public double Max => new[] { Primal, Dual, PrimalCone, DualCone, Gap }.Max();
    }

    public static Residuals Of(ConicProblem p, ConicSolution s)
    {
        double sign = p.Sense == ObjectiveSense.Maximize ? 1 : -1;
        int m = p.ConstraintCount;
        double rp2 = 0, a2 = 0;
        for (int i = 0; i < m; i++)
        {
            double ax = 0;
            foreach (var (b, mat) in p.Constraints[i].Terms)
            {
                ax += mat.Dot(s.X[b], p.Cones[b].Size, p.Cones[b].IsMatrix);
            }
            double r = ax - p.Constraints[i].Rhs;
            rp2 += r * r;
            a2 += p.Constraints[i].Rhs * p.Constraints[i].Rhs;
        }
        double rd2 = 0, c2 = 0, cx = 0, minX = double.PositiveInfinity, minZ = double.PositiveInfinity;
        for (int b = 0; b < p.Cones.Count; b++)
        {
            var cone = p.Cones[b];
            var c = new double[cone.StoredLength];
            foreach (var t in p.Objective.Where(t => t.Block == b))
            {
                t.Matrix.AddTo(c, cone.Size, cone.IsMatrix);
            }
            cx += Dot(c, s.X[b]);
            c2 += Dot(c, c);
            // Z − s(Σ y_i A_i − C): for min, Z = C − Σ y'_i A_i with y' the reported y.
            var r = new double[cone.StoredLength];
            for (int k = 0; k < r.Length; k++)
            {
                r[k] = s.Z[b][k] + sign * c[k];
            }
            for (int i = 0; i < m; i++)
            {
                foreach (var t in p.Constraints[i].Terms.Where(t => t.Block == b))
                {
                    t.Matrix.AddTo(r, cone.Size, cone.IsMatrix, -sign * s.Y[i]);
                }
            }
            rd2 += Dot(r, r);
            minX = Math.Min(minX, MinEigen(cone, s.X[b]));
            if (cone.Kind != ConeKind.Free)
            {
                minZ = Math.Min(minZ, MinEigen(cone, s.Z[b]));
            }
        }
        double ay = 0;
        for (int i = 0; i < m; i++)
        {
            ay += p.Constraints[i].Rhs * s.Y[i];
        }
        return new Residuals(
            Math.Sqrt(rp2) / (1 + Math.Sqrt(a2)),
            Math.Sqrt(rd2) / (1 + Math.Sqrt(c2)),
            Math.Max(0, -minX),
            Math.Max(0, -minZ),
            Math.Abs(cx - ay) / (1 + Math.Abs(cx) + Math.Abs(ay)));
    }

    public static double MinEigen(Cone cone, double[] v) => cone.Kind switch
    {
        ConeKind.PositiveSemidefinite => MathNet.Numerics.LinearAlgebra.Matrix<double>.Build
            .Dense(cone.Size, cone.Size, (i, j) => v[i * cone.Size + j]).Evd().EigenValues.Min(e => e.Real),
        ConeKind.Nonnegative => v.Min(),
        ConeKind.SecondOrder => v[0] - Math.Sqrt(v.Skip(1).Sum(x => x * x)),
        _ => double.PositiveInfinity,
    };

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }
        return s;
    }
}
