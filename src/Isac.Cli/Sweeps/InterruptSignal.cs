using System.Runtime.InteropServices;

namespace Isac.Cli.Sweeps;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM (what Slurm sends at the time limit) into a
/// cancellation, so a sweep stops after its running points and records the stop; a second
/// Ctrl-C ends the process at once (nothing stored is lost either way).
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration? _sigterm;
    private readonly PosixSignalRegistration? _sigint;

    public InterruptSignal()
    {
        _sigint = Register(PosixSignal.SIGINT);
        _sigterm = Register(PosixSignal.SIGTERM);
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _source.Token;

    private PosixSignalRegistration? Register(PosixSignal signal)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                if (_source.IsCancellationRequested) return; // second signal: default handling ends the process
                context.Cancel = true;
                _source.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _sigint?.Dispose();
        _sigterm?.Dispose();
        _source.Dispose();
    }
}
