using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Tests.Support;

/// <summary>An observer that keeps the runner's notes.</summary>
public sealed class NoteCollector : ISweepObserver
{
    public List<string> Notes { get; } = [];

    public void Note(string message) => Notes.Add(message);

    public void Started(string label, int total, int alreadyDone) { }

    public void Advanced(int done) { }

    public void Stopped() { }
}
