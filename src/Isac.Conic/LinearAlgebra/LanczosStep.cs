namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// The smallest eigenvalue of S = L⁻¹ D L⁻ᵀ (L a lower Cholesky factor, D symmetric) by the Lanczos
/// method, without forming S: the step-length test of a PSD block (X + α ΔX ⪰ 0 up to α = −1/λ_min(S)).
/// </summary>
/// <remarks>
/// <para>Each Lanczos step applies S through two triangular solves and a product with D (about 3n²
/// operations) instead of the sandwich (2n³) and the full eigenvalue problem (≈ 4n³/3) of the direct
/// method; 10–30 steps are typical. The Lanczos vectors are fully re-orthogonalised (k²n, small), the
/// start vector is fixed and generic (deterministic results), and convergence is judged by the Ritz
/// pair's residual: for the smallest Ritz value θ of the tridiagonal T_k with unit eigenvector s,
/// ‖S q − θ q‖ = β_k |s_k| =: r, and an eigenvalue of S lies in [θ − r, θ + r]. The returned value is
/// θ − r (a step no longer than the true one, up to the missed-eigenvalue case that a generic start
/// vector makes improbable and the caller's Cholesky test of the new point catches).</para>
/// <para>Accepted when r ≤ 10⁻² |θ| (the step is then known to 1 %, below the 3–10 % the solver keeps
/// from the boundary; 10⁻³ took twice the steps on maxG11) or when the Krylov space is exhausted;
/// otherwise NaN after <c>maxSteps</c>, and the caller falls back to the full eigenvalue problem.</para>
/// </remarks>
internal sealed class LanczosStep
{
    /// <summary>A symmetric operator applied by the Lanczos steps.</summary>
    public interface ISymmetricOperator
    {
        /// <summary>w ← S v.</summary>
        void Apply(ReadOnlySpan<double> v, Span<double> w);
    }

    private readonly int _n;
    private readonly int _maxSteps;
    private readonly double[] _q;
    private readonly double[] _alpha;
    private readonly double[] _beta;
    private readonly double[] _w;
    private readonly double[] _t;
    private readonly double[] _start;
    private readonly double[] _ritz;
    // The Ritz vector of the last settled run, per slot (a block's X and Z): the next run starts from it.
    private readonly double[]?[] _warm = new double[2][];

    /// <summary>The Ritz residual accepted, relative to |θ|: θ − r then bounds λ_min from below to 1 %,
    /// and the step keeps 3–10 % from the boundary anyway.</summary>
    private const double Tolerance = 1e-2;

    public LanczosStep(int n, int maxSteps)
    {
        _n = n;
        _maxSteps = Math.Min(n, maxSteps);
        _q = new double[(_maxSteps + 1) * n];
        _alpha = new double[_maxSteps + 1];
        _beta = new double[_maxSteps + 1];
        _w = new double[n];
        _t = new double[n];
        _start = new double[n];
        _ritz = new double[_maxSteps + 1];
        // A fixed, generic start vector (no symmetry that could hide an eigenvector).
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            _start[i] = 1.0 + 0.5 * Math.Sin(1.7 * i + 0.3) + 0.25 * Math.Cos(0.37 * i * i);
            norm += _start[i] * _start[i];
        }
        norm = Math.Sqrt(norm);
        for (int i = 0; i < n; i++)
        {
            _start[i] /= norm;
        }
    }

    /// <summary>A lower bound θ − r on λ_min(L⁻¹ D L⁻ᵀ), or NaN if the Lanczos steps did not settle it.</summary>
    public double SmallestEigenvalue(ReadOnlySpan<double> l, ReadOnlySpan<double> d, int slot = -1)
    {
        var op = new DenseSandwich(this, l, d);
        return SmallestEigenvalue(ref op, slot);
    }

    /// <summary>The same for any symmetric operator v ↦ S v (e.g. a sparse factor's sandwich).</summary>
    /// <remarks>With <paramref name="slot"/> 0 or 1 the run starts from that slot's last Ritz vector, mixed
    /// with the generic start vector (a third of its weight, so that a changed eigenvector is still
    /// reached), and leaves its own Ritz vector there: the step-length problems of successive predictor and
    /// corrector directions have nearby smallest eigenvectors, and the runs take a few steps instead of
    /// tens (maxG11, n = 800: 3n² memory-bound operations per step were a quarter of the solve).</remarks>
    public double SmallestEigenvalue<TOperator>(ref TOperator op, int slot = -1) where TOperator : ISymmetricOperator, allows ref struct
    {
        int n = _n;
        var first = _q.AsSpan(0, n);
        if (slot >= 0 && _warm[slot] is { } warm)
        {
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                first[i] = warm[i] + 0.35 * _start[i];
                norm += first[i] * first[i];
            }
            norm = Math.Sqrt(norm);
            for (int i = 0; i < n; i++)
            {
                first[i] /= norm;
            }
        }
        else
        {
            _start.CopyTo(first);
        }
        double scale = 0;
        for (int k = 0; k < _maxSteps; k++)
        {
            var qk = _q.AsSpan(k * n, n);
            op.Apply(qk, _w);
            double a = ManagedKernels.Dot(qk, _w);
            _alpha[k] = a;
            // Full re-orthogonalisation against every previous vector (twice is enough).
            for (int pass = 0; pass < 2; pass++)
            {
                for (int j = 0; j <= k; j++)
                {
                    var qj = _q.AsSpan(j * n, n);
                    ManagedKernels.Axpy(-ManagedKernels.Dot(qj, _w), qj, _w);
                }
            }
            double b = Math.Sqrt(ManagedKernels.Dot(_w, _w));
            _beta[k] = b;
            scale = Math.Max(scale, Math.Abs(a) + b);
            var (theta, lastComponent) = SmallestRitz(k + 1);
            double r = b * Math.Abs(lastComponent);
            bool exhausted = b <= 1e-13 * scale || k + 1 == n;
            if (exhausted || (k >= 2 && r <= Tolerance * Math.Abs(theta)))
            {
                if (slot >= 0)
                {
                    KeepRitzVector(slot, k + 1);
                }
                return theta - (exhausted ? 0 : r);
            }
            var next = _q.AsSpan((k + 1) * n, n);
            for (int i = 0; i < n; i++)
            {
                next[i] = _w[i] / b;
            }
        }
        return double.NaN;
    }

    /// <summary>Drops the slot's warm start (the next run starts from the generic vector).</summary>
    public void ForgetWarmStart(int slot) => _warm[slot] = null;

    /// <summary>The slot's warm start ← Q s (s the Ritz pair's eigenvector of T_k from SmallestRitz), unit length.</summary>
    private void KeepRitzVector(int slot, int k)
    {
        int n = _n;
        var y = _warm[slot] ??= new double[n];
        Array.Clear(y);
        for (int j = 0; j < k; j++)
        {
            ManagedKernels.Axpy(_ritz[j], _q.AsSpan(j * n, n), y);
        }
        double norm = Math.Sqrt(ManagedKernels.Dot(y, y));
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            _warm[slot] = null;
            return;
        }
        for (int i = 0; i < n; i++)
        {
            y[i] /= norm;
        }
    }

    /// <summary>L⁻¹ D L⁻ᵀ with a dense lower factor L.</summary>
    private readonly ref struct DenseSandwich(LanczosStep owner, ReadOnlySpan<double> l, ReadOnlySpan<double> d) : ISymmetricOperator
    {
        private readonly ReadOnlySpan<double> _l = l;
        private readonly ReadOnlySpan<double> _d = d;

        public void Apply(ReadOnlySpan<double> v, Span<double> w) => owner.Apply(_l, _d, v, w);
    }

    /// <summary>w ← L⁻¹ D L⁻ᵀ v.</summary>
    private void Apply(ReadOnlySpan<double> l, ReadOnlySpan<double> d, ReadOnlySpan<double> v, Span<double> w)
    {
        int n = _n;
        // t = L⁻ᵀ v: back substitution by columns of Lᵀ, i.e. rows of L (contiguous).
        v.CopyTo(_t);
        for (int i = n - 1; i >= 0; i--)
        {
            double ti = _t[i] / l[i * n + i];
            _t[i] = ti;
            if (i > 0 && ti != 0)
            {
                ManagedKernels.Axpy(-ti, l.Slice(i * n, i), _t.AsSpan(0, i));
            }
        }
        // u = D t (stored in w), then w = L⁻¹ u by forward substitution.
        for (int i = 0; i < n; i++)
        {
            w[i] = ManagedKernels.Dot(d.Slice(i * n, n), _t);
        }
        for (int i = 0; i < n; i++)
        {
            double s = i > 0 ? ManagedKernels.Dot(l.Slice(i * n, i), w.Slice(0, i)) : 0;
            w[i] = (w[i] - s) / l[i * n + i];
        }
    }

    /// <summary>The smallest eigenvalue θ of the k×k tridiagonal T (diagonal α, off-diagonal β) by
    /// bisection on the Sturm count, and the last component of its unit eigenvector.</summary>
    private (double Theta, double LastComponent) SmallestRitz(int k)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            double off = (i > 0 ? Math.Abs(_beta[i - 1]) : 0) + (i < k - 1 ? Math.Abs(_beta[i]) : 0);
            lo = Math.Min(lo, _alpha[i] - off);
            hi = Math.Max(hi, _alpha[i] + off);
        }
        double width = Math.Max(hi - lo, double.Epsilon);
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.Max(Math.Abs(lo), Math.Abs(hi)) + 1e-300; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (CountBelow(k, mid) >= 1)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        double theta = 0.5 * (lo + hi);
        _ritz[0] = 1.0;
        if (k == 1)
        {
            return (theta, 1.0);
        }
        // Eigenvector by two steps of inverse iteration on T − (θ − δ)I (tridiagonal LU, no pivoting
        // needed with the shift just below the smallest eigenvalue: T − σI is then positive definite).
        double shift = theta - 1e-10 * width;
        Span<double> x = stackalloc double[k];
        Span<double> diag = stackalloc double[k];
        x.Fill(1.0);
        for (int pass = 0; pass < 2; pass++)
        {
            // Factor T − σI = L D Lᵀ (bidiagonal), solve, normalise.
            diag[0] = _alpha[0] - shift;
            for (int i = 1; i < k; i++)
            {
                diag[i] = _alpha[i] - shift - _beta[i - 1] * _beta[i - 1] / diag[i - 1];
            }
            for (int i = 1; i < k; i++)
            {
                x[i] -= _beta[i - 1] / diag[i - 1] * x[i - 1];
            }
            x[k - 1] /= diag[k - 1];
            for (int i = k - 2; i >= 0; i--)
            {
                x[i] = (x[i] - _beta[i] * x[i + 1]) / diag[i];
            }
            double norm = 0;
            for (int i = 0; i < k; i++)
            {
                norm += x[i] * x[i];
            }
            norm = Math.Sqrt(norm);
            if (!(norm > 0) || !double.IsFinite(norm))
            {
                Array.Clear(_ritz);
                _ritz[k - 1] = 1.0;
                return (theta, 1.0);
            }
            for (int i = 0; i < k; i++)
            {
                x[i] /= norm;
            }
        }
        x.CopyTo(_ritz);
        return (theta, x[k - 1]);
    }

    /// <summary>Number of eigenvalues of the leading k×k tridiagonal below <paramref name="x"/> (Sturm count).</summary>
    private int CountBelow(int k, double x)
    {
        int count = 0;
        double q = _alpha[0] - x;
        if (q < 0)
        {
            count++;
        }
        for (int i = 1; i < k; i++)
        {
            double denominator = q != 0 ? q : 1e-300;
            q = _alpha[i] - x - _beta[i - 1] * _beta[i - 1] / denominator;
            if (q < 0)
            {
                count++;
            }
        }
        return count;
    }
}
