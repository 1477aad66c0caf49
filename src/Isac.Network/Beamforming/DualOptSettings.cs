namespace Isac.Network.Beamforming;

/// <summary>Settings of DualOpt's inner loop (the projected dual gradient of Algorithm 2, steps 5-9).</summary>
/// <param name="MaxInnerIterations">Cap on dual iterations per FP iteration.</param>
/// <param name="Tolerance">Stop when every projected dual gradient component, relative to its constraint's scale (P for power, φ_k for sensing), is below this.</param>
/// <param name="MultiplierCap">Multipliers are capped at this multiple of the problem's natural scale (trace(Q)/N + λ₀): when the linearised sensing constraints cannot all be met, the capped dual acts as an exact penalty instead of diverging.</param>
/// <param name="NewtonAfter">Projected gradient steps after which, if the dual has not converged, the inner loop continues with projected Newton steps (exact dual Hessian); 0: Newton from the start.</param>
public sealed record DualOptSettings(int MaxInnerIterations = 300, double Tolerance = 1e-4, double MultiplierCap = 1e6, int NewtonAfter = 0);
