using Isac.Modeling;
using Isac.Modeling.Expressions;

namespace Isac.Precoding.Sdp;

/// <summary>Variable helpers for the design models.</summary>
internal static class ModelVariables
{
    /// <summary>
    /// A scalar variable v ≥ 0, declared as a 1×1 PSD matrix so that it becomes a cone block on
    /// either side of the duality (a free scalar plus an inequality would put a free block on the
    /// cone-variable side, which the interior-point method handles less reliably).
    /// </summary>
    public static Variable NonNegative(Model model, string name) => model.SymmetricPsd(name, 1);
}
