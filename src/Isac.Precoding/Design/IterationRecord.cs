namespace Isac.Precoding.Design;

/// <summary>The state after one iteration of Algorithm 1 (or the single solve of (P4)).</summary>
/// <param name="Iteration">1-based.</param>
/// <param name="Objective">The (P·.A) objective of every BS (CBF) or the network (CoMP: one entry), in the paper's sense (larger is better).</param>
/// <param name="SdpRcrbDeg">√t₁ of every BS from the (P·.A) solution, degrees (the relaxation's own bound; CBF under that iteration's interference covariance).</param>
/// <param name="RcrbDeg">RCRB of every BS evaluated at the iterate's relaxed covariances in the network (CBF: with the interference the other BSs' iterates cause), degrees.</param>
/// <param name="GammaDb">γ* of every BS (CBF) or the network (CoMP), dB.</param>
/// <param name="MinSinrDb">Minimum nominal SINR of the iterate (block level: of the relaxed covariances; symbol level: of the symbols), dB.</param>
/// <param name="Caps">The caps after this iteration's (P·.B): names such as <c>I_intra[1]</c>, <c>I_inter</c>, <c>P_leak[2]</c>, <c>I_comp</c>, in absolute powers.</param>
public sealed record IterationRecord(int Iteration, double[] Objective, double[] SdpRcrbDeg, double[] RcrbDeg, double[] GammaDb,
    double MinSinrDb, IReadOnlyDictionary<string, double> Caps);
