using Isac.Modeling.Atoms;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Turns a model into the canonical cone program min cᵀx s.t. g_k(x) ∈ K_k over real scalars x:
/// lowers expressions, replaces each atom by an auxiliary scalar with its cone constraints
/// (‖x‖ ≤ t as a second-order cone, x²/y ≤ t as a rotated one, λ_max(H) ≤ t as tI − H ⪰ 0, …),
/// and writes equalities, inequalities, cones and LMIs as rows.
/// </summary>
internal sealed class Canonicalizer : IAtomCanonicalizer
{
    /// <summary>Relative size below which an entry of G − Gᴴ counts as rounding (Hermitian check).</summary>
    public const double HermitianTolerance = 1e-9;

    private readonly RowCompactor _compactor = new();
    private readonly Dictionary<Atom, AffineMap> _epigraphs = new(ReferenceEqualityComparer.Instance);
    private readonly Func<int, string> _scalarOwner;

    public Canonicalizer(int userScalarCount, Func<int, string> scalarOwner)
    {
        ScalarCount = userScalarCount;
        UserScalarCount = userScalarCount;
        _scalarOwner = scalarOwner;
        Lowering = new Lowering(this);
    }

    public Lowering Lowering { get; }

    /// <summary>Number of real scalars: the user's variables, then the auxiliary ones.</summary>
    public int ScalarCount { get; private set; }

    public int UserScalarCount { get; }

    public List<ConeConstraint> Cones { get; } = [];

    public RealRowsBuilder NewRows() => new(_compactor);

    public int Add(ConeConstraint cone)
    {
        Cones.Add(cone);
        return Cones.Count - 1;
    }

    /// <summary>A fresh real scalar, as a 1×1 map.</summary>
    public AffineMap NewAuxiliary()
    {
        var b = new AffineMapBuilder(1, 1, 1);
        b.AddTerm(ScalarCount++, 1.0);
        b.EndEntry();
        return b.Build();
    }

    /// <summary>The epigraph (convex atom) or hypograph (concave atom) scalar of an atom, created once.</summary>
    public AffineMap Epigraph(Atom atom)
    {
        if (!_epigraphs.TryGetValue(atom, out var t))
        {
            t = NewAuxiliary();
            atom.Bound(this, t);
            _epigraphs[atom] = t;
        }
        return t;
    }

    /// <summary>One row per entry: Re g_e ≥ 0.</summary>
    public int AddNonnegative(AffineMap g)
    {
        var rows = NewRows();
        for (int e = 0; e < g.Size; e++)
        {
            rows.AddPart(g, e, imaginary: false);
            rows.EndRow();
        }
        return Add(new ConeConstraint(ConeType.Nonnegative, g.Size, rows.Build()));
    }

    /// <summary>
    /// ‖body‖₂ ≤ head as the cone rows (head, Re b₀, Im b₀, Re b₁, …); the imaginary rows are
    /// present only when <paramref name="complexBody"/>.
    /// </summary>
    public int AddSecondOrder(AffineMap head, AffineMap body, bool complexBody, double bodyScale = 1.0)
    {
        var rows = NewRows();
        rows.AddPart(head, 0, imaginary: false);
        rows.EndRow();
        for (int e = 0; e < body.Size; e++)
        {
            rows.AddPart(body, e, imaginary: false, bodyScale);
            rows.EndRow();
            if (complexBody)
            {
                rows.AddPart(body, e, imaginary: true, bodyScale);
                rows.EndRow();
            }
        }
        return Add(new ConeConstraint(ConeType.SecondOrder, rows.Count, rows.Build()));
    }

    /// <summary>True if the map has an imaginary part that is not rounding.</summary>
    public static bool HasImaginaryPart(AffineMap g)
    {
        double scale = Scale(g);
        foreach (var c in g.Constant)
        {
            if (Math.Abs(c.Imaginary) > HermitianTolerance * scale)
            {
                return true;
            }
        }
        foreach (var c in g.Coef)
        {
            if (Math.Abs(c.Imaginary) > HermitianTolerance * scale)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>G ⪰ 0 for a square map that must be Hermitian: a real PSD cone when G is real, else a Hermitian one.</summary>
    public int AddPsd(AffineMap g, string where)
    {
        var check = CheckHermitian(g);
        if (check.Failure is not null)
        {
            throw new ModelException(where, check.Failure);
        }
        if (g.Rows == 1)
        {
            return AddNonnegative(g);
        }
        return Add(new ConeConstraint(check.Real ? ConeType.Psd : ConeType.HermitianPsd, g.Rows, MatrixRows(g, check.Real)));
    }

    /// <summary>The rows of a Hermitian (real: symmetric) map in <see cref="MatrixLayouts"/> order.</summary>
    public RealRows MatrixRows(AffineMap g, bool real)
    {
        int n = g.Rows;
        var rows = NewRows();
        if (real)
        {
            foreach (var (i, j) in MatrixLayouts.SymmetricEntries(n))
            {
                rows.AddPart(g, i * n + j, imaginary: false);
                rows.EndRow();
            }
        }
        else
        {
            foreach (var (i, j, part) in MatrixLayouts.HermitianEntries(n))
            {
                rows.AddPart(g, i * n + j, imaginary: part == 1);
                rows.EndRow();
            }
        }
        return rows.Build();
    }

    /// <summary>
    /// Whether a square map is Hermitian up to rounding (entry (j, i) the conjugate of (i, j), a real
    /// diagonal), whether it is real, and if not Hermitian, which entries and which part fail.
    /// </summary>
    public (bool Real, string? Failure) CheckHermitian(AffineMap g)
    {
        int n = g.Rows;
        if (g.Cols != n)
        {
            return (false, $"the matrix is {g.Rows}×{g.Cols}, not square");
        }
        double tol = HermitianTolerance * Scale(g);
        bool real = true;
        var p = new List<int>();
        var v = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                int a = i * n + j, b = j * n + i;
                for (int part = 0; part < 2; part++)
                {
                    // part 0: Re G_ij − Re G_ji; part 1: Im G_ij + Im G_ji (for i = j: 2·Im G_ii).
                    bool imaginary = part == 1;
                    double sign = imaginary ? 1 : -1;
                    double constant = (imaginary ? g.Constant[a].Imaginary : g.Constant[a].Real)
                                      + sign * (imaginary ? g.Constant[b].Imaginary : g.Constant[b].Real);
                    AddCoefficients(g, a, imaginary, 1);
                    AddCoefficients(g, b, imaginary, sign);
                    p.Clear();
                    v.Clear();
                    _compactor.Flush(p, v);
                    int worst = -1;
                    for (int k = 0; k < v.Count; k++)
                    {
                        if (Math.Abs(v[k]) > tol && (worst < 0 || Math.Abs(v[k]) > Math.Abs(v[worst])))
                        {
                            worst = k;
                        }
                    }
                    if (Math.Abs(constant) > tol || worst >= 0)
                    {
                        return (false, Describe(g, i, j, imaginary, Math.Abs(constant) > tol, worst >= 0 ? p[worst] : -1));
                    }
                }
                if (i != j && real && HasImaginary(g, a, tol))
                {
                    real = false;
                }
            }
        }
        return (real, null);
    }

    private void AddCoefficients(AffineMap g, int e, bool imaginary, double scale)
    {
        var ps = g.Params(e);
        var cs = g.Coefs(e);
        for (int k = 0; k < ps.Length; k++)
        {
            double x = imaginary ? cs[k].Imaginary : cs[k].Real;
            if (x != 0)
            {
                _compactor.Add(ps[k], scale * x);
            }
        }
    }

    private static bool HasImaginary(AffineMap g, int e, double tol)
    {
        if (Math.Abs(g.Constant[e].Imaginary) > tol)
        {
            return true;
        }
        foreach (var c in g.Coefs(e))
        {
            if (Math.Abs(c.Imaginary) > tol)
            {
                return true;
            }
        }
        return false;
    }

    private string Describe(AffineMap g, int i, int j, bool imaginary, bool constantFails, int scalar)
    {
        Complex a = g.Constant[i * g.Cols + j], b = g.Constant[j * g.Cols + i];
        if (i == j)
        {
            return constantFails
                ? $"the matrix is not Hermitian: its diagonal entry ({i}, {i}) has the non-real constant part {Expressions.Numbers.Format(a)}"
                : $"the matrix is not Hermitian: its diagonal entry ({i}, {i}) depends on {_scalarOwner(scalar)} with a non-real coefficient";
        }
        string what = imaginary ? "imaginary parts" : "real parts";
        return constantFails
            ? $"the matrix is not Hermitian: a non-Hermitian constant, entry ({i}, {j}) = {Expressions.Numbers.Format(a)} but entry ({j}, {i}) = {Expressions.Numbers.Format(b)}"
            : $"the matrix is not Hermitian: the {what} of entries ({i}, {j}) and ({j}, {i}) depend differently on {_scalarOwner(scalar)}";
    }

    private static double Scale(AffineMap g)
    {
        double s = double.Epsilon;
        foreach (var c in g.Constant)
        {
            s = Math.Max(s, c.Magnitude);
        }
        foreach (var c in g.Coef)
        {
            s = Math.Max(s, c.Magnitude);
        }
        return s;
    }
}
