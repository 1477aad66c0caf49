using System.Globalization;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Examples;

/// <summary>
/// Liu, Liu, Li, Masouros and Eldar, "Cramér-Rao bound optimization for joint radar-communication
/// beamforming", IEEE TSP 2022, point-target case: the SDR of
/// min CRB(θ) s.t. SINR_k ≥ Γ, tr R_X = P with R_X = Σ_k W_k + R_d, written in the modelling layer.
/// This is the worked example of docs/modeling.md.
/// </summary>
/// <remarks>
/// With A = b aᴴ (b receive, a transmit steering vectors, centred ULAs) and Ȧ = ∂A/∂θ, the CRB is
/// σ_R² / (2|α|²L · J) with J = tr(ȦᴴȦR) − |tr(ȦᴴAR)|² / tr(AᴴAR), the Schur complement of
/// [[tr(ȦᴴȦR) − t, tr(ȦᴴAR)], [tr(AᴴȦR), tr(AᴴAR)]] ⪰ 0; maximising t maximises J. The SINR
/// constraint |h_kᴴw_k|²/(Σ_{i≠k}|h_kᴴw_i|² + σ_C²) ≥ Γ relaxes to
/// (1 + 1/Γ) h_kᴴW_kh_k ≥ h_kᴴR_Xh_k + σ_C².
/// </remarks>
internal static class LiuCrbExample
{
    public sealed record Scenario(int Antennas, double ThetaDeg, Vector<Complex>[] Channels, double GammaDb, double Power,
                                  double SigmaC2, double SigmaR2, double Alpha2, int Frame);

    public sealed record Result(ModelSolution Solution, double Crb, double RcrbDeg, Matrix<Complex> Rx, Matrix<Complex>[] W);

    /// <summary>The scenario of the documentation: 8 antennas, target at 20°, two Rayleigh users (seed 2022).</summary>
    public static Scenario DocumentationScenario()
    {
        var rng = new Isac.Core.Random.DeterministicRandom(2022);
        var channels = Enumerable.Range(0, 2).Select(_ => Vector<Complex>.Build.Dense(8, _ => rng.NextComplexGaussian(1.0))).ToArray();
        return new Scenario(8, 20, channels, GammaDb: 10, Power: 1, SigmaC2: 0.01, SigmaR2: 0.01, Alpha2: 1, Frame: 30);
    }

    /// <summary>Centred ULA response a(θ)_n = exp(jπ n sin θ), n = −(N−1)/2 … (N−1)/2, and its θ-derivative.</summary>
    public static (Vector<Complex> A, Vector<Complex> Derivative) Steering(int n, double theta)
    {
        var a = Vector<Complex>.Build.Dense(n, i => Complex.Exp(new Complex(0, Math.PI * (i - (n - 1) / 2.0) * Math.Sin(theta))));
        var d = Vector<Complex>.Build.Dense(n, i => new Complex(0, Math.PI * (i - (n - 1) / 2.0) * Math.Cos(theta)) * a[i]);
        return (a, d);
    }

    /// <summary>A = b aᴴ and Ȧ (equal transmit and receive arrays).</summary>
    public static (Matrix<Complex> A, Matrix<Complex> Dot) TargetResponse(int n, double theta)
    {
        var (a, d) = Steering(n, theta);
        var response = a.OuterProduct(a.Conjugate());
        var derivative = d.OuterProduct(a.Conjugate()) + a.OuterProduct(d.Conjugate());
        return (response, derivative);
    }

    public static Result Solve(Scenario sc, ModelSettings? settings = null, TextWriter? log = null)
    {
        // --- begin example ---
        int n = sc.Antennas, users = sc.Channels.Length;
        var (a, da) = TargetResponse(n, sc.ThetaDeg * Math.PI / 180);
        double gamma = Math.Pow(10, sc.GammaDb / 10);

        var model = new Model("liu-crb");
        var rd = model.HermitianPsd("Rd", n);                                   // dedicated sensing covariance
        var w = Enumerable.Range(0, users).Select(k => model.HermitianPsd($"W{k}", n)).ToArray();
        var rx = rd + Expr.Sum(w);                                              // R_X = Σ_k W_k + R_d
        var t = model.RealScalar("t");
        Expression Tr(Matrix<Complex> m) => Expr.Trace(Expr.Constant(m) * rx);
        model.Add(Expr.Block(new Expression?[,]
        {
            { Tr(da.ConjugateTranspose() * da) - t, Tr(da.ConjugateTranspose() * a) },
            { Tr(a.ConjugateTranspose() * da), Tr(a.ConjugateTranspose() * a) },
        }) >> 0.0, "fim");
        for (int k = 0; k < users; k++)
        {
            var h = Expr.Constant(sc.Channels[k], $"h{k}");
            model.Add((1 + 1 / gamma) * Expr.QuadForm(h, w[k]) >= Expr.QuadForm(h, rx) + sc.SigmaC2, $"sinr{k}");
        }
        model.Add(rx.Trace() == sc.Power, "power");
        model.Maximize(t);
        var solution = model.Solve(settings, log);
        // --- end example ---
        if (!solution.HasValues)
        {
            return new Result(solution, double.NaN, double.NaN, Matrix<Complex>.Build.Dense(n, n), []);
        }
        double crb = sc.SigmaR2 / (2 * sc.Alpha2 * sc.Frame * solution.Objective);
        return new Result(solution, crb, Math.Sqrt(crb) * 180 / Math.PI, solution.Value(rx), w.Select(solution.Value).ToArray());
    }

    /// <summary>Runs the documentation scenario and writes what docs/modeling.md shows (only what the
    /// optimum determines: the optimal W_k are not unique, so their split is not printed).</summary>
    public static void Run(TextWriter output)
    {
        var sc = DocumentationScenario();
        var r = Solve(sc);
        var inv = CultureInfo.InvariantCulture;
        var s = r.Solution;
        output.WriteLine($"status {s.Status}; t* = {s.Objective.ToString("G6", inv)}; CRB(θ) = {r.Crb.ToString("G4", inv)} rad², RCRB = {r.RcrbDeg.ToString("F4", inv)}°");
        output.WriteLine($"tr R_X = {r.Rx.Trace().Real.ToString("F4", inv)}");
        // The rank-one precoder w_k = W_k h_k / √(h_kᴴW_kh_k) of Liu et al.'s tightness proof keeps
        // R_X (the rest goes to R_d), hence the CRB, and has the SINR h_kᴴW_kh_k / (h_kᴴ(R_X − W_k)h_k + σ²).
        double gamma = Math.Pow(10, sc.GammaDb / 10);
        bool all = true;
        for (int k = 0; k < r.W.Length; k++)
        {
            var h = sc.Channels[k];
            double Q(Matrix<Complex> m) => h.ConjugateDotProduct(m * h).Real;
            double sinr = Q(r.W[k]) / (Q(r.Rx) - Q(r.W[k]) + sc.SigmaC2);
            all &= sinr >= gamma * (1 - 1e-6);
        }
        output.WriteLine($"rank-one precoders meet SINR ≥ {sc.GammaDb.ToString("F0", inv)} dB for all {r.W.Length} users: {(all ? "yes" : "no")}");
        var st = s.Statistics;
        bool cone = st.Side == FormulationSide.ConeVariables;
        output.WriteLine($"{(cone ? "cone-variable" : "free-scalar")} side, m = {st.SchurComplementSize} (other side {(cone ? st.FreeScalarSideSize : st.ConeVariableSideSize)}); " +
                         $"blocks {st.Blocks}; {st.LowRankTerms} low-rank data");
    }
}
