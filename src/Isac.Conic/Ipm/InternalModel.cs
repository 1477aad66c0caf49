using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;
using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>
/// The problem as the interior-point loop sees it: always (P) max ⟨C,X⟩ (C negated for a
/// minimisation), the data of each (row, block) merged into one representation, low-rank data
/// recognised, and free variables written as LP pairs x⁺ − x⁻ recognised as free.
/// </summary>
internal sealed class InternalModel
{
    private InternalModel(ConicProblem problem, double sign, double[] rhs, ConeBlock[] blocks, UserBlock[] userToInternal, int lowRankCount)
    {
        Problem = problem;
        Sign = sign;
        Rhs = rhs;
        Blocks = blocks;
        UserToInternal = userToInternal;
        LowRankCount = lowRankCount;
        RowBlocks = new (int, int)[rhs.Length][];
        // Count, then fill (arrays rather than lists of tuples: no generic code left for the JIT).
        var counts = new int[rhs.Length];
        foreach (var block in blocks)
        {
            foreach (int row in block.Rows)
            {
                counts[row]++;
            }
        }
        for (int i = 0; i < rhs.Length; i++)
        {
            RowBlocks[i] = new (int, int)[counts[i]];
            counts[i] = 0;
        }
        for (int b = 0; b < blocks.Length; b++)
        {
            for (int l = 0; l < blocks[b].Rows.Length; l++)
            {
                int row = blocks[b].Rows[l];
                RowBlocks[row][counts[row]++] = (b, l);
            }
        }
    }

    public ConicProblem Problem { get; }

    /// <summary>+1 for a maximisation, −1 for a minimisation (C_internal = Sign·C).</summary>
    public double Sign { get; }

    public double[] Rhs { get; }

    public ConeBlock[] Blocks { get; }

    /// <summary>For each user block, where it lives internally.</summary>
    public UserBlock[] UserToInternal { get; }

    /// <summary>For each row, the (block, local index) pairs it touches.</summary>
    public (int Block, int Local)[][] RowBlocks { get; }

    /// <summary>Number of (row, PSD block) data held in low-rank form.</summary>
    public int LowRankCount { get; }

    public int M => Rhs.Length;

    public int Degree
    {
        get
        {
            int d = 0;
            foreach (var b in Blocks)
            {
                d += b.Degree;
            }
            return d;
        }
    }

    public int MaxStored
    {
        get
        {
            int s = 0;
            foreach (var b in Blocks)
            {
                s = Math.Max(s, b.StoredLength);
            }
            return s;
        }
    }

    public static InternalModel Build(ConicProblem problem, bool detectLowRank)
    {
        int m = problem.ConstraintCount;
        double sign = problem.Sense == ObjectiveSense.Maximize ? 1.0 : -1.0;
        var rhs = problem.Constraints.Select(r => r.Rhs).ToArray();
        int p = problem.Cones.Count;
        var perBlock = new List<RowTerm>[p];
        for (int b = 0; b < p; b++)
        {
            perBlock[b] = [];
        }
        var rowUsed = new bool[m];
        for (int i = 0; i < m; i++)
        {
            foreach (var (block, matrix) in problem.Constraints[i].Terms)
            {
                perBlock[block].Add(new RowTerm(i, matrix));
            }
        }
        var blocks = new List<ConeBlock>(p);
        var userBlocks = new UserBlock[p];
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
                    else
                    {
                        // Not adopted for the Schur complement, still used for the direction's products.
                        for (int k = 0; k < data.Count; k++)
                        {
                            if (detected[k] is { } shadow && data[k].Kind == PsdDataKind.Sparse)
                            {
                                data[k].LowRankShadow = shadow;
                            }
                        }
                    }
                    lowRank += data.Count(d => d.Kind == PsdDataKind.LowRank);
                    userBlocks[b] = new UserBlock(blocks.Count);
                    blocks.Add(new PsdBlock(cone.Size, data.ToArray()));
                    break;
                }
                default:
                {
                    var list = new List<VectorRowData>();
                    foreach (var g in groups)
                    {
                        var v = MergeVector(g.Key, g.Terms, cone.Size);
                        if (v is not null)
                        {
                            list.Add(v);
                            rowUsed[g.Key] = true;
                        }
                    }
                    var data = list.ToArray();
                    var split = cone.Kind == ConeKind.Nonnegative ? SplitFreeVariables.Detect(cone.Size, data, objective) : null;
                    if (split is not null)
                    {
                        AddSplitBlock(blocks, cone.Size, data, objective, split, out userBlocks[b]);
                        continue;
                    }
                    userBlocks[b] = new UserBlock(blocks.Count);
                    blocks.Add(cone.Kind switch
                    {
                        ConeKind.Nonnegative => new NonnegativeBlock(cone.Size, data),
                        ConeKind.SecondOrder => new SecondOrderBlock(cone.Size, data),
                        _ => new FreeBlock(cone.Size, data),
                    });
                    break;
                }
            }
            objective.CopyTo(blocks[^1].C, 0);
        }
        for (int i = 0; i < m; i++)
        {
            if (!rowUsed[i])
            {
                throw new ConicInputException($"constraint {i + 1}", "has no nonzero coefficient (A_i = 0)");
            }
        }
        return new InternalModel(problem, sign, rhs, blocks.ToArray(), userBlocks, lowRank);
    }

    /// <summary>An LP block with detected pairs x⁺ − x⁻: its other columns as an LP block (if any) and the pairs as a free block.</summary>
    private static void AddSplitBlock(List<ConeBlock> blocks, int n, VectorRowData[] data, double[] objective,
                                      SplitFreeVariables split, out UserBlock user)
    {
        int lp = -1;
        if (split.Kept.Length > 0)
        {
            lp = blocks.Count;
            var nb = new NonnegativeBlock(split.Kept.Length, SplitFreeVariables.Restrict(data, split.Kept, n));
            for (int t = 0; t < split.Kept.Length; t++)
            {
                nb.C[t] = objective[split.Kept[t]];
            }
            blocks.Add(nb);
        }
        var free = new FreeBlock(split.Plus.Length, SplitFreeVariables.Restrict(data, split.Plus, n));
        for (int t = 0; t < split.Plus.Length; t++)
        {
            free.C[t] = objective[split.Plus[t]];
        }
        user = new UserBlock(lp, split, blocks.Count);
        blocks.Add(free);
    }

    /// <summary>Where a user block lives internally: one internal block, or for an LP block with
    /// pairs x⁺ − x⁻ an LP block of the other columns (−1 if none) and a free block of the pairs.</summary>
    internal sealed record UserBlock(int Internal, SplitFreeVariables? Split = null, int FreeInternal = -1);

    /// <summary>One term of one row on one block.</summary>
    private sealed record RowTerm(int Row, BlockMatrix Matrix);

    /// <summary>The terms of one row on one block.</summary>
    private sealed record RowTerms(int Key, List<BlockMatrix> Terms);

    /// <summary>Groups (row, matrix) pairs, added in increasing row order, by row.</summary>
    private static List<RowTerms> GroupByRow(List<RowTerm> terms)
    {
        var groups = new List<RowTerms>();
        foreach (var term in terms)
        {
            int row = term.Row;
            var matrix = term.Matrix;
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
        if (terms.Count == 1 && terms[0] is SparseBlockMatrix single && (single.DistinctPositions || !HasRepeats(single)))
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
