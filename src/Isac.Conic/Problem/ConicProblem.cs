namespace Isac.Conic.Problem;

/// <summary>
/// A conic program in the block form of CSDP and SDPT3, over X = (X_1, …, X_p) in a product K of
/// PSD, nonnegative, second-order and free blocks:
/// <code>
/// (P)  max (or min) ⟨C, X⟩  s.t.  ⟨A_i, X⟩ = a_i  (i = 1..m),  X ∈ K
/// (D)  min (or max) aᵀy     s.t.  Σ_i y_i A_i − C = Z ∈ K*   (for max; C − Σ y_i A_i for min)
/// </code>
/// </summary>
/// <remarks>
/// <para>Both sides are natural to write. A model with cone variables tied by equality rows is (P):
/// blocks are the variables, each <see cref="ConstraintRow"/> an equality. A model with free
/// scalars y under conic constraints is (D): each row is one scalar y_i with cost a_i and its
/// coefficient A_i in every conic block; C is the constant term. The Schur complement is m×m, so put
/// the side with fewer rows first: m = number of equalities in (P), or of scalars in (D).</para>
/// <para>⟨·,·⟩ is the trace inner product on PSD blocks and the dot product on vector blocks. The
/// dual cone of a free block is {0}: there Σ y_i A_i − C must vanish. Constructing a problem checks
/// every index, size and number (finite) and throws <see cref="ConicInputException"/> naming the
/// constraint and block; it copies nothing, so rebuilding similar problems is cheap.</para>
/// </remarks>
public sealed class ConicProblem
{
    /// <summary>Creates and validates a problem.</summary>
    /// <param name="cones">The blocks of X, in order.</param>
    /// <param name="objective">The nonzero blocks of C.</param>
    /// <param name="constraints">The rows (A_i, a_i).</param>
    /// <param name="sense">Whether ⟨C, X⟩ is maximised (CSDP) or minimised.</param>
    public ConicProblem(IReadOnlyList<Cone> cones, IReadOnlyList<BlockTerm> objective,
                        IReadOnlyList<ConstraintRow> constraints, ObjectiveSense sense = ObjectiveSense.Maximize)
    {
        ArgumentNullException.ThrowIfNull(cones);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        Cones = cones;
        Objective = objective;
        Constraints = constraints;
        Sense = sense;
        Validate();
    }

    /// <summary>The blocks of X.</summary>
    public IReadOnlyList<Cone> Cones { get; }

    /// <summary><see cref="Cones"/> as an array (the same object when it is one: the solver indexes it without
    /// the interface, whose array instantiation the JIT would compile at the first solve).</summary>
    internal Cone[] ConeArray => Cones as Cone[] ?? [.. Cones];

    /// <summary><see cref="Objective"/> as an array (as <see cref="ConeArray"/>).</summary>
    internal BlockTerm[] ObjectiveArray => Objective as BlockTerm[] ?? [.. Objective];

    /// <summary><see cref="Constraints"/> as an array (as <see cref="ConeArray"/>).</summary>
    internal ConstraintRow[] RowArray => Constraints as ConstraintRow[] ?? [.. Constraints];

    /// <summary>The nonzero blocks of the objective matrix C.</summary>
    public IReadOnlyList<BlockTerm> Objective { get; }

    /// <summary>The constraint rows (A_i, a_i), i = 1..m.</summary>
    public IReadOnlyList<ConstraintRow> Constraints { get; }

    /// <summary>Whether ⟨C, X⟩ is maximised or minimised.</summary>
    public ObjectiveSense Sense { get; }

    /// <summary>Number of equality constraints m (the order of the Schur complement).</summary>
    public int ConstraintCount => Constraints.Count;

    /// <summary>Total order n: Σ sizes over all blocks.</summary>
    public int TotalSize => Cones.Sum(c => c.Size);

    /// <summary>The same problem with another right-hand side a (same structure, nothing re-validated but a).</summary>
    public ConicProblem WithRightHandSide(IReadOnlyList<double> rhs)
    {
        ArgumentNullException.ThrowIfNull(rhs);
        if (rhs.Count != Constraints.Count)
        {
            throw new ConicInputException(null, $"{rhs.Count} right-hand sides for {Constraints.Count} constraints");
        }
        var rows = new ConstraintRow[rhs.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = Constraints[i] with { Rhs = rhs[i] };
        }
        return new ConicProblem(Cones, Objective, rows, Sense);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Constraints.Count} constraints, blocks [{string.Join(", ", Cones)}], {Sense.ToString().ToLowerInvariant()} ⟨C,X⟩";

    private void Validate()
    {
        if (Cones.Count == 0)
        {
            throw new ConicInputException(null, "the problem has no blocks");
        }
        for (int b = 0; b < Cones.Count; b++)
        {
            if (Cones[b].Size <= 0)
            {
                throw new ConicInputException($"block {b + 1}", $"size {Cones[b].Size} is not positive");
            }
            if (Cones[b].Kind == ConeKind.SecondOrder && Cones[b].Size < 2)
            {
                throw new ConicInputException($"block {b + 1}", "a second-order cone needs at least 2 entries");
            }
        }
        CheckTerms(Objective, "objective");
        for (int i = 0; i < Constraints.Count; i++)
        {
            var row = Constraints[i] ?? throw new ConicInputException($"constraint {i + 1}", "is null");
            if (!double.IsFinite(row.Rhs))
            {
                throw new ConicInputException($"constraint {i + 1}", $"right-hand side {row.Rhs} is not finite");
            }
            CheckTerms(row.Terms, $"constraint {i + 1}");
        }
    }

    private void CheckTerms(IReadOnlyList<BlockTerm> terms, string where)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var (block, matrix) in terms)
        {
            if (block < 0 || block >= Cones.Count)
            {
                throw new ConicInputException(where, $"block {block + 1} does not exist (the problem has {Cones.Count})");
            }
            if (matrix is null)
            {
                throw new ConicInputException($"{where}, block {block + 1}", "matrix is null");
            }
            var cone = Cones[block];
            string at = $"{where}, block {block + 1}";
            if (!matrix.AllFinite)
            {
                throw new ConicInputException(at, "contains a NaN or infinite value");
            }
            switch (matrix)
            {
                case SparseBlockMatrix s:
                    if (s.MaxIndex >= cone.Size)
                    {
                        throw new ConicInputException(at, $"index {s.MaxIndex + 1} exceeds the block size {cone.Size}");
                    }
                    if (!cone.IsMatrix && s.Rows.AsSpan().SequenceEqual(s.Columns) == false)
                    {
                        throw new ConicInputException(at, $"an off-diagonal entry in the {cone.Kind} block (vector blocks take i = j)");
                    }
                    break;
                case DenseBlockMatrix d:
                    if (d.Values.Length != cone.StoredLength)
                    {
                        throw new ConicInputException(at, $"{d.Values.Length} values for a block that stores {cone.StoredLength}");
                    }
                    if (cone.IsMatrix)
                    {
                        CheckSymmetric(d.Values, cone.Size, at);
                    }
                    break;
                case LowRankBlockMatrix l:
                    if (!cone.IsMatrix)
                    {
                        throw new ConicInputException(at, "low-rank data need a PSD block");
                    }
                    if (l.Rank > 0 && l.Order != cone.Size)
                    {
                        throw new ConicInputException(at, $"vectors of length {l.Order} for a block of order {cone.Size}");
                    }
                    break;
            }
        }
    }

    private static void CheckSymmetric(double[] a, int n, string at)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double x = a[i * n + j], y = a[j * n + i];
                if (Math.Abs(x - y) > 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(x), Math.Abs(y))))
                {
                    throw new ConicInputException(at, $"not symmetric: entry ({i + 1},{j + 1}) = {x:R} but ({j + 1},{i + 1}) = {y:R}");
                }
            }
        }
    }
}
