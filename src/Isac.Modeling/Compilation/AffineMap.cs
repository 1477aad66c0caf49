using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>
/// An affine expression lowered to numbers: each entry e of an r×c matrix (row-major) is
/// c_e + Σ_p g_{e,p}·x_p over the real scalar parameters x_p of the model's variables, with complex
/// constants c_e and coefficients g_{e,p}.
/// </summary>
/// <remarks>
/// Every variable is described by real scalars (a complex entry by its real and imaginary parts, a
/// Hermitian matrix by the real parts of its upper triangle and the imaginary parts above the
/// diagonal), so conjugation, real and imaginary parts are linear maps on the coefficients. An
/// entry may list the same parameter more than once; the terms add up (see <see cref="RowCompactor"/>).
/// Immutable once built.
/// </remarks>
internal sealed class AffineMap
{
    internal AffineMap(int rows, int cols, Complex[] constant, int[] start, int[] param, Complex[] coef)
    {
        Rows = rows;
        Cols = cols;
        Constant = constant;
        Start = start;
        Param = param;
        Coef = coef;
    }

    public int Rows { get; }

    public int Cols { get; }

    public int Size => Rows * Cols;

    /// <summary>The constant c_e of every entry, row-major.</summary>
    public Complex[] Constant { get; }

    /// <summary>Entry e's terms are at [Start[e], Start[e+1]).</summary>
    public int[] Start { get; }

    public int[] Param { get; }

    public Complex[] Coef { get; }

    public int TermCount => Param.Length;

    public int Index(int i, int j) => i * Cols + j;

    public ReadOnlySpan<int> Params(int e) => Param.AsSpan(Start[e], Start[e + 1] - Start[e]);

    public ReadOnlySpan<Complex> Coefs(int e) => Coef.AsSpan(Start[e], Start[e + 1] - Start[e]);

    /// <summary>A map with no variable terms.</summary>
    public static AffineMap FromConstant(Matrix<Complex> value)
    {
        int r = value.RowCount, c = value.ColumnCount;
        var constant = new Complex[r * c];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                constant[i * c + j] = value[i, j];
            }
        }
        return new AffineMap(r, c, constant, new int[r * c + 1], [], []);
    }

    /// <summary>The value at a point x (the model's real scalars).</summary>
    public Matrix<Complex> Evaluate(ReadOnlySpan<double> x)
    {
        var m = Matrix<Complex>.Build.Dense(Rows, Cols);
        for (int e = 0; e < Size; e++)
        {
            Complex v = Constant[e];
            for (int k = Start[e]; k < Start[e + 1]; k++)
            {
                v += Coef[k] * x[Param[k]];
            }
            m[e / Cols, e % Cols] = v;
        }
        return m;
    }
}

/// <summary>Builds an <see cref="AffineMap"/> entry by entry, in row-major order.</summary>
internal sealed class AffineMapBuilder
{
    private readonly int _rows;
    private readonly int _cols;
    private readonly Complex[] _constant;
    private readonly int[] _start;
    private int[] _param;
    private Complex[] _coef;
    private int _count;
    private int _entry;

    public AffineMapBuilder(int rows, int cols, int capacity = 16)
    {
        _rows = rows;
        _cols = cols;
        _constant = new Complex[rows * cols];
        _start = new int[rows * cols + 1];
        _param = new int[Math.Max(4, capacity)];
        _coef = new Complex[_param.Length];
    }

    /// <summary>The entry being filled (row-major index).</summary>
    public int Entry => _entry;

    public void AddConstant(Complex c) => _constant[_entry] += c;

    public void AddTerm(int param, Complex coef)
    {
        if (coef == Complex.Zero)
        {
            return;
        }
        if (_count == _param.Length)
        {
            Array.Resize(ref _param, 2 * _count);
            Array.Resize(ref _coef, 2 * _count);
        }
        _param[_count] = param;
        _coef[_count] = coef;
        _count++;
    }

    /// <summary>Adds scale·(entry e of m), constant included.</summary>
    public void AddEntry(AffineMap m, int e, Complex scale)
    {
        _constant[_entry] += scale * m.Constant[e];
        int s = m.Start[e], t = m.Start[e + 1];
        EnsureCapacity(t - s);
        for (int k = s; k < t; k++)
        {
            Complex v = scale * m.Coef[k];
            if (v != Complex.Zero)
            {
                _param[_count] = m.Param[k];
                _coef[_count] = v;
                _count++;
            }
        }
    }

    /// <summary>Adds conj(scale·entry e of m) when <paramref name="conjugate"/>, else scale·entry.</summary>
    public void AddEntry(AffineMap m, int e, Complex scale, bool conjugate)
    {
        if (!conjugate)
        {
            AddEntry(m, e, scale);
            return;
        }
        _constant[_entry] += Complex.Conjugate(scale * m.Constant[e]);
        int s = m.Start[e], t = m.Start[e + 1];
        EnsureCapacity(t - s);
        for (int k = s; k < t; k++)
        {
            Complex v = Complex.Conjugate(scale * m.Coef[k]);
            if (v != Complex.Zero)
            {
                _param[_count] = m.Param[k];
                _coef[_count] = v;
                _count++;
            }
        }
    }

    /// <summary>Closes the current entry and moves to the next.</summary>
    public void EndEntry()
    {
        _entry++;
        _start[_entry] = _count;
    }

    public AffineMap Build()
    {
        if (_entry != _rows * _cols)
        {
            throw new InvalidOperationException($"affine map built with {_entry} of {_rows * _cols} entries");
        }
        Array.Resize(ref _param, _count);
        Array.Resize(ref _coef, _count);
        return new AffineMap(_rows, _cols, _constant, _start, _param, _coef);
    }

    private void EnsureCapacity(int extra)
    {
        if (_count + extra > _param.Length)
        {
            int size = Math.Max(2 * _param.Length, _count + extra);
            Array.Resize(ref _param, size);
            Array.Resize(ref _coef, size);
        }
    }
}
