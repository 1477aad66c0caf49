namespace Isac.Modeling.Compilation;

/// <summary>
/// Real affine functions g_r(x) = constant_r + Σ_p value·x_p of the model's real scalars, one per
/// row, each compacted (a parameter appears at most once per row, sorted).
/// </summary>
internal sealed class RealRows
{
    public RealRows(int[] start, int[] param, double[] value, double[] constant)
    {
        Start = start;
        Param = param;
        Value = value;
        Constant = constant;
    }

    public int Count => Constant.Length;

    public int[] Start { get; }

    public int[] Param { get; }

    public double[] Value { get; }

    public double[] Constant { get; }

    public int TermCount(int r) => Start[r + 1] - Start[r];

    public ReadOnlySpan<int> Params(int r) => Param.AsSpan(Start[r], Start[r + 1] - Start[r]);

    public ReadOnlySpan<double> Values(int r) => Value.AsSpan(Start[r], Start[r + 1] - Start[r]);

    public double Evaluate(int r, ReadOnlySpan<double> x)
    {
        double s = Constant[r];
        for (int k = Start[r]; k < Start[r + 1]; k++)
        {
            s += Value[k] * x[Param[k]];
        }
        return s;
    }
}

/// <summary>
/// Builds <see cref="RealRows"/> from parts of lowered entries, merging repeated parameters with a
/// dense scratch accumulator (O(terms) per row).
/// </summary>
internal sealed class RealRowsBuilder
{
    private readonly RowCompactor _compactor;
    private readonly List<int> _start = [0];
    private readonly List<int> _param = [];
    private readonly List<double> _value = [];
    private readonly List<double> _constant = [];
    private double _rowConstant;

    public RealRowsBuilder(RowCompactor compactor) => _compactor = compactor;

    public int Count => _constant.Count;

    /// <summary>Adds scale·Re(entry e of m), or scale·Im(entry e of m), to the current row.</summary>
    public void AddPart(AffineMap m, int e, bool imaginary, double scale = 1.0)
    {
        var c = m.Constant[e];
        _rowConstant += scale * (imaginary ? c.Imaginary : c.Real);
        var coefs = m.Coefs(e);
        var ps = m.Params(e);
        for (int k = 0; k < ps.Length; k++)
        {
            double v = imaginary ? coefs[k].Imaginary : coefs[k].Real;
            if (v != 0)
            {
                _compactor.Add(ps[k], scale * v);
            }
        }
    }

    public void AddTerm(int param, double value) => _compactor.Add(param, value);

    public void AddConstant(double value) => _rowConstant += value;

    /// <summary>Closes the current row; returns its number of terms.</summary>
    public int EndRow()
    {
        int before = _param.Count;
        _compactor.Flush(_param, _value);
        _start.Add(_param.Count);
        _constant.Add(_rowConstant);
        _rowConstant = 0;
        return _param.Count - before;
    }

    /// <summary>Drops the last row (it was closed with <see cref="EndRow"/>).</summary>
    public void DropLastRow()
    {
        int s = _start[^2];
        _param.RemoveRange(s, _param.Count - s);
        _value.RemoveRange(s, _value.Count - s);
        _start.RemoveAt(_start.Count - 1);
        _constant.RemoveAt(_constant.Count - 1);
    }

    public double LastConstant => _constant[^1];

    public RealRows Build() => new(_start.ToArray(), _param.ToArray(), _value.ToArray(), _constant.ToArray());
}

/// <summary>A dense accumulator over parameters with a touched list: merges terms in O(terms).</summary>
internal sealed class RowCompactor
{
    private double[] _acc = new double[64];
    private bool[] _used = new bool[64];
    private readonly List<int> _touched = [];

    public void Add(int param, double value)
    {
        if (param >= _acc.Length)
        {
            int size = Math.Max(2 * _acc.Length, param + 1);
            Array.Resize(ref _acc, size);
            Array.Resize(ref _used, size);
        }
        if (!_used[param])
        {
            _used[param] = true;
            _touched.Add(param);
        }
        _acc[param] += value;
    }

    /// <summary>Appends the merged nonzero terms, sorted by parameter, and clears.</summary>
    public void Flush(List<int> param, List<double> value)
    {
        _touched.Sort();
        foreach (int p in _touched)
        {
            if (_acc[p] != 0)
            {
                param.Add(p);
                value.Add(_acc[p]);
            }
            _acc[p] = 0;
            _used[p] = false;
        }
        _touched.Clear();
    }
}
