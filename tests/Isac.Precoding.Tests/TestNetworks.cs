using Isac.Precoding.Design;
using Isac.Precoding.Network;

namespace Isac.Precoding.Tests;

/// <summary>Small networks in paper A's conventions, so that every design solves in well under a second.</summary>
internal static class TestNetworks
{
    /// <summary>J = 2, K = 2, Ntx = Nrx = 4, L = 6, Rayleigh users, paper A's powers and angles.</summary>
    public static NetworkSpec Small => new() { UsersPerCell = 2, TransmitElements = 4, ReceiveElements = 4, FrameLength = 6 };

    /// <summary>J = 2, K = 1, Ntx = Nrx = 3, L = 4: the smallest two-cell case.</summary>
    public static NetworkSpec Tiny => new() { UsersPerCell = 1, TransmitElements = 3, ReceiveElements = 3, FrameLength = 4 };

    /// <summary>A single cell (J = 1), K = 2, Ntx = Nrx = 4.</summary>
    public static NetworkSpec SingleCell => new()
    {
        Cells = 1,
        UsersPerCell = 2,
        TransmitElements = 4,
        ReceiveElements = 4,
        FrameLength = 6,
        TargetAnglesDeg = new double[,] { { -30 } },
    };

    public static DesignSettings Settings(PrecodingScheme scheme, double gammaDb, double delta = 0,
        RobustnessModel robustness = RobustnessModel.Paper) =>
        new() { Scheme = scheme, GammaDb = gammaDb, Delta = delta, Robustness = robustness };
}
