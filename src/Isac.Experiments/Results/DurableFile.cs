using System.Text;

namespace Isac.Experiments.Results;

/// <summary>File writes that survive a crash: whole-file replacement by rename after a flush to disk.</summary>
internal static class DurableFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM) so a reader sees the old or the new file, never half of one.</summary>
    public static void WriteAtomically(string path, string text) => WriteAtomically(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/> atomically.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        string temp = path + ".tmp";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
