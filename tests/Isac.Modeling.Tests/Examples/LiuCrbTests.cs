using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Examples;

/// <summary>Liu et al.'s single-cell CRB SDR against values computed independently in the test.</summary>
public class LiuCrbTests
{
    [Fact]
    public void CrbSdr_UsersOrthogonalToTheTarget_MatchesTheClosedForm()
    {
        // With h_k ⟂ span(a, ȧ) and h_1 ⟂ h_2 (centred ULA, b = a so aᴴȧ = 0): J ≤ ‖ȧ‖²‖a‖²·tr(P_{a,ȧ} R),
        // each user must keep tr(P_{h_k} R) ≥ Γσ_C²/‖h_k‖², so J* = K₀ (P − Σ_k Γσ_C²/‖h_k‖²) with
        // K₀ = N²π²cos²θ (N² − 1)/12, reached by W_k = (Γσ²/‖h_k‖²) ĥ_k ĥ_kᴴ and R_d on â.
        int n = 6;
        double theta = 0.3;
        var (a, d) = LiuCrbExample.Steering(n, theta);
        var basis = Matrix<Complex>.Build.DenseOfColumnVectors(a, d);
        var projector = Matrix<Complex>.Build.DenseIdentity(n) - basis * (basis.ConjugateTranspose() * basis).Inverse() * basis.ConjugateTranspose();
        var h1 = projector * TestData.RandomComplexVector(n, seed: 201);
        var h2 = projector * TestData.RandomComplexVector(n, seed: 202);
        h2 -= h1 * (h1.ConjugateDotProduct(h2) / h1.ConjugateDotProduct(h1));
        var sc = new LiuCrbExample.Scenario(n, theta * 180 / Math.PI, [h1, h2], GammaDb: 6, Power: 1, SigmaC2: 0.05, SigmaR2: 0.01, Alpha2: 1, Frame: 20);
        double gamma = Math.Pow(10, 0.6);
        double k0 = n * n * Math.PI * Math.PI * Math.Cos(theta) * Math.Cos(theta) * (n * n - 1) / 12.0;
        double expected = k0 * (1 - gamma * 0.05 * (1 / h1.ConjugateDotProduct(h1).Real + 1 / h2.ConjugateDotProduct(h2).Real));

        var r = LiuCrbExample.Solve(sc);

        Assert.Equal(ModelStatus.Optimal, r.Solution.Status);
        Assert.Equal(expected, r.Solution.Objective, Tolerances.Optimum * expected);
    }

    [Fact]
    public void CrbSdr_DocumentationScenario_ObjectiveIsTheCrbOfItsSolution()
    {
        // The CRB of the returned R_X, from the 3×3 Fisher information of (θ, Re α, Im α) inverted
        // numerically: F = (2L/σ_R²) Re [tr(∂μᵢᴴ ∂μⱼ)/L] with ∂μ/∂θ = αȦX, ∂μ/∂Re α = AX, ∂μ/∂Im α = jAX.
        var sc = LiuCrbExample.DocumentationScenario();
        var r = LiuCrbExample.Solve(sc);
        Assert.Equal(ModelStatus.Optimal, r.Solution.Status);

        var (a, da) = LiuCrbExample.TargetResponse(sc.Antennas, sc.ThetaDeg * Math.PI / 180);
        var alpha = new Complex(Math.Sqrt(sc.Alpha2), 0);
        Matrix<Complex>[] partials = [alpha * da, a, Complex.ImaginaryOne * a];
        var fim = Matrix<double>.Build.Dense(3, 3, (i, j) =>
            2 * sc.Frame / sc.SigmaR2 * (partials[i].ConjugateTranspose() * partials[j] * r.Rx).Trace().Real);
        double crb = fim.Inverse()[0, 0];

        Assert.Equal(crb, r.Crb, 1e-5 * crb);
        Assert.Equal(sc.Power, r.Rx.Trace().Real, Tolerances.Values);
        Assert.True(r.Solution.DualBound <= r.Solution.Objective * (1 + 1e-6) + 1e-9);
    }

    [Fact]
    public void CrbSdr_DocumentationScenario_SatisfiesKkt()
    {
        // Solved on the side the compiler picks (cone variables, m = 7); the duals of the FIM LMI,
        // the SINR rows and the power equality satisfy the KKT conditions.
        var r = LiuCrbExample.Solve(LiuCrbExample.DocumentationScenario());
        Assert.Equal(ModelStatus.Optimal, r.Solution.Status);
        Assert.Equal(FormulationSide.ConeVariables, r.Solution.Statistics.Side);
        Solutions.KktChecker.AssertKkt(r.Solution, Tolerances.Kkt);
    }

    [Fact]
    public void CrbSdr_BothSides_GiveTheSameBoundAndSatisfyKkt()
    {
        var sc = LiuCrbExample.DocumentationScenario();
        var cone = LiuCrbExample.Solve(sc, new ModelSettings { Side = FormulationSide.ConeVariables });
        var free = LiuCrbExample.Solve(sc, new ModelSettings { Side = FormulationSide.FreeScalars });
        Assert.Equal(ModelStatus.Optimal, cone.Solution.Status);
        Assert.Equal(ModelStatus.Optimal, free.Solution.Status);
        Assert.Equal(cone.Solution.Objective, free.Solution.Objective, Tolerances.Optimum * cone.Solution.Objective);
        Solutions.KktChecker.AssertKkt(free.Solution, Tolerances.Kkt);
    }
}
