namespace Isac.Conic.Tests;

/// <summary>Named tolerances for the solver tests.</summary>
public static class Tolerances
{
    /// <summary>Dense factorisations and kernels against a naive computation (relative).</summary>
    public const double Factorization = 1e-10;

    /// <summary>KKT residuals of a solved problem (relative, DIMACS-style).</summary>
    public const double Kkt = 1e-7;

    /// <summary>Solver objective against a closed form or a published value (relative).</summary>
    public const double Reference = 1e-6;

    /// <summary>Objectives compared across solvers (relative).</summary>
    public const double CrossSolver = 1e-4;
}
