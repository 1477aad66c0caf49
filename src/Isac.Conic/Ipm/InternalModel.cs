using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;
using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>
/// The problem as the interior-point loop sees it: always (P) max ⟨C,X⟩ (C negated for a
/// minimisation), free blocks split into two nonnegative halves (x = x⁺ − x⁻), the data of each
/// (row, block) merged into one representation, and low-rank data recognised.
/// </summary>
internal sealed class InternalModel
{
    private InternalModel(ConicProblem problem, double sign, double[] rhs, ConeBlock[] blocks, int[] userToInternal, int lowRankCount)
    {
        Problem = problem;
        Sign = sign;
        Rhs = rhs;
        Blocks = blocks;
        UserToInternal = userToInternal;
        LowRankCount = lowRankCount;
        RowBlocks = new (int, int)[rhs.Length][];
        var lists = new List<(int, int)>[rhs.Length];
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }
        for (int b = 0; b < blocks.Length; b++)
        {
            for (int l = 0; l < blocks[b].Rows.Length; l++)
            {
                lists[blocks[b].Rows[l]].Add((b, l));
            }
        }
        for (int i = 0; i < rhs.Length; i++)
        {
            RowBlocks[i] = lists[i].ToArray();
        }
    }

    public ConicProblem Problem { get; }

    /// <summary>+1 for a maximisation, −1 for a minimisation (C_internal = Sign·C).</summary>
    public double Sign { get; }

    public double[] Rhs { get; }

    public ConeBlock[] Blocks { get; }

    /// <summary>For each user block, its internal block.</summary>
    public int[] UserToInternal { get; }

    /// <summary>For each row, the (block, local index) pairs it touches.</summary>
    public (int Block, int Local)[][] RowBlocks { get; }

    /// <summary>Number of (row, PSD block) data held in low-rank form.</summary>
    public int LowRankCount { get; }

    public int M => Rhs.Length;

    public int Degree => Blocks.Sum(b => b.Degree);

    public int MaxStored => Blocks.Max(b => b.StoredLength);

    public static InternalModel Build(ConicProblem problem, bool detectLowRank)
    {
        int m = problem.ConstraintCount;
        double sign = problem.Sense == ObjectiveSense.Maximize ? 1.0 : -1.0;
        var rhs = problem.Constraints.Select(r => r.Rhs).ToArray();
        int p = problem.Cones.Count;
        var perBlock = new List<(int Row, BlockMatrix Matrix)>[p];
        for (int b = 0; b < p; b++)
        {
            perBlock[b] = [];
        }
        var rowUsed = new bool[m];
        for (int i = 0; i < m; i++)
        {
            foreach (var (block, matrix) in problem.Constraints[i].Terms)
            {
                perBlock[block].Add((i, matrix));
            }
        }
        var blocks = new ConeBlock[p];
        int lowRank = 0;
        for (int b = 0; b < p; b++)
        {
            var cone = problem.Cones[b];
            var groups = GroupByRow(perBlock[b]);
            var objective = new double[cone.StoredLength];
            foreach (var term in problem.Objective)
            {
                if (term.Block == b)
                {
                    term.Matrix.AddTo(objective, cone.Size, cone.IsMatrix, sign);
                }
            }
            switch (cone.Kind)
            {
                case ConeKind.PositiveSemidefinite:
                {
                    var data = new List<PsdRowData>();
                    var detected = new List<PsdRowData?>();
                    foreach (var g in groups)
                    {
                        var d = MergePsd(g.Key, g.Terms, cone.Size);
                        if (d is not null)
                        {
                            data.Add(d);
                            detected.Add(detectLowRank && d.Kind != PsdDataKind.LowRank ? TryLowRank(d, cone.Size) : null);
                            rowUsed[g.Key] = true;
                        }
                    }
                    // Recognised low rank is used where it pays: when most rows of the block have it. One
                    // dense low-rank row among sparse ones (gpp's e eᵀ) saves nothing, and its (uᵀXu)(uᵀZ⁻¹u)
                    // entries lose digits as u approaches the null space of X.
                    int candidates = detected.Count(d => d is not null);
                    if (candidates > 0 && 2 * candidates >= data.Count)
                    {
                        for (int k = 0; k < data.Count; k++)
                        {
                            data[k] = detected[k] ?? data[k];
                        }
                    }
                    lowRank += data.Count(d => d.Kind == PsdDataKind.LowRank);
                    blocks[b] = new PsdBlock(cone.Size, data.ToArray());
                    break;
                }
                case ConeKind.Free:
                {
                    var data = new List<VectorRowData>();
                    foreach (var g in groups)
                    {
                        var v = MergeVector(g.Key, g.Terms, cone.Size);
                        if (v is not null)
                        {
                            int k = v.Index.Length;
                            var idx = new int[2 * k];
                            var val = new double[2 * k];
                            for (int e = 0; e < k; e++)
                            {
                                idx[e] = v.Index[e];
                                val[e] = v.Value[e];
                                idx[k + e] = cone.Size + v.Index[e];
                                val[k + e] = -v.Value[e];
                            }
                            data.Add(new VectorRowData(g.Key, idx, val));
                            rowUsed[g.Key] = true;
                        }
                    }
                    var nb = new NonnegativeBlock(2 * cone.Size, data.ToArray());
                    for (int k = 0; k < cone.Size; k++)
                    {
                        nb.C[k] = objective[k];
                        nb.C[cone.Size + k] = -objective[k];
                    }
                    blocks[b] = nb;
                    continue;
                }
                default:
                {
                    var data = new List<VectorRowData>();
                    foreach (var g in groups)
                    {
                        var v = MergeVector(g.Key, g.Terms, cone.Size);
                        if (v is not null)
                        {
                            data.Add(v);
                            rowUsed[g.Key] = true;
                        }
                    }
                    blocks[b] = cone.Kind == ConeKind.Nonnegative
                        ? new NonnegativeBlock(cone.Size, data.ToArray())
                        : new SecondOrderBlock(cone.Size, data.ToArray());
                    break;
                }
            }
            objective.CopyTo(blocks[b].C, 0);
        }
        for (int i = 0; i < m; i++)
        {
            if (!rowUsed[i])
            {
                throw new ConicInputException($"constraint {i + 1}", "has no nonzero coefficient (A_i = 0)");
            }
        }
        return new InternalModel(problem, sign, rhs, blocks, Enumerable.Range(0, p).ToArray(), lowRank);
    }

    /// <summary>The terms of one row on one block.</summary>
    private sealed record RowTerms(int Key, List<BlockMatrix> Terms);

    /// <summary>Groups (row, matrix) pairs, added in increasing row order, by row.</summary>
    private static List<RowTerms> GroupByRow(List<(int Row, BlockMatrix Matrix)> terms)
    {
        var groups = new List<RowTerms>();
        foreach (var (row, matrix) in terms)
        {
            if (groups.Count == 0 || groups[^1].Key != row)
            {
                groups.Add(new RowTerms(row, []));
            }
            groups[^1].Terms.Add(matrix);
        }
        return groups;
    }

    private static VectorRowData? MergeVector(int row, IEnumerable<BlockMatrix> terms, int n)
    {
        var dense = new double[n];
        foreach (var t in terms)
        {
            t.AddTo(dense, n, isMatrix: false);
        }
        var idx = new List<int>();
        var val = new List<double>();
        for (int k = 0; k < n; k++)
        {
            if (dense[k] != 0)
            {
                idx.Add(k);
                val.Add(dense[k]);
            }
        }
        return idx.Count == 0 ? null : new VectorRowData(row, idx.ToArray(), val.ToArray());
    }

    private static PsdRowData? MergePsd(int row, List<BlockMatrix> terms, int n)
    {
        if (terms.All(t => t is LowRankBlockMatrix))
        {
            var lr = terms.Cast<LowRankBlockMatrix>().ToList();
            var weights = lr.SelectMany(l => l.Weights).ToArray();
            if (weights.Length == 0)
            {
                return null;
            }
            return new PsdRowData
            {
                Row = row, Kind = PsdDataKind.LowRank, Weights = weights,
                Vectors = lr.SelectMany(l => l.Vectors.SelectMany(v => v)).ToArray(),
            };
        }
        if (terms.Count == 1 && terms[0] is SparseBlockMatrix single && !HasRepeats(single))
        {
            // The common case (an SDPA file): one sparse term without repeated positions.
            return single.Values.Any(v => v != 0)
                ? PsdRowData.FromSparse(row, single.Rows, single.Columns, single.Values)
                : null;
        }
        if (terms.All(t => t is SparseBlockMatrix))
        {
            var sum = new Dictionary<(int, int), double>();
            foreach (SparseBlockMatrix s in terms.Cast<SparseBlockMatrix>())
            {
                for (int e = 0; e < s.Count; e++)
                {
                    var key = (s.Rows[e], s.Columns[e]);
                    sum[key] = sum.GetValueOrDefault(key) + s.Values[e];
                }
            }
            var entries = sum.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).ToArray();
            if (entries.Length == 0)
            {
                return null;
            }
            var data = PsdRowData.FromSparse(row, entries.Select(e => e.Key.Item1).ToArray(),
                entries.Select(e => e.Key.Item2).ToArray(), entries.Select(e => e.Value).ToArray());
            return data;
        }
        var dense = new double[n * n];
        foreach (var t in terms)
        {
            t.AddTo(dense, n, isMatrix: true);
        }
        var rows = Enumerable.Range(0, n).Where(i => dense.AsSpan(i * n, n).ContainsAnyExcept(0.0)).ToArray();
        if (rows.Length == 0)
        {
            return null;
        }
        return new PsdRowData { Row = row, Kind = PsdDataKind.Dense, Dense = dense, NonzeroRows = rows };
    }

    /// <summary>Low-rank form of data that are dense on their support and of rank ≤ 4, else null.</summary>
    private static PsdRowData? TryLowRank(PsdRowData d, int n)
    {
        int[] support = d.NonzeroRows;
        int s = support.Length;
        long nnz = d.Kind == PsdDataKind.Dense ? CountNonzeros(d.Dense) : d.FullV.Length;
        if (s < 4 || nnz < (long)s * s / 2)
        {
            return null;
        }
        var sub = new double[s * s];
        var pos = new int[n];
        Array.Fill(pos, -1);
        for (int k = 0; k < s; k++)
        {
            pos[support[k]] = k;
        }
        if (d.Kind == PsdDataKind.Dense)
        {
            for (int a = 0; a < s; a++)
            {
                for (int b = 0; b < s; b++)
                {
                    sub[a * s + b] = d.Dense[support[a] * n + support[b]];
                }
            }
        }
        else
        {
            for (int e = 0; e < d.FullV.Length; e++)
            {
                sub[pos[d.FullP[e]] * s + pos[d.FullQ[e]]] += d.FullV[e];
            }
        }
        var factors = LowRankFactorizer.TryFactor(sub, s, Math.Min(4, s / 3));
        if (factors is not { } f || f.Weights.Length == 0)
        {
            return null;
        }
        var vectors = new double[f.Weights.Length * n];
        for (int k = 0; k < f.Weights.Length; k++)
        {
            for (int a = 0; a < s; a++)
            {
                vectors[k * n + support[a]] = f.Vectors[k * s + a];
            }
        }
        return new PsdRowData { Row = d.Row, Kind = PsdDataKind.LowRank, Weights = f.Weights, Vectors = vectors };
    }

    private static bool HasRepeats(SparseBlockMatrix s)
    {
        var seen = new HashSet<long>(s.Count);
        for (int e = 0; e < s.Count; e++)
        {
            if (!seen.Add(((long)s.Rows[e] << 32) | (uint)s.Columns[e]))
            {
                return true;
            }
        }
        return false;
    }

    private static long CountNonzeros(double[] a)
    {
        long c = 0;
        foreach (double v in a)
        {
            c += v != 0 ? 1 : 0;
        }
        return c;
    }
}
