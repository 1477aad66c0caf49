using Isac.Conic.Io;
using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Io;

/// <summary>SDPA sparse reader and writer: exact round trip and a line-numbered error for every malformed case.</summary>
public class SdpaFormatTests
{
    private const string Small = """
        "a comment line
        * another comment
        2 =mdim
        2 =nblocks
        {2, -2}
        1.0 -0.5
        0 1 1 1 1.0
        0 1 1 2 0.25
        0 2 2 2 3.0
        1 1 1 1 1.0
        1 2 1 1 1.0
        2 1 2 2 1.0
        2 2 2 2 -1.0
        """;

    private static ConicProblem Read(string text) => SdpaReader.Read(new StringReader(text), "t.dat-s");

    [Fact]
    public void Read_SmallFile_GivesBlocksRowsAndEntries()
    {
        var p = Read(Small);
        Assert.Equal(2, p.ConstraintCount);
        Assert.Equal([Cone.Psd(2), Cone.Nonnegative(2)], p.Cones);
        Assert.Equal(ObjectiveSense.Maximize, p.Sense);
        Assert.Equal(-0.5, p.Constraints[1].Rhs);
        var c = (SparseBlockMatrix)p.Objective[0].Matrix;
        Assert.Equal([0, 0], c.Rows);
        Assert.Equal([0, 1], c.Columns);
        Assert.Equal([1.0, 0.25], c.Values);
    }

    [Fact]
    public void WriteThenRead_IsExact()
    {
        var p = Read(Small);
        var text = Write(p);
        var q = Read(text);
        Assert.Equal(text, Write(q));
        Assert.Equal(p.Cones, q.Cones);
        for (int i = 0; i < p.ConstraintCount; i++)
        {
            Assert.Equal(p.Constraints[i].Rhs, q.Constraints[i].Rhs);
        }
    }

    [Fact]
    public void Read_CrLfAndALineLongerThanTheReadBuffer_GivesTheSameProblem()
    {
        // The reader scans a 64K buffer of its own: a 100 000-character comment and Windows line ends.
        string text = "* " + new string('x', 100_000) + "\n" + Small.Replace("\n", "\r\n");
        var p = Read(text);
        var q = Read(Small);
        Assert.Equal(Write(q), Write(p));
    }

    [SdplibFact]
    public void WriteThenRead_Theta1_ReproducesEveryEntryBitForBit()
    {
        var p = SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, "theta1.dat-s"));
        var q = Read(Write(p));
        for (int i = 0; i < p.ConstraintCount; i++)
        {
            var a = (SparseBlockMatrix)p.Constraints[i].Terms[0].Matrix;
            var b = (SparseBlockMatrix)q.Constraints[i].Terms[0].Matrix;
            Assert.Equal(a.Rows, b.Rows);
            Assert.Equal(a.Columns, b.Columns);
            Assert.Equal(a.Values, b.Values);
        }
    }

    [Fact]
    public void Write_DenseLowRankAndMinimize_ReadsBackAsTheSameMaximisation()
    {
        var b = new ConicProblemBuilder(ObjectiveSense.Minimize);
        int psd = b.AddBlock(Cone.Psd(3));
        b.AddObjective(psd, new DenseBlockMatrix([1, 0.1, 0, 0.1, 2, 0, 0, 0, 3]));
        b.AddTerm(b.AddConstraint(1.5), psd, LowRankBlockMatrix.RankOne([1, 2, 0.1 + 0.2]));
        var p = b.Build();
        var q = Read(Write(p));
        Assert.Equal(ObjectiveSense.Maximize, q.Sense);
        var c = new double[9];
        q.Objective[0].Matrix.AddTo(c, 3, true);
        Assert.Equal([-1, -0.1, 0, -0.1, -2, 0, 0, 0, -3], c);
        var a = new double[9];
        q.Constraints[0].Terms[0].Matrix.AddTo(a, 3, true);
        Assert.Equal(2 * (0.1 + 0.2), a[5]);
        var s1 = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent });
        var s2 = ConicSolver.Solve(q, new SolverSettings { Verbosity = Verbosity.Silent });
        Assert.Equal(s1.PrimalObjective, -s2.PrimalObjective, 6);
    }

    [Theory]
    [InlineData(ObjectiveSense.Maximize)]
    [InlineData(ObjectiveSense.Minimize)]
    public void WriteThenRead_SecondOrderAndFreeBlocks_KeepTheOptimum(ObjectiveSense sense)
    {
        // A strictly feasible problem over PSD, LP, second-order and free blocks (RandomFeasibleTests):
        // the file has the cone as an arrow PSD block and the free block as an LP pair, both named in a
        // comment; solved from the file it has the same optimum (sign flipped for a minimisation, which
        // the file writes as the maximisation of −C).
        var p = Solving.RandomFeasibleTests.Generate(seed: 77, sense);
        var text = Write(p);
        Assert.Contains("* block 4: second-order cone of length 4", text);
        Assert.Contains("* block 5: 2 free variables, written as LP pairs", text);
        var q = Read(text);
        Assert.Equal([Cone.Psd(9), Cone.Psd(4), Cone.Nonnegative(5), Cone.Psd(4), Cone.Nonnegative(4)], q.Cones);
        var quiet = new SolverSettings { Verbosity = Verbosity.Silent };
        var direct = ConicSolver.Solve(p, quiet);
        var fromFile = ConicSolver.Solve(q, quiet);
        Assert.Equal(SolverStatus.Solved, direct.Status);
        Assert.Equal(SolverStatus.Solved, fromFile.Status);
        double sign = sense == ObjectiveSense.Maximize ? 1 : -1;
        Assert.True(Math.Abs(direct.PrimalObjective - sign * fromFile.PrimalObjective) <= Tolerances.Reference * (1 + Math.Abs(direct.PrimalObjective)),
            $"{direct.PrimalObjective:R} directly, {fromFile.PrimalObjective:R} from the file");
    }

    [Fact]
    public void SdpaForm_MapBack_GivesTheOriginalBlocksSolution()
    {
        // The rewritten problem's solution mapped back satisfies the original problem's KKT conditions.
        var p = Solving.RandomFeasibleTests.Generate(seed: 78, ObjectiveSense.Maximize);
        var rewrite = SdpaForm.Rewrite(p);
        var s = rewrite.MapBack(ConicSolver.Solve(rewrite.Problem, new SolverSettings { Verbosity = Verbosity.Silent }));
        Assert.Equal(SolverStatus.Solved, s.Status);
        var kkt = Kkt.KktCheck.Of(p, s);
        Assert.True(kkt.Max < Tolerances.Kkt, $"KKT residuals {kkt}");
    }

    private static string Write(ConicProblem p)
    {
        var w = new StringWriter();
        SdpaWriter.Write(p, w);
        return w.ToString();
    }

    public static TheoryData<string, int, string> Malformed() => new()
    {
        { "", 1, "ends before the number of constraints" },
        { "x\n", 1, "not an integer" },
        { "-1\n1\n2\n", 1, "cannot be negative" },
        { "2\n0\n", 2, "empty" },
        { "2\n2\n3\n", 3, "1 block sizes for 2 blocks" },
        { "1\n1\n0\n1\n", 3, "size 0" },
        { "2\n1\n2\n1.0\n", 5, "ends before the 2 objective values" },
        { "1\n1\n2\n1.0 2.0\n", 4, "more than 1 values" },
        { "1\n1\n2\nnan\n", 4, "NaN" },
        { "1\n1\n2\n1.0\n1 1 1\n", 5, "needs 5 numbers" },
        { "1\n1\n2\n1.0\n1 1 1 1 abc\n", 5, "not a number" },
        { "1\n1\n2\n1.0\n1 1 1 1 Infinity\n", 5, "NaN and infinite" },
        { "1\n1\n2\n1.0\n2 1 1 1 1.0\n", 5, "matrix number 2" },
        { "1\n1\n2\n1.0\n1 2 1 1 1.0\n", 5, "block number 2" },
        { "1\n1\n2\n1.0\n1 1 1 3 1.0\n", 5, "outside block 1 of size 2" },
        { "1\n1\n-2\n1.0\n1 1 1 2 1.0\n", 5, "off-diagonal entry" },
        { "1\n1\n2\n1.0\n1 1 1 2 1.0\n1 1 2 1 2.0\n", 6, "non-symmetric" },
        { "1\n1\n2\n1.0\n1 1 1 2 1.0\n1 1 1 2 1.0\n", 6, "given twice" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_Malformed_ThrowsWithLineNumber(string text, int line, string detail)
    {
        var e = Assert.Throws<ConicInputException>(() => Read(text));
        Assert.Equal($"t.dat-s:{line}", e.Location);
        Assert.Contains(detail, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void SolutionWriter_WritesYThenZThenXInCsdpLayout()
    {
        var p = Read(Small);
        var s = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent });
        var w = new StringWriter();
        SolutionWriter.Write(p, s, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines[0].Split(' ').Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[12] [12] \d+ \d+ \S+$", l));
        Assert.Contains(lines, l => l.StartsWith("1 "));
        Assert.Contains(lines, l => l.StartsWith("2 "));
    }
}
