namespace Isac.Precoding.Network;

/// <summary>
/// The interference and leakage limits of paper A's Algorithm 1, in absolute powers.
/// </summary>
/// <param name="LeakageMax">P_leak^max: the normaliser of the leakage term in (P1.B)/(P3.B) and the
/// starting leakage cap (paper A: 4π·P_t).</param>
/// <param name="InterferenceMax">I_max: the normaliser of the interference terms in (P1.B)/(P3.B), the
/// "maximum tolerable interference" (paper A: 10 dB above σ_C²).</param>
/// <param name="InitialCap">The caps I_intra, I_inter, I_comp (and the squared ICI cap of SLP-CBF)
/// Algorithm 1 starts from. Paper A does not give them; it notes (Fig. 9) that larger caps need
/// more iterations and smaller ones waste power. Our default is σ_C² (0 dB above noise),
/// configurable in the scenario file.</param>
public sealed record InterferenceLimits(double LeakageMax, double InterferenceMax, double InitialCap)
{
    /// <summary>P_leak^max, validated.</summary>
    public double LeakageMax { get; } = Positive(LeakageMax, nameof(LeakageMax));

    /// <summary>I_max, validated.</summary>
    public double InterferenceMax { get; } = Positive(InterferenceMax, nameof(InterferenceMax));

    /// <summary>The initial caps, validated.</summary>
    public double InitialCap { get; } = Positive(InitialCap, nameof(InitialCap));

    /// <summary>Paper A's values: P_leak^max = 4π·P_t, I_max = 10 dB above σ_C², initial caps at <paramref name="initialCapDb"/> dB above σ_C².</summary>
    public static InterferenceLimits PaperA(double transmitPower, double commNoiseVariance, double interferenceMaxDb = 10, double initialCapDb = 0,
        double leakageMaxFactor = 4 * Math.PI) =>
        new(leakageMaxFactor * transmitPower, commNoiseVariance * Math.Pow(10, interferenceMaxDb / 10),
            commNoiseVariance * Math.Pow(10, initialCapDb / 10));

    private static double Positive(double v, string name) =>
        v > 0 && double.IsFinite(v) ? v : throw new ArgumentOutOfRangeException(name, v, "must be positive and finite");
}
