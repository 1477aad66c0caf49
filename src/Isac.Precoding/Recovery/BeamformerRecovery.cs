using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics;
using Isac.Physics.Numerics;
using Isac.Precoding.Design;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Recovery;

/// <summary>
/// Transmittable beamformers w_k from the relaxed stream covariances W_k of a block-level design.
/// </summary>
/// <remarks>
/// <para>If every W_k is rank one (λ₂ ≤ tol·λ₁), w_k = √λ₁·u₁ is exact: the relaxation is tight.</para>
/// <para>Otherwise candidate directions are tried: the principal eigenvectors, the matched construction
/// w_k = W_k h_k*/√(h_kᵀW_kh_k*) (keeps h_kᵀw_k w_kᴴh_k* = h_kᵀW_kh_k* and w_kw_kᴴ ⪯ W_k, Liu et al.'s rank-one
/// construction), zero-forcing beams (<see cref="ZeroForcing"/>), and Gaussian randomisation ξ_k = U_kΛ_k^{1/2}z_k, z_k ~ CN(0, I) (seeded). For each, the
/// stream powers p are fitted so that every user meets the SINR target in the design's robustness model
/// with rank-one terms: signal a_k·p_k with a_k = |hᵀŵ_k|² (Proposition 3, which keeps the nominal signal)
/// or (|hᵀŵ_k| − ρ‖Tᵀŵ_k‖)₊² (exact model, the true minimum over the ball), interference
/// b_kl = (|h_kᵀŵ_l| + ρ‖Tᵀŵ_l‖)² (the true maximum). The least powers solve
/// (diag(a) − γB)p = γσ²·1; they exist when that solution is positive. The powers are then scaled by
/// c ∈ {1, c_max}, c_max = min_m P_t/P_m(p) ≥ 1 (uniform scaling only raises every such SINR bound),
/// and the candidate with the smallest largest CRB over the BSs wins.</para>
/// <para>When the principal components at the relaxation's own powers miss a target by more than the rank-one tolerance,
/// one more candidate keeps their directions and as much of the relaxation's power profile as the targets and budgets
/// allow (<see cref="LiftedPowers"/>: the least powers p ≥ s·λ₁ meeting every target, for the largest s ≤ 1 that fits
/// the budgets), so that a relaxation rank one up to the solver's accuracy does not lose its sensing power to a
/// candidate fitted to the SINR targets alone.</para>
/// <para>The eigen-decompositions come from <see cref="StreamSpectra"/>, in the design's reduced coordinates when it has
/// them.</para>
/// </remarks>
internal static class BeamformerRecovery
{
    public sealed record Outcome(Vector<Complex>[]? Beamformers, RecoveryReport Report);

    /// <summary>Recovers beamformers (stacked space, absolute units, global user order).</summary>
    /// <param name="network">The network.</param>
    /// <param name="mode">CBF (streams confined to their BS) or CoMP.</param>
    /// <param name="streams">The relaxed W_k (stacked, absolute units).</param>
    /// <param name="gamma">The SINR target of every user (linear).</param>
    /// <param name="radius">The error radius ρ of the model (δ in CBF, √J·δ in CoMP).</param>
    /// <param name="exact">True for the exact model's signal bound.</param>
    /// <param name="settings">Tolerance and number of draws.</param>
    /// <param name="random">Source of the randomisation draws.</param>
    public static Outcome Recover(IsacNetwork network, CoordinationMode mode, Matrix<Complex>[] streams, double[] gamma, double radius,
        bool exact, RecoverySettings settings, DeterministicRandom random) =>
        Recover(network, mode, streams, StreamSpectra.Of(streams, null), gamma, radius, exact, settings, random);

    /// <summary>Recovers beamformers from the relaxed W_k and their decompositions (<see cref="StreamSpectra"/>, e.g. in the
    /// design's reduced coordinates).</summary>
    public static Outcome Recover(IsacNetwork network, CoordinationMode mode, Matrix<Complex>[] streams, StreamSpectra spectra, double[] gamma,
        double radius, bool exact, RecoverySettings settings, DeterministicRandom random)
    {
        int users = streams.Length;
        double ratio = spectra.LargestRatio;
        var principal = spectra.Principal();
        if (ratio <= settings.RankOneTolerance)
            return new Outcome(principal, new RecoveryReport("eigenvector", ratio, 1, 1));

        var rcrb = SensingMetrics.RcrbEvaluator(network.Scene, mode);
        Vector<Complex>[]? best = null;
        string bestName = "";
        double bestValue = double.PositiveInfinity;
        int feasible = 0, tried = 1;
        // The principal components at the relaxation's own powers: when the relaxation is rank one up to the solver's
        // accuracy (λ₂/λ₁ of 10⁻⁶-10⁻⁵ at Ntx = 128), they meet the targets up to that accuracy and carry its sensing power,
        // which no power fitted to the SINR targets alone reproduces.
        if (MeetsTargets(network, mode, principal, gamma, radius, exact, settings.RankOneTolerance))
        {
            // Rank one up to the solver's accuracy: the other candidates differ from these by O(λ₂/λ₁) and cost a
            // worst-case evaluation each on the stacked antennas (most of a design's time at Ntx = 128).
            if (ratio <= NearRankOne) return new Outcome(principal, new RecoveryReport("eigenvector-truncated", ratio, 1, 1));
            feasible++;
            double value = Objective(network, principal, rcrb);
            if (value < bestValue) (best, bestName, bestValue) = (principal, "eigenvector-truncated", value);
        }
        else
        {
            // They miss a target by more than the tolerance (BLP-CBF at Ntx = 128: the λ₂ parts carried part of a signal):
            // keep their directions and as much of the relaxation's power profile as the targets and budgets allow.
            tried++;
            var directions = principal.Select(Unit).ToArray();
            var floor = spectra.Values.Select(v => Math.Max(v[0], 0)).ToArray();
            if (LiftedPowers(network, mode, directions, floor, gamma, radius, exact) is { } lifted)
            {
                feasible++;
                foreach (var scaled in Scalings(network, directions, lifted))
                {
                    var beams = directions.Select((d, u) => d * Math.Sqrt(scaled[u])).ToArray();
                    double value = Objective(network, beams, rcrb);
                    if (value < bestValue) (best, bestName, bestValue) = (beams, "eigenvector-lifted", value);
                }
            }
        }
        var candidates = new List<(string Name, Vector<Complex>[] Directions)> { ("eigenvector-rescaled", principal) };
        var matched = new Vector<Complex>[users];
        for (int u = 0; u < users; u++)
        {
            var g = network.Channels.Stacked(u).Conjugate();
            var wg = streams[u] * g;
            double power = g.ConjugateDotProduct(wg).Real;
            matched[u] = power > 0 ? wg / Math.Sqrt(power) : principal[u];
        }
        candidates.Add(("matched", matched));
        if (ZeroForcing(network, mode) is { } zf) candidates.Add(("zero-forcing", zf));
        var roots = Enumerable.Range(0, users).Select(spectra.Root).ToArray();
        for (int i = 0; i < settings.Randomizations; i++)
        {
            var draw = new Vector<Complex>[users];
            for (int u = 0; u < users; u++)
            {
                // As many draws as the antennas have, whatever the coordinates: the leading ones multiply the same
                // eigenvectors with and without a basis, and the rest would multiply zero eigenvalues.
                var z = Vector<Complex>.Build.Dense(spectra.FullDimension, _ => random.NextComplexGaussian());
                draw[u] = roots[u] * z.SubVector(0, roots[u].ColumnCount);
            }
            candidates.Add(("randomization", draw));
        }

        foreach (var (name, directions) in candidates)
        {
            var powers = FitPowers(network, mode, directions, gamma, radius, exact);
            if (powers is null) continue;
            feasible++;
            foreach (var scaled in Scalings(network, directions, powers))
            {
                var beams = directions.Select((d, u) => d * Math.Sqrt(scaled[u])).ToArray();
                double value = Objective(network, beams, rcrb);
                if (value < bestValue)
                {
                    (best, bestName, bestValue) = (beams, name, value);
                }
            }
        }
        return new Outcome(best, new RecoveryReport(best is null ? "none" : bestName, ratio, candidates.Count + tried, feasible));
    }

    private static Vector<Complex> Unit(Vector<Complex> v)
    {
        double norm = v.L2Norm();
        return norm > 0 ? v / norm : v;
    }

    /// <summary>max over k of λ₂/λ₁ of W_k (0 when every W_k is rank one or zero).</summary>
    internal static double LargestEigenvalueRatio(Matrix<Complex>[] streams) => StreamSpectra.Of(streams, null).LargestRatio;

    /// <summary>
    /// Zero-forcing directions: user u's beam orthogonal to the other users' channels (CoMP: all of them, from
    /// all antennas; CBF: from its BS, against every user when Ntx ≥ J·K, else against its own cell's users),
    /// the candidate that still exists when the relaxation spends most of a stream on sensing. Null when the
    /// channels do not allow it.
    /// </summary>
    internal static Vector<Complex>[]? ZeroForcing(IsacNetwork network, CoordinationMode mode)
    {
        int users = network.Users, ntx = network.TransmitElements;
        var beams = new Vector<Complex>[users];
        try
        {
            if (mode == CoordinationMode.Comp)
            {
                if (network.StackedDimension < users) return null;
                var h = Matrix<Complex>.Build.Dense(network.StackedDimension, users, (i, u) => network.Channels.Stacked(u)[i]);
                var w = h.Conjugate() * (h.Transpose() * h.Conjugate()).Inverse();
                for (int u = 0; u < users; u++) beams[u] = w.Column(u) / w.Column(u).L2Norm();
                return beams;
            }
            int k = network.UsersPerCell;
            bool all = ntx >= users;
            if (ntx < k) return null;
            for (int m = 0; m < network.Cells; m++)
            {
                var served = all ? Enumerable.Range(0, users).ToArray() : Enumerable.Range(m * k, k).ToArray();
                var h = Matrix<Complex>.Build.Dense(ntx, served.Length, (i, c) => network.Channels.PerBs(m, served[c] / k, served[c] % k)[i]);
                var w = h.Conjugate() * (h.Transpose() * h.Conjugate()).Inverse();
                for (int u = 0; u < k; u++)
                {
                    var column = w.Column(Array.IndexOf(served, m * k + u));
                    var stacked = Vector<Complex>.Build.Dense(network.StackedDimension);
                    stacked.SetSubVector(m * ntx, ntx, column / column.L2Norm());
                    beams[m * k + u] = stacked;
                }
            }
            return beams;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The least stream powers meeting SINR ≥ γ in the model's rank-one bounds, or null.</summary>
    internal static double[]? FitPowers(IsacNetwork network, CoordinationMode mode, Vector<Complex>[] directions, double[] gamma, double radius, bool exact)
    {
        var (a, rhs) = SinrSystem(network, mode, directions, gamma, radius, exact);
        try
        {
            var p = a.Solve(rhs);
            if (p.Any(x => !(x > 0) || !double.IsFinite(x))) return null;
            return p.ToArray();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A = diag(a) − γB and c = γσ²·1: the SINR targets of unit directions with powers p are Ap ≥ c in the model's
    /// rank-one bounds (see <see cref="FitPowers"/>).
    /// </summary>
    private static (Matrix<double> A, Vector<double> C) SinrSystem(IsacNetwork network, CoordinationMode mode, Vector<Complex>[] directions,
        double[] gamma, double radius, bool exact)
    {
        int users = directions.Length;
        var a = Matrix<double>.Build.Dense(users, users);
        var rhs = Vector<double>.Build.Dense(users, u => gamma[u] * network.CommNoiseVariance);
        var spread = directions.Select(d => radius * ErrorImage(network, mode, d).L2Norm()).ToArray();
        for (int u = 0; u < users; u++)
        {
            var h = network.Channels.Stacked(u);
            for (int v = 0; v < users; v++)
            {
                double amplitude = h.DotProduct(directions[v]).Magnitude;
                if (u == v)
                {
                    double signal = exact ? Math.Max(amplitude - spread[v], 0) : amplitude;
                    a[u, u] += signal * signal;
                }
                else
                {
                    a[u, v] -= gamma[u] * (amplitude + spread[v]) * (amplitude + spread[v]);
                }
            }
        }
        return (a, rhs);
    }

    /// <summary>
    /// Powers for unit <paramref name="directions"/> that keep as much of a power profile <paramref name="floor"/> (the
    /// relaxation's λ₁) as the SINR targets and the per-BS budgets allow: the least p with p ≥ s·floor and Ap ≥ c (see
    /// <see cref="SinrSystem"/>) for the largest s ∈ [0, 1] whose p fits every budget; null when not even s = 0 fits.
    /// </summary>
    /// <remarks>
    /// A is a Z-matrix (off-diagonal entries ≤ 0), so the set {p ≥ l : Ap ≥ c} is closed under the componentwise minimum and
    /// has a least element when it is not empty, which is at once the least power of every BS; it is monotone in l, so the
    /// largest s fitting the budgets is found by bisection. The least element for a floor l: with q = p − l ≥ 0 and
    /// r = c − Al, an active set S (start: r_u &gt; 0) with A_SS q_S = r_S, q = 0 off S, grown by every u where
    /// (Aq)_u &lt; r_u, until none is left (A_SS, a principal submatrix of an M-matrix, has a nonnegative inverse).
    /// </remarks>
    internal static double[]? LiftedPowers(IsacNetwork network, CoordinationMode mode, Vector<Complex>[] directions, double[] floor,
        double[] gamma, double radius, bool exact)
    {
        var (a, c) = SinrSystem(network, mode, directions, gamma, radius, exact);
        int ntx = network.TransmitElements, users = directions.Length;
        var share = new double[network.Cells, users];
        for (int m = 0; m < network.Cells; m++)
            for (int u = 0; u < users; u++)
            {
                var block = directions[u].SubVector(m * ntx, ntx);
                share[m, u] = block.ConjugateDotProduct(block).Real;
            }
        bool Fits(double[] p)
        {
            for (int m = 0; m < network.Cells; m++)
            {
                double pm = 0;
                for (int u = 0; u < users; u++) pm += share[m, u] * p[u];
                if (pm > network.TransmitPower * (1 + 1e-9)) return false;
            }
            return true;
        }
        double[]? At(double s) => LeastAbove(a, c, floor.Select(f => s * f).ToArray());
        var top = At(1);
        if (top is not null && Fits(top)) return top;
        var bottom = At(0);
        if (bottom is null || !Fits(bottom)) return null;
        double lo = 0, hi = 1;
        for (int i = 0; i < 60 && hi - lo > 1e-12; i++)
        {
            double mid = 0.5 * (lo + hi);
            var p = At(mid);
            if (p is not null && Fits(p)) (lo, bottom) = (mid, p);
            else hi = mid;
        }
        return bottom;
    }

    /// <summary>The least p ≥ <paramref name="floor"/> with Ap ≥ c for a Z-matrix A (null when the active-set solve fails or
    /// gives a negative or non-finite increment: no such p).</summary>
    private static double[]? LeastAbove(Matrix<double> a, Vector<double> c, double[] floor)
    {
        int n = floor.Length;
        var l = Vector<double>.Build.DenseOfArray(floor);
        var r = c - a * l;
        var active = Enumerable.Range(0, n).Where(u => r[u] > 0).ToList();
        var q = Vector<double>.Build.Dense(n);
        while (active.Count > 0)
        {
            var idx = active.ToArray();
            var sub = Matrix<double>.Build.Dense(idx.Length, idx.Length, (i, j) => a[idx[i], idx[j]]);
            Vector<double> qs;
            try { qs = sub.Solve(Vector<double>.Build.Dense(idx.Length, i => r[idx[i]])); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return null; }
            if (qs.Any(x => !(x >= 0) || !double.IsFinite(x))) return null;
            q.Clear();
            for (int i = 0; i < idx.Length; i++) q[idx[i]] = qs[i];
            var aq = a * q;
            var added = Enumerable.Range(0, n).Where(u => !active.Contains(u) && aq[u] < r[u]).ToList();
            if (added.Count == 0) break;
            active.AddRange(added);
        }
        return (l + q).ToArray();
    }

    /// <summary>Tᵀw: the sum of the per-BS blocks in CBF (one error e on every BS's channel), w itself in CoMP.</summary>
    internal static Vector<Complex> ErrorImage(IsacNetwork network, CoordinationMode mode, Vector<Complex> w)
    {
        if (mode == CoordinationMode.Comp) return w;
        int ntx = network.TransmitElements;
        var s = Vector<Complex>.Build.Dense(ntx);
        for (int n = 0; n < network.Cells; n++) s += w.SubVector(n * ntx, ntx);
        return s;
    }

    private static IEnumerable<double[]> Scalings(IsacNetwork network, Vector<Complex>[] directions, double[] powers)
    {
        yield return powers;
        int ntx = network.TransmitElements;
        double worst = 0;
        for (int m = 0; m < network.Cells; m++)
        {
            double pm = 0;
            for (int u = 0; u < directions.Length; u++) pm += powers[u] * directions[u].SubVector(m * ntx, ntx).ConjugateDotProduct(directions[u].SubVector(m * ntx, ntx)).Real;
            worst = Math.Max(worst, pm / network.TransmitPower);
        }
        if (worst > 1 + 1e-9) yield break;
        if (worst > 0 && worst < 1) yield return powers.Select(p => p / worst).ToArray();
    }

    /// <summary>Whether the relaxation is rank one up to the solver's accuracy (λ₂/λ₁ ≤ <see cref="NearRankOne"/>) and its
    /// principal components, at the relaxation's own powers, meet every SINR target: then they are what
    /// <see cref="Recover(IsacNetwork, CoordinationMode, Matrix{Complex}[], StreamSpectra, double[], double, bool, RecoverySettings, DeterministicRandom)"/>
    /// transmits, and a least-power re-solve for rank one (RobustPrecoder) would only cost a second solve.</summary>
    internal static bool PrincipalSuffices(IsacNetwork network, CoordinationMode mode, StreamSpectra spectra, double[] gamma, double radius,
        bool exact, RecoverySettings settings) =>
        spectra.LargestRatio <= NearRankOne && MeetsTargets(network, mode, spectra.Principal(), gamma, radius, exact, settings.RankOneTolerance);

    /// <summary>λ₂/λ₁ below which a relaxation counts as rank one up to the solver's accuracy (10⁻⁶-10⁻⁵ seen at Ntx = 128,
    /// where the relaxation's optimum is rank one).</summary>
    internal const double NearRankOne = 1e-4;

    /// <summary>
    /// Whether beams with their own powers meet every user's SINR target in the model's rank-one bounds (as
    /// <see cref="FitPowers"/> writes them) up to a relative <paramref name="slack"/>: a_u − γ_u Σ_{v≠u} b_uv ≥ γ_u σ²(1 − slack).
    /// </summary>
    internal static bool MeetsTargets(IsacNetwork network, CoordinationMode mode, Vector<Complex>[] beams, double[] gamma, double radius, bool exact, double slack)
    {
        for (int u = 0; u < beams.Length; u++)
        {
            var h = network.Channels.Stacked(u);
            double margin = 0;
            for (int v = 0; v < beams.Length; v++)
            {
                double amplitude = h.DotProduct(beams[v]).Magnitude;
                double spread = radius * ErrorImage(network, mode, beams[v]).L2Norm();
                if (u == v)
                {
                    double signal = exact ? Math.Max(amplitude - spread, 0) : amplitude;
                    margin += signal * signal;
                }
                else margin -= gamma[u] * (amplitude + spread) * (amplitude + spread);
            }
            if (!(margin >= gamma[u] * network.CommNoiseVariance * (1 - slack))) return false;
        }
        return true;
    }

    private static double Objective(IsacNetwork network, Vector<Complex>[] beams, Func<Matrix<Complex>, double[]> rcrbDeg)
    {
        int ntx = network.TransmitElements;
        for (int m = 0; m < network.Cells; m++)
        {
            double pm = beams.Sum(w => w.SubVector(m * ntx, ntx).ConjugateDotProduct(w.SubVector(m * ntx, ntx)).Real);
            if (pm > network.TransmitPower * (1 + 1e-9)) return double.PositiveInfinity;
        }
        var r = Matrix<Complex>.Build.Dense(network.StackedDimension, network.StackedDimension);
        foreach (var w in beams) r += w.OuterProduct(w.Conjugate());
        var rcrb = rcrbDeg(r);
        return rcrb.Any(double.IsNaN) ? double.PositiveInfinity : rcrb.Max();
    }
}
