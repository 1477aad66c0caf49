namespace Isac.Conic.LinearAlgebra;

/// <summary>Eigenvalues of a symmetric matrix: Householder reduction to tridiagonal form, then implicit QL.</summary>
internal static class SymmetricTridiagonal
{
    /// <summary>All eigenvalues of the symmetric row-major A (its lower triangle is read and destroyed).</summary>
    public static void Eigenvalues(Span<double> a, int n, Span<double> d)
    {
        var e = new double[n];
        Reduce(a, n, d, e);
        QlImplicit(d.Slice(0, n), e);
    }

    /// <summary>Householder tridiagonalisation (eigenvalues only): d the diagonal, e[1..] the sub-diagonal.</summary>
    private static void Reduce(Span<double> a, int n, Span<double> d, double[] e)
    {
        for (int i = n - 1; i > 0; i--)
        {
            int l = i - 1;
            double h = 0;
            if (l > 0)
            {
                double scale = 0;
                for (int k = 0; k <= l; k++)
                {
                    scale += Math.Abs(a[i * n + k]);
                }
                if (scale == 0)
                {
                    e[i] = a[i * n + l];
                }
                else
                {
                    Span<double> ai = a.Slice(i * n, l + 1);
                    for (int k = 0; k <= l; k++)
                    {
                        ai[k] /= scale;
                        h += ai[k] * ai[k];
                    }
                    double f = ai[l];
                    double g = f >= 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    ai[l] = f - g;
                    f = 0;
                    // p = A u / h using the lower triangle (row j up to j, column j below).
                    for (int j = 0; j <= l; j++)
                    {
                        g = ManagedKernels.Dot(a.Slice(j * n, j + 1), ai.Slice(0, j + 1));
                        for (int k = j + 1; k <= l; k++)
                        {
                            g += a[k * n + j] * ai[k];
                        }
                        e[j] = g / h;
                        f += e[j] * ai[j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++)
                    {
                        f = ai[j];
                        e[j] = g = e[j] - hh * f;
                        Span<double> aj = a.Slice(j * n, j + 1);
                        ManagedKernels.Axpy(-f, e.AsSpan(0, j + 1), aj);
                        ManagedKernels.Axpy(-g, ai.Slice(0, j + 1), aj);
                    }
                }
            }
            else
            {
                e[i] = a[i * n + l];
            }
            d[i] = h;
        }
        for (int i = 0; i < n; i++)
        {
            d[i] = a[i * n + i];
        }
    }

    private static void QlImplicit(Span<double> d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }
        if (n > 0)
        {
            e[n - 1] = 0;
        }
        for (int l = 0; l < n; l++)
        {
            int iter = 0, m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= 1e-16 * dd)
                    {
                        break;
                    }
                }
                if (m != l)
                {
                    if (iter++ == 200)
                    {
                        break;
                    }
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = Hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r)));
                    double s = 1, c = 1, p = 0;
                    int i;
                    bool underflow = false;
                    for (i = m - 1; i >= l; i--)
                    {
                        double f = s * e[i], b = c * e[i];
                        e[i + 1] = r = Hypot(f, g);
                        if (r == 0)
                        {
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        d[i + 1] = g + (p = s * r);
                        g = c * r - b;
                    }
                    if (underflow)
                    {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            }
            while (m != l);
        }
    }

    private static double Hypot(double a, double b)
    {
        double s = a * a + b * b;
        if (s > 1e-280 && s < 1e280)
        {
            // No overflow or underflow possible: one square root, no division.
            return Math.Sqrt(s);
        }
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }
        if (x == 0)
        {
            return 0;
        }
        double t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }
}
