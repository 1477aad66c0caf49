using Isac.Physics;

namespace Isac.Precoding.Design;

/// <summary>Paper A's four robust precoding designs.</summary>
public enum PrecodingScheme
{
    /// <summary>Block-level precoding, coordinated beamforming: (P1), per-BS (P1.A)/(P1.B) in Algorithm 1.</summary>
    BlpCbf,

    /// <summary>Block-level precoding, coordinated multi-point: (P2), (P2.A)/(P2.B) in Algorithm 1.</summary>
    BlpComp,

    /// <summary>Symbol-level precoding, coordinated beamforming: (P3), per-BS (P3.A)/(P3.B) alternated.</summary>
    SlpCbf,

    /// <summary>Symbol-level precoding, coordinated multi-point: (P4), one convex problem.</summary>
    SlpComp,
}

/// <summary>Names and properties of <see cref="PrecodingScheme"/> (from <see cref="DesignCatalog"/>, where each design is registered).</summary>
public static class PrecodingSchemes
{
    /// <summary>The command-line and file names, in the catalog's order.</summary>
    public static readonly string[] Names = DesignCatalog.All.Select(e => e.Name).ToArray();

    /// <summary>The name of a scheme (<c>blp-cbf</c>, …).</summary>
    public static string Name(this PrecodingScheme scheme) => DesignCatalog.Of(scheme).Name;

    /// <summary>The scheme with the given name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the names).</exception>
    public static PrecodingScheme Parse(string name) =>
        DesignCatalog.Named(name)?.Scheme ?? throw new ArgumentException($"unknown scheme '{name}' (expected one of: {string.Join(", ", Names)})");

    /// <summary>True for the symbol-level designs.</summary>
    public static bool IsSymbolLevel(this PrecodingScheme scheme) => DesignCatalog.Of(scheme).SymbolLevel;

    /// <summary>The coordination mode of the scheme.</summary>
    public static CoordinationMode Mode(this PrecodingScheme scheme) => DesignCatalog.Of(scheme).Mode;
}
