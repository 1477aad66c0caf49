using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Isac.Network.Numerics;

/// <summary>
/// The eigendecomposition M = U·diag(e)·Uᴴ of a Hermitian matrix (MathNet), with the helpers the
/// power-constrained beamformers need: the power ‖(M + λI)⁻¹ z‖² as a function of λ, and the
/// λ ≥ 0 that meets a power budget, found by bisection on that monotone function.
/// </summary>
public sealed class HermitianEigen
{
    private readonly Complex[] _u; // row-major N×N, column i = eigenvector i

    /// <summary>Decomposes the row-major Hermitian N×N matrix <paramref name="m"/> given by its lower triangle.</summary>
    public HermitianEigen(ReadOnlySpan<Complex> m, int n)
    {
        N = n;
        var mat = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                mat[i, j] = i > j ? m[i * n + j] : i == j ? new Complex(m[i * n + i].Real, 0) : Complex.Conjugate(m[j * n + i]);
        Evd<Complex> evd = mat.Evd(Symmetricity.Hermitian);
        Values = new double[n];
        _u = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            Values[i] = evd.EigenValues[i].Real;
            for (int r = 0; r < n; r++) _u[r * n + i] = evd.EigenVectors[r, i];
        }
    }

    /// <summary>Dimension N.</summary>
    public int N { get; }

    /// <summary>Eigenvalues e_i (real).</summary>
    public double[] Values { get; }

    /// <summary>The coordinates y = Uᴴz of a vector in the eigenbasis.</summary>
    public Complex[] ToEigenBasis(ReadOnlySpan<Complex> z)
    {
        var y = new Complex[N];
        for (int i = 0; i < N; i++)
        {
            Complex s = Complex.Zero;
            for (int r = 0; r < N; r++) s += Complex.Conjugate(_u[r * N + i]) * z[r];
            y[i] = s;
        }
        return y;
    }

    /// <summary>x = U·diag(1/(e+λ))·y: the solution of (M + λI)x = z given y = Uᴴz.</summary>
    public void SolveShifted(ReadOnlySpan<Complex> y, double lambda, Span<Complex> x)
    {
        Span<Complex> t = stackalloc Complex[N];
        for (int i = 0; i < N; i++) t[i] = y[i] / Math.Max(Values[i] + lambda, 1e-300);
        for (int r = 0; r < N; r++)
        {
            Complex s = Complex.Zero;
            for (int i = 0; i < N; i++) s += _u[r * N + i] * t[i];
            x[r] = s;
        }
    }

    /// <summary>Σ_j ‖(M + λI)⁻¹ z_j‖² from eigen-coordinates |y_j,i|² summed over j (given per i).</summary>
    public double Power(ReadOnlySpan<double> ySquaredSum, double lambda)
    {
        double p = 0;
        for (int i = 0; i < N; i++)
        {
            double d = Values[i] + lambda;
            p += ySquaredSum[i] / (d * d);
        }
        return p;
    }

    /// <summary>
    /// The smallest λ ≥ 0 with Σ_j ‖(M + λI)⁻¹ z_j‖² ≤ budget, where <paramref name="ySquaredSum"/>[i]
    /// = Σ_j |(Uᴴz_j)_i|². The power is decreasing in λ, so bisection (to relative 1e-12) finds it.
    /// When M is singular and λ = 0 would give infinite power, λ is positive.
    /// </summary>
    public double LambdaForBudget(ReadOnlySpan<double> ySquaredSum, double budget)
    {
        double minEig = Values.Min();
        double floor = Math.Max(0, -minEig);
        double scale = Math.Max(Values.Max(), 1e-300);
        double lo = floor;
        if (Values.All(v => v + lo > 1e-12 * scale) && Power(ySquaredSum, lo) <= budget) return lo;
        double hi = Math.Max(lo, 0) + Math.Max(scale, Math.Sqrt(ySquaredSum.ToArray().Sum() / budget));
        while (Power(ySquaredSum, hi) > budget) hi *= 2;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Power(ySquaredSum, mid) > budget) lo = mid; else hi = mid;
        }
        return hi;
    }
}
