namespace Isac.Experiments.Sweeps;

/// <summary>
/// Watches a sweep: the command line shows a progress bar or plain lines; tests count points.
/// Calls come from the runner's writer thread, after the points are on disk.
/// </summary>
public interface ISweepObserver
{
    /// <summary>A one-line remark (resumed, repaired, already complete).</summary>
    void Note(string message);

    /// <summary>The sweep starts: <paramref name="total"/> points in this slice, <paramref name="alreadyDone"/> of them stored before.</summary>
    void Started(string label, int total, int alreadyDone);

    /// <summary><paramref name="done"/> points of the slice are now stored (including those stored before).</summary>
    void Advanced(int done);

    /// <summary>The sweep stopped (finished, interrupted or failed).</summary>
    void Stopped();
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentSweepObserver : ISweepObserver
{
    /// <summary>The instance.</summary>
    public static SilentSweepObserver Instance { get; } = new();

    /// <inheritdoc/>
    public void Note(string message) { }

    /// <inheritdoc/>
    public void Started(string label, int total, int alreadyDone) { }

    /// <inheritdoc/>
    public void Advanced(int done) { }

    /// <inheritdoc/>
    public void Stopped() { }
}
