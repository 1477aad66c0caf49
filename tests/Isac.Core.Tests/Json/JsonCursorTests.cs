using Isac.Core.Json;

namespace Isac.Core.Tests.Json;

public class JsonCursorTests
{
    [Fact]
    public void MissingField_NamesThePath()
    {
        var root = JsonCursor.Parse("""{"a": {"b": 1}}""", "case.json");
        var e = Assert.Throws<IsacInputException>(() => root.Field("a").Field("c"));
        Assert.Equal("case.json: $.a: required field 'c' is missing", e.Message);
    }

    [Fact]
    public void UnknownField_IsAnError()
    {
        var root = JsonCursor.Parse("""{"ntx": 4, "nttx": 5}""", "case.json");
        var e = Assert.Throws<IsacInputException>(() => root.ExpectOnly("ntx", "nrx"));
        Assert.StartsWith("case.json: $.nttx: unknown field", e.Message);
    }

    [Fact]
    public void SyntaxError_NamesTheLine()
    {
        var e = Assert.Throws<IsacInputException>(() => JsonCursor.Parse("{\n\"a\": 1,\n\"b\": }", "x.json"));
        Assert.StartsWith("x.json:3: invalid JSON", e.Message);
    }

    [Fact]
    public void ComplexMatrix_ReadsRowsOfPairs()
    {
        var root = JsonCursor.Parse("""{"m": [[[1, 2], [3, 4]], [[5, 6], [7, -8]]]}""", "m.json");
        var m = root.Field("m").ComplexMatrix(2, 2);
        Assert.Equal(new System.Numerics.Complex(3, 4), m[0, 1]);
        Assert.Equal(new System.Numerics.Complex(7, -8), m[1, 1]);
    }

    [Fact]
    public void RaggedMatrix_NamesTheRow()
    {
        var root = JsonCursor.Parse("""{"m": [[1, 2], [3]]}""", "m.json");
        var e = Assert.Throws<IsacInputException>(() => root.Field("m").DoubleMatrix());
        Assert.Equal("m.json: $.m[1]: expected a row of 2 entries, got 1", e.Message);
    }

    [Fact]
    public void WrongType_SaysWhatWasExpectedAndFound()
    {
        var root = JsonCursor.Parse("""{"ntx": "four", "n": -3}""", "c.json");
        var e1 = Assert.Throws<IsacInputException>(() => root.Field("ntx").Int(1));
        Assert.Equal("c.json: $.ntx: expected an integer, got the string \"four\"", e1.Message);
        var e2 = Assert.Throws<IsacInputException>(() => root.Field("n").Int(1));
        Assert.Equal("c.json: $.n: expected an integer >= 1, got -3", e2.Message);
    }
}
