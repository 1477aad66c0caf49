namespace Isac.Network.Tests;

/// <summary>Named tolerances used across the tests.</summary>
public static class Tolerances
{
    /// <summary>Factorisations and exact identities (relative).</summary>
    public const double Factorization = 1e-10;

    /// <summary>An iterative solver against an independent reference solver (relative objective).</summary>
    public const double SolverVsReference = 1e-5;
}
