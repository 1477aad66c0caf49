using Isac.Conic;
using Isac.Conic.Problem;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Puts a cone program on the cone-variable side: (P) min ⟨C, X⟩ s.t. ⟨A_i, X⟩ = a_i, X ∈ K.
/// Each PSD variable is a PSD block (order 2n for Hermitian n×n, through the projection in
/// <see cref="BlockData"/>), the other used scalars one free block; each non-zero cone a slack
/// block s ∈ K (the nonnegative rows share one LP block) with rows g_r(x) − s_r = 0; equalities
/// are rows. m = number of cone rows. The row multipliers y are the μ of the cones.
/// </summary>
internal static class ConeVariableSide
{
    private enum Owner : byte { Unused, Free, Hermitian, Symmetric }

    public static SideProblem Build(ConeProgram program)
    {
        int n = program.ScalarCount;
        var owner = new Owner[n];
        var block = new int[n];
        var local = new int[n];
        var builder = new ConicProblemBuilder(ObjectiveSense.Minimize);
        foreach (var v in program.PsdVariables)
        {
            bool hermitian = v.Kind == VariableKind.Hermitian;
            int b = builder.AddBlock(Cone.Psd(hermitian ? 2 * v.Rows : v.Rows));
            for (int k = 0; k < v.ScalarCount; k++)
            {
                owner[v.Offset + k] = hermitian ? Owner.Hermitian : Owner.Symmetric;
                block[v.Offset + k] = b;
                local[v.Offset + k] = k;
            }
        }
        var free = new List<int>();
        for (int p = 0; p < n; p++)
        {
            if (program.Used[p] && owner[p] == Owner.Unused)
            {
                owner[p] = Owner.Free;
                local[p] = free.Count;
                free.Add(p);
            }
        }
        int freeBlock = free.Count > 0 ? builder.AddBlock(Cone.Free(free.Count)) : -1;
        foreach (int p in free)
        {
            block[p] = freeBlock;
        }
        int lpRows = program.Cones.Where(c => c.Type == ConeType.Nonnegative).Sum(c => c.Rows.Count);
        int lpBlock = lpRows > 0 ? builder.AddBlock(Cone.Nonnegative(lpRows)) : -1;
        var slackBlock = new int[program.Cones.Count];
        var slackOffset = new int[program.Cones.Count];
        int lpUsed = 0;
        for (int k = 0; k < program.Cones.Count; k++)
        {
            var cone = program.Cones[k];
            if (cone.Rows.Count == 0)
            {
                continue;
            }
            switch (cone.Type)
            {
                case ConeType.Nonnegative:
                    slackBlock[k] = lpBlock;
                    slackOffset[k] = lpUsed;
                    lpUsed += cone.Rows.Count;
                    break;
                case ConeType.SecondOrder:
                    slackBlock[k] = builder.AddBlock(Cone.SecondOrder(cone.Rows.Count));
                    break;
                case ConeType.Psd:
                case ConeType.HermitianPsd:
                    slackBlock[k] = builder.AddBlock(Cone.Psd(cone.BlockOrder));
                    break;
            }
        }

        var variables = program.PsdVariables;
        int lowRank = 0;
        // The terms of one row (or the objective) on the variable blocks.
        void AddTerms(RealRows rows, int r, Action<int, BlockMatrix> add)
        {
            var ps = rows.Params(r);
            var vs = rows.Values(r);
            var freeIdx = new List<int>();
            var freeVal = new List<double>();
            int k = 0;
            while (k < ps.Length)
            {
                int p = ps[k];
                if (owner[p] == Owner.Free)
                {
                    freeIdx.Add(local[p]);
                    freeVal.Add(vs[k]);
                    k++;
                    continue;
                }
                // A run of terms on one PSD variable (its scalars are contiguous and the row is sorted).
                int b = block[p], start = k;
                var localIdx = new List<int>();
                while (k < ps.Length && owner[ps[k]] is Owner.Hermitian or Owner.Symmetric && block[ps[k]] == b)
                {
                    localIdx.Add(local[ps[k]]);
                    k++;
                }
                var variable = variables.First(v => p >= v.Offset && p < v.Offset + v.ScalarCount);
                var values = vs.Slice(start, k - start);
                var matrix = owner[p] == Owner.Hermitian
                    ? BlockData.Hermitian(variable.Rows, localIdx.ToArray(), values, out bool lr)
                    : BlockData.Symmetric(variable.Rows, localIdx.ToArray(), values, out lr);
                lowRank += lr ? 1 : 0;
                add(b, matrix);
            }
            if (freeIdx.Count > 0)
            {
                add(freeBlock, SparseBlockMatrix.Vector(freeIdx.ToArray(), freeVal.ToArray()));
            }
        }

        if (program.Objective.TermCount(0) > 0)
        {
            AddTerms(program.Objective, 0, (b, m) => builder.AddObjective(b, m));
        }
        var rowStart = new int[program.Cones.Count];
        for (int k = 0; k < program.Cones.Count; k++)
        {
            var cone = program.Cones[k];
            rowStart[k] = builder.RowCount;
            var hermitian = cone.Type == ConeType.HermitianPsd ? MatrixLayouts.HermitianEntries(cone.Order) : null;
            var symmetric = cone.Type == ConeType.Psd ? MatrixLayouts.SymmetricEntries(cone.Order) : null;
            for (int r = 0; r < cone.Rows.Count; r++)
            {
                int row = builder.AddConstraint(-cone.Rows.Constant[r]);
                AddTerms(cone.Rows, r, (b, m) => builder.AddTerm(row, b, m));
                if (cone.Type != ConeType.Zero)
                {
                    builder.AddTerm(row, slackBlock[k], Slack(cone, r, slackOffset[k], symmetric, hermitian));
                }
            }
        }

        var problem = builder.Build();
        return new SideProblem
        {
            Problem = problem,
            Side = FormulationSide.ConeVariables,
            LowRankTerms = lowRank,
            ObjectiveConstant = program.Objective.Constant[0],
            Scalars = s => Scalars(s, program, variables, free, freeBlock, block),
            Multipliers = (s, k) => s.Y.AsSpan(rowStart[k], program.Cones[k].Rows.Count).ToArray(),
        };
    }

    /// <summary>−s_r: the slack entry of row r, with the sign that makes the row g_r(x) − s_r.</summary>
    private static BlockMatrix Slack(ConeConstraint cone, int r, int offset, (int I, int J)[]? symmetric, (int I, int J, int Part)[]? hermitian)
    {
        int n = cone.Order;
        switch (cone.Type)
        {
            case ConeType.Nonnegative:
                return SparseBlockMatrix.Vector([offset + r], [-1.0]);
            case ConeType.SecondOrder:
                return SparseBlockMatrix.Vector([r], [-1.0]);
            case ConeType.Psd:
            {
                var (i, j) = symmetric![r];
                return SparseBlockMatrix.Entry(i, j, i == j ? -1.0 : -0.5);
            }
            default:
            {
                // The Hermitian slack is the projection of its 2n×2n block (see BlockData).
                var (i, j, part) = hermitian![r];
                if (i == j)
                {
                    return new SparseBlockMatrix([i, n + i], [i, n + i], [-0.5, -0.5]);
                }
                return part == 0
                    ? new SparseBlockMatrix([i, n + i], [j, n + j], [-0.25, -0.25])
                    : new SparseBlockMatrix([j, i], [n + i, n + j], [-0.25, 0.25]);
            }
        }
    }

    private static double[] Scalars(ConicSolution s, ConeProgram program, IReadOnlyList<Variable> variables, List<int> free, int freeBlock, int[] block)
    {
        var x = new double[program.ScalarCount];
        for (int k = 0; k < free.Count; k++)
        {
            x[free[k]] = s.X[freeBlock][k];
        }
        foreach (var v in variables)
        {
            var y = s.X[block[v.Offset]];
            int n = v.Rows;
            if (v.Kind == VariableKind.Symmetric)
            {
                var entries = MatrixLayouts.SymmetricEntries(n);
                for (int k = 0; k < entries.Length; k++)
                {
                    x[v.Offset + k] = y[entries[k].I * n + entries[k].J];
                }
                continue;
            }
            int m = 2 * n;
            var her = MatrixLayouts.HermitianEntries(n);
            for (int k = 0; k < her.Length; k++)
            {
                var (i, j, part) = her[k];
                x[v.Offset + k] = part == 0
                    ? 0.5 * (y[i * m + j] + y[(n + i) * m + n + j])
                    : 0.5 * (y[(n + i) * m + j] - y[i * m + n + j]);
            }
        }
        return x;
    }
}
