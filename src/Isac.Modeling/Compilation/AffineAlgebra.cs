using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>Linear operations on lowered <see cref="AffineMap"/>s (shapes are checked by the expression nodes).</summary>
internal static class AffineAlgebra
{
    /// <summary>a + scale·b; a 1×1 operand is broadcast to the other's shape.</summary>
    public static AffineMap Add(AffineMap a, AffineMap b, Complex scale)
    {
        int rows = Math.Max(a.Rows, b.Rows), cols = Math.Max(a.Cols, b.Cols);
        var builder = new AffineMapBuilder(rows, cols, a.TermCount * (a.Size == 1 ? rows * cols : 1) + b.TermCount * (b.Size == 1 ? rows * cols : 1));
        for (int e = 0; e < rows * cols; e++)
        {
            builder.AddEntry(a, a.Size == 1 ? 0 : e, Complex.One);
            builder.AddEntry(b, b.Size == 1 ? 0 : e, scale);
            builder.EndEntry();
        }
        return builder.Build();
    }

    /// <summary>The sum of many maps of one shape (1×1 maps broadcast).</summary>
    public static AffineMap Sum(IReadOnlyList<AffineMap> maps, IReadOnlyList<Complex> scales)
    {
        int rows = maps.Max(m => m.Rows), cols = maps.Max(m => m.Cols);
        var builder = new AffineMapBuilder(rows, cols, maps.Sum(m => m.TermCount));
        for (int e = 0; e < rows * cols; e++)
        {
            for (int t = 0; t < maps.Count; t++)
            {
                builder.AddEntry(maps[t], maps[t].Size == 1 ? 0 : e, scales[t]);
            }
            builder.EndEntry();
        }
        return builder.Build();
    }

    public static AffineMap Scale(AffineMap a, Complex s)
    {
        var builder = new AffineMapBuilder(a.Rows, a.Cols, a.TermCount);
        for (int e = 0; e < a.Size; e++)
        {
            builder.AddEntry(a, e, s);
            builder.EndEntry();
        }
        return builder.Build();
    }

    /// <summary>A·E for a constant p×r matrix A (given row-major as p×r array) and an r×c map E.</summary>
    public static AffineMap LeftMultiply(Complex[,] a, AffineMap e)
    {
        int p = a.GetLength(0), r = a.GetLength(1), c = e.Cols;
        var builder = new AffineMapBuilder(p, c, e.TermCount * Math.Max(1, p));
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < c; j++)
            {
                for (int k = 0; k < r; k++)
                {
                    Complex aik = a[i, k];
                    if (aik != Complex.Zero)
                    {
                        builder.AddEntry(e, k * c + j, aik);
                    }
                }
                builder.EndEntry();
            }
        }
        return builder.Build();
    }

    /// <summary>E·B for an r×c map E and a constant c×q matrix B.</summary>
    public static AffineMap RightMultiply(AffineMap e, Complex[,] b)
    {
        int r = e.Rows, c = e.Cols, q = b.GetLength(1);
        var builder = new AffineMapBuilder(r, q, e.TermCount * Math.Max(1, q));
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < q; j++)
            {
                for (int k = 0; k < c; k++)
                {
                    Complex bkj = b[k, j];
                    if (bkj != Complex.Zero)
                    {
                        builder.AddEntry(e, i * c + k, bkj);
                    }
                }
                builder.EndEntry();
            }
        }
        return builder.Build();
    }

    /// <summary>s·M for a 1×1 map s and a constant matrix M.</summary>
    public static AffineMap ScalarTimesMatrix(AffineMap s, Complex[,] m)
    {
        int r = m.GetLength(0), c = m.GetLength(1);
        var builder = new AffineMapBuilder(r, c, s.TermCount * r * c);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (m[i, j] != Complex.Zero)
                {
                    builder.AddEntry(s, 0, m[i, j]);
                }
                builder.EndEntry();
            }
        }
        return builder.Build();
    }

    /// <summary>Eᵀ, or Eᴴ when <paramref name="conjugate"/>.</summary>
    public static AffineMap Transpose(AffineMap a, bool conjugate)
    {
        var builder = new AffineMapBuilder(a.Cols, a.Rows, a.TermCount);
        for (int j = 0; j < a.Cols; j++)
        {
            for (int i = 0; i < a.Rows; i++)
            {
                builder.AddEntry(a, i * a.Cols + j, Complex.One, conjugate);
                builder.EndEntry();
            }
        }
        return builder.Build();
    }

    public static AffineMap Conjugate(AffineMap a)
    {
        var builder = new AffineMapBuilder(a.Rows, a.Cols, a.TermCount);
        for (int e = 0; e < a.Size; e++)
        {
            builder.AddEntry(a, e, Complex.One, conjugate: true);
            builder.EndEntry();
        }
        return builder.Build();
    }

    /// <summary>Re E (the parameters are real, so this is the real part of every coefficient).</summary>
    public static AffineMap RealPart(AffineMap a) => Part(a, imaginary: false);

    /// <summary>Im E.</summary>
    public static AffineMap ImaginaryPart(AffineMap a) => Part(a, imaginary: true);

    private static AffineMap Part(AffineMap a, bool imaginary)
    {
        var builder = new AffineMapBuilder(a.Rows, a.Cols, a.TermCount);
        for (int e = 0; e < a.Size; e++)
        {
            Complex c = a.Constant[e];
            builder.AddConstant(imaginary ? c.Imaginary : c.Real);
            for (int k = a.Start[e]; k < a.Start[e + 1]; k++)
            {
                Complex g = a.Coef[k];
                builder.AddTerm(a.Param[k], imaginary ? g.Imaginary : g.Real);
            }
            builder.EndEntry();
        }
        return builder.Build();
    }

    /// <summary>The submatrix E[rows, cols] (index lists, repeats allowed).</summary>
    public static AffineMap Select(AffineMap a, int[] rows, int[] cols)
    {
        var builder = new AffineMapBuilder(rows.Length, cols.Length, a.TermCount);
        foreach (int i in rows)
        {
            foreach (int j in cols)
            {
                builder.AddEntry(a, i * a.Cols + j, Complex.One);
                builder.EndEntry();
            }
        }
        return builder.Build();
    }

    /// <summary>The block matrix [[E_00, E_01, …], [E_10, …], …] (block rows share a height, block columns a width).</summary>
    public static AffineMap Block(AffineMap[,] parts)
    {
        int br = parts.GetLength(0), bc = parts.GetLength(1);
        int rows = 0, cols = 0, terms = 0;
        for (int i = 0; i < br; i++)
        {
            rows += parts[i, 0].Rows;
        }
        for (int j = 0; j < bc; j++)
        {
            cols += parts[0, j].Cols;
        }
        foreach (var p in parts)
        {
            terms += p.TermCount;
        }
        var builder = new AffineMapBuilder(rows, cols, terms);
        for (int bi = 0; bi < br; bi++)
        {
            for (int i = 0; i < parts[bi, 0].Rows; i++)
            {
                for (int bj = 0; bj < bc; bj++)
                {
                    var p = parts[bi, bj];
                    for (int j = 0; j < p.Cols; j++)
                    {
                        builder.AddEntry(p, i * p.Cols + j, Complex.One);
                        builder.EndEntry();
                    }
                }
            }
        }
        return builder.Build();
    }

    public static AffineMap Trace(AffineMap a)
    {
        var builder = new AffineMapBuilder(1, 1, a.TermCount);
        for (int i = 0; i < a.Rows; i++)
        {
            builder.AddEntry(a, i * a.Cols + i, Complex.One);
        }
        builder.EndEntry();
        return builder.Build();
    }

    /// <summary>The sum of all entries.</summary>
    public static AffineMap SumEntries(AffineMap a)
    {
        var builder = new AffineMapBuilder(1, 1, a.TermCount);
        for (int e = 0; e < a.Size; e++)
        {
            builder.AddEntry(a, e, Complex.One);
        }
        builder.EndEntry();
        return builder.Build();
    }

    /// <summary>tr(A·E) = Σ_ij A_ij E_ji for a constant p×r matrix A and an r×p map E, in O(terms of E).</summary>
    public static AffineMap TraceOfProduct(Complex[,] a, AffineMap e)
    {
        var builder = new AffineMapBuilder(1, 1, e.TermCount);
        for (int j = 0; j < e.Rows; j++)
        {
            for (int i = 0; i < e.Cols; i++)
            {
                Complex aij = a[i, j];
                if (aij != Complex.Zero)
                {
                    builder.AddEntry(e, j * e.Cols + i, aij);
                }
            }
        }
        builder.EndEntry();
        return builder.Build();
    }

    /// <summary>hᴴ·E·h = Σ_ij conj(h_i) h_j E_ij for a constant vector h and a square map E.</summary>
    public static AffineMap QuadraticForm(Complex[] h, AffineMap e)
    {
        var builder = new AffineMapBuilder(1, 1, e.TermCount);
        for (int i = 0; i < e.Rows; i++)
        {
            if (h[i] == Complex.Zero)
            {
                continue;
            }
            Complex hi = Complex.Conjugate(h[i]);
            for (int j = 0; j < e.Cols; j++)
            {
                if (h[j] != Complex.Zero)
                {
                    builder.AddEntry(e, i * e.Cols + j, hi * h[j]);
                }
            }
        }
        builder.EndEntry();
        return builder.Build();
    }
}
