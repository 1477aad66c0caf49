using System.Text.Json;
using Isac.Precoding.Design;
using Isac.Precoding.Io;

namespace Isac.Precoding.Tests.Io;

public class DesignResultWriterTests
{
    [Fact]
    public void SolvedDesign_WritesTheMetricsAndPrecodersItComputed()
    {
        var result = RobustPrecoder.Design(TestNetworks.Tiny.Build(2), TestNetworks.Settings(PrecodingScheme.BlpComp, 5));
        using var doc = JsonDocument.Parse(DesignResultWriter.ToText(result));
        var root = doc.RootElement;

        Assert.Equal("solved", root.GetProperty("status").GetString());
        Assert.Equal(result.RcrbDeg, root.GetProperty("rcrb_deg").EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal(result.RelaxationRcrbDeg, root.GetProperty("relaxation_rcrb_deg").EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal(result.MinSinrDb, root.GetProperty("min_sinr_db").GetDouble());
        Assert.Equal(result.WorstCaseMinSinrDb, root.GetProperty("worst_case_min_sinr_db").GetDouble());
        var w = root.GetProperty("precoders").GetProperty("matrices")[0];
        Assert.Equal(result.Precoders[0].RowCount, w.GetArrayLength());
        Assert.Equal(result.Precoders[0][1, 0].Imaginary, w[1][0][1].GetDouble());
        Assert.Equal(result.Solves.Count, root.GetProperty("solves").GetArrayLength());
        for (int i = 0; i < result.Solves.Count; i++)
        {
            var solve = root.GetProperty("solves")[i];
            Assert.Equal(result.Solves[i].Termination, solve.GetProperty("termination").GetString());
            Assert.Equal(result.Solves[i].Used, solve.GetProperty("used").GetBoolean());
            Assert.Equal(result.Solves[i].Accuracy, solve.GetProperty("accuracy").GetDouble());
        }
        // Every answer the design used is accounted for: a solved design's solves carry the solver's accuracy and reason.
        Assert.All(result.Solves.Where(x => x.Used), x => Assert.True(x.Accuracy < 1e-3 && x.Termination.Length > 0, $"{x.Problem}: {x.Accuracy} {x.Termination}"));
    }

    [Fact]
    public void InfeasibleDesign_WritesNullMetricsAndNoPrecoder()
    {
        var result = RobustPrecoder.Design(TestNetworks.Tiny.Build(2), TestNetworks.Settings(PrecodingScheme.BlpCbf, 70));
        using var doc = JsonDocument.Parse(DesignResultWriter.ToText(result));
        var root = doc.RootElement;

        Assert.Equal("infeasible", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("min_sinr_db").ValueKind);
        Assert.Equal(0, root.GetProperty("rcrb_deg").GetArrayLength());
        Assert.Equal(0, root.GetProperty("precoders").GetProperty("matrices").GetArrayLength());
        Assert.Equal(1, root.GetProperty("failed_iteration").GetInt32());
    }
}
