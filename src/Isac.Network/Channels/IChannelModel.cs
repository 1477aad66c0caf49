using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Geometry;

namespace Isac.Network.Channels;

/// <summary>
/// A downlink channel model of the network: which paths (departure angle from the BS's array
/// broadside, mean power including the element pattern) connect a BS to a location, how their
/// phases are drawn, and the channel of an epoch. Implementations: <see cref="PaperChannelModel"/>
/// (paper B's eqs. (37), (38)) and <see cref="Tr38901ChannelModel"/> (3GPP TR 38.901 UMi / UMa).
/// </summary>
/// <remarks>
/// Everything the simulator, the channel knowledge maps and the sensing model need from a channel
/// model goes through this interface, so a new model plugs in without touching them: the true
/// channels of every epoch (<see cref="Channel"/>), what a BS's offline measurement campaign sees
/// at a location (<see cref="CampaignPaths"/>, measured by RSRP and learnt by the map), and the
/// per-snapshot path phases of those measurements (<see cref="DrawPhase"/>).
/// </remarks>
public interface IChannelModel
{
    /// <summary>The model's name in scenario files (<c>paper</c>, <c>3gpp-umi</c>, <c>3gpp-uma</c>).</summary>
    string Name { get; }

    /// <summary>The settings.</summary>
    ChannelSettings Settings { get; }

    /// <summary>The layout the channels are drawn in.</summary>
    NetworkLayout Layout { get; }

    /// <summary>The mean paths from BS <paramref name="bs"/> to user (cell, user) at <paramref name="position"/>: angles from the BS's array broadside, powers with the element pattern.</summary>
    IReadOnlyList<PathGain> Paths(int bs, int cell, int user, Point2 position);

    /// <summary>The paths BS <paramref name="bs"/>'s offline campaign measures at <paramref name="location"/> (the outgoing inter-cell channel toward a user of another cell there).</summary>
    IReadOnlyList<PathGain> CampaignPaths(int bs, Point2 location);

    /// <summary>One path's phase in one snapshot or epoch, rad.</summary>
    double DrawPhase(DeterministicRandom rng);

    /// <summary>The channel h from BS <paramref name="bs"/> to user (cell, user) at <paramref name="position"/> in epoch <paramref name="epoch"/>.</summary>
    Complex[] Channel(int bs, int cell, int user, Point2 position, int epoch);

    /// <summary>
    /// The ‖h‖² that calibrates the noise from the reference SNR (Section V's formula) for one link
    /// in epoch 1: the realised ‖h‖² (paper model) or its expectation over the phases, Σ_q α_q
    /// (38.901 models, whose rays would make realising every link of a large network costly).
    /// </summary>
    double CalibrationGain(int bs, int cell, int user, Point2 position);
}
