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

    /// <summary>Every entry of <paramref name="a"/> set to <paramref name="value"/> (Array.Fill over double
    /// and int is a framework instantiation the JIT compiles at the first call of a process).</summary>
    public static void Fill(Span<double> a, double value)
    {
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = value;
        }
    }

    /// <inheritdoc cref="Fill(Span{double}, double)"/>
    public static void Fill(Span<int> a, int value)
    {
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = value;
        }
    }

    /// <summary>Whether some entry is nonzero (ContainsAnyExcept(0.0) without its generic instantiation).</summary>
    public static bool AnyNonzero(ReadOnlySpan<double> a)
    {
        foreach (double v in a)
        {
            if (v != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A zero array per block, of its stored length.</summary>
    public static double[][] ZerosPerBlock(Cones.ConeBlock[] blocks)
    {
        var r = new double[blocks.Length][];
        for (int b = 0; b < blocks.Length; b++)
        {
            r[b] = new double[blocks[b].StoredLength];
        }
        return r;
    }

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
