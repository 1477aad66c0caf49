namespace Isac.Modeling.Compilation;

/// <summary>
/// How a symmetric or Hermitian n×n matrix is described by real scalars, here and in the cone rows:
/// the n diagonal entries first, then the pairs i &lt; j in row-major order — one scalar (the entry)
/// per pair for a symmetric matrix, two (real part, then imaginary part of entry (i, j)) for a
/// Hermitian one. n(n+1)/2 and n² scalars.
/// </summary>
internal static class MatrixLayouts
{
    public static int SymmetricCount(int n) => n * (n + 1) / 2;

    public static int HermitianCount(int n) => n * n;

    /// <summary>Index of the pair i &lt; j among the strict upper triangle, row-major.</summary>
    public static int Pair(int n, int i, int j) => i * n - i * (i + 1) / 2 + (j - i - 1);

    /// <summary>The scalar of entry (i, j) (either order) of a symmetric matrix.</summary>
    public static int Symmetric(int n, int i, int j)
    {
        if (i == j)
        {
            return i;
        }
        return i < j ? n + Pair(n, i, j) : n + Pair(n, j, i);
    }

    /// <summary>The real-part scalar of entry (i, j), i &lt; j, of a Hermitian matrix (the imaginary part follows it).</summary>
    public static int HermitianReal(int n, int i, int j) => n + 2 * Pair(n, i, j);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (int, int, int)[]> HermitianCache = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (int, int)[]> SymmetricCache = new();

    /// <summary>Inverse of the layout: the (i, j, part) of scalar k, part 0 for a diagonal or real part, 1 for an imaginary part (shared; do not modify).</summary>
    public static (int I, int J, int Part)[] HermitianEntries(int n) => HermitianCache.GetOrAdd(n, BuildHermitianEntries);

    /// <summary>Inverse of the symmetric layout: the (i, j) of scalar k, i ≤ j (shared; do not modify).</summary>
    public static (int I, int J)[] SymmetricEntries(int n) => SymmetricCache.GetOrAdd(n, BuildSymmetricEntries);

    private static (int I, int J, int Part)[] BuildHermitianEntries(int n)
    {
        var list = new (int, int, int)[n * n];
        for (int i = 0; i < n; i++)
        {
            list[i] = (i, i, 0);
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                int k = HermitianReal(n, i, j);
                list[k] = (i, j, 0);
                list[k + 1] = (i, j, 1);
            }
        }
        return list;
    }

    private static (int I, int J)[] BuildSymmetricEntries(int n)
    {
        var list = new (int, int)[SymmetricCount(n)];
        for (int i = 0; i < n; i++)
        {
            list[i] = (i, i);
            for (int j = i + 1; j < n; j++)
            {
                list[n + Pair(n, i, j)] = (i, j);
            }
        }
        return list;
    }
}
