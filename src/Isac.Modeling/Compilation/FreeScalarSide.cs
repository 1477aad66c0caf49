using Isac.Conic;
using Isac.Conic.Problem;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Puts a cone program on the free-scalar side: (D) max aᵀy s.t. C − Σ_i y_i A_i = Z ∈ K with
/// y the model's used real scalars and a = −c, so that each block of Z is one constraint g_k(y):
/// C_k its constant, −A_ik its coefficient on y_i. Equalities share one free block (Z = 0 there),
/// nonnegative rows one LP block; each second-order cone, LMI and PSD variable is a block of its
/// own, a Hermitian n×n one as the 2n×2n embedding [[Re G, −Im G], [Im G, Re G]]. m = number of
/// scalars. The primal X of each block holds the multipliers of its constraint.
/// </summary>
internal static class FreeScalarSide
{
    private readonly record struct Position(int I, int J, double Factor);

    public static SideProblem Build(ConeProgram program)
    {
        int n = program.ScalarCount;
        var cones = new List<ConeConstraint>();
        foreach (var v in program.PsdVariables)
        {
            cones.Add(Domain(v));
        }
        int firstModelCone = cones.Count;
        cones.AddRange(program.Cones);
        // Equalities are substituted away (no free block; m shrinks by their number).
        var original = cones.ToArray();
        var equalities = new List<(RealRows Rows, int Row)>();
        var equalityOf = new List<(int Cone, int Row)>();
        for (int k = 0; k < original.Length; k++)
        {
            if (original[k].Type == ConeType.Zero)
            {
                for (int r = 0; r < original[k].Rows.Count; r++)
                {
                    equalities.Add((original[k].Rows, r));
                    equalityOf.Add((k, r));
                }
            }
        }
        LinearElimination? elimination = null;
        var objective = program.Objective;
        // (Not when nothing else would be left: the solver needs a block.)
        bool otherCones = original.Any(c => c.Type != ConeType.Zero && c.Rows.Count > 0);
        if (otherCones && equalities.Count > 0 && equalities.Count <= LinearElimination.MaxPivots)
        {
            var appearances = new int[n];
            foreach (var c in original)
            {
                foreach (int p in c.Rows.Param)
                {
                    appearances[p]++;
                }
            }
            elimination = new LinearElimination(equalities, n, _ => true, appearances);
            var compactor = new RowCompactor();
            cones = original.Select(c => c.Type == ConeType.Zero
                ? new ConeConstraint(ConeType.Zero, 0, new RealRows([0], [], [], []))
                : new ConeConstraint(c.Type, c.Order, elimination.SubstituteAll(c.Rows, compactor), c.DomainOf)).ToList();
            objective = elimination.SubstituteAll(program.Objective, compactor);
        }
        var used = new bool[n];
        foreach (var c in cones)
        {
            foreach (int p in c.Rows.Param)
            {
                used[p] = true;
            }
        }
        foreach (int p in objective.Param)
        {
            used[p] = true;
        }
        var yOf = new int[n];
        var scalars = new List<int>();
        for (int p = 0; p < n; p++)
        {
            yOf[p] = used[p] ? scalars.Count : -1;
            if (used[p])
            {
                scalars.Add(p);
            }
        }
        // Blocks in a fixed order so that each y's entries arrive sorted by block.
        var builder = new ConicProblemBuilder(ObjectiveSense.Minimize);
        var coneBlock = new int[cones.Count];
        var coneOffset = new int[cones.Count];
        var order = new List<int>();
        for (int k = 0; k < firstModelCone; k++)
        {
            coneBlock[k] = builder.AddBlock(Cone.Psd(cones[k].BlockOrder));
            order.Add(k);
        }
        foreach (var type in new[] { ConeType.Zero, ConeType.Nonnegative })
        {
            int total = 0, b = -1;
            for (int k = firstModelCone; k < cones.Count; k++)
            {
                if (cones[k].Type == type && cones[k].Rows.Count > 0)
                {
                    if (b < 0)
                    {
                        int size = cones.Skip(firstModelCone).Where(c => c.Type == type).Sum(c => c.Rows.Count);
                        b = builder.AddBlock(type == ConeType.Zero ? Cone.Free(size) : Cone.Nonnegative(size));
                    }
                    coneBlock[k] = b;
                    coneOffset[k] = total;
                    total += cones[k].Rows.Count;
                    order.Add(k);
                }
            }
        }
        for (int k = firstModelCone; k < cones.Count; k++)
        {
            var c = cones[k];
            if (c.Rows.Count > 0 && c.Type is ConeType.SecondOrder or ConeType.Psd or ConeType.HermitianPsd)
            {
                coneBlock[k] = builder.AddBlock(c.Type == ConeType.SecondOrder ? Cone.SecondOrder(c.Rows.Count) : Cone.Psd(c.BlockOrder));
                order.Add(k);
            }
        }

        var entries = new List<(int Block, int I, int J, double V)>[scalars.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = [];
        }
        var constants = new Dictionary<int, (List<int> I, List<int> J, List<double> V)>();
        var positions = new List<Position>();
        foreach (int k in order)
        {
            var cone = cones[k];
            int b = coneBlock[k];
            for (int r = 0; r < cone.Rows.Count; r++)
            {
                positions.Clear();
                Positions(cone, r, coneOffset[k], positions);
                double c0 = cone.Rows.Constant[r];
                if (c0 != 0)
                {
                    if (!constants.TryGetValue(b, out var list))
                    {
                        list = ([], [], []);
                        constants[b] = list;
                    }
                    foreach (var pos in positions)
                    {
                        list.I.Add(pos.I);
                        list.J.Add(pos.J);
                        list.V.Add(pos.Factor * c0);
                    }
                }
                var ps = cone.Rows.Params(r);
                var vs = cone.Rows.Values(r);
                for (int t = 0; t < ps.Length; t++)
                {
                    var list = entries[yOf[ps[t]]];
                    foreach (var pos in positions)
                    {
                        list.Add((b, pos.I, pos.J, -pos.Factor * vs[t]));
                    }
                }
            }
        }
        foreach (var (b, list) in constants.OrderBy(kv => kv.Key))
        {
            builder.AddObjective(b, new SparseBlockMatrix(list.I.ToArray(), list.J.ToArray(), list.V.ToArray()));
        }
        var cost = new double[n];
        for (int t = 0; t < objective.TermCount(0); t++)
        {
            cost[objective.Params(0)[t]] = objective.Values(0)[t];
        }
        for (int i = 0; i < scalars.Count; i++)
        {
            int row = builder.AddVariable(-cost[scalars[i]]);
            var list = entries[i];
            int s = 0;
            while (s < list.Count)
            {
                int b = list[s].Block, e = s;
                while (e < list.Count && list[e].Block == b)
                {
                    e++;
                }
                var rows = new int[e - s];
                var cols = new int[e - s];
                var vals = new double[e - s];
                for (int t = s; t < e; t++)
                {
                    rows[t - s] = list[t].I;
                    cols[t - s] = list[t].J;
                    vals[t - s] = list[t].V;
                }
                builder.AddTerm(row, b, new SparseBlockMatrix(rows, cols, vals));
                s = e;
            }
        }

        var problem = builder.Build();
        double[] ConeMultipliers(ConicSolution sol, int k) => Multipliers(sol, cones[k], coneBlock[k], coneOffset[k], problem);
        ConicSolution? cachedFor = null;
        double[][]? equalityMultipliers = null;
        return new SideProblem
        {
            Problem = problem,
            Side = FormulationSide.FreeScalars,
            LowRankTerms = 0,
            ObjectiveConstant = objective.Constant[0],
            Scalars = sol =>
            {
                var x = new double[n];
                for (int i = 0; i < scalars.Count; i++)
                {
                    x[scalars[i]] = sol.Y[i];
                }
                elimination?.Recover(x);
                return x;
            },
            Multipliers = (sol, k) =>
            {
                int index = firstModelCone + k;
                if (elimination is null || program.Cones[k].Type != ConeType.Zero)
                {
                    return ConeMultipliers(sol, index);
                }
                if (!ReferenceEquals(cachedFor, sol))
                {
                    // Stationarity at the pivots: c_p minus the other cones' multipliers on x_p.
                    var rhs = new double[elimination.Pivots.Count];
                    var pivotIndex = elimination.Pivots.Select((p, j) => (p, j)).ToDictionary(t => t.p, t => t.j);
                    for (int t = 0; t < program.Objective.TermCount(0); t++)
                    {
                        if (pivotIndex.TryGetValue(program.Objective.Params(0)[t], out int j))
                        {
                            rhs[j] += program.Objective.Values(0)[t];
                        }
                    }
                    for (int j = 0; j < original.Length; j++)
                    {
                        if (original[j].Type != ConeType.Zero && original[j].Rows.Count > 0)
                        {
                            var mu = ConeMultipliers(sol, j);
                            for (int r = 0; r < mu.Length; r++)
                            {
                                elimination.SubtractRow(rhs, original[j].Rows, r, mu[r]);
                            }
                        }
                    }
                    var y = elimination.PivotRowMultipliers(rhs);
                    equalityMultipliers = original.Select(c => c.Type == ConeType.Zero ? new double[c.Rows.Count] : []).ToArray();
                    for (int i = 0; i < y.Length; i++)
                    {
                        var (cone, row) = equalityOf[elimination.PivotRows[i]];
                        equalityMultipliers[cone][row] = y[i];
                    }
                    cachedFor = sol;
                }
                return equalityMultipliers![index];
            },
        };
    }

    /// <summary>The PSD variable's own cone as rows g_k(x) = x_{offset+k}.</summary>
    private static ConeConstraint Domain(Variable v)
    {
        int count = v.ScalarCount;
        var start = new int[count + 1];
        var param = new int[count];
        var value = new double[count];
        for (int k = 0; k < count; k++)
        {
            start[k + 1] = k + 1;
            param[k] = v.Offset + k;
            value[k] = 1;
        }
        var rows = new RealRows(start, param, value, new double[count]);
        return new ConeConstraint(v.Kind == VariableKind.Hermitian ? ConeType.HermitianPsd : ConeType.Psd, v.Rows, rows, v);
    }

    /// <summary>Where row r of a cone sits in its block, with the factor it enters with (upper-triangle positions).</summary>
    private static void Positions(ConeConstraint cone, int r, int offset, List<Position> into)
    {
        int n = cone.Order;
        switch (cone.Type)
        {
            case ConeType.Psd:
            {
                var (i, j) = MatrixLayouts.SymmetricEntries(n)[r];
                into.Add(new Position(i, j, 1));
                break;
            }
            case ConeType.HermitianPsd:
            {
                var (i, j, part) = MatrixLayouts.HermitianEntries(n)[r];
                if (part == 0)
                {
                    into.Add(new Position(i, j, 1));
                    into.Add(new Position(n + i, n + j, 1));
                }
                else
                {
                    // emb(G)[n+i, j] = Im G_ij is stored at (j, n+i); emb(G)[i, n+j] = −Im G_ij.
                    into.Add(new Position(j, n + i, 1));
                    into.Add(new Position(i, n + j, -1));
                }
                break;
            }
            default:
                into.Add(new Position(offset + r, offset + r, 1));
                break;
        }
    }

    private static double[] Multipliers(ConicSolution sol, ConeConstraint cone, int block, int offset, ConicProblem problem)
    {
        var mu = new double[cone.Rows.Count];
        if (mu.Length == 0)
        {
            return mu;
        }
        var x = sol.X[block];
        var positions = new List<Position>();
        int size = problem.Cones[block].Size;
        bool matrix = problem.Cones[block].IsMatrix;
        for (int r = 0; r < mu.Length; r++)
        {
            positions.Clear();
            Positions(cone, r, offset, positions);
            double m = 0;
            foreach (var (i, j, f) in positions)
            {
                m += !matrix ? f * x[i] : i == j ? f * x[i * size + i] : f * (x[i * size + j] + x[j * size + i]);
            }
            mu[r] = m;
        }
        return mu;
    }
}
