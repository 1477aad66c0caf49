using System.CommandLine;
using Isac.Core;
using Isac.Experiments.Definitions;
using Isac.Experiments.Sweeps;

namespace Isac.Cli.Sweeps;

/// <summary>The options every sweep-running command shares: threads, resume, overwrite, shard, quick.</summary>
internal sealed class SweepCliOptions
{
    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "Worker threads (default: every core)",
    };

    public Option<bool> Resume { get; } = new("--resume")
    {
        Description = "Continue the sweep stored in the output folder (after Ctrl-C, a crash or kill -9); refused if its scenario differs",
    };

    public Option<bool> Overwrite { get; } = new("--overwrite")
    {
        Description = "Discard results already in the output folder and start again",
    };

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run only slice I of N (e.g. 2/8) of every sweep; join the slices with 'isac merge'",
    };

    public Option<bool> Quick { get; } = new("--quick")
    {
        Description = "Reduced sizes (minutes on two cores) instead of the papers' sizes",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Add(Quick);
        command.Add(Threads);
        command.Add(Resume);
        command.Add(Overwrite);
        command.Add(Shard);
    }

    /// <summary>The sweep options given on the command line.</summary>
    public SweepOptions Read(ParseResult parse)
    {
        bool resume = parse.GetValue(Resume), overwrite = parse.GetValue(Overwrite);
        if (resume && overwrite) throw new IsacInputException("--resume", "cannot be combined with --overwrite");
        int threads = parse.GetValue(Threads) ?? Environment.ProcessorCount;
        if (threads < 1) throw new IsacInputException("--threads", $"expected at least 1, got {threads}");
        string? shard = parse.GetValue(Shard);
        return new SweepOptions
        {
            Threads = threads,
            Resume = resume,
            Overwrite = overwrite,
            Shard = shard is null ? Isac.Experiments.Sweeps.Shard.Whole : Isac.Experiments.Sweeps.Shard.Parse(shard),
        };
    }

    /// <summary>Quick or full.</summary>
    public SweepSize Size(ParseResult parse) => parse.GetValue(Quick) ? SweepSize.Quick : SweepSize.Full;
}
