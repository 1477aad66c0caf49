using Isac.Core.Random;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Physics.Arrays;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Bench;

/// <summary>
/// The semidefinite relaxation behind paper A's block-level CoMP design, at the paper's sizes:
/// J = 2 BSs with Ntx antennas each (N = J·Ntx stacked), K = 3 users per BS, one Hermitian PSD
/// covariance W_k (N×N) per user, R = Σ_k W_k;
/// minimise t s.t. [[F_m(R), e₁], [e₁ᵀ, t]] ⪰ 0 (t ≥ CRB_m(θ_mm), m = 1, 2),
/// hᵢᴴWᵢhᵢ ≥ γ(Σ_{j≠i} hᵢᴴWⱼhᵢ + σ_C²), tr(E_j R) ≤ P (per BS).
/// F_m(R)_lp = Re tr(Q_lp R) with Q_lp = (2L/σ_R²) D_lᴴ D_p for the derivatives D of the bistatic
/// echo a_m (Σ_n α_nm v_nmᵀ x_n) with respect to (θ_mm, Re α_mm, Im α_mm). The channels are
/// parameters, redrawn between solves as the alternating optimisation would.
/// </summary>
/// <remarks>Scaling, as a careful modeller writes it: F is O(10⁴) and the CRB O(10⁻⁴), so the LMI is
/// written as [[F/s, e₁], [e₁ᵀ, u]] ⪰ 0 with s = F_θθ at the isotropic R = (P/Ntx)·I and u = s·t
/// (a congruence by diag(s^−½ I, s^½)); the objective is u and t = u/s.</remarks>
internal sealed class CompBlpModel
{
    private const int Cells = 2;
    private const int UsersPerCell = 3;

    public CompBlpModel(int ntx, double gammaDb, ulong seed)
    {
        Ntx = ntx;
        int n = Cells * ntx, users = Cells * UsersPerCell;
        double power = 1, sigmaC2 = 1e-4, sigmaR2 = 1e-4, frame = 20;
        double gamma = Math.Pow(10, gammaDb / 10);
        var rng = new DeterministicRandom(seed);
        var array = new UniformLinearArray(ntx, ArrayNormalization.Unnormalized);
        double[,] angle = { { -50, 60 }, { -60, 50 } };            // θ_nm: BS n toward target m (degrees)
        double alphaMm2 = sigmaR2 / (frame * power);               // |α_mm|²·L·P/σ_R² = 1
        var alpha = new Complex[Cells, Cells];
        for (int a = 0; a < Cells; a++)
        {
            for (int b = 0; b < Cells; b++)
            {
                double mag = Math.Sqrt(a == b ? alphaMm2 : alphaMm2 / 3);
                alpha[a, b] = Complex.FromPolarCoordinates(mag, rng.NextUniform(0, 2 * Math.PI));
            }
        }

        Model = new Model($"comp-blp-ntx{ntx}");
        W = Enumerable.Range(0, users).Select(k => Model.HermitianPsd($"W{k}", n)).ToArray();
        var r = Expr.Sum(W);
        T = Model.RealScalar("u");
        Scale = new double[Cells];
        for (int m = 0; m < Cells; m++)
        {
            var q0 = FisherMatrices(m, array, angle, alpha, n, 2 * frame / sigmaR2);
            Scale[m] = q0[0, 0].Trace().Real * power / ntx;
            var q = FisherMatrices(m, array, angle, alpha, n, 2 * frame / sigmaR2 / Scale[m]);
            var f = new Expression?[4, 4];
            for (int l = 0; l < 3; l++)
            {
                for (int p = 0; p < 3; p++)
                {
                    f[l, p] = Expr.Trace(Expr.Constant(q[l, p], $"Q{m}{l}{p}") * r).Re();
                }
            }
            f[0, 3] = 1.0;
            f[3, 0] = 1.0;
            f[3, 3] = T;
            Model.Add(Expr.Block(f) >> 0.0, $"crb{m}");
        }
        Channels = new Parameter[users];
        for (int i = 0; i < users; i++)
        {
            Channels[i] = Model.Parameter($"h{i}", DrawChannel(rng, i / UsersPerCell));
            var interference = Expr.Sum(Enumerable.Range(0, users).Where(j => j != i).Select(j => Expr.QuadForm(Channels[i], W[j])));
            Model.Add(Expr.QuadForm(Channels[i], W[i]) >= gamma * (interference + sigmaC2), $"sinr{i}");
        }
        for (int j = 0; j < Cells; j++)
        {
            var selector = Matrix<double>.Build.Dense(n, n, (a, b) => a == b && a / ntx == j ? 1 : 0);
            Model.Add(Expr.Trace(Expr.Constant(selector, $"E{j}") * r) <= power, $"power{j}");
        }
        Model.Minimize(T);
        _rng = rng;
    }

    private readonly DeterministicRandom _rng;

    public int Ntx { get; }

    public Model Model { get; }

    public Variable[] W { get; }

    /// <summary>u = s·t: the bound scaled by s_m (per BS; the objective bounds both).</summary>
    public Variable T { get; }

    /// <summary>The scale s_m of each BS's FIM.</summary>
    public double[] Scale { get; }

    public Parameter[] Channels { get; }

    /// <summary>New Rayleigh channels (intra-cell power 1, inter-cell 1/3), as one AO round would bring.</summary>
    public void RedrawChannels()
    {
        for (int i = 0; i < Channels.Length; i++)
        {
            Channels[i].Set(DrawChannel(_rng, i / UsersPerCell));
        }
    }

    private Vector<Complex> DrawChannel(DeterministicRandom rng, int cell) =>
        Vector<Complex>.Build.Dense(Cells * Ntx, a => rng.NextComplexGaussian(a / Ntx == cell ? 1.0 : 1.0 / 3));

    private Matrix<Complex>[,] FisherMatrices(int m, UniformLinearArray array, double[,] angle, Complex[,] alpha, int n, double scale)
    {
        double rad(double d) => d * Math.PI / 180;
        var receive = array.Response(rad(angle[m, m]));
        var receiveDot = array.ResponseDerivative(rad(angle[m, m]));
        // Row vectors over the stacked transmit antennas: g = [α_1m v_1mᵀ, α_2m v_2mᵀ] and its pieces.
        var g = Vector<Complex>.Build.Dense(n);
        var own = Vector<Complex>.Build.Dense(n);
        var ownDot = Vector<Complex>.Build.Dense(n);
        for (int b = 0; b < Cells; b++)
        {
            var v = array.Response(rad(angle[b, m]));
            for (int a = 0; a < Ntx; a++)
            {
                g[b * Ntx + a] = alpha[b, m] * v[a];
            }
        }
        var vmm = array.Response(rad(angle[m, m]));
        var vmmDot = array.ResponseDerivative(rad(angle[m, m]));
        for (int a = 0; a < Ntx; a++)
        {
            own[m * Ntx + a] = vmm[a];
            ownDot[m * Ntx + a] = alpha[m, m] * vmmDot[a];
        }
        // D_θ = ȧ gᵀ + a (α_mm v̇_mm)ᵀ, D_Reα = a v_mmᵀ, D_Imα = j a v_mmᵀ (v_mm placed at BS m's antennas).
        Matrix<Complex>[] d =
        [
            receiveDot.OuterProduct(g) + receive.OuterProduct(ownDot),
            receive.OuterProduct(own),
            Complex.ImaginaryOne * receive.OuterProduct(own),
        ];
        var q = new Matrix<Complex>[3, 3];
        for (int l = 0; l < 3; l++)
        {
            for (int p = 0; p < 3; p++)
            {
                q[l, p] = scale * (d[l].ConjugateTranspose() * d[p]);
            }
        }
        return q;
    }
}
