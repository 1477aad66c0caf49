using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Channels;
using Isac.Network.Numerics;

namespace Isac.Network.Beamforming;

/// <summary>
/// Weighted MMSE beamforming for the weighted sum rate Σ_k α_k log2(1+γ_k) under per-BS power
/// budgets (Shi, Razaviyayn, Luo, He 2011): paper B's CWMMSE baseline (centralised, perfect
/// intra- and inter-cell CSI, every interference term) and PWMMSE (each BS alone, ignoring
/// inter-cell interference).
/// </summary>
/// <remarks>
/// Iteration: receivers g_k = conj(h_kᴴv_k)/T_k with T_k the total received power plus noise;
/// MSE weights ω_k = 1/(1 − |h_kᴴv_k|²/T_k); then per BS m,
/// v_j = α_jω_j g_j*·(A_m + λ_m I)⁻¹ h^{m,j}, A_m = Σ_k α_kω_k|g_k|² h^{m,k}h^{m,k}ᴴ over the users
/// BS m accounts for (all scheduled users for CWMMSE, its own for PWMMSE), λ_m ≥ 0 the exact
/// power multiplier (bisection in A_m's eigenbasis). Stops when the weighted sum rate it sees
/// changes by less than the tolerance, relatively.
/// </remarks>
public sealed class WeightedMmse
{
    /// <summary>Creates the algorithm.</summary>
    /// <param name="centralized">True for CWMMSE, false for PWMMSE.</param>
    /// <param name="maxIterations">Iteration cap.</param>
    /// <param name="tolerance">Relative change of the objective that stops the loop.</param>
    public WeightedMmse(bool centralized, int maxIterations = 100, double tolerance = 1e-4)
    {
        Centralized = centralized;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
    }

    /// <summary>CWMMSE (true) or PWMMSE (false).</summary>
    public bool Centralized { get; }

    /// <summary>Iteration cap.</summary>
    public int MaxIterations { get; }

    /// <summary>Relative stopping tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The beams of every cell, aligned with <paramref name="scheduled"/>.</summary>
    /// <param name="channels">The epoch's channels (perfect CSI).</param>
    /// <param name="scheduled">S_ℓ per cell.</param>
    /// <param name="weights">α per cell and user index (PF weights).</param>
    /// <param name="noise">σ_c².</param>
    /// <param name="power">Per-BS budget P.</param>
    public Complex[][][] Solve(Complex[][][][] channels, IReadOnlyList<int[]> scheduled, IReadOnlyList<double[]> weights, double noise, double power) =>
        Solve(new ChannelTable(channels), scheduled, weights, noise, power);

    /// <summary>The beams of every cell, aligned with <paramref name="scheduled"/>, from link-by-link channels.</summary>
    public Complex[][][] Solve(ILinkChannels channels, IReadOnlyList<int[]> scheduled, IReadOnlyList<double[]> weights, double noise, double power)
    {
        int cells = scheduled.Count;
        int n = channels.Link(0, 0, 0).Length;
        var v = new Complex[cells][][];
        for (int l = 0; l < cells; l++)
            v[l] = RegularizedZeroForcing.Beams(scheduled[l].Select(k => channels.Link(l, l, k)).ToArray(), power, noise);

        double previous = double.NegativeInfinity;
        var g = new Complex[cells][];
        var omega = new double[cells][];
        for (int it = 0; it < MaxIterations; it++)
        {
            double objective = 0;
            for (int l = 0; l < cells; l++)
            {
                g[l] = new Complex[scheduled[l].Length];
                omega[l] = new double[scheduled[l].Length];
                for (int a = 0; a < scheduled[l].Length; a++)
                {
                    int k = scheduled[l][a];
                    double total = noise;
                    Complex own = Complex.Zero;
                    for (int m = 0; m < cells; m++)
                    {
                        if (!Centralized && m != l) continue;
                        var h = channels.Link(m, l, k);
                        for (int b = 0; b < scheduled[m].Length; b++)
                        {
                            var d = ComplexVectors.Dot(h, v[m][b]);
                            total += d.Real * d.Real + d.Imaginary * d.Imaginary;
                            if (m == l && b == a) own = d;
                        }
                    }
                    double signal = own.Real * own.Real + own.Imaginary * own.Imaginary;
                    g[l][a] = Complex.Conjugate(own) / total;
                    double mse = Math.Max(1 - signal / total, 1e-15);
                    omega[l][a] = 1 / mse;
                    objective += weights[l][k] * Math.Log2(total / (total - signal));
                }
            }
            if (it > 0 && Math.Abs(objective - previous) <= Tolerance * Math.Abs(objective)) break;
            previous = objective;

            for (int m = 0; m < cells; m++)
            {
                if (scheduled[m].Length == 0) continue;
                var am = new Complex[n * n];
                for (int l = 0; l < cells; l++)
                {
                    if (!Centralized && l != m) continue;
                    for (int a = 0; a < scheduled[l].Length; a++)
                    {
                        int k = scheduled[l][a];
                        double c = weights[l][k] * omega[l][a] * (g[l][a].Real * g[l][a].Real + g[l][a].Imaginary * g[l][a].Imaginary);
                        ComplexVectors.AddOuter(am, c, channels.Link(m, l, k));
                    }
                }
                var eig = new HermitianEigen(am, n);
                var coords = new Complex[scheduled[m].Length][];
                var ysq = new double[n];
                for (int a = 0; a < scheduled[m].Length; a++)
                {
                    int k = scheduled[m][a];
                    Complex c = weights[m][k] * omega[m][a] * Complex.Conjugate(g[m][a]);
                    var b = channels.Link(m, m, k).Select(x => c * x).ToArray();
                    coords[a] = eig.ToEigenBasis(b);
                    for (int i = 0; i < n; i++) ysq[i] += coords[a][i].Real * coords[a][i].Real + coords[a][i].Imaginary * coords[a][i].Imaginary;
                }
                double lambda = eig.LambdaForBudget(ysq, power);
                for (int a = 0; a < scheduled[m].Length; a++)
                {
                    v[m][a] = new Complex[n];
                    eig.SolveShifted(coords[a], lambda, v[m][a]);
                }
            }
        }
        return v;
    }
}
