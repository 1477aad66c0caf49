using Isac.Physics.Backhaul;

namespace Isac.Physics.Tests.Backhaul;

public class BackhaulOverheadTests
{
    [Fact]
    public void Comp_IsEquation64()
    {
        // J = 2, K = 3, β_h = 10, β_S = 100, β_dir = 5: 2·1·(3·(2·10 + 100) + 5) = 730.
        Assert.Equal(730.0, BackhaulOverhead.Comp(2, 3, 10, 100, 5));
    }

    [Fact]
    public void Cbf_IsEquation65()
    {
        // 2·1·(3·2·10 + 5) = 130.
        Assert.Equal(130.0, BackhaulOverhead.Cbf(2, 3, 10, 5));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(3, 2)]
    public void Comp_ExceedsCbfByTheSharedData(int cells, int users)
    {
        double difference = BackhaulOverhead.Comp(cells, users, 7, 50, 3) - BackhaulOverhead.Cbf(cells, users, 7, 3);
        Assert.Equal(cells * (cells - 1) * users * 50.0, difference);
    }
}
