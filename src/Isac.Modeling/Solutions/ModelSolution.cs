using Isac.Conic;
using Isac.Modeling.Compilation;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Solutions;

/// <summary>
/// The result of solving a model: status, values of the variables (and of any expression in
/// them), the objective, dual values of the constraints and the solver's statistics.
/// </summary>
/// <remarks>Values, duals and the objective exist only for <see cref="ModelStatus.Optimal"/> and
/// <see cref="ModelStatus.OptimalInaccurate"/>; reading them after any other outcome throws
/// <see cref="SolutionUnavailableException"/> (never a NaN).</remarks>
public sealed class ModelSolution
{
    private readonly Model _model;
    private readonly IReadOnlyDictionary<Constraint, DualReader> _duals;
    private readonly Func<int, double[]> _multipliers;
    private readonly IValueSource _values;
    private readonly double _bound;

    internal ModelSolution(Model model, ModelStatus status, double[]? x, IReadOnlyDictionary<Constraint, DualReader> duals,
                           Func<int, double[]> multipliers, IReadOnlyDictionary<Parameter, Matrix<Complex>> parameters,
                           double bound, ModelStatistics statistics, ConicSolution solverSolution)
    {
        _model = model;
        Status = status;
        _duals = duals;
        _multipliers = multipliers;
        _bound = bound;
        Statistics = statistics;
        SolverSolution = solverSolution;
        _values = new SolutionValues(x ?? [], parameters);
    }

    /// <summary>How the solve ended.</summary>
    public ModelStatus Status { get; }

    /// <summary>The compiled model this solves (for checks of the KKT conditions).</summary>
    internal CompiledModel? Compiled { get; init; }

    /// <summary>The model's real scalars at the solution (null without values).</summary>
    internal double[]? Scalars { get; init; }

    /// <summary>The multipliers μ of cone constraint k of the canonical program.</summary>
    internal double[] Multipliers(int cone) => _multipliers(cone);

    /// <summary>True when values, duals and the objective can be read.</summary>
    public bool HasValues => Status is ModelStatus.Optimal or ModelStatus.OptimalInaccurate;

    /// <summary>The objective at the returned values (0 for a model without objective).</summary>
    public double Objective
    {
        get
        {
            Require("the objective");
            return _model.Objective is null ? 0 : _model.Objective.Evaluate(_values)[0, 0].Real;
        }
    }

    /// <summary>The bound on the optimal value from the solver's other side (equal to <see cref="Objective"/> up to the gap).</summary>
    public double DualBound
    {
        get
        {
            Require("the dual bound");
            return _bound;
        }
    }

    /// <summary>What the compiler chose and what the solve cost.</summary>
    public ModelStatistics Statistics { get; }

    /// <summary>The conic solver's own solution (its blocks, y, DIMACS errors).</summary>
    public ConicSolution SolverSolution { get; }

    /// <summary>The value of a variable or of any expression in the model's variables (complex matrices as complex).</summary>
    public Matrix<Complex> Value(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Require($"'{expression}'");
        _model.CheckOwnership(expression, "value");
        return expression.Evaluate(_values);
    }

    /// <summary>The value of a real-valued expression.</summary>
    public Matrix<double> RealValue(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.IsComplex)
        {
            throw new ModelException("value", $"'{expression}' is complex; read it with Value");
        }
        return Value(expression).Map(z => z.Real);
    }

    /// <summary>The value of a real scalar expression.</summary>
    public double Scalar(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!expression.Shape.IsScalar)
        {
            throw new ModelException("value", $"'{expression}' is {expression.Shape}, not a scalar");
        }
        return RealValue(expression)[0, 0];
    }

    /// <summary>
    /// The dual value of a constraint of the solved model: a matrix of the constraint's shape
    /// (Hermitian for an LMI), or the cone vector (λ_t; λ_x) for <see cref="Expr.Soc"/>. Sign
    /// convention on <see cref="Constraint"/>.
    /// </summary>
    public Matrix<Complex> Dual(Constraint constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (!_duals.TryGetValue(constraint, out var reader))
        {
            throw new ModelException("dual", $"the constraint '{constraint}' is not part of the solved model");
        }
        Require($"the dual of '{constraint}'");
        return reader(_multipliers);
    }

    private void Require(string what)
    {
        if (!HasValues)
        {
            throw new SolutionUnavailableException(what, Status);
        }
    }

    /// <summary>Variables from the solver's scalars, parameters as they were at compile time.</summary>
    private sealed class SolutionValues(double[] x, IReadOnlyDictionary<Parameter, Matrix<Complex>> parameters) : IValueSource
    {
        public Matrix<Complex> Value(Variable variable) => variable.FromScalars(x);

        public Matrix<Complex> Value(Parameter parameter) =>
            parameters.TryGetValue(parameter, out var v) ? v : parameter.Value;
    }
}
