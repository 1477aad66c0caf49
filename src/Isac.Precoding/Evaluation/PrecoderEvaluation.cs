using Complex = System.Numerics.Complex;
using Isac.Physics;
using Isac.Physics.Sensing;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Evaluation;

/// <summary>What transmitted precoders achieve, recomputed from them with Isac.Physics.</summary>
/// <param name="RcrbDeg">√CRB(θ_mm) of every BS, degrees.</param>
/// <param name="UserSinrDb">Nominal SINR of every user (symbol level: constructive-interference SINR of its worst slot), dB.</param>
/// <param name="UserWorstCaseSinrDb">Exact worst case over the error ball (symbol level CBF: a guaranteed bound), dB.</param>
/// <param name="Proposition3MinSinrDb">Block level: min over users of paper A's Proposition 3 bound, dB (NaN for symbol level).</param>
public sealed record AchievedMetrics(double[] RcrbDeg, double[] UserSinrDb, double[] UserWorstCaseSinrDb, double Proposition3MinSinrDb)
{
    /// <summary>min over users of the nominal SINR, dB.</summary>
    public double MinSinrDb => UserSinrDb.Min();

    /// <summary>min over users of the worst-case SINR, dB.</summary>
    public double WorstCaseMinSinrDb => UserWorstCaseSinrDb.Min();
}

/// <summary>Evaluates precoders in a network (block-level beamformers or symbol-level frames).</summary>
public static class PrecoderEvaluation
{
    /// <summary>
    /// Block level: beamformers w_u in the stacked space (CBF: confined to the user's BS), absolute units.
    /// The worst case uses <see cref="WorstCaseSinr"/> over each user's ball (CBF: ‖e‖ ≤ δ on every BS's
    /// channel; CoMP: ‖e‖ ≤ √J·δ).
    /// </summary>
    /// <remarks>The RCRB is computed on the antennas; the SINRs in the exact coordinates of the beamformers' span
    /// (<see cref="PrecoderSpan"/>) when that is smaller than the antennas, where they have the same values.</remarks>
    public static AchievedMetrics Block(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Vector<Complex>> beamformers, double delta) =>
        Block(network, mode, beamformers, delta, spanCoordinates: true);

    /// <summary>As <see cref="Block(IsacNetwork, CoordinationMode, IReadOnlyList{Vector{Complex}}, double)"/>; with
    /// <paramref name="spanCoordinates"/> false every SINR is computed on the antennas.</summary>
    public static AchievedMetrics Block(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Vector<Complex>> beamformers, double delta, bool spanCoordinates)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(beamformers);
        var streams = Streams(network.StackedDimension, network.Cells, beamformers);
        if (mode == CoordinationMode.Cbf && !streams.IsCellConfined())
            throw new ArgumentException("CBF beamformers must be confined to their own BS");
        var rcrb = SensingMetrics.RcrbDeg(network.Scene, mode, streams.TransmitCovariance());
        var channels = network.Channels;
        if (spanCoordinates && PrecoderSpan.Of(channels, beamformers) is { } span)
        {
            channels = span.Channels;
            streams = Streams(span.Channels.StackedDimension, network.Cells, span.Beamformers);
        }
        var errors = new CsiErrorModel(mode, delta);
        var nominal = new double[network.Users];
        var worst = new double[network.Users];
        double prop3 = double.PositiveInfinity;
        for (int m = 0; m < network.Cells; m++)
            for (int k = 0; k < network.UsersPerCell; k++)
            {
                int u = network.Channels.GlobalUser(m, k);
                var problem = UserSinrProblem.ForUser(channels, streams, errors, m, k, network.CommNoiseVariance);
                nominal[u] = SensingMetrics.Db(problem.NominalSinr);
                worst[u] = SensingMetrics.Db(WorstCaseSinr.Solve(problem).Sinr);
                prop3 = Math.Min(prop3, Proposition3.Sinr(problem));
            }
        return new AchievedMetrics(rcrb, nominal, worst, SensingMetrics.Db(prop3));
    }

    private static TransmitStreams Streams(int stackedDimension, int cells, IReadOnlyList<Vector<Complex>> beamformers) =>
        TransmitStreams.FromCompPrecoder(Matrix<Complex>.Build.Dense(stackedDimension, beamformers.Count, (i, u) => beamformers[u][i]), cells);

    /// <summary>
    /// Symbol level: the transmitted frames (CBF: X_m, Ntx×L per BS; CoMP: one stacked X), absolute units.
    /// The sensing metric uses R = (1/L)·X·Xᴴ; the communication metric the constructive-interference SINR.
    /// </summary>
    public static AchievedMetrics Symbol(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Matrix<Complex>> symbols, double delta)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(symbols);
        var r = mode == CoordinationMode.Comp
            ? TransmitCovariance.FromSymbols(symbols[0])
            : TransmitCovariance.BlockDiagonal(symbols.Select(TransmitCovariance.FromSymbols).ToArray());
        var rcrb = SensingMetrics.RcrbDeg(network.Scene, mode, r);
        var nominal = SymbolMetrics.UserSinrDb(network, mode, symbols, null);
        var worst = SymbolMetrics.UserSinrDb(network, mode, symbols, new CsiErrorModel(mode, delta));
        return new AchievedMetrics(rcrb, nominal, worst, double.NaN);
    }
}
