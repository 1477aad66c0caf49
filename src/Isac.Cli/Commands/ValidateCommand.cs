using System.CommandLine;
using Isac.Cli.Validation;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac validate FILE...</c>: checks scenario and case files with the strict readers of their formats
/// (detected from <c>"$schema"</c> or the content): one line per file, <c>valid</c> or its first error, and
/// exit code 0 when every file is valid, 2 otherwise. Old key names are valid and warned about.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The files to check (JSON; formats in docs/formats.md, schemas in docs/schemas/)",
            Arity = ArgumentArity.OneOrMore,
        };
        var cmd = new Command("validate", "Check scenario and case files against their formats (detected from \"$schema\" or the content); exit 0 when all are valid, 2 otherwise")
        {
            files,
        };
        cmd.SetAction(parse =>
        {
            bool allValid = true;
            foreach (string file in parse.GetValue(files)!)
            {
                var outcome = FileValidator.CheckFile(file);
                if (outcome.Warning is string warning) parse.Err().WriteLine($"isac: {warning}");
                if (outcome.Error is string error)
                {
                    parse.Err().WriteLine($"isac: error: {error}");
                    allValid = false;
                }
                else
                {
                    parse.Out().WriteLine($"{file}: valid ({outcome.Format!.Name})");
                }
            }
            return allValid ? IsacApp.Success : IsacApp.BadInput;
        });
        return cmd;
    }
}
