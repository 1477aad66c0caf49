using Isac.Modeling.Expressions;

namespace Isac.Modeling.Compilation;

/// <summary>The cone of one <see cref="ConeConstraint"/>.</summary>
internal enum ConeType
{
    /// <summary>Every row equals zero.</summary>
    Zero,

    /// <summary>Every row is ≥ 0.</summary>
    Nonnegative,

    /// <summary>Rows (u, v̄) with ‖v̄‖₂ ≤ u.</summary>
    SecondOrder,

    /// <summary>The rows are a real symmetric n×n matrix in <see cref="MatrixLayouts"/> order; it is ⪰ 0.</summary>
    Psd,

    /// <summary>The rows are a Hermitian n×n matrix (n² scalars, <see cref="MatrixLayouts"/> order); it is ⪰ 0.</summary>
    HermitianPsd,
}

/// <summary>
/// One conic constraint g(x) ∈ K of the canonical model min cᵀx s.t. g_k(x) ∈ K_k, with g_k given as
/// real rows. Its multiplier is a vector μ (one number per row, μ ∈ K*) with the Lagrangian
/// L = cᵀx − Σ_k μ_kᵀ g_k(x); both sides of the compilation return μ in this form.
/// </summary>
internal sealed class ConeConstraint
{
    public ConeConstraint(ConeType type, int order, RealRows rows, Variable? domainOf = null)
    {
        Type = type;
        Order = order;
        Rows = rows;
        DomainOf = domainOf;
    }

    public ConeType Type { get; }

    /// <summary>n for (Hermitian) PSD cones, the number of rows otherwise.</summary>
    public int Order { get; }

    public RealRows Rows { get; }

    /// <summary>The PSD variable whose own cone this is (g(x) = its scalars), or null.</summary>
    public Variable? DomainOf { get; }

    /// <summary>The order of the real PSD block it becomes (2n for a Hermitian cone).</summary>
    public int BlockOrder => Type == ConeType.HermitianPsd ? 2 * Order : Order;
}
