using Isac.Core;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Results;

/// <summary>
/// The append-only JSON-lines results file of one sweep folder. A point counts as done only
/// after its line has been written and flushed to disk (fsync); a crash at any moment leaves a
/// file whose complete lines are valid points and whose last line may be cut short, which
/// <see cref="Open"/> repairs by truncating it.
/// </summary>
internal sealed class ResultStore : IDisposable
{
    private readonly FileStream _file;
    private readonly Dictionary<int, byte[]> _lines;

    private ResultStore(string path, FileStream file, Dictionary<int, byte[]> lines, long repairedBytes)
    {
        Path = path;
        _file = file;
        _lines = lines;
        RepairedBytes = repairedBytes;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Bytes of a cut-short last line removed when the store was opened (0 when none).</summary>
    public long RepairedBytes { get; }

    /// <summary>The indices of the points stored.</summary>
    public IReadOnlyCollection<int> Done => _lines.Keys;

    /// <summary>
    /// Opens (creating when absent) a results file for appending, after checking every stored
    /// line against the grid and the shard and cutting off a truncated last line.
    /// </summary>
    /// <exception cref="IsacInputException">A line before the last is corrupt, a point is stored
    /// twice, or a point does not belong to this grid or shard (file and line named).</exception>
    public static ResultStore Open(string path, SweepGrid grid, Shard shard)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (lines, validLength) = Scan(file, path, grid, shard);
            long repaired = file.Length - validLength;
            if (repaired > 0)
            {
                file.SetLength(validLength);
                file.Flush(flushToDisk: true);
            }
            file.Seek(0, SeekOrigin.End);
            return new ResultStore(path, file, lines, repaired);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads a results file without changing it; a truncated last line is ignored.</summary>
    public static IReadOnlyList<PointResult> ReadAll(string path, SweepGrid grid, Shard shard)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var (lines, _) = Scan(file, path, grid, shard);
        return lines.OrderBy(kv => kv.Key).Select(kv => PointResult.TryParse(kv.Value)!).ToList();
    }

    /// <summary>Appends finished points and flushes them to disk; only then do they count as done.</summary>
    public void Append(IReadOnlyList<PointResult> points)
    {
        var lines = points.Select(p => (p.Index, Line: p.ToLine())).ToList();
        foreach (var (_, line) in lines) _file.Write(line);
        _file.Flush(flushToDisk: true);
        foreach (var (index, line) in lines) _lines[index] = line;
    }

    /// <summary>Rewrites the file with its lines in point order (atomically), so equal sweeps give equal files.</summary>
    public void SortInPlace()
    {
        var sorted = _lines.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value).ToArray();
        string temp = Path + ".sorted";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            f.Write(sorted);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, Path, overwrite: true);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static (Dictionary<int, byte[]> Lines, long ValidLength) Scan(FileStream file, string path, SweepGrid grid, Shard shard)
    {
        file.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        var lines = new Dictionary<int, byte[]>();
        int start = 0, lineNumber = 0;
        long validLength = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            lineNumber++;
            bool complete = end >= 0;
            var span = bytes.AsSpan(start, (complete ? end : bytes.Length) - start);
            var point = span.IsEmpty ? null : PointResult.TryParse(span);
            bool isLast = !complete || end == bytes.Length - 1;
            if (point is null)
            {
                // A crash can only cut the last line short (or leave garbage after it): drop it.
                if (isLast) break;
                if (span.IsEmpty) throw new IsacInputException($"{path}:{lineNumber}", "empty line in a results file (it was edited or corrupted)");
                throw new IsacInputException($"{path}:{lineNumber}", "corrupt line in the middle of the results file (not a point record); it was not written by an interrupted run");
            }
            if (!complete)
            {
                // Without its newline the line may not have reached the disk whole: drop it, the point runs again.
                break;
            }
            Check(point, path, lineNumber, grid, shard, lines);
            lines[point.Index] = bytes.AsSpan(start, end - start + 1).ToArray();
            validLength = end + 1;
            start = end + 1;
        }
        return (lines, validLength);
    }

    private static void Check(PointResult point, string path, int lineNumber, SweepGrid grid, Shard shard, Dictionary<int, byte[]> seen)
    {
        string where = $"{path}:{lineNumber}";
        if (point.Index < 0 || point.Index >= grid.Count)
            throw new IsacInputException(where, $"point {point.Index} is outside this sweep's {grid.Count} points");
        string expected = grid.Point(point.Index).Key;
        if (point.Key != expected)
            throw new IsacInputException(where, $"point {point.Index} is stored as \"{point.Key}\" but this sweep's point {point.Index} is \"{expected}\"");
        if (!shard.Contains(point.Index))
            throw new IsacInputException(where, $"point {point.Index} does not belong to shard {shard}");
        if (seen.ContainsKey(point.Index))
            throw new IsacInputException(where, $"point {point.Index} ({point.Key}) is stored twice");
    }
}
