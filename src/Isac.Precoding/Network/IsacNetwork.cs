using Complex = System.Numerics.Complex;
using Isac.Physics.Channels;
using Isac.Physics.Sensing;

namespace Isac.Precoding.Network;

/// <summary>
/// Everything paper A's designs need to know about a J-cell ISAC network: the users' channels,
/// the sensing geometry, the powers and noise levels, the PSK data of a frame (for symbol-level
/// precoding) and the interference limits of Algorithm 1.
/// </summary>
/// <remarks>
/// <para>Units are absolute: <see cref="TransmitPower"/> P_t is the power budget of each BS,
/// <see cref="CommNoiseVariance"/> σ_C² the users' noise, the radar noise σ_R² is in
/// <see cref="Scene"/>. Channels follow paper A's convention: user mk receives Σ_n h_{n,mk}ᵀ x_n
/// (no conjugate); users are numbered globally u = m·K + k.</para>
/// <para>Symbols d[u, s] (u = 0 … J·K−1, s = 0 … L−1) are unit-modulus M-PSK points
/// e^{j(π/M)(2i+1)}, i.e. QPSK at ±45°, ±135°, whose decision regions are the sectors of
/// half-angle ψ = π/M around them (paper A eq. (46)).</para>
/// </remarks>
public sealed class IsacNetwork
{
    private readonly Complex[,] _symbols;

    /// <summary>Creates a network description and checks that its parts agree.</summary>
    /// <param name="channels">h_{n,mk} for every BS n, cell m, user k.</param>
    /// <param name="scene">Targets, reflection coefficients, arrays, σ_R², frame length L.</param>
    /// <param name="transmitPower">P_t &gt; 0, each BS's power budget.</param>
    /// <param name="commNoiseVariance">σ_C² &gt; 0.</param>
    /// <param name="pskOrder">M ≥ 2 of the M-PSK data (4: QPSK).</param>
    /// <param name="symbols">d[u, s], J·K × L unit-modulus symbols.</param>
    /// <param name="limits">P_leak^max, I_max and the initial caps of Algorithm 1.</param>
    public IsacNetwork(MultiCellChannels channels, SensingScene scene, double transmitPower, double commNoiseVariance,
        int pskOrder, Complex[,] symbols, InterferenceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(limits);
        if (channels.Cells != scene.Cells)
            throw new ArgumentException($"the channels describe {channels.Cells} cells but the sensing scene {scene.Cells}");
        if (channels.TransmitElements != scene.TransmitArray.Elements)
            throw new ArgumentException($"the channels have {channels.TransmitElements} transmit antennas but the scene's array {scene.TransmitArray.Elements}");
        if (!(transmitPower > 0) || !double.IsFinite(transmitPower))
            throw new ArgumentOutOfRangeException(nameof(transmitPower), transmitPower, "P_t must be positive and finite");
        if (!(commNoiseVariance > 0) || !double.IsFinite(commNoiseVariance))
            throw new ArgumentOutOfRangeException(nameof(commNoiseVariance), commNoiseVariance, "σ_C² must be positive and finite");
        if (pskOrder < 2) throw new ArgumentOutOfRangeException(nameof(pskOrder), pskOrder, "the PSK order must be at least 2");
        if (symbols.GetLength(0) != channels.Users || symbols.GetLength(1) != scene.FrameLength)
            throw new ArgumentException($"symbols must be {channels.Users}×{scene.FrameLength} (users × frame length), got {symbols.GetLength(0)}×{symbols.GetLength(1)}", nameof(symbols));
        foreach (var d in symbols)
            if (!double.IsFinite(d.Real) || !double.IsFinite(d.Imaginary) || Math.Abs(d.Magnitude - 1) > 1e-9)
                throw new ArgumentException("every symbol must have unit modulus", nameof(symbols));
        Channels = channels;
        Scene = scene;
        TransmitPower = transmitPower;
        CommNoiseVariance = commNoiseVariance;
        PskOrder = pskOrder;
        _symbols = (Complex[,])symbols.Clone();
        Limits = limits;
    }

    /// <summary>The users' channels.</summary>
    public MultiCellChannels Channels { get; }

    /// <summary>The sensing geometry (targets, α_nm, arrays, σ_R², L).</summary>
    public SensingScene Scene { get; }

    /// <summary>P_t, the power budget of each BS.</summary>
    public double TransmitPower { get; }

    /// <summary>σ_C², the noise variance at every user.</summary>
    public double CommNoiseVariance { get; }

    /// <summary>M of the M-PSK data.</summary>
    public int PskOrder { get; }

    /// <summary>ψ = π/M, the half-angle of a PSK decision sector.</summary>
    public double SectorHalfAngle => Math.PI / PskOrder;

    /// <summary>Algorithm 1's interference limits.</summary>
    public InterferenceLimits Limits { get; }

    /// <summary>J, the number of cells.</summary>
    public int Cells => Channels.Cells;

    /// <summary>K, users per cell.</summary>
    public int UsersPerCell => Channels.UsersPerCell;

    /// <summary>J·K.</summary>
    public int Users => Channels.Users;

    /// <summary>Ntx per BS.</summary>
    public int TransmitElements => Channels.TransmitElements;

    /// <summary>Nrx per BS.</summary>
    public int ReceiveElements => Scene.ReceiveArray.Elements;

    /// <summary>J·Ntx.</summary>
    public int StackedDimension => Channels.StackedDimension;

    /// <summary>L, the frame length (symbols per frame).</summary>
    public int FrameLength => Scene.FrameLength;

    /// <summary>d[u, s], the symbol for global user u in slot s.</summary>
    public Complex Symbol(int user, int slot) => _symbols[user, slot];

    /// <summary>A copy of all symbols, J·K × L.</summary>
    public Complex[,] Symbols() => (Complex[,])_symbols.Clone();

    /// <summary>P_t/σ_C² in dB.</summary>
    public double CommSnrDb => 10 * Math.Log10(TransmitPower / CommNoiseVariance);
}
