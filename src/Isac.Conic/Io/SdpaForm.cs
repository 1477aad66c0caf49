using Isac.Conic.Problem;

namespace Isac.Conic.Io;

/// <summary>
/// Rewrites second-order-cone blocks as PSD blocks (arrow matrices) and free blocks as LP pairs, so
/// that a problem has only the PSD and LP blocks the SDPA format holds, with the same optimal value on
/// both sides of the duality; and maps a solution of the rewritten problem back to the original blocks.
/// </summary>
/// <remarks>
/// <para>A second-order cone block x ∈ ℝᵈ becomes a PSD block P of order d, every data vector a on it
/// the arrow matrix Arrow(a) = [[a₀, āᵀ], [ā, a₀I]]: ⟨Arrow(a), P⟩ = aᵀx with x = Arrow*(P) =
/// (tr P, 2P₁:,₀), and Arrow* maps the PSD cone onto the second-order cone; on the other side
/// C − Σ y_i A_i is in the second-order cone exactly when its arrow matrix is ⪰ 0 (then Z = Arrow(z),
/// z = (Z₀₀, Z₁:,₀)).</para>
/// <para>A free block x ∈ ℝᵈ becomes the LP block (x⁺, x⁻) of length 2d with data (a, −a): x = x⁺ − x⁻,
/// and the dual equality Σ y_i a_i = c there becomes two opposite inequalities. The solver recognises
/// such pairs when it reads them back and solves them as free variables again.</para>
/// </remarks>
public static class SdpaForm
{
    /// <summary>The problem with only PSD and LP blocks (itself if it has no other kind).</summary>
    public static ConicProblem ToPsdAndLp(ConicProblem problem) => Rewrite(problem).Problem;

    /// <summary>Whether <paramref name="cone"/> has no SDPA form of its own.</summary>
    public static bool NeedsRewrite(Cone cone) => cone.Kind is ConeKind.SecondOrder or ConeKind.Free;

    /// <summary>Rewrites the chosen kinds of block; the result holds the new problem and maps its solutions back.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="secondOrderAsPsd">Write second-order cones as arrow-matrix PSD blocks.</param>
    /// <param name="freeAsPairs">Write free blocks as LP pairs (x⁺, x⁻).</param>
    public static ConeRewrite Rewrite(ConicProblem problem, bool secondOrderAsPsd = true, bool freeAsPairs = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        bool Changes(Cone c) => (c.Kind == ConeKind.SecondOrder && secondOrderAsPsd) || (c.Kind == ConeKind.Free && freeAsPairs);
        var original = problem.Cones;
        var changed = new bool[original.Count];
        bool any = false;
        for (int b = 0; b < changed.Length; b++)
        {
            changed[b] = Changes(original[b]);
            any |= changed[b];
        }
        if (!any)
        {
            return new ConeRewrite(problem, original, changed);
        }
        var cones = new Cone[original.Count];
        for (int b = 0; b < cones.Length; b++)
        {
            var c = original[b];
            cones[b] = !changed[b] ? c : c.Kind == ConeKind.SecondOrder ? Cone.Psd(c.Size) : Cone.Nonnegative(2 * c.Size);
        }
        BlockTerm[] Map(IReadOnlyList<BlockTerm> terms)
        {
            var result = new BlockTerm[terms.Count];
            for (int t = 0; t < result.Length; t++)
            {
                var term = terms[t];
                result[t] = changed[term.Block] ? new BlockTerm(term.Block, RewriteData(term.Matrix, original[term.Block])) : term;
            }
            return result;
        }
        var rows = new ConstraintRow[problem.ConstraintCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new ConstraintRow(problem.Constraints[i].Rhs, Map(problem.Constraints[i].Terms));
        }
        return new ConeRewrite(new ConicProblem(cones, Map(problem.Objective), rows, problem.Sense), original, changed);
    }

    /// <summary>The data vector a of a second-order or free block as Arrow(a) or (a, −a).</summary>
    private static BlockMatrix RewriteData(BlockMatrix matrix, Cone cone)
    {
        int d = cone.Size;
        var vector = new double[d];
        matrix.AddTo(vector, d, isMatrix: false);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        if (cone.Kind == ConeKind.Free)
        {
            for (int k = 0; k < d; k++)
            {
                if (vector[k] != 0)
                {
                    rows.Add(k);
                    vals.Add(vector[k]);
                }
            }
            int count = rows.Count;
            for (int e = 0; e < count; e++)
            {
                rows.Add(d + rows[e]);
                vals.Add(-vals[e]);
            }
            return SparseBlockMatrix.Vector(rows.ToArray(), vals.ToArray());
        }
        for (int k = 0; k < d; k++)
        {
            double v = vector[k];
            if (v == 0)
            {
                continue;
            }
            if (k == 0)
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
        return new SparseBlockMatrix(rows.ToArray(), cols.ToArray(), vals.ToArray());
    }
}

/// <summary>A problem rewritten by <see cref="SdpaForm.Rewrite"/> and the way back for its solutions.</summary>
public sealed class ConeRewrite
{
    private readonly IReadOnlyList<Cone> _original;
    private readonly bool[] _changed;

    internal ConeRewrite(ConicProblem problem, IReadOnlyList<Cone> original, bool[] changed)
    {
        Problem = problem;
        _original = original;
        _changed = changed;
    }

    /// <summary>The rewritten problem.</summary>
    public ConicProblem Problem { get; }

    /// <summary>The solution of <see cref="Problem"/> on the original blocks: x = Arrow*(P) = (tr P, 2P₁:,₀)
    /// and z = (Z₀₀, Z₁:,₀) on second-order cones, x = x⁺ − x⁻ and z = z⁺ on free blocks.</summary>
    public ConicSolution MapBack(ConicSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        if (Array.IndexOf(_changed, true) < 0)
        {
            return solution;
        }
        var x = new double[solution.X.Count][];
        var z = new double[solution.Z.Count][];
        for (int b = 0; b < x.Length; b++)
        {
            x[b] = _changed[b] ? Back(solution.X[b], _original[b], primal: true) : solution.X[b];
            z[b] = _changed[b] ? Back(solution.Z[b], _original[b], primal: false) : solution.Z[b];
        }
        return solution with { X = x, Z = z };
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
}
