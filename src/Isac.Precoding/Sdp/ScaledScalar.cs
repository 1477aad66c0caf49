using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Precoding.Sdp;

/// <summary>
/// A non-negative scalar q = u·v held by the model in units u (v ≥ 0 the model's variable), so that the
/// variable the solver sees is of order one.
/// </summary>
/// <remarks>Why: the (P·.B) caps are interference powers of order σ̃_C² = 10⁻⁴ and their objective weights
/// 1/Ĩ_max of order 10³; in those units the (P1.B) of the issue 11 benchmark ended NumericalError on the
/// free-scalar side at Ntx = 16 (accuracy 1.5·10⁻⁴), in units of their maxima it ends at 10⁻⁶-10⁻⁷ on
/// either side (docs/derivations.md §6.9, "Statuses of the (P·.B) problems").</remarks>
internal readonly record struct ScaledScalar(Variable Variable, double Unit)
{
    /// <summary>A new q ≥ 0 in units <paramref name="unit"/> (> 0).</summary>
    public static ScaledScalar NonNegative(Model model, string name, double unit) =>
        unit > 0 && double.IsFinite(unit) ? new(ModelVariables.NonNegative(model, name), unit)
            : throw new ArgumentOutOfRangeException(nameof(unit), unit, "a unit must be positive and finite");

    /// <summary>q as an expression (u·v).</summary>
    public Expression Value => Variable * Unit;

    /// <summary>Adds q ≤ <paramref name="bound"/> (as v ≤ bound/u).</summary>
    public void AtMost(Model model, double bound) => model.Add(Variable <= bound / Unit);

    /// <summary>q at the solution.</summary>
    public double Read(ModelSolution s) => s.Scalar(Variable) * Unit;
}
