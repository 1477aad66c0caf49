using Isac.Physics;
using Isac.Precoding.Blp;
using Isac.Precoding.Design;
using Isac.Precoding.Slp;

namespace Isac.Precoding;

/// <summary>One registered design: its scheme, file and command-line name, coordination mode, level, and how to create it.</summary>
/// <param name="Scheme">The enum member the public API names it by.</param>
/// <param name="Name">The name in files and on the command line (<c>blp-cbf</c>, …).</param>
/// <param name="Mode">CBF (per-BS problems) or CoMP (one problem over the stacked antennas).</param>
/// <param name="SymbolLevel">Symbol-level (the symbols are transmitted) or block-level (beamformers are recovered).</param>
/// <param name="Create">A new design for a context and a trade-off.</param>
/// <param name="NotReducibleBecause">Null when every constraint of the design sees the precoders only through the vectors
/// of <see cref="SubspaceReduction.SpanningVectors"/> and the error sets are balls (docs/derivations.md §6.9), so the
/// subspace reduction is exact; otherwise the reason (e.g. "per-antenna power constraints"), and the design is solved
/// on the antennas.</param>
internal sealed record DesignEntry(PrecodingScheme Scheme, string Name, CoordinationMode Mode, bool SymbolLevel,
    Func<DesignContext, Tradeoff, DesignSkeleton> Create, string? NotReducibleBecause = null);

/// <summary>
/// The designs <see cref="RobustPrecoder"/> can run, by scheme and by name. A new design is one file (a
/// <see cref="DesignSkeleton"/> with its own constraints) plus its enum member and one line here.
/// </summary>
internal static class DesignCatalog
{
    /// <summary>Every design, in the order the names are listed.</summary>
    public static IReadOnlyList<DesignEntry> All { get; } =
    [
        new(PrecodingScheme.BlpCbf, "blp-cbf", CoordinationMode.Cbf, false, (c, t) => new BlpCbfDesign(c, t)),
        new(PrecodingScheme.BlpComp, "blp-comp", CoordinationMode.Comp, false, (c, t) => new BlpCompDesign(c, t)),
        new(PrecodingScheme.SlpCbf, "slp-cbf", CoordinationMode.Cbf, true, (c, t) => new SlpCbfDesign(c, t)),
        new(PrecodingScheme.SlpComp, "slp-comp", CoordinationMode.Comp, true, (c, t) => new SlpCompDesign(c, t)),
    ];

    /// <summary>The entry of a scheme.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A scheme without a registered design.</exception>
    public static DesignEntry Of(PrecodingScheme scheme) =>
        All.FirstOrDefault(e => e.Scheme == scheme) ?? throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "no design is registered for this scheme");

    /// <summary>The entry of a name, or null.</summary>
    public static DesignEntry? Named(string name) => All.FirstOrDefault(e => e.Name == name);
}
