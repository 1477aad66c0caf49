using Isac.Conic.Problem;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Rewrites a conic problem with only PSD and LP blocks (what the SDPA format holds), keeping the
/// optimal value on both sides of the duality.
/// </summary>
/// <remarks>
/// A second-order cone block x ∈ ℝᵈ becomes a PSD block P of order d and every data vector a on it
/// the arrow matrix Arrow(a) = [[a₀, āᵀ], [ā, a₀I]]: ⟨Arrow(a), P⟩ = aᵀx with x = Arrow*(P) =
/// (tr P, 2P₁:,₀), which maps the PSD cone onto the second-order cone, and C − Σ y_i A_i ∈ SOC
/// exactly when its arrow matrix is ⪰ 0. A free block x becomes the LP block (x⁺, x⁻) with data
/// (a, −a): x = x⁺ − x⁻, and C − Σ y_i A_i = 0 there as a pair of opposite inequalities.
/// </remarks>
internal static class SdpaExport
{
    public static ConicProblem Convert(ConicProblem problem)
    {
        var cones = problem.Cones.Select(c => c.Kind switch
        {
            ConeKind.SecondOrder => Cone.Psd(c.Size),
            ConeKind.Free => Cone.Nonnegative(2 * c.Size),
            _ => c,
        }).ToArray();
        var objective = problem.Objective.Select(t => Term(t, problem.Cones[t.Block])).ToArray();
        var rows = problem.Constraints
            .Select(r => new ConstraintRow(r.Rhs, r.Terms.Select(t => Term(t, problem.Cones[t.Block])).ToArray()))
            .ToArray();
        return new ConicProblem(cones, objective, rows, problem.Sense);
    }

    private static BlockTerm Term(BlockTerm term, Cone cone)
    {
        if (cone.Kind is not (ConeKind.SecondOrder or ConeKind.Free))
        {
            return term;
        }
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
