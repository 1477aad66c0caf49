namespace Isac.Network.Scheduling;

/// <summary>"SD-USCB (No scheduling)" of Fig. 8: every user of the cell, every epoch.</summary>
public sealed class ScheduleEveryone : IScheduler
{
    /// <inheritdoc />
    public string Name => "all";

    /// <inheritdoc />
    public int[] Schedule(SchedulingInput input) => Enumerable.Range(0, input.Channels.Count).ToArray();
}
