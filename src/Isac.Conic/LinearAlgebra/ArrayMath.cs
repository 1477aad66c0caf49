namespace Isac.Conic.LinearAlgebra;

/// <summary>Small array helpers used instead of LINQ on the solve path (LINQ over value types is
/// compiled by the JIT at the first solve of every process; these are precompiled).</summary>
internal static class ArrayMath
{
    public static double Min(double[] a)
    {
        double m = double.PositiveInfinity;
        foreach (double v in a)
        {
            m = Math.Min(m, v);
        }
        return m;
    }

    public static double SumSquares(double[] a) => ManagedKernels.Dot(a, a);

    public static bool AllPositive(double[] a)
    {
        foreach (double v in a)
        {
            if (!(v > 0))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A new array factor·a.</summary>
    public static double[] Scaled(double[] a, double factor)
    {
        var r = new double[a.Length];
        for (int k = 0; k < a.Length; k++)
        {
            r[k] = factor * a[k];
        }
        return r;
    }
}
