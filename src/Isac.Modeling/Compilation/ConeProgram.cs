using Isac.Modeling.Expressions;

namespace Isac.Modeling.Compilation;

/// <summary>
/// The canonical model min cᵀx + c₀ s.t. g_k(x) ∈ K_k over N real scalars x, before it is put on
/// one side of the conic duality. PSD variables carry their own cone (not listed in <see cref="Cones"/>).
/// </summary>
internal sealed class ConeProgram
{
    public ConeProgram(int scalarCount, IReadOnlyList<Variable> psdVariables, IReadOnlyList<ConeConstraint> cones, RealRows objective)
    {
        ScalarCount = scalarCount;
        Cones = cones;
        Objective = objective;
        Used = new bool[scalarCount];
        foreach (var cone in cones)
        {
            MarkUsed(cone.Rows);
        }
        MarkUsed(objective);
        // A PSD variable that appears at all is used whole: its cone involves every scalar.
        PsdVariables = psdVariables.Where(v => Enumerable.Range(v.Offset, v.ScalarCount).Any(p => Used[p])).ToArray();
        foreach (var v in PsdVariables)
        {
            Array.Fill(Used, true, v.Offset, v.ScalarCount);
        }
        UsedCount = Used.Count(u => u);
    }

    public int ScalarCount { get; }

    /// <summary>The PSD variables that appear in the model.</summary>
    public IReadOnlyList<Variable> PsdVariables { get; }

    public IReadOnlyList<ConeConstraint> Cones { get; }

    /// <summary>One row: the objective cᵀx + c₀ of the minimisation.</summary>
    public RealRows Objective { get; }

    /// <summary>Which scalars appear in a row or the objective.</summary>
    public bool[] Used { get; }

    public int UsedCount { get; }

    /// <summary>m on the cone-variable side: one row per cone row, less one per free scalar (a used
    /// scalar of no PSD variable) that appears in a row, which is eliminated through it.</summary>
    public int ConeVariableSideRows
    {
        get
        {
            int rows = Cones.Sum(c => c.Rows.Count);
            var psd = new bool[ScalarCount];
            foreach (var v in PsdVariables)
            {
                Array.Fill(psd, true, v.Offset, v.ScalarCount);
            }
            var inRow = new bool[ScalarCount];
            foreach (var c in Cones)
            {
                foreach (int p in c.Rows.Param)
                {
                    inRow[p] = true;
                }
            }
            int free = Enumerable.Range(0, ScalarCount).Count(p => inRow[p] && !psd[p]);
            return rows - Math.Min(free, Math.Min(rows - 1, LinearElimination.MaxPivots));
        }
    }

    /// <summary>m on the free-scalar side: one per used scalar, less one per equality row it
    /// substitutes away (assuming they are independent).</summary>
    public int FreeScalarSideRows
    {
        get
        {
            int equalities = Cones.Where(c => c.Type == ConeType.Zero).Sum(c => c.Rows.Count);
            return UsedCount - (equalities <= LinearElimination.MaxPivots ? equalities : 0);
        }
    }

    private void MarkUsed(RealRows rows)
    {
        foreach (int p in rows.Param)
        {
            Used[p] = true;
        }
    }
}
