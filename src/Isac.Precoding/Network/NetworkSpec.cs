using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using Isac.Physics.Channels;
using Isac.Physics.Sensing;

namespace Isac.Precoding.Network;

/// <summary>
/// A recipe for an <see cref="IsacNetwork"/> in paper A's conventions: sizes, powers, target
/// angles, and how the reflection coefficients, user channels and symbols are obtained (drawn
/// from a seed or given explicitly). Defaults are paper A's Section VI where it says, and our
/// documented choices where it does not (see scenarios/paper-a/ and docs/formats.md).
/// </summary>
/// <remarks>
/// <para>Powers: P_t per BS, σ_C² = P_t/10^(comm_snr_db/10), σ_R² = P_t/10^(radar_snr_db/10) (paper A:
/// both 40 dB). Reflection coefficients (when generated): |α_mm|² L P_t/σ_R² = echo_snr (paper A: 1)
/// and |α_nm|² = inter_cell_ratio·|α_mm|² (paper A: 1/3), with zero phase unless
/// <see cref="GeneratedReflections.RandomPhases"/>.</para>
/// <para>Every random draw comes from the seed handed to <see cref="Build"/>, through independent
/// sub-streams ("channels", "symbols", "reflections", "los-phases"), so changing how one part is
/// obtained does not change the draws of another.</para>
/// </remarks>
public sealed record NetworkSpec
{
    /// <summary>J, the number of cells (default 2).</summary>
    public int Cells { get; init; } = 2;

    /// <summary>K, users per cell (default 3).</summary>
    public int UsersPerCell { get; init; } = 3;

    /// <summary>Ntx (default 6).</summary>
    public int TransmitElements { get; init; } = 6;

    /// <summary>Nrx (default 6).</summary>
    public int ReceiveElements { get; init; } = 6;

    /// <summary>L, symbols per frame (paper A: L &gt; Ntx, otherwise silent; default 16).</summary>
    public int FrameLength { get; init; } = 16;

    /// <summary>P_t, each BS's power budget (default 1).</summary>
    public double TransmitPower { get; init; } = 1;

    /// <summary>P_t/σ_C² in dB (paper A: 40).</summary>
    public double CommSnrDb { get; init; } = 40;

    /// <summary>P_t/σ_R² in dB (paper A: 40).</summary>
    public double RadarSnrDb { get; init; } = 40;

    /// <summary>θ[n, m] in degrees, from BS n toward target m (paper A: θ11 = −50°, θ12 = 60°, θ21 = −60°, θ22 = 50°).</summary>
    public double[,] TargetAnglesDeg { get; init; } = { { -50, 60 }, { -60, 50 } };

    /// <summary>How the reflection coefficients α_nm are obtained.</summary>
    public ReflectionSpec Reflections { get; init; } = new GeneratedReflections();

    /// <summary>How the user channels are obtained.</summary>
    public ChannelSpec Channels { get; init; } = new RayleighChannels();

    /// <summary>How the PSK symbols are obtained.</summary>
    public SymbolSpec Symbols { get; init; } = new RandomSymbols();

    /// <summary>M of the M-PSK data (paper A: QPSK, 4).</summary>
    public int PskOrder { get; init; } = 4;

    /// <summary>P_leak^max / P_t (paper A: 4π).</summary>
    public double LeakageMaxFactor { get; init; } = 4 * Math.PI;

    /// <summary>I_max / σ_C² in dB (paper A: 10).</summary>
    public double InterferenceMaxDb { get; init; } = 10;

    /// <summary>Algorithm 1's initial caps / σ_C² in dB (paper A: not given; default 0).</summary>
    public double InitialCapDb { get; init; }

    /// <summary>Draws whatever is random from <paramref name="seed"/> and assembles the network.</summary>
    /// <exception cref="ArgumentException">The parts do not agree (sizes, angles).</exception>
    public IsacNetwork Build(ulong seed)
    {
        int j = Cells;
        if (j < 1 || UsersPerCell < 1 || TransmitElements < 1 || ReceiveElements < 1 || FrameLength < 1)
            throw new ArgumentException("cells, users, antennas and the frame length must be positive");
        if (TargetAnglesDeg.GetLength(0) != j || TargetAnglesDeg.GetLength(1) != j)
            throw new ArgumentException($"target angles must be {j}×{j}, got {TargetAnglesDeg.GetLength(0)}×{TargetAnglesDeg.GetLength(1)}");
        double pt = TransmitPower;
        double sigmaC = pt / Math.Pow(10, CommSnrDb / 10);
        double sigmaR = pt / Math.Pow(10, RadarSnrDb / 10);
        var tx = new UniformLinearArray(TransmitElements, ArrayNormalization.Unnormalized);
        var rx = new UniformLinearArray(ReceiveElements, ArrayNormalization.Unnormalized);
        var angles = new double[j, j];
        for (int n = 0; n < j; n++)
            for (int m = 0; m < j; m++)
                angles[n, m] = TargetAnglesDeg[n, m] * Math.PI / 180;
        var alphas = Reflections.Build(j, FrameLength, pt, sigmaR, new DeterministicRandom(DeterministicRandom.Derive(seed, "reflections")));
        var scene = new SensingScene(tx, rx, angles, alphas, sigmaR, FrameLength);
        var channels = Channels.Build(j, UsersPerCell, tx, seed);
        var symbols = Symbols.Build(j * UsersPerCell, FrameLength, PskOrder, new DeterministicRandom(DeterministicRandom.Derive(seed, "symbols")));
        var limits = InterferenceLimits.PaperA(pt, sigmaC, InterferenceMaxDb, InitialCapDb, LeakageMaxFactor);
        return new IsacNetwork(channels, scene, pt, sigmaC, PskOrder, symbols, limits);
    }
}

/// <summary>How the reflection coefficients α_nm are obtained.</summary>
public abstract record ReflectionSpec
{
    /// <summary>α[n, m] for J cells.</summary>
    internal abstract Complex[,] Build(int cells, int frameLength, double transmitPower, double radarNoiseVariance, DeterministicRandom random);
}

/// <summary>
/// Paper A's normalisation: |α_mm|² L P_t/σ_R² = <paramref name="EchoSnr"/>, |α_nm|² = <paramref name="InterCellRatio"/>·|α_mm|².
/// </summary>
/// <param name="EchoSnr">The received SNR of the intra-cell echo (paper A: 1).</param>
/// <param name="InterCellRatio">|α_nm|²/|α_mm|² for n ≠ m (paper A: 1/3).</param>
/// <param name="RandomPhases">False (default): every α real and positive; true: phases uniform in [0, 2π) from the seed.</param>
public sealed record GeneratedReflections(double EchoSnr = 1, double InterCellRatio = 1.0 / 3, bool RandomPhases = false) : ReflectionSpec
{
    internal override Complex[,] Build(int cells, int frameLength, double transmitPower, double radarNoiseVariance, DeterministicRandom random)
    {
        double own = Math.Sqrt(EchoSnr * radarNoiseVariance / (frameLength * transmitPower));
        var a = new Complex[cells, cells];
        for (int n = 0; n < cells; n++)
            for (int m = 0; m < cells; m++)
            {
                double magnitude = n == m ? own : own * Math.Sqrt(InterCellRatio);
                double phase = RandomPhases ? random.NextUniform(0, 2 * Math.PI) : 0;
                a[n, m] = Complex.FromPolarCoordinates(magnitude, phase);
            }
        return a;
    }
}

/// <summary>Reflection coefficients given explicitly, α[n, m].</summary>
/// <param name="Values">α[n, m], J×J.</param>
public sealed record ExplicitReflections(Complex[,] Values) : ReflectionSpec
{
    internal override Complex[,] Build(int cells, int frameLength, double transmitPower, double radarNoiseVariance, DeterministicRandom random)
    {
        if (Values.GetLength(0) != cells || Values.GetLength(1) != cells)
            throw new ArgumentException($"reflection coefficients must be {cells}×{cells}, got {Values.GetLength(0)}×{Values.GetLength(1)}");
        return (Complex[,])Values.Clone();
    }
}

/// <summary>How the user channels are obtained.</summary>
public abstract record ChannelSpec
{
    /// <summary>The channels of J cells with K users each.</summary>
    internal abstract MultiCellChannels Build(int cells, int usersPerCell, UniformLinearArray transmitArray, ulong seed);
}

/// <summary>Rayleigh fading h_{n,mk} ~ CN(0, g I) with g = intra (n = m) or inter (n ≠ m) (paper A: inter-cell power 1/3 of intra-cell).</summary>
/// <param name="IntraGain">Mean power per antenna of a BS's channel to its own users (default 1).</param>
/// <param name="InterGain">Mean power per antenna to the other cells' users (default 1/3).</param>
public sealed record RayleighChannels(double IntraGain = 1, double InterGain = 1.0 / 3) : ChannelSpec
{
    internal override MultiCellChannels Build(int cells, int usersPerCell, UniformLinearArray transmitArray, ulong seed) =>
        ChannelGenerators.Rayleigh(usersPerCell, transmitArray.Elements, LinkGains.IntraInter(cells, IntraGain, InterGain),
            new DeterministicRandom(DeterministicRandom.Derive(seed, "channels")));
}

/// <summary>Line-of-sight users (paper A Fig. 4): h_{n,mk} = √g e^{jφ} a(θ_{n,mk}).</summary>
/// <param name="UserAnglesDeg">θ[n, m, k] in degrees: user k of cell m seen from BS n.</param>
/// <param name="IntraGain">g for n = m.</param>
/// <param name="InterGain">g for n ≠ m.</param>
/// <param name="RandomPhases">Draw each link's phase φ from the seed (false: φ = 0).</param>
public sealed record LineOfSightChannels(double[,,] UserAnglesDeg, double IntraGain = 1, double InterGain = 1.0 / 3, bool RandomPhases = false) : ChannelSpec
{
    internal override MultiCellChannels Build(int cells, int usersPerCell, UniformLinearArray transmitArray, ulong seed)
    {
        if (UserAnglesDeg.GetLength(0) != cells || UserAnglesDeg.GetLength(1) != cells || UserAnglesDeg.GetLength(2) != usersPerCell)
            throw new ArgumentException($"user angles must be {cells}×{cells}×{usersPerCell}");
        var radians = new double[cells, cells, usersPerCell];
        for (int n = 0; n < cells; n++)
            for (int m = 0; m < cells; m++)
                for (int k = 0; k < usersPerCell; k++)
                    radians[n, m, k] = UserAnglesDeg[n, m, k] * Math.PI / 180;
        var random = RandomPhases ? new DeterministicRandom(DeterministicRandom.Derive(seed, "los-phases")) : null;
        return ChannelGenerators.LineOfSight(transmitArray, radians, LinkGains.IntraInter(cells, IntraGain, InterGain), random);
    }
}

/// <summary>Channels given explicitly (a user's own measurements, or another tool's).</summary>
/// <param name="Value">h_{n,mk} for every BS n, cell m, user k.</param>
public sealed record ExplicitChannels(MultiCellChannels Value) : ChannelSpec
{
    internal override MultiCellChannels Build(int cells, int usersPerCell, UniformLinearArray transmitArray, ulong seed)
    {
        if (Value.Cells != cells || Value.UsersPerCell != usersPerCell || Value.TransmitElements != transmitArray.Elements)
            throw new ArgumentException($"the channels are {Value.Cells} cells × {Value.UsersPerCell} users × {Value.TransmitElements} antennas, expected {cells} × {usersPerCell} × {transmitArray.Elements}");
        return Value;
    }
}

/// <summary>How the frame's PSK symbols are obtained.</summary>
public abstract record SymbolSpec
{
    /// <summary>d[u, s], users × slots, unit modulus.</summary>
    internal abstract Complex[,] Build(int users, int frameLength, int pskOrder, DeterministicRandom random);

    /// <summary>The M-PSK point with index i: e^{j(π/M)(2i+1)} (QPSK: 45°, 135°, 225°, 315°).</summary>
    public static Complex PskPoint(int index, int pskOrder) => Complex.FromPolarCoordinates(1, Math.PI / pskOrder * (2 * index + 1));
}

/// <summary>Independent uniform M-PSK symbols from the seed.</summary>
public sealed record RandomSymbols : SymbolSpec
{
    internal override Complex[,] Build(int users, int frameLength, int pskOrder, DeterministicRandom random)
    {
        var d = new Complex[users, frameLength];
        for (int u = 0; u < users; u++)
            for (int s = 0; s < frameLength; s++)
                d[u, s] = PskPoint(random.NextInt(pskOrder), pskOrder);
        return d;
    }
}

/// <summary>Symbols given as PSK indices i (the point e^{j(π/M)(2i+1)}).</summary>
/// <param name="Indices">i[u, s] in [0, M).</param>
public sealed record ExplicitSymbols(int[,] Indices) : SymbolSpec
{
    internal override Complex[,] Build(int users, int frameLength, int pskOrder, DeterministicRandom random)
    {
        if (Indices.GetLength(0) != users || Indices.GetLength(1) != frameLength)
            throw new ArgumentException($"symbol indices must be {users}×{frameLength}, got {Indices.GetLength(0)}×{Indices.GetLength(1)}");
        var d = new Complex[users, frameLength];
        for (int u = 0; u < users; u++)
            for (int s = 0; s < frameLength; s++)
            {
                int i = Indices[u, s];
                if (i < 0 || i >= pskOrder) throw new ArgumentException($"symbol index {i} is outside [0, {pskOrder})");
                d[u, s] = PskPoint(i, pskOrder);
            }
        return d;
    }
}
