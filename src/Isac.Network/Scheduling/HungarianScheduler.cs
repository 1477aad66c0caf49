using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Scheduling;

/// <summary>
/// "SD-USCB (Hungarian)" of Fig. 8: users are assigned to the BS's N_t orthogonal DFT beams by
/// the Hungarian algorithm, maximising Σ w_k log2(1 + (P/S_max)|h_kᴴf_b|²/σ²) over one-to-one
/// user-beam pairs; the S_max best-valued pairs are scheduled (forced users first).
/// </summary>
/// <remarks>
/// The paper cites the Hungarian algorithm [47] without the cost it assigns; a user-to-beam
/// assignment with the PF-weighted single-beam rate is the usual way to schedule with it and is
/// documented in docs/network.md. Unlike PFZFG it ignores the correlation between the chosen
/// users' channels, which is the effect the paper discusses.
/// </remarks>
public sealed class HungarianScheduler : IScheduler
{
    /// <inheritdoc />
    public string Name => "hungarian";

    /// <inheritdoc />
    public int[] Schedule(SchedulingInput input)
    {
        var h = input.Channels;
        int users = h.Count;
        if (users == 0) return [];
        int n = h[0].Length;
        int beams = Math.Max(n, users);
        double perBeam = input.Power / Math.Max(1, Math.Min(input.MaxUsers, users));
        // Orthogonal DFT beams f_b = a(arcsin(−1 + (2b+1)/n)): unit-norm, spanning C^n.
        var value = new double[users, beams];
        var f = new Complex[n];
        for (int b = 0; b < n; b++)
        {
            double u = -1 + (2.0 * b + 1) / n;
            for (int i = 0; i < n; i++) f[i] = Complex.FromPolarCoordinates(1 / Math.Sqrt(n), Math.PI * i * u);
            for (int k = 0; k < users; k++)
                value[k, b] = input.Weights[k] * Math.Log2(1 + perBeam * ComplexVectors.AbsDotSquared(h[k], f) / input.Noise);
        }
        var cost = new double[users, beams];
        for (int k = 0; k < users; k++)
            for (int b = 0; b < beams; b++) cost[k, b] = -value[k, b];
        var assignment = HungarianAlgorithm.Solve(cost);

        var chosen = new List<int>(input.Forced.Take(input.MaxUsers));
        var ranked = Enumerable.Range(0, users)
            .Where(k => assignment[k] < n && value[k, assignment[k]] > 0 && !chosen.Contains(k))
            .OrderByDescending(k => value[k, assignment[k]]);
        foreach (int k in ranked)
        {
            if (chosen.Count >= input.MaxUsers) break;
            chosen.Add(k);
        }
        var result = chosen.ToArray();
        Array.Sort(result);
        return result;
    }
}
