using Isac.Conic;
using Isac.Conic.Problem;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Puts a cone program on the cone-variable side: (P) min ⟨C, X⟩ s.t. ⟨A_i, X⟩ = a_i, X ∈ K.
/// Each PSD variable is a PSD block (order 2n for Hermitian n×n, through the projection in
/// <see cref="BlockData"/>); each non-zero cone k gets a slack block whose scalars σ_k (its rows'
/// values) are tied by rows g_kr(x) − σ_kr = 0 (the nonnegative rows share one LP block);
/// equalities are rows. The model's other (free) scalars are eliminated through these rows
/// (<see cref="LinearElimination"/>), so no free block reaches the solver unless a free scalar
/// appears in no row; m = number of rows left. The row multipliers y are the μ of the cones.
/// </summary>
internal static class ConeVariableSide
{
    private enum Owner : byte { Unused, Free, Hermitian, Symmetric, Slack }

    public static SideProblem Build(ConeProgram program)
    {
        int n = program.ScalarCount;
        var cones = program.Cones;
        // Extended scalars: the model's [0, n), then one slack scalar per row of each non-zero cone.
        var slackBase = new int[cones.Count];
        int total = n;
        for (int k = 0; k < cones.Count; k++)
        {
            slackBase[k] = total;
            if (cones[k].Type != ConeType.Zero)
            {
                total += cones[k].Rows.Count;
            }
        }
        var owner = new Owner[total];
        var block = new int[total];
        var local = new int[total];
        var builder = new ConicProblemBuilder(ObjectiveSense.Minimize);
        var variables = program.PsdVariables;
        var variableOf = new Variable?[total];
        foreach (var v in variables)
        {
            bool hermitian = v.Kind == VariableKind.Hermitian;
            int b = builder.AddBlock(Cone.Psd(hermitian ? 2 * v.Rows : v.Rows));
            for (int k = 0; k < v.ScalarCount; k++)
            {
                owner[v.Offset + k] = hermitian ? Owner.Hermitian : Owner.Symmetric;
                block[v.Offset + k] = b;
                local[v.Offset + k] = k;
                variableOf[v.Offset + k] = v;
            }
        }
        for (int p = 0; p < n; p++)
        {
            if (program.Used[p] && owner[p] == Owner.Unused)
            {
                owner[p] = Owner.Free;
            }
        }

        // Every row as an equality over the extended scalars: zero-cone rows as they are, the
        // others with −σ_kr appended (slack indices exceed the model's, so rows stay sorted).
        var equalities = new List<(RealRows Rows, int Row)>();
        var equalityOf = new List<(int Cone, int Row)>();
        var extended = new RealRows[cones.Count];
        for (int k = 0; k < cones.Count; k++)
        {
            extended[k] = cones[k].Type == ConeType.Zero ? cones[k].Rows : WithSlack(cones[k].Rows, slackBase[k]);
            for (int r = 0; r < cones[k].Rows.Count; r++)
            {
                equalities.Add((extended[k], r));
                equalityOf.Add((k, r));
            }
        }
        var appearances = new int[total];
        foreach (var (rows, r) in equalities)
        {
            foreach (int p in rows.Params(r))
            {
                appearances[p]++;
            }
        }
        // Keep at least one row: a model of free scalars and equalities only would otherwise leave
        // the solver no block at all (m = 0 itself is fine for the solver).
        var elimination = new LinearElimination(equalities, total, p => owner[p] == Owner.Free, appearances,
                                                Math.Min(LinearElimination.MaxPivots, equalities.Count - 1));
        var compactor = new RowCompactor();
        var kept = elimination.KeptRowsSubstituted(compactor);
        var objective = elimination.SubstituteAll(program.Objective, compactor);

        // Free scalars that survive (in no row with room to pivot): one free block.
        var remaining = new bool[total];
        foreach (int p in kept.Param)
        {
            remaining[p] = true;
        }
        foreach (int p in objective.Param)
        {
            remaining[p] = true;
        }
        var free = new List<int>();
        for (int p = 0; p < n; p++)
        {
            if (owner[p] == Owner.Free && remaining[p] && !elimination.IsPivot(p))
            {
                local[p] = free.Count;
                free.Add(p);
            }
        }
        int freeBlock = free.Count > 0 ? builder.AddBlock(Cone.Free(free.Count)) : -1;
        foreach (int p in free)
        {
            block[p] = freeBlock;
        }
        int lpRows = cones.Where(c => c.Type == ConeType.Nonnegative).Sum(c => c.Rows.Count);
        int lpBlock = lpRows > 0 ? builder.AddBlock(Cone.Nonnegative(lpRows)) : -1;
        var slackBlock = new int[cones.Count];
        var slackOffset = new int[cones.Count];
        int lpUsed = 0;
        for (int k = 0; k < cones.Count; k++)
        {
            var cone = cones[k];
            if (cone.Rows.Count == 0 || cone.Type == ConeType.Zero)
            {
                continue;
            }
            slackBlock[k] = cone.Type switch
            {
                ConeType.Nonnegative => lpBlock,
                ConeType.SecondOrder => builder.AddBlock(Cone.SecondOrder(cone.Rows.Count)),
                _ => builder.AddBlock(Cone.Psd(cone.BlockOrder)),
            };
            if (cone.Type == ConeType.Nonnegative)
            {
                slackOffset[k] = lpUsed;
                lpUsed += cone.Rows.Count;
            }
            for (int r = 0; r < cone.Rows.Count; r++)
            {
                int s = slackBase[k] + r;
                owner[s] = Owner.Slack;
                block[s] = slackBlock[k];
                local[s] = r;
            }
        }
        var slackCone = new int[total - n];
        for (int k = 0; k < cones.Count; k++)
        {
            if (cones[k].Type != ConeType.Zero)
            {
                for (int r = 0; r < cones[k].Rows.Count; r++)
                {
                    slackCone[slackBase[k] - n + r] = k;
                }
            }
        }

        int lowRank = 0;
        var cache = new Dictionary<FactorKey, BlockMatrix>();
        // The terms of one row (or the objective) grouped by block.
        void AddTerms(RealRows rows, int r, Action<int, BlockMatrix> add)
        {
            var ps = rows.Params(r);
            var vs = rows.Values(r);
            var freeIdx = new List<int>();
            var freeVal = new List<double>();
            var slackTerms = new SortedDictionary<int, List<(int Row, double Value)>>();
            int t = 0;
            while (t < ps.Length)
            {
                int p = ps[t];
                switch (owner[p])
                {
                    case Owner.Free:
                        freeIdx.Add(local[p]);
                        freeVal.Add(vs[t]);
                        t++;
                        continue;
                    case Owner.Slack:
                        int k = slackCone[p - n];
                        if (!slackTerms.TryGetValue(k, out var list))
                        {
                            list = [];
                            slackTerms[k] = list;
                        }
                        list.Add((local[p], vs[t]));
                        t++;
                        continue;
                    case Owner.Hermitian:
                    case Owner.Symmetric:
                    {
                        // A run of terms on one PSD variable (its scalars are contiguous and the row is sorted).
                        var variable = variableOf[p]!;
                        int start = t;
                        while (t < ps.Length && ReferenceEquals(variableOf[ps[t]], variable))
                        {
                            t++;
                        }
                        var localIdx = new int[t - start];
                        for (int i = start; i < t; i++)
                        {
                            localIdx[i - start] = local[ps[i]];
                        }
                        var values = vs.Slice(start, t - start);
                        var key = new FactorKey(variable.Rows, owner[p] == Owner.Hermitian, localIdx, values.ToArray());
                        if (!cache.TryGetValue(key, out var matrix))
                        {
                            matrix = owner[p] == Owner.Hermitian
                                ? BlockData.Hermitian(variable.Rows, localIdx, values, out bool lr)
                                : BlockData.Symmetric(variable.Rows, localIdx, values, out lr);
                            cache[key] = matrix;
                        }
                        lowRank += matrix is LowRankBlockMatrix ? 1 : 0;
                        add(block[p], matrix);
                        continue;
                    }
                    default:
                        throw new InvalidOperationException($"scalar {p} has no block");
                }
            }
            if (freeIdx.Count > 0)
            {
                add(freeBlock, SparseBlockMatrix.Vector(freeIdx.ToArray(), freeVal.ToArray()));
            }
            foreach (var (k, list) in slackTerms)
            {
                add(slackBlock[k], SlackData(cones[k], list, slackOffset[k]));
            }
        }

        if (objective.TermCount(0) > 0)
        {
            AddTerms(objective, 0, (b, m) => builder.AddObjective(b, m));
        }
        for (int i = 0; i < kept.Count; i++)
        {
            int row = builder.AddConstraint(-kept.Constant[i]);
            AddTerms(kept, i, (b, m) => builder.AddTerm(row, b, m));
        }
        var problem = builder.Build();

        // Where each cone row's multiplier lives: a kept row's y, or a pivot row's (from stationarity).
        var keptIndex = new Dictionary<int, int>();
        for (int i = 0; i < elimination.KeptRows.Count; i++)
        {
            keptIndex[elimination.KeptRows[i]] = i;
        }
        double[] Extended(ConicSolution s)
        {
            var x = new double[total];
            for (int i = 0; i < free.Count; i++)
            {
                x[free[i]] = s.X[freeBlock][i];
            }
            foreach (var v in variables)
            {
                ReadVariable(s.X[block[v.Offset]], v, x);
            }
            for (int k = 0; k < cones.Count; k++)
            {
                if (cones[k].Type != ConeType.Zero && cones[k].Rows.Count > 0)
                {
                    ReadSlack(s.X[slackBlock[k]], cones[k], slackOffset[k], x.AsSpan(slackBase[k], cones[k].Rows.Count));
                }
            }
            elimination.Recover(x);
            return x;
        }
        ConicSolution? cachedFor = null;
        double[]? rowMultipliers = null;
        double[] RowMultipliers(ConicSolution s)
        {
            if (!ReferenceEquals(cachedFor, s))
            {
                var y = new double[equalities.Count];
                foreach (var (e, i) in keptIndex)
                {
                    y[e] = s.Y[i];
                }
                // Stationarity at each eliminated free scalar: c_u = Σ_rows y_i a_i(u).
                var rhs = new double[elimination.Pivots.Count];
                var pivotIndex = elimination.Pivots.Select((p, j) => (p, j)).ToDictionary(t => t.p, t => t.j);
                for (int t = 0; t < program.Objective.TermCount(0); t++)
                {
                    if (pivotIndex.TryGetValue(program.Objective.Params(0)[t], out int j))
                    {
                        rhs[j] += program.Objective.Values(0)[t];
                    }
                }
                foreach (var (e, i) in keptIndex)
                {
                    elimination.SubtractRow(rhs, equalities[e].Rows, equalities[e].Row, s.Y[i]);
                }
                var pivotY = elimination.PivotRowMultipliers(rhs);
                for (int i = 0; i < pivotY.Length; i++)
                {
                    y[elimination.PivotRows[i]] = pivotY[i];
                }
                rowMultipliers = y;
                cachedFor = s;
            }
            return rowMultipliers!;
        }
        var coneStart = new int[cones.Count];
        for (int e = equalities.Count - 1; e >= 0; e--)
        {
            coneStart[equalityOf[e].Cone] = e;
        }
        return new SideProblem
        {
            Problem = problem,
            Side = FormulationSide.ConeVariables,
            LowRankTerms = lowRank,
            ObjectiveConstant = objective.Constant[0],
            Scalars = s => Extended(s)[..n],
            Multipliers = (s, k) => RowMultipliers(s).AsSpan(coneStart[k], cones[k].Rows.Count).ToArray(),
        };
    }

    /// <summary>The rows with −σ_r appended to row r (σ_r = slack scalar base + r).</summary>
    private static RealRows WithSlack(RealRows rows, int slackBase)
    {
        var start = new int[rows.Count + 1];
        var param = new int[rows.Param.Length + rows.Count];
        var value = new double[param.Length];
        int t = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            start[r] = t;
            foreach (var (p, v) in rows.Params(r).ToArray().Zip(rows.Values(r).ToArray()))
            {
                param[t] = p;
                value[t++] = v;
            }
            param[t] = slackBase + r;
            value[t++] = -1;
        }
        start[rows.Count] = t;
        return new RealRows(start, param, value, rows.Constant);
    }

    /// <summary>Σ_r c_r σ_r on a slack block: ⟨M, S⟩ with σ_r the r-th row value of the cone's slack.</summary>
    private static BlockMatrix SlackData(ConeConstraint cone, List<(int Row, double Value)> terms, int offset)
    {
        int n = cone.Order;
        switch (cone.Type)
        {
            case ConeType.Nonnegative:
                return SparseBlockMatrix.Vector(terms.Select(t => offset + t.Row).ToArray(), terms.Select(t => t.Value).ToArray());
            case ConeType.SecondOrder:
                return SparseBlockMatrix.Vector(terms.Select(t => t.Row).ToArray(), terms.Select(t => t.Value).ToArray());
            case ConeType.Psd:
            {
                var entries = MatrixLayouts.SymmetricEntries(n);
                var rows = new int[terms.Count];
                var cols = new int[terms.Count];
                var vals = new double[terms.Count];
                for (int i = 0; i < terms.Count; i++)
                {
                    var (a, b) = entries[terms[i].Row];
                    rows[i] = a;
                    cols[i] = b;
                    vals[i] = a == b ? terms[i].Value : terms[i].Value / 2;
                }
                return new SparseBlockMatrix(rows, cols, vals);
            }
            default:
            {
                // The Hermitian slack is the projection of its 2n×2n block (see BlockData): the
                // coefficients of its scalars are those of a Hermitian variable of order n.
                return BlockData.Hermitian(n, terms.Select(t => t.Row).ToArray(), terms.Select(t => t.Value).ToArray(), out _);
            }
        }
    }

    private static void ReadVariable(double[] y, Variable v, double[] x)
    {
        int n = v.Rows;
        if (v.Kind == VariableKind.Symmetric)
        {
            var entries = MatrixLayouts.SymmetricEntries(n);
            for (int k = 0; k < entries.Length; k++)
            {
                x[v.Offset + k] = y[entries[k].I * n + entries[k].J];
            }
            return;
        }
        ReadHermitian(y, n, x.AsSpan(v.Offset, v.ScalarCount));
    }

    /// <summary>The Hermitian scalars (layout order) of the projection of a 2n×2n block.</summary>
    private static void ReadHermitian(double[] y, int n, Span<double> into)
    {
        int m = 2 * n;
        var her = MatrixLayouts.HermitianEntries(n);
        for (int k = 0; k < her.Length; k++)
        {
            var (i, j, part) = her[k];
            into[k] = part == 0
                ? 0.5 * (y[i * m + j] + y[(n + i) * m + n + j])
                : 0.5 * (y[(n + i) * m + j] - y[i * m + n + j]);
        }
    }

    private static void ReadSlack(double[] s, ConeConstraint cone, int offset, Span<double> into)
    {
        switch (cone.Type)
        {
            case ConeType.Nonnegative:
                s.AsSpan(offset, into.Length).CopyTo(into);
                break;
            case ConeType.SecondOrder:
                s.AsSpan(0, into.Length).CopyTo(into);
                break;
            case ConeType.Psd:
            {
                var entries = MatrixLayouts.SymmetricEntries(cone.Order);
                for (int k = 0; k < entries.Length; k++)
                {
                    into[k] = s[entries[k].I * cone.Order + entries[k].J];
                }
                break;
            }
            default:
                ReadHermitian(s, cone.Order, into);
                break;
        }
    }

    /// <summary>Identical coefficients on a PSD variable (the same h hᴴ on every interfering covariance) are converted once.</summary>
    private sealed class FactorKey(int order, bool hermitian, int[] local, double[] values) : IEquatable<FactorKey>
    {
        private readonly int _hash = HashCode.Combine(order, hermitian, local.Length, local.Length > 0 ? local[0] : 0, values.Length > 0 ? values[0] : 0, values.Length > 0 ? values[^1] : 0);

        public bool Equals(FactorKey? other) =>
            other is not null && order == other.Order && hermitian == other.Hermitian
            && local.AsSpan().SequenceEqual(other.Local) && values.AsSpan().SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as FactorKey);

        public override int GetHashCode() => _hash;

        private int Order => order;

        private bool Hermitian => hermitian;

        private int[] Local => local;

        private double[] Values => values;
    }
}
