using Isac.Core.Json;

namespace Isac.Cli.Validation;

/// <summary>
/// A file format that <c>isac validate</c> knows: its published schema (docs/schemas/), how to recognise a
/// document of it that names no schema, and its strict reader.
/// </summary>
/// <param name="Name">The format's name in messages (<c>crb-case</c>).</param>
/// <param name="SchemaFile">The schema's file name under docs/schemas/; a document's <c>"$schema"</c> names
/// the format when its last path segment is this name (a relative path or a URL).</param>
/// <param name="Recognises">True when a document without <c>"$schema"</c> is of this format (a key only it has).</param>
/// <param name="Read">The strict reader: throws <see cref="Isac.Core.IsacInputException"/> with the first error's
/// one-line message (file, JSON path, what was expected).</param>
/// <param name="Legacy">The format's old key names (null: the camelCase spelling of each key).</param>
public sealed record FileFormat(string Name, string SchemaFile, Func<JsonCursor, bool> Recognises, Action<JsonCursor> Read,
    Func<LegacyKeys>? Legacy = null)
{
    /// <summary>A fresh record of old key names for one document.</summary>
    public LegacyKeys NewLegacyKeys() => Legacy?.Invoke() ?? new LegacyKeys();
}
