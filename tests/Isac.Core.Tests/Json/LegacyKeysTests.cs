using Isac.Core;
using Isac.Core.Json;

namespace Isac.Core.Tests.Json;

public class LegacyKeysTests
{
    [Theory]
    [InlineData("frame_length", "frameLength")]
    [InlineData("departure_angles_deg", "departureAnglesDeg")]
    [InlineData("ntx", "ntx")]
    public void CamelCase_JoinsTheWords(string snake, string camel) => Assert.Equal(camel, LegacyKeys.CamelCase(snake));

    [Fact]
    public void Field_ReadsTheOldNameAndRecordsIt()
    {
        var root = JsonCursor.Parse("""{ "frameLength": 12, "ntx": 4, "inner": { "angleStepDeg": 0.5 } }""", "f.json");

        Assert.Equal(12, root.Field("frame_length").Int());
        Assert.Equal(4, root.Field("ntx").Int());
        Assert.Equal(0.5, root.Field("inner").Field("angle_step_deg").Double());
        Assert.Equal("$.inner.angleStepDeg", root.Field("inner").Field("angle_step_deg").Path); // errors name what the file says
        Assert.Equal([("frameLength", "frame_length"), ("angleStepDeg", "angle_step_deg")], root.Legacy.Used);
        Assert.Equal("f.json: warning: old key names read, rename them: 'frameLength' → 'frame_length', 'angleStepDeg' → 'angle_step_deg'", root.LegacyWarning);
    }

    [Fact]
    public void NewNames_GiveNoWarning()
    {
        var root = JsonCursor.Parse("""{ "frame_length": 12 }""", "f.json");
        root.ExpectOnly("frame_length");
        Assert.Equal(12, root.Field("frame_length").Int());
        Assert.True(root.Has("frame_length"));
        Assert.Null(root.LegacyWarning);
    }

    [Fact]
    public void ExpectOnly_AcceptsAndRecordsOldNames_AndRefusesUnknownOnes()
    {
        var root = JsonCursor.Parse("""{ "frameLength": 12, "bogus": 1 }""", "f.json");
        var e = Assert.Throws<IsacInputException>(() => root.ExpectOnly("frame_length"));
        Assert.Contains("$.bogus: unknown field (expected one of: frame_length)", e.Message);
        Assert.Equal([("frameLength", "frame_length")], root.Legacy.Used);
    }

    [Fact]
    public void BothNames_AreAnError()
    {
        var root = JsonCursor.Parse("""{ "frameLength": 12, "frame_length": 12 }""", "f.json");
        var e = Assert.Throws<IsacInputException>(() => root.Field("frame_length"));
        Assert.Contains("$.frameLength: 'frameLength' is the old name of 'frame_length'", e.Message);
    }

    [Fact]
    public void ExtraAliases_CoverRenamesBeyondTheCase()
    {
        var keys = new LegacyKeys().With("users_per_cell", "per_cell");
        var root = JsonCursor.Parse("""{ "per_cell": 3 }""", "f.json", keys);
        root.ExpectOnly("users_per_cell");
        Assert.Equal(3, root.OptionalField("users_per_cell")?.Int());
        Assert.Contains("'per_cell' → 'users_per_cell'", root.LegacyWarning);
    }

    [Fact]
    public void SchemaKey_IsAcceptedAtTheRootOnly()
    {
        var root = JsonCursor.Parse("""{ "$schema": "x.schema.json", "inner": { "$schema": "y" } }""", "f.json");
        root.ExpectOnly("inner");
        var e = Assert.Throws<IsacInputException>(() => root.Field("inner").ExpectOnly());
        Assert.Contains("$.inner.$schema: unknown field", e.Message);
    }
}
