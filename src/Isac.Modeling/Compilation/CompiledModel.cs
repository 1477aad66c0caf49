using System.Diagnostics;
using Isac.Conic;
using Isac.Conic.Io;
using Isac.Conic.Problem;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>
/// A model compiled for the conic solver: the <see cref="ConicProblem"/> on the chosen side of the
/// duality, with everything needed to map the solver's solution back to values and duals.
/// </summary>
/// <remarks>Parameters are read when the model is compiled; <see cref="Model.Solve"/> compiles again,
/// so changed parameter values are picked up there.</remarks>
public sealed class CompiledModel
{
    private readonly Model _model;
    private readonly SideProblem _side;
    private readonly IReadOnlyDictionary<Constraint, DualReader> _duals;
    private readonly IReadOnlyDictionary<Parameter, Matrix<Complex>> _parameters;
    private readonly double _objectiveConstant;
    private readonly bool _maximize;

    internal CompiledModel(Model model, SideProblem side, ConeProgram program, IReadOnlyDictionary<Constraint, DualReader> duals,
                           IReadOnlyDictionary<Parameter, Matrix<Complex>> parameters, bool maximize, int auxiliary, TimeSpan compileTime)
    {
        _model = model;
        _side = side;
        Program = program;
        _duals = duals;
        _parameters = parameters;
        _objectiveConstant = side.ObjectiveConstant;
        _maximize = maximize;
        Statistics = new ModelStatistics
        {
            ModelName = model.Name,
            Side = side.Side,
            SchurComplementSize = side.Problem.ConstraintCount,
            ConeVariableSideSize = program.ConeVariableSideRows,
            FreeScalarSideSize = program.FreeScalarSideRows,
            Blocks = DescribeBlocks(side.Problem),
            AuxiliaryScalars = auxiliary,
            LowRankTerms = side.LowRankTerms,
            CompileTime = compileTime,
        };
    }

    /// <summary>The canonical cone program (for checks of the KKT conditions).</summary>
    internal ConeProgram Program { get; }

    /// <summary>The problem handed to the solver.</summary>
    public ConicProblem Problem => _side.Problem;

    /// <summary>The side of the duality chosen.</summary>
    public FormulationSide Side => _side.Side;

    /// <summary>m, the order of the solver's Schur complement.</summary>
    public int SchurComplementSize => _side.Problem.ConstraintCount;

    /// <summary>The compiler's choices and the compile time (no solve yet).</summary>
    public ModelStatistics Statistics { get; }

    /// <summary>Solves the compiled problem and maps the solution back.</summary>
    /// <param name="settings">The solver's settings; null for the defaults.</param>
    /// <param name="log">Where the solver writes its banner and iterations; null for nowhere.</param>
    /// <param name="cancellationToken">Stops the solve (status <see cref="ModelStatus.Cancelled"/>).</param>
    public ModelSolution Solve(SolverSettings? settings = null, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var s = _side.MapBack(ConicSolver.Solve(_side.Problem, settings, log, cancellationToken));
        var status = _side.Status(s.Status);
        bool values = status is ModelStatus.Optimal or ModelStatus.OptimalInaccurate;
        double[]? x = values ? _side.Scalars(s) : null;
        double bound = _side.Objectives(s).Bound + _objectiveConstant;
        var statistics = Statistics with
        {
            SolveTime = s.SolveTime,
            Iterations = s.Iterations,
            SolverStatus = s.Status,
            Backend = s.Backend,
            Dimacs = s.Dimacs,
        };
        return new ModelSolution(_model, status, x, _duals, k => _side.Multipliers(s, k), _parameters,
                                 _maximize ? -bound : bound, statistics, s) { Compiled = this, Scalars = x };
    }

    /// <summary>
    /// The same problem with only PSD and LP blocks, as the SDPA format holds them: a second-order
    /// cone block of length d becomes the d×d arrow matrix [[x₀, x̄ᵀ], [x̄, x₀I]] ⪰ 0 (each data
    /// vector a becomes Arrow(a); the arrow map's adjoint sends the PSD cone onto the second-order
    /// cone, so both sides of the duality keep their optimum), a free block x the LP block (x⁺, x⁻).
    /// </summary>
    public ConicProblem ToSdpaProblem() => SdpaForm.ToPsdAndLp(_side.Problem);

    /// <summary>Writes <see cref="ToSdpaProblem"/> in the SDPA sparse format (CSDP's reading: max ⟨F₀, X⟩).</summary>
    /// <remarks>The file maximises, so its optimal value is the negative of this (minimising)
    /// problem's ⟨C, X⟩; on the free-scalar side that is the model's optimum, on the cone-variable
    /// side its negative, both up to the objective's constant term.</remarks>
    public void WriteSdpa(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SdpaWriter.Write(_side.Problem, writer);
    }

    /// <summary>
    /// The model's optimal value (in its own sense) from the optimal value an SDPA solver (CSDP:
    /// max ⟨F₀, X⟩) reports for the file <see cref="WriteSdpa"/> wrote; this adds back the
    /// objective's constant term, which the file does not hold.
    /// </summary>
    public double ObjectiveFromSdpaValue(double sdpaOptimalValue)
    {
        // The file maximises ⟨−C, X⟩, so ⟨C, X⟩ = −value; on the free-scalar side ⟨C, X⟩ = −f_min.
        double primal = -sdpaOptimalValue;
        double fmin = (_side.Side == FormulationSide.ConeVariables ? primal : -primal) + _objectiveConstant;
        return _maximize ? -fmin : fmin;
    }

    private static string DescribeBlocks(ConicProblem problem) =>
        string.Join(", ", problem.Cones.GroupBy(c => c.ToString()).Select(g => g.Count() == 1 ? g.Key : $"{g.Key}×{g.Count()}"));
}
