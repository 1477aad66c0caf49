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

/// <summary>Names and properties of <see cref="PrecodingScheme"/>.</summary>
public static class PrecodingSchemes
{
    /// <summary>The command-line and file names, in enum order.</summary>
    public static readonly string[] Names = ["blp-cbf", "blp-comp", "slp-cbf", "slp-comp"];

    /// <summary>The name of a scheme (<c>blp-cbf</c>, …).</summary>
    public static string Name(this PrecodingScheme scheme) => Names[(int)scheme];

    /// <summary>The scheme with the given name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the names).</exception>
    public static PrecodingScheme Parse(string name)
    {
        int i = Array.IndexOf(Names, name);
        return i >= 0 ? (PrecodingScheme)i : throw new ArgumentException($"unknown scheme '{name}' (expected one of: {string.Join(", ", Names)})");
    }

    /// <summary>True for the symbol-level designs.</summary>
    public static bool IsSymbolLevel(this PrecodingScheme scheme) => scheme is PrecodingScheme.SlpCbf or PrecodingScheme.SlpComp;

    /// <summary>The coordination mode of the scheme.</summary>
    public static CoordinationMode Mode(this PrecodingScheme scheme) =>
        scheme is PrecodingScheme.BlpCbf or PrecodingScheme.SlpCbf ? CoordinationMode.Cbf : CoordinationMode.Comp;
}
