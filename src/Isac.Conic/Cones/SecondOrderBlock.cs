using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A second-order cone {(x₀, x̄) : ‖x̄‖ ≤ x₀} with the Nesterov–Todd scaling (closed form, as in
/// Vandenberghe's CVXOPT notes): W = β(2 w wᵀ − J), J = diag(1, −I), with W z = W⁻¹ x = λ.
/// </summary>
/// <remarks>
/// x̂ = x/√(xᵀJx), ẑ = z/√(zᵀJz), γ = √((1 + x̂ᵀẑ)/2), ŵ = (x̂ + J ẑ)/(2γ), β = (xᵀJx / zᵀJz)^¼;
/// ŵ has det 1 and its quadratic representation maps ẑ to x̂, v = ŵ^½ = (ŵ + e)/√(2(ŵ₀+1)).
/// The scaled centring condition λ ∘ (W⁻¹ΔX + WΔZ) = σμe − λ∘λ − (W⁻¹ΔX_a)∘(WΔZ_a) gives
/// ΔX = W u − W² ΔZ with λ ∘ u equal to the right side, so H = W² = β²(2 ŵŵᵀ − J) and R = W u.
/// Jordan product: x ∘ z = (xᵀz, x₀ z̄ + z₀ x̄); identity e = (1, 0, …, 0); degree 1.
/// </remarks>
internal sealed class SecondOrderBlock : VectorConeBlock
{
    private readonly double[] _w;
    private readonly double[] _q;
    private readonly double[] _lambda;
    private readonly double[] _qa;
    private double _beta;

    public SecondOrderBlock(int n, VectorRowData[] data)
        : base(n, data)
    {
        _w = new double[n];
        _q = new double[n];
        _lambda = new double[n];
        _qa = new double[data.Length];
        Schur = new SecondOrderSchurColumns(data, this);
    }

    /// <summary>β of the last scaling (H = β²(2 q qᵀ − J)), read by <see cref="SecondOrderSchurColumns"/>.</summary>
    internal double Beta => _beta;

    /// <summary>qᵀa_i for each row of the block, formed by the last scaling.</summary>
    internal double[] ProjectedRows => _qa;

    public override int Degree => 1;

    public override void SetInitialPoint(double alpha, double beta)
    {
        Array.Clear(X);
        Array.Clear(Z);
        X[0] = alpha;
        Z[0] = beta;
    }

    /// <summary>x₀² − ‖x̄‖² (the Jordan determinant).</summary>
    internal static double Det(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int k = 1; k < x.Length; k++)
        {
            s += x[k] * x[k];
        }
        return (x[0] - Math.Sqrt(s)) * (x[0] + Math.Sqrt(s));
    }

    public override bool PrepareScaling(IDenseKernels kernels)
    {
        double dx = Det(X), dz = Det(Z);
        if (!(X[0] > 0) || !(Z[0] > 0) || !(dx > 0) || !(dz > 0))
        {
            return false;
        }
        double sx = Math.Sqrt(dx), sz = Math.Sqrt(dz);
        double xz = 0;
        for (int k = 0; k < Size; k++)
        {
            xz += X[k] * Z[k];
        }
        double gamma = Math.Sqrt(0.5 * (1 + xz / (sx * sz)));
        _w[0] = (X[0] / sx + Z[0] / sz) / (2 * gamma);
        for (int k = 1; k < Size; k++)
        {
            _w[k] = (X[k] / sx - Z[k] / sz) / (2 * gamma);
        }
        _beta = Math.Sqrt(sx / sz);
        // P(ŵ) ẑ = x̂, so H = W² = β² P(ŵ) = β²(2ŵŵᵀ − J); W = β P(v) with v = ŵ^½ = (ŵ + e)/√(2(ŵ₀ + 1)).
        _w.CopyTo(_q, 0);
        double root = Math.Sqrt(2 * (_w[0] + 1));
        _w[0] = (_w[0] + 1) / root;
        for (int k = 1; k < Size; k++)
        {
            _w[k] /= root;
        }
        ApplyW(Z, _lambda, inverse: false);
        for (int r = 0; r < _data.Length; r++)
        {
            _qa[r] = _data[r].Dot(_q);
        }
        return true;
    }

    /// <summary>result ← W v = β(2 v vᵀ − J) v, or W⁻¹ v = (1/β)(2 (Jv)(Jv)ᵀ − J) v (v = ŵ^½ stored in _w).</summary>
    internal void ApplyW(ReadOnlySpan<double> v, Span<double> result, bool inverse)
    {
        double sign = inverse ? -1 : 1;
        double t = _w[0] * v[0];
        for (int k = 1; k < Size; k++)
        {
            t += sign * _w[k] * v[k];
        }
        double scale = inverse ? 1 / _beta : _beta;
        result[0] = scale * (2 * t * _w[0] - v[0]);
        for (int k = 1; k < Size; k++)
        {
            result[k] = scale * (2 * t * sign * _w[k] + v[k]);
        }
    }

    /// <summary>Solves λ ∘ u = s for u (the inverse of the arrow matrix of λ).</summary>
    internal static void ArrowSolve(ReadOnlySpan<double> lambda, ReadOnlySpan<double> s, Span<double> u)
    {
        double l0 = lambda[0], dot = 0;
        for (int k = 1; k < lambda.Length; k++)
        {
            dot += lambda[k] * s[k];
        }
        double u0 = (l0 * s[0] - dot) / Det(lambda);
        u[0] = u0;
        for (int k = 1; k < lambda.Length; k++)
        {
            u[k] = (s[k] - u0 * lambda[k]) / l0;
        }
    }

    /// <summary>x ∘ z.</summary>
    internal static void JordanProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> z, Span<double> result)
    {
        double d = 0;
        for (int k = 0; k < x.Length; k++)
        {
            d += x[k] * z[k];
        }
        for (int k = 1; k < x.Length; k++)
        {
            result[k] = x[0] * z[k] + z[0] * x[k];
        }
        result[0] = d;
    }

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels)
    {
        int n = Size;
        var sv = new double[n];
        if (!corrector)
        {
            JordanProduct(_lambda, _lambda, sv);
            for (int k = 0; k < n; k++)
            {
                sv[k] = -sv[k];
            }
        }
        else
        {
            var a = new double[n];
            var b = new double[n];
            ApplyW(DXa, a, inverse: true);
            ApplyW(DZa, b, inverse: false);
            JordanProduct(a, b, sv);
            for (int k = 0; k < n; k++)
            {
                sv[k] = -sv[k];
            }
        }
        sv[0] += sigmaMu;
        var u = new double[n];
        ArrowSolve(_lambda, sv, u);
        ApplyW(u, R, inverse: false);
    }

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        double qv = 0;
        for (int k = 0; k < Size; k++)
        {
            qv += _q[k] * v[k];
        }
        double b2 = _beta * _beta;
        result[0] = b2 * (2 * qv * _q[0] - v[0]);
        for (int k = 1; k < Size; k++)
        {
            result[k] = b2 * (2 * qv * _q[k] + v[k]);
        }
    }

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false) => MaxStepInCone(primal ? X : Z, d);

    /// <summary>Largest α ≥ 0 with x + α d in the cone, for x strictly inside: the first root of
    /// det(x + α d) = a α² + 2 b α + c, or where x₀ + α d₀ reaches 0.</summary>
    internal static double MaxStepInCone(ReadOnlySpan<double> x, ReadOnlySpan<double> d)
    {
        double a = d[0] * d[0], b = x[0] * d[0], c = Det(x);
        for (int k = 1; k < x.Length; k++)
        {
            a -= d[k] * d[k];
            b -= x[k] * d[k];
        }
        // f(α) = a α² + 2bα + c with f(0) = c > 0: the cone is left at the first positive root.
        double alpha = b * b - a * c < 0 ? double.PositiveInfinity : PositiveRoot(a, b, c);
        if (d[0] < 0)
        {
            alpha = Math.Min(alpha, -x[0] / d[0]);
        }
        return alpha;
    }

    private static double PositiveRoot(double a, double b, double c)
    {
        // Smallest positive root of a α² + 2 b α + c (c > 0), computed without cancellation.
        double disc = Math.Max(b * b - a * c, 0);
        double sq = Math.Sqrt(disc);
        double r1, r2;
        double t = -(b + (b >= 0 ? sq : -sq));
        r1 = t != 0 ? c / t : double.PositiveInfinity;
        r2 = a != 0 ? t / a : double.PositiveInfinity;
        double best = double.PositiveInfinity;
        if (r1 > 0)
        {
            best = Math.Min(best, r1);
        }
        if (r2 > 0)
        {
            best = Math.Min(best, r2);
        }
        return best;
    }

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels) => v[0] > 0 && Det(v) > 0;

    public override double MinEigenvalue(double[] v, IDenseKernels kernels)
    {
        double s = 0;
        for (int k = 1; k < v.Length; k++)
        {
            s += v[k] * v[k];
        }
        return v[0] - Math.Sqrt(s);
    }
}
