using Isac.Core;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Tests.Sweeps;

public class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("8/8", 8, 8)]
    public void Parse_ValidText_GivesShard(string text, int index, int count)
    {
        Assert.Equal(new Shard(index, count), Shard.Parse(text));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    public void Parse_InvalidText_IsInputErrorNamingTheOption(string text)
    {
        var e = Assert.Throws<IsacInputException>(() => Shard.Parse(text));
        Assert.StartsWith("--shard: expected I/N", e.Message);
    }

    [Fact]
    public void Shards_PartitionThePoints()
    {
        const int n = 3, points = 100;
        var owners = Enumerable.Range(0, points).Select(p => Enumerable.Range(1, n).Count(i => new Shard(i, n).Contains(p)));
        Assert.All(owners, c => Assert.Equal(1, c));
    }
}
