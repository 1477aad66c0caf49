namespace Isac.Modeling.Tests.Examples;

/// <summary>docs/modeling.md shows the worked example's real code and output.</summary>
public class DocumentationTests
{
    [Fact]
    public void WorkedExample_OutputInDocs_IsWhatTheCodePrints()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "modeling.md"));
        var documented = docs[(docs.IndexOf("<!-- liu-output -->", StringComparison.Ordinal) + "<!-- liu-output -->".Length)..];
        documented = documented[(documented.IndexOf("```", StringComparison.Ordinal) + 3)..];
        documented = documented[..documented.IndexOf("```", StringComparison.Ordinal)].Trim();
        var printed = new StringWriter();

        LiuCrbExample.Run(printed);

        Assert.Equal(Normalise(printed.ToString().Trim()), Normalise(documented));
    }

    [Fact]
    public void WorkedExample_CodeInDocs_IsTheTestedCode()
    {
        var docs = Normalise(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "modeling.md")));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Isac.Modeling.Tests", "Examples", "LiuCrbExample.cs"));
        int start = source.IndexOf("// --- begin example ---", StringComparison.Ordinal);
        int end = source.IndexOf("// --- end example ---", StringComparison.Ordinal);
        var code = source[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0);
        foreach (var line in code)
        {
            Assert.Contains(line, docs);
        }
    }

    private static string Normalise(string s) => string.Join("\n", s.Replace("\r", "").Split('\n').Select(l => l.Trim()));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Isac.slnx not found above the test directory");
    }
}
