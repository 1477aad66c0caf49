using MathNet.Numerics.LinearAlgebra;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Gaussian elimination of scalars through equality rows a·x + c = 0: each row that contains an
/// eliminable scalar solves for one (the pivot), x_p = −(c + Σ_{q≠p} a_q x_q)/a_p, which is then
/// substituted into every other row and the objective; rows without one are kept.
/// </summary>
/// <remarks>
/// <para>Used on both sides of the duality to keep free blocks away from the solver (a primal-dual
/// method must split a free x into x⁺ − x⁻, which stalls): on the free-scalar side every
/// equality is removed this way; on the cone-variable side the model's free scalars are
/// eliminated through the rows that tie them to cone slacks. Either way m shrinks by one per pivot.</para>
/// <para>Pivots: among the eliminable entries within a factor 10 of the largest eliminable one, the scalar
/// that appears in the fewest rows (threshold pivoting, Markowitz-style, to keep fill small). Pivot
/// expressions are kept in terms of the remaining scalars only (back-substitution).</para>
/// <para>Multipliers of the eliminated rows come back from stationarity at the pivots:
/// Σ_{pivot rows i} y_i a_i(x_pj) = r_j with r_j = c(x_pj) minus every other constraint's multiplier
/// times its coefficient on x_pj; the matrix [a_i(x_pj)] of the original rows is square and
/// nonsingular, since each reduced pivot row is a combination of earlier ones plus itself.</para>
/// </remarks>
internal sealed class LinearElimination
{
    /// <summary>Above this many pivots the dense multiplier solve is not worth it.</summary>
    public const int MaxPivots = 400;

    private readonly IReadOnlyList<(RealRows Rows, int Row)> _equalities;
    private readonly List<int> _pivotRows = [];
    private readonly List<int> _pivots = [];
    private readonly List<int> _kept = [];
    private readonly Dictionary<int, (double Constant, Dictionary<int, double> Terms)> _expressions = [];

    /// <summary>Eliminates what it can.</summary>
    /// <param name="equalities">The equality rows, in order.</param>
    /// <param name="scalarCount">Scalars are 0 … scalarCount − 1.</param>
    /// <param name="eliminable">Which scalars may be pivots.</param>
    /// <param name="appearances">How many rows each scalar appears in (for the pivot choice).</param>
    /// <param name="maxPivots">Stop pivoting past this many (the rest are kept).</param>
    public LinearElimination(IReadOnlyList<(RealRows Rows, int Row)> equalities, int scalarCount, Func<int, bool> eliminable,
                             int[] appearances, int maxPivots = MaxPivots)
    {
        _equalities = equalities;
        ScalarCount = scalarCount;
        for (int e = 0; e < equalities.Count; e++)
        {
            var (rows, r) = equalities[e];
            if (!Touches(rows, r, eliminable))
            {
                // Nothing to pivot on and nothing substituted yet: kept (substituted at the end).
                _kept.Add(e);
                continue;
            }
            var (constant, terms) = Substitute(rows, r);
            if (terms.Count == 0)
            {
                if (Math.Abs(constant) > 1e-9 * (1 + Math.Abs(rows.Constant[r])))
                {
                    throw new ModelException("equalities", $"the equality constraints are inconsistent (a combination of them says {constant:G6} = 0)");
                }
                Redundant.Add(e);
                continue;
            }
            // A pivot much smaller than the row's other entries would blow up its expression.
            double rowMax = terms.Values.Max(Math.Abs);
            var eligible = terms.Where(t => eliminable(t.Key) && Math.Abs(t.Value) >= 1e-8 * rowMax).ToArray();
            double big = eligible.Length == 0 ? 0 : eligible.Max(t => Math.Abs(t.Value));
            var candidates = eligible.Where(t => Math.Abs(t.Value) >= 0.1 * big).ToArray();
            if (candidates.Length == 0 || _pivots.Count >= maxPivots)
            {
                _kept.Add(e);
                continue;
            }
            int pivot = candidates.OrderBy(t => appearances[t.Key]).ThenByDescending(t => Math.Abs(t.Value)).ThenBy(t => t.Key).First().Key;
            double a = terms[pivot];
            var expression = new Dictionary<int, double>();
            foreach (var (q, v) in terms)
            {
                if (q != pivot)
                {
                    expression[q] = -v / a;
                }
            }
            double c0 = -constant / a;
            foreach (int earlier in _pivots)
            {
                var (ec, et) = _expressions[earlier];
                if (et.Remove(pivot, out double w))
                {
                    foreach (var (q, v) in expression)
                    {
                        et[q] = et.GetValueOrDefault(q) + w * v;
                    }
                    _expressions[earlier] = (ec + w * c0, et);
                }
            }
            _expressions[pivot] = (c0, expression);
            _pivots.Add(pivot);
            _pivotRows.Add(e);
        }
    }

    public int ScalarCount { get; }

    /// <summary>The eliminated scalars, in order.</summary>
    public IReadOnlyList<int> Pivots => _pivots;

    /// <summary>The rows (indices into the equalities) that solved for a pivot.</summary>
    public IReadOnlyList<int> PivotRows => _pivotRows;

    /// <summary>The rows kept (no eliminable scalar), to be handed to the solver after <see cref="SubstituteAll"/>.</summary>
    public IReadOnlyList<int> KeptRows => _kept;

    /// <summary>Rows that reduced to 0 = 0 (their multiplier is zero).</summary>
    public List<int> Redundant { get; } = [];

    public bool IsPivot(int scalar) => _expressions.ContainsKey(scalar);

    /// <summary>A copy of the rows with every pivot replaced by its expression.</summary>
    public RealRows SubstituteAll(RealRows rows, RowCompactor compactor)
    {
        var builder = new RealRowsBuilder(compactor);
        for (int r = 0; r < rows.Count; r++)
        {
            AddSubstituted(builder, rows, r);
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>The kept rows, substituted, as one set of rows.</summary>
    public RealRows KeptRowsSubstituted(RowCompactor compactor)
    {
        var builder = new RealRowsBuilder(compactor);
        foreach (int e in _kept)
        {
            var (rows, r) = _equalities[e];
            AddSubstituted(builder, rows, r);
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>Fills in the pivots of x from the other scalars.</summary>
    public void Recover(double[] x)
    {
        foreach (int p in _pivots)
        {
            var (c, terms) = _expressions[p];
            double v = c;
            foreach (var (q, w) in terms)
            {
                v += w * x[q];
            }
            x[p] = v;
        }
    }

    /// <summary>
    /// The multipliers of the pivot rows (in <see cref="PivotRows"/> order) from the stationarity
    /// right-hand sides r_j at the pivots (in <see cref="Pivots"/> order).
    /// </summary>
    public double[] PivotRowMultipliers(double[] rhs)
    {
        int q = _pivots.Count;
        if (q == 0)
        {
            return [];
        }
        var index = PivotIndex();
        var matrix = Matrix<double>.Build.Dense(q, q);
        for (int i = 0; i < q; i++)
        {
            var (rows, r) = _equalities[_pivotRows[i]];
            var ps = rows.Params(r);
            var vs = rows.Values(r);
            for (int t = 0; t < ps.Length; t++)
            {
                if (index.TryGetValue(ps[t], out int j))
                {
                    matrix[j, i] = vs[t];
                }
            }
        }
        return matrix.Solve(Vector<double>.Build.DenseOfArray(rhs)).ToArray();
    }

    /// <summary>rhs[j] −= scale · (coefficient of pivot j in the row), for building stationarity right-hand sides.</summary>
    public void SubtractRow(double[] rhs, RealRows rows, int r, double scale)
    {
        var index = PivotIndex();
        var ps = rows.Params(r);
        var vs = rows.Values(r);
        for (int t = 0; t < ps.Length; t++)
        {
            if (index.TryGetValue(ps[t], out int j))
            {
                rhs[j] -= scale * vs[t];
            }
        }
    }

    private bool Touches(RealRows rows, int r, Func<int, bool> eliminable)
    {
        foreach (int p in rows.Params(r))
        {
            if (eliminable(p) || _expressions.ContainsKey(p))
            {
                return true;
            }
        }
        return rows.TermCount(r) == 0;
    }

    private Dictionary<int, int>? _index;

    private Dictionary<int, int> PivotIndex()
    {
        if (_index is null)
        {
            _index = [];
            for (int j = 0; j < _pivots.Count; j++)
            {
                _index[_pivots[j]] = j;
            }
        }
        return _index;
    }

    private void AddSubstituted(RealRowsBuilder builder, RealRows rows, int r)
    {
        var ps = rows.Params(r);
        var vs = rows.Values(r);
        double constant = rows.Constant[r];
        for (int t = 0; t < ps.Length; t++)
        {
            if (_expressions.TryGetValue(ps[t], out var e))
            {
                constant += vs[t] * e.Constant;
                foreach (var (q, w) in e.Terms)
                {
                    builder.AddTerm(q, vs[t] * w);
                }
            }
            else
            {
                builder.AddTerm(ps[t], vs[t]);
            }
        }
        builder.AddConstant(constant);
    }

    private (double Constant, Dictionary<int, double> Terms) Substitute(RealRows rows, int r)
    {
        double constant = rows.Constant[r];
        var terms = new Dictionary<int, double>();
        var ps = rows.Params(r);
        var vs = rows.Values(r);
        for (int t = 0; t < ps.Length; t++)
        {
            if (_expressions.TryGetValue(ps[t], out var e))
            {
                constant += vs[t] * e.Constant;
                foreach (var (q, w) in e.Terms)
                {
                    terms[q] = terms.GetValueOrDefault(q) + vs[t] * w;
                }
            }
            else
            {
                terms[ps[t]] = terms.GetValueOrDefault(ps[t]) + vs[t];
            }
        }
        double big = terms.Count == 0 ? 0 : terms.Values.Max(Math.Abs);
        foreach (var key in terms.Where(t => Math.Abs(t.Value) <= 1e-14 * big).Select(t => t.Key).ToArray())
        {
            terms.Remove(key);
        }
        return (constant, terms);
    }
}
