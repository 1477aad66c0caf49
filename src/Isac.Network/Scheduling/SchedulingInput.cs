using Complex = System.Numerics.Complex;

namespace Isac.Network.Scheduling;

/// <summary>What a BS knows when it schedules (Stage II of Fig. 3): only its own cell.</summary>
/// <param name="Channels">ĥ^{ℓ,k}: the BS's channels to all its users U_ℓ (intra-cell CSI).</param>
/// <param name="Weights">PF weights 1/R̂_k of all its users.</param>
/// <param name="Forced">Users that must be scheduled (starved for T_s − 1 epochs), most starved first.</param>
/// <param name="MaxUsers">Upper limit on |S_ℓ| (paper: 18).</param>
/// <param name="Noise">σ_c².</param>
/// <param name="Power">P_ℓ.</param>
public sealed record SchedulingInput(
    IReadOnlyList<Complex[]> Channels,
    IReadOnlyList<double> Weights,
    IReadOnlyList<int> Forced,
    int MaxUsers,
    double Noise,
    double Power);

/// <summary>A per-cell user scheduler (a replaceable component).</summary>
public interface IScheduler
{
    /// <summary>A short name (<c>pfzfg</c>, <c>hungarian</c>, <c>all</c>).</summary>
    string Name { get; }

    /// <summary>The scheduled set S_ℓ (user indices, ascending).</summary>
    int[] Schedule(SchedulingInput input);
}
