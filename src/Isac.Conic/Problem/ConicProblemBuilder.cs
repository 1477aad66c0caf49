namespace Isac.Conic.Problem;

/// <summary>
/// Builds a <see cref="ConicProblem"/> incrementally, from either side of the duality.
/// </summary>
/// <remarks>
/// Primal side (cone variables tied by equalities): <see cref="AddBlock"/> the variables,
/// <see cref="AddObjective"/> C, then <see cref="AddConstraint"/> a row and <see cref="AddTerm"/>
/// its A_i blocks. Dual side (free scalars y under Σ y_i A_i − C ∈ K): <see cref="AddBlock"/> one
/// block per conic constraint, <see cref="AddObjective"/> its constant −C part (with the sign of the
/// chosen sense), then <see cref="AddVariable"/> each scalar with its cost and
/// <see cref="AddTerm"/> its coefficient matrices. Both name the same data; the choice is only
/// which reading fits the model.
/// </remarks>
public sealed class ConicProblemBuilder
{
    private readonly List<Cone> _cones = [];
    private readonly List<BlockTerm> _objective = [];
    private readonly List<double> _rhs = [];
    private readonly List<List<BlockTerm>> _terms = [];

    /// <summary>Creates an empty builder for the given sense of ⟨C, X⟩.</summary>
    public ConicProblemBuilder(ObjectiveSense sense = ObjectiveSense.Maximize) => Sense = sense;

    /// <summary>The sense of the primal objective ⟨C, X⟩ (the dual aᵀy has the opposite sense).</summary>
    public ObjectiveSense Sense { get; set; }

    /// <summary>Number of blocks so far.</summary>
    public int BlockCount => _cones.Count;

    /// <summary>Number of rows (constraints, or dual scalars) so far.</summary>
    public int RowCount => _rhs.Count;

    /// <summary>Adds a block and returns its index.</summary>
    public int AddBlock(Cone cone)
    {
        _cones.Add(cone);
        return _cones.Count - 1;
    }

    /// <summary>Adds a term to the objective C on block <paramref name="block"/>.</summary>
    public ConicProblemBuilder AddObjective(int block, BlockMatrix matrix)
    {
        _objective.Add(new BlockTerm(block, matrix));
        return this;
    }

    /// <summary>Adds an equality row ⟨A_i, X⟩ = <paramref name="rhs"/> (fill A_i with <see cref="AddTerm"/>); returns i.</summary>
    public int AddConstraint(double rhs)
    {
        _rhs.Add(rhs);
        _terms.Add([]);
        return _rhs.Count - 1;
    }

    /// <summary>Adds a free dual scalar y_i with cost <paramref name="cost"/> in aᵀy (the same as a row); returns i.</summary>
    public int AddVariable(double cost) => AddConstraint(cost);

    /// <summary>Adds <paramref name="matrix"/> on <paramref name="block"/> to A_row (the coefficient of y_row in (D)).</summary>
    public ConicProblemBuilder AddTerm(int row, int block, BlockMatrix matrix)
    {
        if ((uint)row >= (uint)_terms.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"row {row} does not exist (there are {_terms.Count})");
        }
        _terms[row].Add(new BlockTerm(block, matrix));
        return this;
    }

    /// <summary>Sets the right-hand side a_row (the dual cost of y_row).</summary>
    public ConicProblemBuilder SetRhs(int row, double rhs)
    {
        _rhs[row] = rhs;
        return this;
    }

    /// <summary>Validates and returns the problem.</summary>
    public ConicProblem Build()
    {
        var rows = new ConstraintRow[_rhs.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new ConstraintRow(_rhs[i], _terms[i].ToArray());
        }
        return new ConicProblem(_cones.ToArray(), _objective.ToArray(), rows, Sense);
    }
}
