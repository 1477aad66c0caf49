using Isac.Conic;
using Isac.Conic.Problem;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Rewrites second-order-cone blocks as PSD blocks (arrow matrices) and free blocks as LP blocks,
/// keeping the optimal value on both sides of the duality, and maps a solution of the rewritten
/// problem back to the original blocks. With both rewrites the problem has only PSD and LP
/// blocks, which is what the SDPA format holds.
/// </summary>
/// <remarks>
/// A second-order cone block x ∈ ℝᵈ becomes a PSD block P of order d and every data vector a on it
/// the arrow matrix Arrow(a) = [[a₀, āᵀ], [ā, a₀I]]: ⟨Arrow(a), P⟩ = aᵀx with x = Arrow*(P) =
/// (tr P, 2P₁:,₀), which maps the PSD cone onto the second-order cone, and C − Σ y_i A_i ∈ SOC
/// exactly when its arrow matrix is ⪰ 0 (then Z = Arrow(z) and z = (Z₀₀, Z₁:,₀)). A free block x
/// becomes the LP block (x⁺, x⁻) with data (a, −a): x = x⁺ − x⁻, and C − Σ y_i A_i = 0 there as a
/// pair of opposite inequalities.
/// </remarks>
internal static class SdpaExport
{
    /// <summary>The problem with only PSD and LP blocks.</summary>
    public static ConicProblem Convert(ConicProblem problem) => Rewrite(problem, secondOrderAsPsd: true, freeAsNonnegative: true).Problem;

    /// <summary>Rewrites the chosen block kinds; returns the new problem and the map of its solutions back.</summary>
    public static (ConicProblem Problem, Func<ConicSolution, ConicSolution> MapBack) Rewrite(ConicProblem problem, bool secondOrderAsPsd, bool freeAsNonnegative)
    {
        bool Changes(Cone c) => (c.Kind == ConeKind.SecondOrder && secondOrderAsPsd) || (c.Kind == ConeKind.Free && freeAsNonnegative);
        var original = problem.Cones;
        if (!original.Any(Changes))
        {
            return (problem, s => s);
        }
        var cones = original.Select(c => !Changes(c) ? c : c.Kind == ConeKind.SecondOrder ? Cone.Psd(c.Size) : Cone.Nonnegative(2 * c.Size)).ToArray();
        BlockTerm Map(BlockTerm t) => Changes(original[t.Block]) ? Term(t, original[t.Block]) : t;
        var objective = problem.Objective.Select(Map).ToArray();
        var rows = problem.Constraints.Select(r => new ConstraintRow(r.Rhs, r.Terms.Select(Map).ToArray())).ToArray();
        var rewritten = new ConicProblem(cones, objective, rows, problem.Sense);
        return (rewritten, s => s with
        {
            X = s.X.Select((x, b) => Changes(original[b]) ? Back(x, original[b], primal: true) : x).ToArray(),
            Z = s.Z.Select((z, b) => Changes(original[b]) ? Back(z, original[b], primal: false) : z).ToArray(),
        });
    }

    private static double[] Back(double[] v, Cone cone, bool primal)
    {
        int d = cone.Size;
        var x = new double[d];
        if (cone.Kind == ConeKind.Free)
        {
            for (int k = 0; k < d; k++)
            {
                x[k] = primal ? v[k] - v[d + k] : v[k];
            }
            return x;
        }
        if (primal)
        {
            for (int k = 0; k < d; k++)
            {
                x[0] += v[k * d + k];
            }
            for (int k = 1; k < d; k++)
            {
                x[k] = v[k] + v[k * d];
            }
        }
        else
        {
            for (int k = 0; k < d; k++)
            {
                x[k] = v[k];
            }
        }
        return x;
    }

    private static BlockTerm Term(BlockTerm term, Cone cone)
    {
        int d = cone.Size;
        var vector = new double[d];
        term.Matrix.AddTo(vector, d, isMatrix: false);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int k = 0; k < d; k++)
        {
            double v = vector[k];
            if (v == 0)
            {
                continue;
            }
            if (cone.Kind == ConeKind.Free)
            {
                rows.Add(k);
                vals.Add(v);
                rows.Add(d + k);
                vals.Add(-v);
            }
            else if (k == 0)
            {
                for (int i = 0; i < d; i++)
                {
                    rows.Add(i);
                    cols.Add(i);
                    vals.Add(v);
                }
            }
            else
            {
                rows.Add(0);
                cols.Add(k);
                vals.Add(v);
            }
        }
        var matrix = cone.Kind == ConeKind.Free
            ? SparseBlockMatrix.Vector(rows.ToArray(), vals.ToArray())
            : new SparseBlockMatrix(rows.ToArray(), cols.ToArray(), vals.ToArray());
        return new BlockTerm(term.Block, matrix);
    }
}
