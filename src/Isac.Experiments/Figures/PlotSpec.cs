namespace Isac.Experiments.Figures;

/// <summary>A line plot described by data only; <see cref="PlotRenderer"/> draws it to PNG and SVG.</summary>
/// <param name="Title">The title.</param>
/// <param name="XLabel">The x-axis label with its unit, e.g. <c>SINR threshold γ (dB)</c>.</param>
/// <param name="YLabel">The y-axis label with its unit.</param>
/// <param name="Series">The curves.</param>
public sealed record PlotSpec(string Title, string XLabel, string YLabel, IReadOnlyList<LineSeries> Series)
{
    /// <summary>Appended to the figure's stem for this plot's files (<c>fig5-sinr.png</c>); empty for the first plot.</summary>
    public string FileSuffix { get; init; } = "";

    /// <summary>Fixed x-axis range, or null to fit the data.</summary>
    public (double Min, double Max)? XLimits { get; init; }

    /// <summary>Ticks of the x axis at whole numbers only (epochs, iterations, antenna counts).</summary>
    public bool IntegerX { get; init; }

    /// <summary>Fixed y-axis range, or null to fit the data.</summary>
    public (double Min, double Max)? YLimits { get; init; }

    /// <summary>Where the legend goes; <see cref="LegendPlacement.Auto"/>: outside on the right for more than four curves, else inside at the upper right.</summary>
    public LegendPlacement Legend { get; init; } = LegendPlacement.Auto;

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 500;
}

/// <summary>Where a plot's legend goes.</summary>
public enum LegendPlacement
{
    /// <summary>Outside on the right for more than four curves, else inside at the upper right.</summary>
    Auto,

    /// <summary>Inside, upper right.</summary>
    UpperRight,

    /// <summary>Inside, upper left.</summary>
    UpperLeft,

    /// <summary>Inside, lower right.</summary>
    LowerRight,

    /// <summary>Inside, lower left.</summary>
    LowerLeft,

    /// <summary>Outside the data area, on the right.</summary>
    Outside,
}
