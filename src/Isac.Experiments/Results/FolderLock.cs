using Isac.Core;

namespace Isac.Experiments.Results;

/// <summary>
/// An exclusive lock on a results folder for the length of a run, so two <c>isac</c> processes
/// cannot append to the same results file (which would store points twice). The operating system
/// releases it when the process ends, however it ends, so a killed run leaves no stale lock.
/// </summary>
internal sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name inside the folder.</summary>
    public const string FileName = ".isac.lock";

    private readonly FileStream _file;

    private FolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock or fails at once with an input error naming the folder.</summary>
    public static FolderLock Acquire(string directory)
    {
        string path = Path.Combine(directory, FileName);
        try
        {
            // FileShare.None: an exclusive OS lock (flock on Unix), released when the handle closes or the process dies.
            return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IsacInputException(directory, "another isac process is running a sweep in this folder; wait for it or use another --out", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
