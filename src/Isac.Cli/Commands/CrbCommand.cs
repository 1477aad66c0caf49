using System.CommandLine;
using Isac.Core;
using Isac.Core.Json;
using Isac.Physics.Crb;
using Isac.Physics.Io;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac crb --input CASE.json [--output OUT.json]</c>: the Fisher information and CRB of every
/// BS for given transmit covariances (paper A's metric), so precoders from any tool can be checked.
/// </summary>
public static class CrbCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "CRB case (JSON, see docs/formats.md): mode, array sizes, angles, amplitudes, stacked R_X",
            Required = true,
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the result JSON here instead of printing it (a one-line summary per BS is printed)",
        };
        var cmd = new Command("crb", "Fisher information and Cramér-Rao bound of every BS for given transmit covariances (paper A)")
        {
            input,
            output,
        };
        cmd.SetAction(parse =>
        {
            var inFile = parse.GetValue(input)!;
            var outFile = parse.GetValue(output);
            var results = Evaluate(inFile.FullName, inFile.ToString(), parse.Err());
            string json = CrbReport.ToText(results);
            if (outFile is null)
            {
                parse.Out().WriteLine(json);
            }
            else
            {
                File.WriteAllText(outFile.FullName, json + "\n");
                for (int m = 0; m < results.Count; m++)
                    parse.Out().WriteLine($"BS {m + 1}: RCRB(θ) = {results[m].RootAngleDegrees:G6}°, CRB = [{string.Join(", ", results[m].Diagonal.Select(d => d.ToString("G6")))}]");
                parse.Out().WriteLine($"wrote {outFile}");
            }
            return IsacApp.Success;
        });
        return cmd;
    }

    private static IReadOnlyList<CramerRaoBoundResult> Evaluate(string path, string label, TextWriter err)
    {
        var root = JsonCursor.Parse(File.ReadAllText(path), label);
        var c = CrbCase.Read(root);
        if (root.LegacyWarning is string warning) err.WriteLine($"isac: {warning}");
        try
        {
            return NetworkCrb.Evaluate(c.Scene, c.Mode, c.TransmitCovariance);
        }
        catch (SingularFisherInformationException e)
        {
            throw new IsacInputException($"{label}: $.transmit_covariance", e.Detail, e);
        }
    }
}
