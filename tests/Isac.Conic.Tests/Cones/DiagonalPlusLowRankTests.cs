using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.Cones;

/// <summary>The structured products B (Σ y_i A_i) W of a block whose data are diagonal or of low rank
/// (graph partitioning: e_i e_iᵀ rows and the all-ones e eᵀ, kept as entries with a rank-one shadow)
/// against the dense product.</summary>
public class DiagonalPlusLowRankTests
{
    [Fact]
    public void Product_MatchesTheDenseProduct()
    {
        int n = 12;
        var rng = new DeterministicRandom(41);
        var data = new List<PsdRowData>();
        for (int i = 0; i < n; i++)
        {
            data.Add(PsdRowData.FromSparse(i, [i], [i], [1.0]));
        }
        // The all-ones row as entries (upper triangle), with its rank-one factor as the shadow.
        var p = new List<int>();
        var q = new List<int>();
        var v = new List<double>();
        for (int a = 0; a < n; a++)
        {
            for (int b = a; b < n; b++)
            {
                p.Add(a);
                q.Add(b);
                v.Add(1.0);
            }
        }
        var ones = PsdRowData.FromSparse(n, [.. p], [.. q], [.. v]);
        ones.LowRankShadow = new PsdRowData { Row = n, Kind = PsdDataKind.LowRank, Weights = [1.0], Vectors = Enumerable.Repeat(1.0, n).ToArray() };
        data.Add(ones);
        var rows = data.ToArray();
        var structure = DiagonalPlusLowRank.TryCreate(n, rows)!;
        Assert.NotNull(structure);

        var x = RandomData.PositiveDefinite(rng, n);
        var w = RandomData.PositiveDefinite(rng, n);
        var b2 = RandomData.Symmetric(rng, n);
        var y = RandomData.Vector(rng, n + 1);
        structure.Prepare(x, w);
        // Σ y_i A_i, dense.
        var s = new double[n * n];
        foreach (var d in rows)
        {
            d.AddTo(s, n, y[d.Row]);
        }
        foreach (var (b, isX) in new[] { (x, true), (b2, false) })
        {
            var expected = RandomData.Multiply(RandomData.Multiply(b, s, n), w, n);
            var result = new double[n * n];
            structure.Product(b, isX, y, w, result, new double[n * n], ManagedKernels.Instance);
            double scale = expected.Max(Math.Abs);
            Assert.True(result.Zip(expected, (r, e) => Math.Abs(r - e)).Max() < 1e-12 * scale, $"bIsX = {isX}");
        }
    }

    [Fact]
    public void GeneralData_HasNoStructure()
    {
        int n = 6;
        var rows = new[] { PsdRowData.FromSparse(0, [0, 1], [1, 2], [1.0, 2.0]) };
        Assert.Null(DiagonalPlusLowRank.TryCreate(n, rows));
    }
}
