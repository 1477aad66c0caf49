using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Scheduling;

/// <summary>
/// PFZFG, Algorithm 1: start from the forced (starved) users, then greedily add the user whose
/// addition gives the largest PF-weighted sum rate under zero forcing with equal power, while
/// that sum does not decrease and |S| is below the limit.
/// </summary>
/// <remarks>
/// With ZF beams v_i ∝ H(HᴴH)⁻¹e_i and power P/|S| each, user i's rate is
/// log2(1 + P/(|S|·σ²·[(HᴴH)⁻¹]_ii)); intra-cell interference is zero and inter-cell interference
/// is not known at this stage. The Gram inverse of a tentative set is a bordered update of the
/// current one (Schur complement), O(|S|² + |S|N_t) per candidate. Algorithm 1 writes the initial
/// R′ without PF weights and R with them; both are weighted here so the comparison in line 7 is
/// between like quantities. A candidate whose channel lies in the span of the set (ZF impossible)
/// is skipped.
/// </remarks>
public sealed class PfzfgScheduler : IScheduler
{
    /// <inheritdoc />
    public string Name => "pfzfg";

    /// <inheritdoc />
    public int[] Schedule(SchedulingInput input)
    {
        var h = input.Channels;
        int users = h.Count;
        var set = new List<int>();
        Complex[,] ginv = new Complex[0, 0];
        foreach (int f in input.Forced.Take(input.MaxUsers))
        {
            if (TryExtend(h, set, ginv, f, out var next)) { set.Add(f); ginv = next; }
        }
        double best = WeightedRate(input, set, ginv);
        while (set.Count < Math.Min(input.MaxUsers, users))
        {
            int pick = -1;
            double pickValue = double.NegativeInfinity;
            Complex[,]? pickInv = null;
            for (int c = 0; c < users; c++)
            {
                if (set.Contains(c)) continue;
                if (!TryExtend(h, set, ginv, c, out var next)) continue;
                set.Add(c);
                double value = WeightedRate(input, set, next);
                set.RemoveAt(set.Count - 1);
                if (value > pickValue) { pickValue = value; pick = c; pickInv = next; }
            }
            if (pick < 0 || pickValue < best) break;
            set.Add(pick);
            ginv = pickInv!;
            best = pickValue;
        }
        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    private static double WeightedRate(SchedulingInput input, List<int> set, Complex[,] ginv)
    {
        if (set.Count == 0) return 0;
        double perUser = input.Power / set.Count;
        double s = 0;
        for (int i = 0; i < set.Count; i++)
            s += input.Weights[set[i]] * Math.Log2(1 + perUser / (input.Noise * ginv[i, i].Real));
        return s;
    }

    /// <summary>
    /// The inverse Gram matrix of set ∪ {c} from that of the set: with g = H_Sᴴh_c,
    /// γ = ‖h_c‖² − gᴴG⁻¹g, the bordered inverse is [[G⁻¹ + bbᴴ/γ, −b/γ], [−bᴴ/γ, 1/γ]], b = G⁻¹g.
    /// </summary>
    private static bool TryExtend(IReadOnlyList<Complex[]> h, List<int> set, Complex[,] ginv, int c, out Complex[,] next)
    {
        int k = set.Count;
        var g = new Complex[k];
        for (int i = 0; i < k; i++) g[i] = ComplexVectors.Dot(h[set[i]], h[c]);
        var b = new Complex[k];
        for (int i = 0; i < k; i++)
        {
            Complex t = Complex.Zero;
            for (int j = 0; j < k; j++) t += ginv[i, j] * g[j];
            b[i] = t;
        }
        double norm = ComplexVectors.NormSquared(h[c]);
        double gamma = norm;
        for (int i = 0; i < k; i++) gamma -= (Complex.Conjugate(g[i]) * b[i]).Real;
        if (!(gamma > 1e-9 * norm))
        {
            next = ginv;
            return false;
        }
        next = new Complex[k + 1, k + 1];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) next[i, j] = ginv[i, j] + b[i] * Complex.Conjugate(b[j]) / gamma;
            next[i, k] = -b[i] / gamma;
            next[k, i] = -Complex.Conjugate(b[i]) / gamma;
        }
        next[k, k] = 1 / gamma;
        return true;
    }
}
