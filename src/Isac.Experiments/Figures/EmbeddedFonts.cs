using ScottPlot;
using SkiaSharp;

namespace Isac.Experiments.Figures;

/// <summary>
/// Gives ScottPlot a font that is always there: DejaVu Sans (regular and bold), embedded in this
/// assembly. Without it, a headless machine with no fonts installed draws plots with no text at
/// all; with it, every machine draws the same glyphs, so plots look the same everywhere.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    /// <summary>The family name plots ask for.</summary>
    public const string Family = "Isac Sans";

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly SKData _regular = Load("DejaVuSans.ttf");
    private readonly SKData _bold = Load("DejaVuSans-Bold.ttf");

    /// <summary>Registers the embedded family with ScottPlot (once per process) and makes it the default.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Fonts.FontResolvers.Insert(0, new EmbeddedFonts());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _installed = true;
        }
    }

    /// <inheritdoc/>
    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    /// <inheritdoc/>
    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? SKTypeface.FromData(bold ? _bold : _regular) : null!;

    private static SKData Load(string file)
    {
        string name = $"Isac.Experiments.Figures.Fonts.{file}";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"embedded font {name} is missing from the assembly");
        return SKData.Create(stream);
    }
}
