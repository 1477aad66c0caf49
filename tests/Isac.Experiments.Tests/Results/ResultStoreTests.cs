using Isac.Core;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Results;

public class ResultStoreTests
{
    private static readonly SweepGrid Grid = TestCatalog.Noise().Grid;

    private static PointResult Point(int index, params double[] values) =>
        PointResult.From(Grid.Point(index), values.Select(v => new ResultRow().Set("v", v)).ToList());

    [Fact]
    public void Cells_RoundTripExactlyThroughALine()
    {
        double[] numbers = [0.1, 1.0 / 3, -2.5e-300, 1e300, 123456789012345678, double.Epsilon, -0.0, 8];
        var row = new ResultRow();
        for (int i = 0; i < numbers.Length; i++) row.Set($"n{i}", numbers[i]);
        row.Set("nan", double.NaN).Set("inf", double.PositiveInfinity).Set("text", "a,\"b\"\nπ").Set("yes", true).Set("no", false);
        var stored = PointResult.From(Grid.Point(3), [row]);

        var back = PointResult.TryParse(stored.ToLine())!;
        var cells = back.Rows.Single();
        for (int i = 0; i < numbers.Length; i++)
        {
            Assert.Equal(CellKind.Number, cells[i].Kind);
            Assert.Equal(BitConverter.DoubleToInt64Bits(numbers[i] == 0 ? 0 : numbers[i]), BitConverter.DoubleToInt64Bits(cells[i].Number == 0 ? 0 : cells[i].Number));
        }
        Assert.Equal(CellKind.Missing, cells[numbers.Length].Kind);
        Assert.Equal(CellKind.Missing, cells[numbers.Length + 1].Kind);
        Assert.Equal("a,\"b\"\nπ", cells[numbers.Length + 2].Text);
        Assert.Equal("true", cells[numbers.Length + 3].Format());
        Assert.Equal("false", cells[numbers.Length + 4].Format());
        Assert.Equal(stored.ToLine(), back.ToLine());
    }

    [Fact]
    public void Open_TruncatedLastLine_IsRepairedNotFatal()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        byte[] good = [.. Point(0, 1).ToLine(), .. Point(1, 2).ToLine()];
        byte[] third = Point(2, 3).ToLine();
        File.WriteAllBytes(path, [.. good, .. third.AsSpan(0, third.Length / 2)]);

        using var store = ResultStore.Open(path, Grid, Shard.Whole);

        Assert.Equal(third.Length / 2, store.RepairedBytes);
        Assert.Equal([0, 1], store.Done.Order());
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_CompleteLineWithoutNewline_IsDroppedAndRunAgain()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        var first = Point(0, 1).ToLine();
        var second = Point(1, 2).ToLine();
        File.WriteAllBytes(path, [.. first, .. second.AsSpan(0, second.Length - 1)]);
        using var store = ResultStore.Open(path, Grid, Shard.Whole);
        Assert.Equal([0], store.Done);
        Assert.Equal(first, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_GarbageAfterTheLastLine_IsRepaired()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        var first = Point(0, 1).ToLine();
        File.WriteAllBytes(path, [.. first, 0, 0, 0, 0]); // a block of zeros after a power loss
        using var store = ResultStore.Open(path, Grid, Shard.Whole);
        Assert.Equal(4, store.RepairedBytes);
        Assert.Equal(first, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_CorruptLineInTheMiddle_IsRefusedWithFileAndLine()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        File.WriteAllBytes(path, [.. Point(0, 1).ToLine(), .. "{\"point\": oops}\n"u8, .. Point(1, 2).ToLine()]);
        var e = Assert.Throws<IsacInputException>(() => ResultStore.Open(path, Grid, Shard.Whole));
        Assert.StartsWith($"{path}:2: corrupt line", e.Message);
    }

    [Fact]
    public void Open_PointStoredTwice_IsRefused()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        File.WriteAllBytes(path, [.. Point(4, 1).ToLine(), .. Point(4, 1).ToLine()]);
        var e = Assert.Throws<IsacInputException>(() => ResultStore.Open(path, Grid, Shard.Whole));
        Assert.StartsWith($"{path}:2: point 4 (", e.Message);
        Assert.Contains("stored twice", e.Message);
    }

    [Fact]
    public void Open_PointOfAnotherGrid_IsRefused()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        var other = TestCatalog.Noise(""", "sweep": { "size": [3] }""").Grid;
        File.WriteAllBytes(path, PointResult.From(other.Point(0), [new ResultRow().Set("v", 1)]).ToLine());
        var e = Assert.Throws<IsacInputException>(() => ResultStore.Open(path, Grid, Shard.Whole));
        Assert.Contains("is stored as \"size=3,", e.Message);
    }

    [Fact]
    public void Open_PointOfAnotherShard_IsRefused()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        File.WriteAllBytes(path, Point(1, 1).ToLine());
        var e = Assert.Throws<IsacInputException>(() => ResultStore.Open(path, Grid, new Shard(1, 2)));
        Assert.Contains("does not belong to shard 1/2", e.Message);
    }

    [Fact]
    public void Append_ThenSort_GivesPointOrder()
    {
        using var tmp = new TempFolder();
        string path = tmp.Sub("results.jsonl");
        using (var store = ResultStore.Open(path, Grid, Shard.Whole))
        {
            store.Append([Point(2, 3), Point(0, 1)]);
            store.Append([Point(1, 2)]);
            store.SortInPlace();
        }
        Assert.Equal([.. Point(0, 1).ToLine(), .. Point(1, 2).ToLine(), .. Point(2, 3).ToLine()], File.ReadAllBytes(path));
    }

    [Fact]
    public void From_ColumnNamedLikeAParameter_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => PointResult.From(Grid.Point(0), [new ResultRow().Set("size", 1)]));
        Assert.Throws<InvalidOperationException>(() => PointResult.From(Grid.Point(0), [new ResultRow().Set("draw", 1)]));
    }

    [Fact]
    public void ToRows_PutsParametersAndDrawFirst()
    {
        var rows = Point(5, 1.5, 2.5).ToRows(Grid).ToList();
        Assert.Equal(["size", "mode", "level_db", "draw", "v"], rows[0].Columns);
        Assert.Equal("1,x,0,1,2.5", string.Join(",", rows[1].Columns.Select(c => rows[1][c].Format())));
    }
}
