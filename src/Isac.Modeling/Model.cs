using System.Diagnostics;
using Isac.Conic.Io;
using Isac.Modeling.Compilation;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling;

/// <summary>
/// A convex optimisation model in the style of CVX: variables (real, complex, symmetric,
/// Hermitian, PSD), constraints on expressions in them, and an objective to minimise or maximise.
/// </summary>
/// <remarks>
/// <para>Build it, then <see cref="Solve"/>: the model is checked against the DCP rules (a
/// non-convex objective or constraint is refused with a <see cref="ModelException"/> naming the
/// offending term, when it is added), lowered to real scalars (a Hermitian X ⪰ 0 becomes
/// [[Re X, −Im X], [Im X, Re X]] ⪰ 0, norms become second-order cones), put on the side of the
/// conic duality with the smaller Schur complement (<see cref="FormulationSide"/>) and solved by
/// the interior-point solver of Isac.Conic. Values and duals come back in the model's terms.</para>
/// <code>
/// var model = new Model("eig");
/// var X = model.HermitianPsd("X", n);
/// model.Add(X.Trace() == 1);
/// model.Maximize(Expr.Trace(C * X));       // = λ_max(C) for Hermitian C
/// var solution = model.Solve();
/// </code>
/// <para>Parameters (<see cref="Parameter(string, Matrix{double}, bool)"/>) are constants whose values
/// may change between solves; each solve compiles again (compile time is a small fraction of the
/// solve time) and reads the current values.</para>
/// </remarks>
public sealed class Model
{
    private readonly List<Variable> _variables = [];
    private readonly List<Parameter> _parameters = [];
    private readonly List<(Constraint Constraint, string Label)> _constraints = [];
    private readonly HashSet<string> _names = [];
    private int _scalarCount;

    /// <summary>Creates an empty model.</summary>
    public Model(string name = "model")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The model's name (used in messages and the statistics line).</summary>
    public string Name { get; }

    /// <summary>The variables, in order of creation.</summary>
    public IReadOnlyList<Variable> Variables => _variables;

    /// <summary>The parameters, in order of creation.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The constraints, in order of addition.</summary>
    public IReadOnlyList<Constraint> Constraints => _constraints.Select(c => c.Constraint).ToArray();

    /// <summary>The objective, or null for a feasibility problem.</summary>
    public Expression? Objective { get; private set; }

    /// <summary>True if the objective is maximised.</summary>
    public bool IsMaximization { get; private set; }

    /// <summary>A real scalar variable.</summary>
    public Variable RealScalar(string name) => NewVariable(name, VariableKind.Real, Shape.Scalar, false);

    /// <summary>A real column vector of length n.</summary>
    public Variable RealVector(string name, int n) => NewVariable(name, VariableKind.Real, new Shape(Positive(n, name), 1), false);

    /// <summary>A real rows×cols matrix.</summary>
    public Variable RealMatrix(string name, int rows, int cols) =>
        NewVariable(name, VariableKind.Real, new Shape(Positive(rows, name), Positive(cols, name)), false);

    /// <summary>A complex scalar variable.</summary>
    public Variable ComplexScalar(string name) => NewVariable(name, VariableKind.Complex, Shape.Scalar, false);

    /// <summary>A complex column vector of length n.</summary>
    public Variable ComplexVector(string name, int n) => NewVariable(name, VariableKind.Complex, new Shape(Positive(n, name), 1), false);

    /// <summary>A complex rows×cols matrix.</summary>
    public Variable ComplexMatrix(string name, int rows, int cols) =>
        NewVariable(name, VariableKind.Complex, new Shape(Positive(rows, name), Positive(cols, name)), false);

    /// <summary>A real symmetric n×n matrix.</summary>
    public Variable Symmetric(string name, int n) => NewVariable(name, VariableKind.Symmetric, Square(n, name), false);

    /// <summary>A real symmetric positive semidefinite n×n matrix.</summary>
    public Variable SymmetricPsd(string name, int n) => NewVariable(name, VariableKind.Symmetric, Square(n, name), true);

    /// <summary>A complex Hermitian n×n matrix.</summary>
    public Variable Hermitian(string name, int n) => NewVariable(name, VariableKind.Hermitian, Square(n, name), false);

    /// <summary>A complex Hermitian positive semidefinite n×n matrix (a precoder covariance W ⪰ 0).</summary>
    public Variable HermitianPsd(string name, int n) => NewVariable(name, VariableKind.Hermitian, Square(n, name), true);

    /// <summary>A real scalar parameter, optionally declared nonnegative (so that it may scale convex terms).</summary>
    public Parameter Parameter(string name, double value, bool nonnegative = false) =>
        NewParameter(name, Matrix<Complex>.Build.Dense(1, 1, new Complex(value, 0)), false, nonnegative, false);

    /// <summary>A complex scalar parameter.</summary>
    public Parameter Parameter(string name, Complex value) =>
        NewParameter(name, Matrix<Complex>.Build.Dense(1, 1, value), true, false, false);

    /// <summary>A real matrix parameter, optionally declared symmetric.</summary>
    public Parameter Parameter(string name, Matrix<double> value, bool hermitian = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NewParameter(name, Numbers.ToComplex(value), false, false, hermitian);
    }

    /// <summary>A complex matrix parameter, optionally declared Hermitian.</summary>
    public Parameter Parameter(string name, Matrix<Complex> value, bool hermitian = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NewParameter(name, value.Clone(), true, false, hermitian);
    }

    /// <summary>A complex column-vector parameter (a channel h).</summary>
    public Parameter Parameter(string name, Vector<Complex> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NewParameter(name, value.ToColumnMatrix(), true, false, false);
    }

    /// <summary>A real column-vector parameter.</summary>
    public Parameter Parameter(string name, Vector<double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NewParameter(name, Numbers.ToComplex(value.ToColumnMatrix()), false, false, false);
    }

    /// <summary>
    /// Adds a constraint after checking that it is convex and uses only this model's variables and
    /// parameters; returns it (to read its dual later).
    /// </summary>
    /// <exception cref="ModelException">The constraint is not convex (the message names the term) or belongs elsewhere.</exception>
    public Constraint Add(Constraint constraint, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (_constraints.Any(c => ReferenceEquals(c.Constraint, constraint)))
        {
            throw new ModelException("add", $"the constraint '{constraint}' was already added");
        }
        string label = name is null ? $"constraint {_constraints.Count + 1}" : $"constraint '{name}'";
        foreach (var e in constraint.Expressions)
        {
            CheckOwnership(e, label);
        }
        constraint.CheckConvex(label);
        if (name is not null)
        {
            constraint.Name = name;
        }
        _constraints.Add((constraint, label));
        return constraint;
    }

    /// <summary>Adds several constraints (named name[0], name[1], … when a name is given).</summary>
    public void Add(IEnumerable<Constraint> constraints, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        int k = 0;
        foreach (var c in constraints)
        {
            Add(c, name is null ? null : $"{name}[{k++}]");
        }
    }

    /// <summary>Minimise a convex real scalar expression.</summary>
    public void Minimize(Expression objective) => SetObjective(objective, maximize: false);

    /// <summary>Maximise a concave real scalar expression.</summary>
    public void Maximize(Expression objective) => SetObjective(objective, maximize: true);

    /// <summary>Compiles the model for the solver (reading the parameters' current values).</summary>
    public CompiledModel Compile(ModelSettings? settings = null)
    {
        settings ??= ModelSettings.Default;
        var clock = Stopwatch.StartNew();
        var canonicalizer = new Canonicalizer(_scalarCount, ScalarOwner);
        var objectiveRows = canonicalizer.NewRows();
        if (Objective is not null)
        {
            var map = canonicalizer.Lowering.Lower(IsMaximization ? Expr.Scale(-1.0, Objective) : Objective);
            objectiveRows.AddPart(map, 0, imaginary: false);
        }
        objectiveRows.EndRow();
        var duals = new Dictionary<Constraint, DualReader>(ReferenceEqualityComparer.Instance);
        foreach (var (constraint, label) in _constraints)
        {
            duals[constraint] = constraint.Canonicalize(canonicalizer, label);
        }
        var program = new ConeProgram(canonicalizer.ScalarCount, _variables.Where(v => v.IsPsd).ToArray(),
                                      canonicalizer.Cones, objectiveRows.Build());
        if (program.UsedCount == 0)
        {
            throw new ModelException($"model '{Name}'", "no variable appears in the objective or the constraints");
        }
        var side = settings.Side;
        if (side == FormulationSide.Auto)
        {
            int mCone = program.ConeVariableSideRows, mFree = program.FreeScalarSideRows;
            side = mCone > 0 && mCone <= mFree ? FormulationSide.ConeVariables : FormulationSide.FreeScalars;
        }
        var problem = side == FormulationSide.ConeVariables ? ConeVariableSide.Build(program) : FreeScalarSide.Build(program);
        if (settings.SecondOrderCones == SecondOrderConeForm.ArrowPsd)
        {
            var rewrite = SdpaForm.Rewrite(problem.Problem, secondOrderAsPsd: true, freeAsPairs: false);
            var mapInner = problem.MapBack;
            problem = new SideProblem
            {
                Problem = rewrite.Problem,
                Side = problem.Side,
                Scalars = problem.Scalars,
                Multipliers = problem.Multipliers,
                LowRankTerms = problem.LowRankTerms,
                ObjectiveConstant = problem.ObjectiveConstant,
                MapBack = s => mapInner(rewrite.MapBack(s)),
            };
        }
        var parameters = _parameters.ToDictionary(p => p, p => p.Value);
        return new CompiledModel(this, problem, program, duals, parameters, IsMaximization,
                                 canonicalizer.ScalarCount - canonicalizer.UserScalarCount, clock.Elapsed);
    }

    /// <summary>Compiles and solves the model.</summary>
    /// <param name="settings">Side of the duality and solver settings; null for the defaults.</param>
    /// <param name="log">Where the solver writes its log; null for nowhere.</param>
    /// <param name="cancellationToken">Stops the solve (status <see cref="ModelStatus.Cancelled"/>).</param>
    /// <returns>The solution; infeasible and unbounded models are statuses, not exceptions.</returns>
    public ModelSolution Solve(ModelSettings? settings = null, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        settings ??= ModelSettings.Default;
        return Compile(settings).Solve(settings.Solver, log, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var lines = new List<string> { $"model '{Name}'" };
        if (Objective is not null)
        {
            lines.Add($"  {(IsMaximization ? "maximise" : "minimise")} {Objective}");
        }
        foreach (var (c, label) in _constraints)
        {
            lines.Add($"  {label}: {c}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Throws if the expression uses a variable or parameter of another model.</summary>
    internal void CheckOwnership(Expression expression, string where)
    {
        var stack = new Stack<Expression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is Variable v && !ReferenceEquals(v.Model, this))
            {
                throw new ModelException(where, $"variable '{v.Name}' belongs to model '{v.Model.Name}', not '{Name}'");
            }
            if (e is Parameter p && !ReferenceEquals(p.Model, this))
            {
                throw new ModelException(where, $"parameter '{p.Name}' belongs to model '{p.Model.Name}', not '{Name}'");
            }
            foreach (var c in e.Children)
            {
                stack.Push(c);
            }
        }
    }

    private void SetObjective(Expression objective, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(objective);
        string op = maximize ? "maximise" : "minimise";
        if (!objective.Shape.IsScalar || objective.IsComplex)
        {
            throw new ModelException(op, $"the objective '{objective}' is {(objective.IsComplex ? "complex" : objective.Shape.ToString())}; it must be a real scalar (take re(...) of a complex one)");
        }
        CheckOwnership(objective, op);
        if (objective.Offender(wantConvex: !maximize) is { } found)
        {
            string want = maximize ? "concave" : "convex";
            string term = ReferenceEquals(found.Term, objective) ? "it" : $"the term '{found.Term}'";
            throw new ModelException(op, $"the objective '{objective}' must be {want}, but {term} {found.Reason}");
        }
        Objective = objective;
        IsMaximization = maximize;
    }

    private Variable NewVariable(string name, VariableKind kind, Shape shape, bool psd)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ModelException($"model '{Name}'", $"the name '{name}' is already used");
        }
        var v = new Variable(this, name, kind, shape, psd, _scalarCount);
        _scalarCount += v.ScalarCount;
        _variables.Add(v);
        return v;
    }

    private Parameter NewParameter(string name, Matrix<Complex> value, bool complex, bool nonnegative, bool hermitian)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ModelException($"model '{Name}'", $"the name '{name}' is already used");
        }
        var p = new Parameter(this, name, value, complex, nonnegative, hermitian);
        _parameters.Add(p);
        return p;
    }

    private string ScalarOwner(int scalar)
    {
        foreach (var v in _variables)
        {
            if (scalar >= v.Offset && scalar < v.Offset + v.ScalarCount)
            {
                return $"variable '{v.Name}'";
            }
        }
        return "an auxiliary variable";
    }

    private static int Positive(int n, string name) =>
        n > 0 ? n : throw new ModelException($"variable '{name}'", $"size {n} is not positive");

    private static Shape Square(int n, string name) => new(Positive(n, name), Positive(n, name));
}
