using System.Globalization;
using Isac.Conic.Problem;

namespace Isac.Conic.Io;

/// <summary>
/// Writes a solution in CSDP's solution-file layout: the first line is y; then one line
/// <c>1 block i j value</c> per nonzero upper-triangle entry of Z, then <c>2 block i j value</c> for X
/// (indices from 1; LP blocks as diagonal entries i = i).
/// </summary>
public static class SolutionWriter
{
    /// <summary>Writes to a file.</summary>
    public static void WriteFile(ConicProblem problem, ConicSolution solution, string path)
    {
        using var w = new StreamWriter(path);
        Write(problem, solution, w);
    }

    /// <summary>Writes the solution text.</summary>
    public static void Write(ConicProblem problem, ConicSolution solution, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(w);
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Join(" ", solution.Y.Select(v => v.ToString("R", inv))));
        WriteBlocks(w, 1, problem, solution.Z);
        WriteBlocks(w, 2, problem, solution.X);
    }

    private static void WriteBlocks(TextWriter w, int tag, ConicProblem problem, IReadOnlyList<double[]> values)
    {
        var inv = CultureInfo.InvariantCulture;
        for (int b = 0; b < problem.Cones.Count; b++)
        {
            var cone = problem.Cones[b];
            int n = cone.Size;
            double[] v = values[b];
            for (int i = 0; i < n; i++)
            {
                if (!cone.IsMatrix)
                {
                    if (v[i] != 0)
                    {
                        w.WriteLine($"{tag} {b + 1} {i + 1} {i + 1} {v[i].ToString("R", inv)}");
                    }
                    continue;
                }
                for (int j = i; j < n; j++)
                {
                    if (v[i * n + j] != 0)
                    {
                        w.WriteLine($"{tag} {b + 1} {i + 1} {j + 1} {v[i * n + j].ToString("R", inv)}");
                    }
                }
            }
        }
    }
}
