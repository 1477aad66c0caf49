using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>Small numeric helpers shared by expressions: formatting and structure checks of constants.</summary>
internal static class Numbers
{
    /// <summary>Relative tolerance for recognising a constant as Hermitian or real.</summary>
    public const double StructureTolerance = 1e-12;

    public static string Format(Complex z)
    {
        var inv = CultureInfo.InvariantCulture;
        if (z.Imaginary == 0)
        {
            return z.Real.ToString("G6", inv);
        }
        if (z.Real == 0)
        {
            return $"{z.Imaginary.ToString("G6", inv)}i";
        }
        string sign = z.Imaginary < 0 ? "-" : "+";
        return $"({z.Real.ToString("G6", inv)}{sign}{Math.Abs(z.Imaginary).ToString("G6", inv)}i)";
    }

    public static double MaxAbs(Matrix<Complex> m)
    {
        double big = 0;
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                big = Math.Max(big, m[i, j].Magnitude);
            }
        }
        return big;
    }

    public static bool IsHermitian(Matrix<Complex> m)
    {
        if (m.RowCount != m.ColumnCount)
        {
            return false;
        }
        double tol = StructureTolerance * Math.Max(MaxAbs(m), double.Epsilon);
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = i; j < m.ColumnCount; j++)
            {
                if ((m[i, j] - Complex.Conjugate(m[j, i])).Magnitude > tol)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public static bool HasImaginaryPart(Matrix<Complex> m)
    {
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                if (m[i, j].Imaginary != 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    public static bool AllFinite(Matrix<Complex> m)
    {
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                if (!double.IsFinite(m[i, j].Real) || !double.IsFinite(m[i, j].Imaginary))
                {
                    return false;
                }
            }
        }
        return true;
    }

    public static Matrix<Complex> ToComplex(Matrix<double> m) => m.Map(v => new Complex(v, 0));
}
