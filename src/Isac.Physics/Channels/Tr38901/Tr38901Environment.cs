namespace Isac.Physics.Channels.Tr38901;

/// <summary>The 3GPP TR 38.901 scenarios the toolkit models (Section 7.2).</summary>
public enum Tr38901Environment
{
    /// <summary>Urban micro, street canyon (UMi-Street Canyon): BS height 10 m, ISD 200 m.</summary>
    UrbanMicro,

    /// <summary>Urban macro (UMa): BS height 25 m, ISD 500 m.</summary>
    UrbanMacro,
}
