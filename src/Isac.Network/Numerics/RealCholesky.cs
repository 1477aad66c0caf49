namespace Isac.Network.Numerics;

/// <summary>Solves a small dense symmetric positive definite system by Cholesky (the Newton systems of the dual solvers).</summary>
public static class RealCholesky
{
    /// <summary>Solves A x = b in place (b becomes x; A, row-major n×n, is overwritten). False when A is not positive definite.</summary>
    public static bool Solve(double[] a, double[] b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            for (int q = 0; q < j; q++) d -= a[j * n + q] * a[j * n + q];
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double t = a[i * n + j];
                for (int q = 0; q < j; q++) t -= a[i * n + q] * a[j * n + q];
                a[i * n + j] = t / ljj;
            }
        }
        for (int i = 0; i < n; i++)
        {
            double t = b[i];
            for (int q = 0; q < i; q++) t -= a[i * n + q] * b[q];
            b[i] = t / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double t = b[i];
            for (int q = i + 1; q < n; q++) t -= a[q * n + i] * b[q];
            b[i] = t / a[i * n + i];
        }
        return true;
    }
}
