using MathNet.Numerics.LinearAlgebra;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Removes the equality constraints of a cone program by substitution, for the free-scalar side:
/// each equality a·x + c = 0 solves for one pivot scalar x_p = −(c + Σ_{q≠p} a_q x_q)/a_p, which is
/// substituted into every other row and the objective. The free-scalar side then has no free
/// block (which a primal-dual solver has to split into two nonnegative halves) and m shrinks by
/// the number of independent equalities.
/// </summary>
/// <remarks>
/// <para>Pivots: among the entries within a factor 10 of the row's largest, the scalar that appears in
/// the fewest rows (threshold pivoting, Markowitz-style, to keep fill small). Pivot expressions are
/// kept in terms of the remaining scalars only (back-substitution).</para>
/// <para>The equalities' multipliers come back from stationarity at the pivots:
/// Σ_i μ_i a_i,p_j = c_p_j − Σ_k μ_kᵀ ∂g_k/∂x_p_j over the other cones, a square system in the kept
/// equalities (nonsingular, as the pivots were chosen from them); redundant equalities get μ = 0.</para>
/// </remarks>
internal sealed class EqualityElimination
{
    /// <summary>Above this many equality rows the dense multiplier solve is not worth it; the free block stays.</summary>
    public const int MaxEqualities = 400;

    private readonly IReadOnlyList<ConeConstraint> _original;
    private readonly RealRows _objective;
    private readonly List<(int Cone, int Row)> _kept = [];
    private readonly List<int> _pivots = [];
    private readonly Dictionary<int, (double Constant, Dictionary<int, double> Terms)> _expressions = [];

    private EqualityElimination(IReadOnlyList<ConeConstraint> cones, RealRows objective, int scalarCount)
    {
        _original = cones;
        _objective = objective;
        var count = new int[scalarCount];
        foreach (var cone in cones)
        {
            foreach (int p in cone.Rows.Param)
            {
                count[p]++;
            }
        }
        var compactor = new RowCompactor();
        for (int k = 0; k < cones.Count; k++)
        {
            if (cones[k].Type != ConeType.Zero)
            {
                continue;
            }
            for (int r = 0; r < cones[k].Rows.Count; r++)
            {
                var (constant, terms) = Substitute(cones[k].Rows, r);
                if (terms.Count == 0)
                {
                    if (Math.Abs(constant) > 1e-9 * (1 + Math.Abs(cones[k].Rows.Constant[r])))
                    {
                        throw new ModelException("equalities", $"the equality constraints are inconsistent (a combination of them says {constant:G6} = 0)");
                    }
                    continue;
                }
                double big = terms.Values.Max(Math.Abs);
                int pivot = terms.Where(t => Math.Abs(t.Value) >= 0.1 * big)
                                 .OrderBy(t => count[t.Key]).ThenByDescending(t => Math.Abs(t.Value)).ThenBy(t => t.Key).First().Key;
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
                // Back-substitute into the earlier pivots' expressions.
                foreach (int earlier in _pivots)
                {
                    var e = _expressions[earlier];
                    if (e.Terms.Remove(pivot, out double w))
                    {
                        foreach (var (q, v) in expression)
                        {
                            e.Terms[q] = e.Terms.GetValueOrDefault(q) + w * v;
                        }
                        _expressions[earlier] = (e.Constant + w * c0, e.Terms);
                    }
                }
                _expressions[pivot] = (c0, expression);
                _pivots.Add(pivot);
                _kept.Add((k, r));
            }
        }
        ReducedCones = cones.Select(c => c.Type == ConeType.Zero
            ? new ConeConstraint(ConeType.Zero, 0, Empty())
            : new ConeConstraint(c.Type, c.Order, SubstituteAll(c.Rows, compactor), c.DomainOf)).ToArray();
        ReducedObjective = SubstituteAll(objective, compactor);
    }

    /// <summary>The cones with the pivots substituted (equalities emptied; same indices).</summary>
    public IReadOnlyList<ConeConstraint> ReducedCones { get; }

    public RealRows ReducedObjective { get; }

    /// <summary>The eliminated scalars.</summary>
    public IReadOnlyList<int> Pivots => _pivots;

    /// <summary>Eliminates the equalities, or returns null when there are none or too many.</summary>
    public static EqualityElimination? TryCreate(IReadOnlyList<ConeConstraint> cones, RealRows objective, int scalarCount)
    {
        int equalities = cones.Where(c => c.Type == ConeType.Zero).Sum(c => c.Rows.Count);
        return equalities == 0 || equalities > MaxEqualities ? null : new EqualityElimination(cones, objective, scalarCount);
    }

    /// <summary>Fills in the pivot scalars of x from the others.</summary>
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

    /// <summary>The multipliers of every equality cone, from those of the other cones (μ of cone k by index).</summary>
    public Dictionary<int, double[]> EqualityMultipliers(Func<int, double[]> otherMultipliers)
    {
        var result = new Dictionary<int, double[]>();
        for (int k = 0; k < _original.Count; k++)
        {
            if (_original[k].Type == ConeType.Zero)
            {
                result[k] = new double[_original[k].Rows.Count];
            }
        }
        int q = _pivots.Count;
        if (q == 0)
        {
            return result;
        }
        var index = new Dictionary<int, int>();
        for (int j = 0; j < q; j++)
        {
            index[_pivots[j]] = j;
        }
        // Right-hand side: c_p − Σ_k μ_kᵀ ∂g_k/∂x_p over the non-equality cones, at each pivot p.
        var rhs = Vector<double>.Build.Dense(q);
        for (int t = 0; t < _objective.TermCount(0); t++)
        {
            if (index.TryGetValue(_objective.Params(0)[t], out int j))
            {
                rhs[j] += _objective.Values(0)[t];
            }
        }
        for (int k = 0; k < _original.Count; k++)
        {
            var cone = _original[k];
            if (cone.Type == ConeType.Zero || cone.Rows.Count == 0)
            {
                continue;
            }
            var mu = otherMultipliers(k);
            for (int r = 0; r < cone.Rows.Count; r++)
            {
                var ps = cone.Rows.Params(r);
                var vs = cone.Rows.Values(r);
                for (int t = 0; t < ps.Length; t++)
                {
                    if (index.TryGetValue(ps[t], out int j))
                    {
                        rhs[j] -= mu[r] * vs[t];
                    }
                }
            }
        }
        var matrix = Matrix<double>.Build.Dense(q, q);
        for (int i = 0; i < q; i++)
        {
            var (k, r) = _kept[i];
            var ps = _original[k].Rows.Params(r);
            var vs = _original[k].Rows.Values(r);
            for (int t = 0; t < ps.Length; t++)
            {
                if (index.TryGetValue(ps[t], out int j))
                {
                    matrix[j, i] = vs[t];
                }
            }
        }
        var mus = matrix.Solve(rhs);
        for (int i = 0; i < q; i++)
        {
            var (k, r) = _kept[i];
            result[k][r] = mus[i];
        }
        return result;
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
        // Drop cancellation to rounding.
        double big = terms.Count == 0 ? 0 : terms.Values.Max(Math.Abs);
        foreach (var key in terms.Where(t => Math.Abs(t.Value) <= 1e-14 * big).Select(t => t.Key).ToArray())
        {
            terms.Remove(key);
        }
        return (constant, terms);
    }

    private RealRows SubstituteAll(RealRows rows, RowCompactor compactor)
    {
        var builder = new RealRowsBuilder(compactor);
        for (int r = 0; r < rows.Count; r++)
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
            builder.EndRow();
        }
        return builder.Build();
    }

    private static RealRows Empty() => new([0], [], [], []);
}
