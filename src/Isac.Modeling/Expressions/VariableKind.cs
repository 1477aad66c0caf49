namespace Isac.Modeling.Expressions;

/// <summary>What values a variable takes.</summary>
public enum VariableKind
{
    /// <summary>A real scalar, vector or matrix.</summary>
    Real,

    /// <summary>A complex scalar, vector or matrix.</summary>
    Complex,

    /// <summary>A real symmetric matrix (Xᵀ = X).</summary>
    Symmetric,

    /// <summary>A complex Hermitian matrix (Xᴴ = X).</summary>
    Hermitian,
}
