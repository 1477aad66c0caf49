namespace Isac.Experiments.Results;

/// <summary>The kind of value in a result cell.</summary>
public enum CellKind
{
    /// <summary>No value: a NaN or infinity, an infeasible point's metric; an empty CSV cell and a gap in plots.</summary>
    Missing,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>A text value (a scheme name, a status).</summary>
    Text,

    /// <summary>true or false.</summary>
    Boolean,
}
