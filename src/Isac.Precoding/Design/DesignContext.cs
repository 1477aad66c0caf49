using Complex = System.Numerics.Complex;
using Isac.Physics;
using Isac.Physics.Crb;
using Isac.Precoding.Network;
using Isac.Precoding.Sdp;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Design;

/// <summary>
/// What every design of one run shares: the network, the settings, the solver runner, and the
/// normalised units the convex problems are written in.
/// </summary>
/// <remarks>
/// Powers in the SDPs are in units of P_t (W̃ = W/P_t, so each BS's budget is 1); the noise is
/// σ̃² = σ_C²/P_t and the caps Ĩ = I/P_t. SINR rows are divided by γ so their coefficients stay O(1).
/// </remarks>
internal sealed class DesignContext
{
    public DesignContext(IsacNetwork network, DesignSettings settings, SdpRunner runner, Random.RandomSource random, DesignSpace? space = null)
    {
        Network = network;
        Space = space ?? DesignSpace.Antennas(network);
        Settings = settings;
        Runner = runner;
        RandomSource = random;
        Noise = network.CommNoiseVariance / network.TransmitPower;
        Gamma = settings.Gamma;
    }

    public IsacNetwork Network { get; }

    /// <summary>The coordinates every model is written in (the antennas, or the reduced bases).</summary>
    public DesignSpace Space { get; }

    public DesignSettings Settings { get; }

    public SdpRunner Runner { get; }

    public Random.RandomSource RandomSource { get; }

    /// <summary>σ̃² = σ_C²/P_t.</summary>
    public double Noise { get; }

    /// <summary>γ (linear), the threshold.</summary>
    public double Gamma { get; }

    /// <summary>The error radius ρ of one user: δ (CBF) or √J·δ (CoMP, ‖e_k‖² ≤ Jδ², eq. (3)).</summary>
    public double Radius(CoordinationMode mode) => mode == CoordinationMode.Cbf ? Settings.Delta : Math.Sqrt(Network.Cells) * Settings.Delta;

    /// <summary>Cap in normalised units.</summary>
    public double Normalized(double power) => power / Network.TransmitPower;

    /// <summary>The isotropic full-power covariance (P_t/Ntx)·I of one BS (CBF) or of all BSs stacked (CoMP).</summary>
    public Matrix<Complex> IsotropicCovariance(int size) => Matrix<Complex>.Build.DenseIdentity(size) * (Network.TransmitPower / Network.TransmitElements);

    /// <summary>The CoMP Fisher constraints of every BS in the stacked coordinates, sharing one angle scale so their bounds compare in (38b)/(62b).</summary>
    public ScaledFisher[] CompFishers()
    {
        var scene = Network.Scene;
        var reference = IsotropicCovariance(Network.StackedDimension);
        var maps = Evaluation.SensingMetrics.CompMaps(scene);
        double scale = maps.Min(map => ScaledFisher.NaturalAngleScale(map, reference));
        return maps.Select(map => new ScaledFisher(map, reference, Network.TransmitPower, scale, Space.IsReduced ? Space.StackedCoefficient : null)).ToArray();
    }

    /// <summary>The CBF Fisher constraint of BS m in its coordinates for the other BSs' covariances (on their antennas, absolute units; entry m unused).</summary>
    public ScaledFisher CbfFisher(int bs, IReadOnlyList<Matrix<Complex>> perBsCovariances) =>
        new(FisherInformation.Cbf(Network.Scene, bs, perBsCovariances), IsotropicCovariance(Network.TransmitElements), Network.TransmitPower,
            coordinates: Space.Basis(bs) is null ? null : c => Space.Coefficient(bs, c));
}
