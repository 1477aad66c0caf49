using Isac.Conic.LinearAlgebra;
using Isac.Conic.Cones;

namespace Isac.Conic.Ipm;

/// <summary>
/// Finds free variables that a modeller (or an SDPA export, which has no free blocks) wrote as two
/// nonnegative halves x = x⁺ − x⁻ of an LP block: columns k, l whose data are exact negatives in every
/// row and in the objective. Such a pair is one free variable, solved as one (see <see cref="FreeBlock"/>).
/// </summary>
/// <remarks>SDPT3 does the same ("detect_ublk"). The replacement is exact: x⁺ and x⁻ occur only as
/// their difference, so every solution of one problem gives one of the other with the same objective.</remarks>
internal sealed class SplitFreeVariables
{
    private SplitFreeVariables(int[] kept, int[] plus, int[] minus)
    {
        Kept = kept;
        Plus = plus;
        Minus = minus;
    }

    /// <summary>LP columns that stay nonnegative variables, in order.</summary>
    public int[] Kept { get; }

    /// <summary>For each detected free variable, its x⁺ column.</summary>
    public int[] Plus { get; }

    /// <summary>For each detected free variable, its x⁻ column.</summary>
    public int[] Minus { get; }

    /// <summary>The pairs in an LP block of length n with rows <paramref name="data"/> and objective c, or null if none.</summary>
    public static SplitFreeVariables? Detect(int n, VectorRowData[] data, double[] c)
    {
        var rows = new List<int>[n];
        var vals = new List<double>[n];
        for (int k = 0; k < n; k++)
        {
            rows[k] = [];
            vals[k] = [];
        }
        foreach (var d in data)
        {
            for (int e = 0; e < d.Index.Length; e++)
            {
                rows[d.Index[e]].Add(d.Row);
                vals[d.Index[e]].Add(d.Value[e]);
            }
        }
        // Columns keyed by a hash of their pattern with the sign made positive on the first entry.
        var candidates = new Dictionary<long, List<int>>();
        var sign = new int[n];
        for (int k = 0; k < n; k++)
        {
            if (rows[k].Count == 0)
            {
                continue;
            }
            sign[k] = vals[k][0] > 0 ? 1 : -1;
            long h = BitConverter.DoubleToInt64Bits(c[k] * sign[k] + 0.0);   // + 0.0: −0 and 0 alike
            for (int e = 0; e < rows[k].Count; e++)
            {
                h = h * 1_000_003 + rows[k][e];
                h = h * 1_000_033 + BitConverter.DoubleToInt64Bits(sign[k] * vals[k][e]);
            }
            if (!candidates.TryGetValue(h, out var list))
            {
                candidates[h] = list = [];
            }
            list.Add(k);
        }
        var paired = new bool[n];
        var plus = new List<int>();
        var minus = new List<int>();
        foreach (var list in candidates.Values)
        {
            for (int a = 0; a < list.Count; a++)
            {
                int k = list[a];
                if (paired[k] || sign[k] < 0)
                {
                    continue;
                }
                for (int b = 0; b < list.Count; b++)
                {
                    int l = list[b];
                    if (!paired[l] && sign[l] < 0 && AreOpposite(k, l, rows, vals, c))
                    {
                        paired[k] = paired[l] = true;
                        plus.Add(k);
                        minus.Add(l);
                        break;
                    }
                }
            }
        }
        if (plus.Count == 0)
        {
            return null;
        }
        var kept = new List<int>();
        for (int k = 0; k < n; k++)
        {
            if (!paired[k])
            {
                kept.Add(k);
            }
        }
        return new SplitFreeVariables(kept.ToArray(), plus.ToArray(), minus.ToArray());
    }

    private static bool AreOpposite(int k, int l, List<int>[] rows, List<double>[] vals, double[] c)
    {
        if (c[k] != -c[l] || rows[k].Count != rows[l].Count)
        {
            return false;
        }
        for (int e = 0; e < rows[k].Count; e++)
        {
            if (rows[k][e] != rows[l][e] || vals[k][e] != -vals[l][e])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The rows restricted to <paramref name="columns"/> (renumbered 0..), dropping empty rows.</summary>
    public static VectorRowData[] Restrict(VectorRowData[] data, int[] columns, int n)
    {
        var position = new int[n];
        ArrayMath.Fill(position, -1);
        for (int t = 0; t < columns.Length; t++)
        {
            position[columns[t]] = t;
        }
        var result = new List<VectorRowData>();
        foreach (var d in data)
        {
            var idx = new List<int>();
            var val = new List<double>();
            for (int e = 0; e < d.Index.Length; e++)
            {
                if (position[d.Index[e]] >= 0)
                {
                    idx.Add(position[d.Index[e]]);
                    val.Add(d.Value[e]);
                }
            }
            if (idx.Count > 0)
            {
                // Indices must ascend: sort the pairs by their new position.
                var ia = idx.ToArray();
                var va = val.ToArray();
                Array.Sort(ia, va);
                result.Add(new VectorRowData(d.Row, ia, va));
            }
        }
        return result.ToArray();
    }
}
