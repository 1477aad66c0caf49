using Isac.Experiments.Figures;
using Isac.Experiments.Results;

namespace Isac.Experiments.Tests.Figures;

public class TidyTableTests
{
    [Fact]
    public void ToCsv_FormatsInvariantlyAndQuotesPerRfc4180()
    {
        var t = new TidyTable("scheme", "gamma_db", "rcrb_deg", "ok");
        t.Add(Cell.Of("blp,cbf"), Cell.Of(-2.5), Cell.Of(0.1), Cell.Of(true));
        t.Add(Cell.Of("say \"hi\""), Cell.Of(1e-7), Cell.Of(double.NaN), Cell.Of(false));
        Assert.Equal("scheme,gamma_db,rcrb_deg,ok\n\"blp,cbf\",-2.5,0.1,true\n\"say \"\"hi\"\"\",1E-07,,false\n", t.ToCsv());
    }

    [Fact]
    public void Add_WrongWidth_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TidyTable("a", "b").Add(Cell.Of(1)));
        Assert.Throws<ArgumentException>(() => new TidyTable("a", "a"));
    }

    [Fact]
    public void From_TakesTheNamedColumnsAndLeavesAbsentOnesEmpty()
    {
        var rows = new[] { new ResultRow().Set("a", 1).Set("b", "x"), new ResultRow().Set("a", 2) };
        Assert.Equal("b,a\nx,1\n,2\n", TidyTable.From(rows, "b", "a").ToCsv());
    }
}
