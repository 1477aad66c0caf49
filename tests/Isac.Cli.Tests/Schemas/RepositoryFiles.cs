using System.Text.Json;

namespace Isac.Cli.Tests.Schemas;

/// <summary>The repository's docs/schemas/ and scenarios/ folders, found above the test directory.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root (the folder holding docs/schemas and scenarios).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>docs/schemas/.</summary>
    public static string SchemaDirectory => Path.Combine(Root, "docs", "schemas");

    /// <summary>Every schema file.</summary>
    public static IEnumerable<string> Schemas() => Directory.EnumerateFiles(SchemaDirectory, "*.schema.json").Order();

    /// <summary>Every built-in file under scenarios/.</summary>
    public static IEnumerable<string> BuiltInFiles() => Directory.EnumerateFiles(Path.Combine(Root, "scenarios"), "*.json", SearchOption.AllDirectories).Order();

    /// <summary>Parses a file the way the readers do (comments skipped).</summary>
    public static JsonDocument Parse(string text) => JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "docs", "schemas")) && Directory.Exists(Path.Combine(dir.FullName, "scenarios")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("docs/schemas and scenarios/ not found above the test directory");
    }
}
