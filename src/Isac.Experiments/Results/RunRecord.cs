namespace Isac.Experiments.Results;

/// <summary>One invocation that worked on a results folder (a first run, a resume, a merge).</summary>
/// <param name="Kind"><c>run</c>, <c>resume</c> or <c>merge</c>.</param>
/// <param name="Started">When it started (UTC, ISO 8601).</param>
/// <param name="Ended">When it ended (UTC), or null while running or after a kill.</param>
/// <param name="Status"><c>running</c>, <c>complete</c>, <c>interrupted</c> or <c>failed</c>.</param>
/// <param name="PointsDone">Points this invocation finished (and stored).</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Host">The machine.</param>
/// <param name="Version">The program version.</param>
public sealed record RunRecord(string Kind, string Started, string? Ended, string Status, int PointsDone, int Threads, string Host, string Version);
