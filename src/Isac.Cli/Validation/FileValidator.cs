using System.Text.Json;
using Isac.Core;
using Isac.Core.Json;

namespace Isac.Cli.Validation;

/// <summary>What checking one file found.</summary>
/// <param name="Format">The format detected, or null when none could be.</param>
/// <param name="Error">The first error as one line (file, JSON path, what was expected), or null when the file is valid.</param>
/// <param name="Warning">The old key names the file used, as one line, or null.</param>
public sealed record ValidationOutcome(FileFormat? Format, string? Error, string? Warning);

/// <summary>
/// Checks one file: detects its format (from <c>"$schema"</c>, else from its content, see
/// <see cref="FileFormats"/>) and runs the format's strict reader, whose first error is the result.
/// </summary>
public static class FileValidator
{
    /// <summary>Checks the text of a file.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The name used in messages (the path as given).</param>
    public static ValidationOutcome Check(string json, string source)
    {
        FileFormat? format = null;
        try
        {
            var probe = JsonCursor.Parse(json, source);
            format = Detect(probe);
            var root = JsonCursor.Parse(json, source, format.NewLegacyKeys());
            format.Read(root);
            return new ValidationOutcome(format, null, root.LegacyWarning);
        }
        catch (IsacInputException e)
        {
            return new ValidationOutcome(format, OneLine(e.Message), null);
        }
    }

    /// <summary>Checks a file on disk; a missing or unreadable file is an error outcome.</summary>
    public static ValidationOutcome CheckFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ValidationOutcome(null, $"{path}: file not found", null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ValidationOutcome(null, $"{path}: cannot read the file: {OneLine(e.Message)}", null);
        }
        return Check(text, path);
    }

    /// <summary>The format a document declares with <c>"$schema"</c>, else the first that recognises its content.</summary>
    /// <exception cref="IsacInputException">The schema is unknown, or no format recognises the content.</exception>
    public static FileFormat Detect(JsonCursor root)
    {
        string known = string.Join(", ", FileFormats.All.Select(f => f.SchemaFile));
        if (root.Kind != JsonValueKind.Object) throw root.Error($"expected a JSON object (a document of one of the formats with schemas {known})");
        if (root.OptionalField(JsonCursor.SchemaKey) is JsonCursor schema)
        {
            string name = schema.String();
            return FileFormats.BySchema(name) ?? throw schema.Error($"unknown schema \"{name}\" (expected a path or URL ending in one of: {known})");
        }
        return FileFormats.All.FirstOrDefault(f => f.Recognises(root))
            ?? throw root.Error($"cannot tell the file's format: name its schema with \"$schema\" (one of: {known})");
    }

    private static string OneLine(string s) => string.Join(' ', s.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
