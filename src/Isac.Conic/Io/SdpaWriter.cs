using System.Globalization;
using Isac.Conic.Problem;

namespace Isac.Conic.Io;

/// <summary>
/// Writes a <see cref="ConicProblem"/> in the SDPA sparse format, as CSDP reads it (max ⟨F₀,X⟩):
/// a minimisation is written with F₀ = −C. Numbers use the shortest round-trip form, so reading the
/// file back gives the same entries exactly. Only PSD and LP blocks exist in the format: second-order
/// cones are written as arrow-matrix PSD blocks and free blocks as LP pairs (x⁺, x⁻)
/// (<see cref="SdpaForm"/>), which keeps the optimal value, and a comment line at the top of the file
/// names each such block.
/// </summary>
public static class SdpaWriter
{
    /// <summary>Writes to a file.</summary>
    public static void WriteFile(ConicProblem problem, string path)
    {
        using var w = new StreamWriter(path);
        Write(problem, w);
    }

    /// <summary>Writes SDPA text (second-order and free blocks rewritten as <see cref="SdpaForm"/> does).</summary>
    public static void Write(ConicProblem problem, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(w);
        var inv = CultureInfo.InvariantCulture;
        // Comments go before the counts, where CSDP and SDPA skip them.
        for (int b = 0; b < problem.Cones.Count; b++)
        {
            var cone = problem.Cones[b];
            if (cone.Kind == ConeKind.SecondOrder)
            {
                w.WriteLine($"* block {b + 1}: second-order cone of length {cone.Size}, written as the arrow matrix [[x0, x'], [x, x0 I]] >= 0");
            }
            else if (cone.Kind == ConeKind.Free)
            {
                w.WriteLine($"* block {b + 1}: {cone.Size} free variables, written as LP pairs x = x+ - x- (entries 1..{cone.Size} and {cone.Size + 1}..{2 * cone.Size})");
            }
        }
        problem = SdpaForm.ToPsdAndLp(problem);
        w.WriteLine($"{problem.ConstraintCount} = mDIM");
        w.WriteLine($"{problem.Cones.Count} = nBLOCK");
        w.WriteLine(string.Join(" ", problem.Cones.Select(c => (c.IsMatrix ? c.Size : -c.Size).ToString(inv))));
        w.WriteLine(string.Join(" ", problem.Constraints.Select(r => r.Rhs.ToString("R", inv))));
        double objectiveSign = problem.Sense == ObjectiveSense.Maximize ? 1 : -1;
        WriteMatrix(w, 0, problem.Objective, problem, objectiveSign);
        for (int i = 0; i < problem.ConstraintCount; i++)
        {
            WriteMatrix(w, i + 1, problem.Constraints[i].Terms, problem, 1);
        }
    }

    private static void WriteMatrix(TextWriter w, int index, IReadOnlyList<BlockTerm> terms, ConicProblem problem, double sign)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var group in terms.GroupBy(t => t.Block).OrderBy(g => g.Key))
        {
            var cone = problem.Cones[group.Key];
            var list = group.ToList();
            if (list.Count == 1 && list[0].Matrix is SparseBlockMatrix s)
            {
                // Sparse data are written entry by entry, exactly as given.
                for (int e = 0; e < s.Count; e++)
                {
                    w.WriteLine($"{index} {group.Key + 1} {s.Rows[e] + 1} {s.Columns[e] + 1} {(sign * s.Values[e]).ToString("R", inv)}");
                }
                continue;
            }
            int n = cone.Size;
            var dense = new double[cone.StoredLength];
            foreach (var t in list)
            {
                t.Matrix.AddTo(dense, n, cone.IsMatrix, sign);
            }
            for (int i = 0; i < n; i++)
            {
                for (int j = cone.IsMatrix ? i : i; j < (cone.IsMatrix ? n : i + 1); j++)
                {
                    double v = cone.IsMatrix ? dense[i * n + j] : dense[i];
                    if (v != 0)
                    {
                        w.WriteLine($"{index} {group.Key + 1} {i + 1} {j + 1} {v.ToString("R", inv)}");
                    }
                }
            }
        }
    }
}
