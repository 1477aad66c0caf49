namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// A double-double number Hi + Lo with |Lo| ≤ ulp(Hi)/2: about 32 significant digits (unit roundoff
/// ≈ 1.1e-32) from pairs of doubles, by Knuth's and Dekker's error-free transformations (TwoSum, and
/// the product's rounding error from one fused multiply-add).
/// </summary>
/// <remarks>
/// Used by the extended-precision primal-dual run (<c>Ipm/ExtendedPrecisionMethod</c>) on small problems
/// whose Newton systems are too ill-conditioned for double precision (SDPLIB's hinf13/hinf15).
/// </remarks>
internal readonly struct DoubleDouble
{
    public readonly double Hi;
    public readonly double Lo;

    public DoubleDouble(double hi, double lo = 0)
    {
        Hi = hi;
        Lo = lo;
    }

    public static readonly DoubleDouble Zero = new(0);

    public static implicit operator DoubleDouble(double v) => new(v);

    public static explicit operator double(DoubleDouble v) => v.Hi + v.Lo;

    /// <summary>s + e = a + b exactly, when |a| ≥ |b| (or a = 0).</summary>
    private static DoubleDouble QuickTwoSum(double a, double b)
    {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /// <summary>s + e = a + b exactly (Knuth).</summary>
    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    public static DoubleDouble operator +(DoubleDouble x, DoubleDouble y)
    {
        // The accurate ("IEEE") addition: both the high and the low parts' rounding errors are kept.
        var s = TwoSum(x.Hi, y.Hi);
        var t = TwoSum(x.Lo, y.Lo);
        var u = QuickTwoSum(s.Hi, s.Lo + t.Hi);
        return QuickTwoSum(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble x) => new(-x.Hi, -x.Lo);

    public static DoubleDouble operator -(DoubleDouble x, DoubleDouble y) => x + -y;

    public static DoubleDouble operator *(DoubleDouble x, DoubleDouble y)
    {
        double p = x.Hi * y.Hi;
        double e = Math.FusedMultiplyAdd(x.Hi, y.Hi, -p);
        e += x.Hi * y.Lo + x.Lo * y.Hi;
        return QuickTwoSum(p, e);
    }

    public static DoubleDouble operator *(DoubleDouble x, double y)
    {
        double p = x.Hi * y;
        double e = Math.FusedMultiplyAdd(x.Hi, y, -p) + x.Lo * y;
        return QuickTwoSum(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble x, DoubleDouble y)
    {
        // Long division: two correction quotients after the leading one.
        double q1 = x.Hi / y.Hi;
        var r = x - y * q1;
        double q2 = r.Hi / y.Hi;
        r -= y * q2;
        double q3 = r.Hi / y.Hi;
        return QuickTwoSum(q1, q2) + q3;
    }

    /// <summary>√x by one Newton step on the double square root (x ≥ 0).</summary>
    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (x.Hi <= 0)
        {
            return x.Hi == 0 ? Zero : new DoubleDouble(double.NaN);
        }
        double s = Math.Sqrt(x.Hi);
        var ss = new DoubleDouble(s) * s;
        return new DoubleDouble(s) + (x - ss).Hi / (2 * s);
    }

    public static bool operator <(DoubleDouble x, DoubleDouble y) => x.Hi < y.Hi || (x.Hi == y.Hi && x.Lo < y.Lo);

    public static bool operator >(DoubleDouble x, DoubleDouble y) => y < x;

    public bool IsFinite => double.IsFinite(Hi) && double.IsFinite(Lo);

    public override string ToString() => $"{Hi:R} + {Lo:R}";
}
