using Complex = System.Numerics.Complex;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Design;

/// <summary>
/// The coordinates the designs' convex problems are written in: for every BS n either its Ntx antennas or an
/// orthonormal basis B_n (Ntx×d_n, B_nᴴB_n = I) of the subspace S_n through which the designs see its precoders
/// (docs/derivations.md §6.9).
/// </summary>
/// <remarks>
/// <para>A precoder, covariance or symbol frame of BS n is written W = B_n Ŵ B_nᴴ, x = B_n x̂; a vector the designs
/// use in a form hᵀx or hᵀWh* becomes ĥ = B_nᵀh (then hᵀx = ĥᵀx̂ and hᵀWh* = ĥᵀŴĥ*), a coefficient C of a trace
/// tr(C·W) becomes B_nᴴCB_n. CoMP stacks the BSs: B = blockdiag(B_1, …, B_J) on the stacked antennas.</para>
/// <para>Without a basis (<see cref="Antennas"/>, or a BS whose d_n would not be below Ntx) every map is the identity
/// and returns its argument's values unchanged, so the models are exactly those written on the antennas.</para>
/// </remarks>
internal sealed class DesignSpace
{
    private readonly IsacNetwork _network;
    private readonly Matrix<Complex>?[] _bases;
    private readonly int[] _offsets;
    private readonly Matrix<Complex>? _stacked;

    private DesignSpace(IsacNetwork network, Matrix<Complex>?[] bases)
    {
        _network = network;
        _bases = bases;
        _offsets = new int[network.Cells + 1];
        for (int n = 0; n < network.Cells; n++) _offsets[n + 1] = _offsets[n] + Dimension(n);
        _stacked = bases.All(b => b is null) ? null : StackBases(network, bases, _offsets[^1]);
    }

    /// <summary>The antennas themselves (no reduction).</summary>
    public static DesignSpace Antennas(IsacNetwork network) => new(network, new Matrix<Complex>?[network.Cells]);

    /// <summary>The given bases (null entries: that BS's antennas).</summary>
    public static DesignSpace WithBases(IsacNetwork network, Matrix<Complex>?[] bases) => new(network, (Matrix<Complex>?[])bases.Clone());

    /// <summary>J, the number of BSs.</summary>
    public int BsCount => _bases.Length;

    /// <summary>True when some BS is written in a basis smaller than its antennas.</summary>
    public bool IsReduced => _stacked is not null;

    /// <summary>d_n: the order of BS n's blocks (Ntx without a basis).</summary>
    public int Dimension(int bs) => _bases[bs]?.ColumnCount ?? _network.TransmitElements;

    /// <summary>Σ_n d_n: the order of the stacked blocks of CoMP.</summary>
    public int StackedDimension => _offsets[^1];

    /// <summary>The indices of BS n's coordinates in the stacked coordinates.</summary>
    public int[] BlockIndices(int bs) => Enumerable.Range(_offsets[bs], Dimension(bs)).ToArray();

    /// <summary>B_n (Ntx×d_n), or null for the antennas.</summary>
    public Matrix<Complex>? Basis(int bs) => _bases[bs];

    /// <summary>blockdiag(B_n) (J·Ntx × Σd_n), or null when no BS is reduced.</summary>
    public Matrix<Complex>? StackedBasis => _stacked;

    /// <summary>ĥ = B_nᵀ h_{n,mk}: user k of cell m as BS n's coordinates see it.</summary>
    public Vector<Complex> Channel(int bs, int cell, int user) => Reduce(_bases[bs], _network.Channels.PerBs(bs, cell, user));

    /// <summary>ĥ = Bᵀ h_u: the stacked channel of global user u in the stacked coordinates.</summary>
    public Vector<Complex> StackedChannel(int user) => Reduce(_stacked, _network.Channels.Stacked(user));

    /// <summary>v̂ = B_nᵀ v(θ_nm): BS n's transmit response toward target m.</summary>
    public Vector<Complex> TransmitResponse(int bs, int target) => Reduce(_bases[bs], _network.Scene.TransmitResponse(bs, target));

    /// <summary>B_nᴴ C B_n: a trace coefficient on BS n's antennas in its coordinates.</summary>
    public Matrix<Complex> Coefficient(int bs, Matrix<Complex> coefficient) => Congruence(_bases[bs], coefficient);

    /// <summary>Bᴴ C B: a trace coefficient on the stacked antennas in the stacked coordinates.</summary>
    public Matrix<Complex> StackedCoefficient(Matrix<Complex> coefficient) => Congruence(_stacked, coefficient);

    /// <summary>B_n Ŵ B_nᴴ: a covariance of BS n on its antennas (Ntx×Ntx).</summary>
    public Matrix<Complex> Covariance(int bs, Matrix<Complex> reduced) => Expand(_bases[bs], reduced);

    /// <summary>B Ŵ Bᴴ: a stacked covariance on the stacked antennas.</summary>
    public Matrix<Complex> StackedCovariance(Matrix<Complex> reduced) => Expand(_stacked, reduced);

    /// <summary>B_n X̂: BS n's symbols on its antennas (Ntx×L).</summary>
    public Matrix<Complex> Symbols(int bs, Matrix<Complex> reduced) => _bases[bs] is { } b ? b * reduced : reduced;

    /// <summary>B X̂: stacked symbols on the stacked antennas.</summary>
    public Matrix<Complex> StackedSymbols(Matrix<Complex> reduced) => _stacked is { } b ? b * reduced : reduced;

    /// <summary>Bᴴ X: symbols of BS n in its coordinates (exact when X lies in its subspace, as the design's own symbols do).</summary>
    public Matrix<Complex> ReducedSymbols(int bs, Matrix<Complex> symbols) => _bases[bs] is { } b ? b.ConjugateTranspose() * symbols : symbols;

    /// <summary>Bᴴ X: stacked symbols in the stacked coordinates.</summary>
    public Matrix<Complex> ReducedStackedSymbols(Matrix<Complex> symbols) => _stacked is { } b ? b.ConjugateTranspose() * symbols : symbols;

    /// <summary>Bᵀ v (v itself without a basis): so that vᵀx = (Bᵀv)ᵀx̂ for x = B x̂.</summary>
    private static Vector<Complex> Reduce(Matrix<Complex>? basis, Vector<Complex> v) => basis is null ? v : basis.TransposeThisAndMultiply(v);

    private static Matrix<Complex> Congruence(Matrix<Complex>? basis, Matrix<Complex> c) =>
        basis is null ? c : basis.ConjugateTransposeThisAndMultiply(c * basis);

    private static Matrix<Complex> Expand(Matrix<Complex>? basis, Matrix<Complex> reduced) =>
        basis is null ? reduced : basis * reduced.ConjugateTransposeAndMultiply(basis);

    private static Matrix<Complex> StackBases(IsacNetwork network, Matrix<Complex>?[] bases, int columns)
    {
        int ntx = network.TransmitElements;
        var b = Matrix<Complex>.Build.Dense(network.StackedDimension, columns);
        int offset = 0;
        for (int n = 0; n < bases.Length; n++)
        {
            var block = bases[n] ?? Matrix<Complex>.Build.DenseIdentity(ntx);
            b.SetSubMatrix(n * ntx, offset, block);
            offset += block.ColumnCount;
        }
        return b;
    }
}
