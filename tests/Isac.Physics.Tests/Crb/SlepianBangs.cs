using Complex = System.Numerics.Complex;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Crb;

/// <summary>
/// An independent Fisher information: the mean of the echo is rebuilt from the array responses as a
/// function of ζ = (θ_mm, Re α_mm, Im α_mm), differentiated by central differences, and plugged into
/// the Slepian-Bangs formula F[l,p] = 2 Re Σ_s ∂μ_sᴴ C⁻¹ ∂μ_s (sum over the L columns). Nothing
/// here uses the library's Fisher code or the arrays' analytic derivatives.
/// </summary>
internal static class SlepianBangs
{
    public const double Step = 1e-5;

    /// <summary>CBF: μ = α(ζ)·a_rx(θ)·a_tx(θ)ᵀ·X_m; C from the other BSs' echoes at the true θ.</summary>
    public static Matrix<double> Cbf(SensingScene scene, int m, IReadOnlyList<Matrix<Complex>> symbols)
    {
        Matrix<Complex> Mean(double[] z)
        {
            var alpha = new Complex(z[1], z[2]);
            var a = scene.ReceiveArray.Response(z[0]);
            var v = scene.TransmitArray.Response(z[0]);
            return Outer(a, v) * alpha * symbols[m];
        }
        var c = Matrix<Complex>.Build.DenseIdentity(scene.ReceiveArray.Elements) * scene.RadarNoiseVariance;
        for (int n = 0; n < scene.Cells; n++)
        {
            if (n == m) continue;
            var g = Outer(scene.ReceiveArray.Response(scene.Angle(m, m)), scene.TransmitArray.Response(scene.Angle(n, m))) * scene.Reflection(n, m);
            var r = symbols[n] * symbols[n].ConjugateTranspose() / symbols[n].ColumnCount;
            c += g * r * g.ConjugateTranspose();
        }
        return Fisher(Mean, Zeta(scene, m), c.Inverse());
    }

    /// <summary>CoMP: μ = Σ_n α_nm(ζ)·a_rx(θ)·a_tx(θ_nm(ζ))ᵀ·X_n, only α_mm and θ_mm = θ varying; C = σ_R² I.</summary>
    public static Matrix<double> Comp(SensingScene scene, int m, IReadOnlyList<Matrix<Complex>> symbols)
    {
        Matrix<Complex> Mean(double[] z)
        {
            var a = scene.ReceiveArray.Response(z[0]);
            var mu = Matrix<Complex>.Build.Dense(a.Count, symbols[0].ColumnCount);
            for (int n = 0; n < scene.Cells; n++)
            {
                Complex alpha = n == m ? new Complex(z[1], z[2]) : scene.Reflection(n, m);
                double theta = n == m ? z[0] : scene.Angle(n, m);
                mu += Outer(a, scene.TransmitArray.Response(theta)) * alpha * symbols[n];
            }
            return mu;
        }
        var cInv = Matrix<Complex>.Build.DenseIdentity(scene.ReceiveArray.Elements) / scene.RadarNoiseVariance;
        return Fisher(Mean, Zeta(scene, m), cInv);
    }

    private static double[] Zeta(SensingScene scene, int m) =>
        [scene.Angle(m, m), scene.Reflection(m, m).Real, scene.Reflection(m, m).Imaginary];

    private static Matrix<double> Fisher(Func<double[], Matrix<Complex>> mean, double[] zeta, Matrix<Complex> cInv)
    {
        var d = new Matrix<Complex>[3];
        for (int l = 0; l < 3; l++)
        {
            var plus = (double[])zeta.Clone();
            var minus = (double[])zeta.Clone();
            plus[l] += Step;
            minus[l] -= Step;
            d[l] = (mean(plus) - mean(minus)) / (2 * Step);
        }
        var f = Matrix<double>.Build.Dense(3, 3);
        for (int l = 0; l < 3; l++)
            for (int p = 0; p < 3; p++)
                f[l, p] = 2 * (d[l].ConjugateTranspose() * cInv * d[p]).Trace().Real;
        return f;
    }

    private static Matrix<Complex> Outer(Vector<Complex> x, Vector<Complex> y) =>
        Matrix<Complex>.Build.Dense(x.Count, y.Count, (i, j) => x[i] * y[j]);
}
