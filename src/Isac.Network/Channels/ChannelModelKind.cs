namespace Isac.Network.Channels;

/// <summary>The channel models a scenario can choose (<c>channel.model</c>).</summary>
public enum ChannelModelKind
{
    /// <summary>Paper B's model: eq. (37) intra-cell LoS + NLoS, eq. (38) inter-cell NLoS through point scatterers.</summary>
    Paper,

    /// <summary>3GPP TR 38.901 urban micro, street canyon (UMi), reduced to a ULA in azimuth.</summary>
    Tr38901Umi,

    /// <summary>3GPP TR 38.901 urban macro (UMa), reduced to a ULA in azimuth.</summary>
    Tr38901Uma,
}

/// <summary>Names of the channel models in scenario files.</summary>
public static class ChannelModelNames
{
    /// <summary>All names, in the order of <see cref="ChannelModelKind"/>.</summary>
    public static readonly string[] All = ["paper", "3gpp-umi", "3gpp-uma"];

    /// <summary>The scenario-file name of a model.</summary>
    public static string Name(this ChannelModelKind kind) => All[(int)kind];

    /// <summary>Parses a name (null when unknown).</summary>
    public static ChannelModelKind? Parse(string name) => Array.IndexOf(All, name) is var i && i >= 0 ? (ChannelModelKind)i : null;
}
