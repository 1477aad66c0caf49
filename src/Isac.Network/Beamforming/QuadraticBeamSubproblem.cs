using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>
/// The convex subproblem (26) that each FP iteration solves for the beams:
/// maximise Σ_k [2Re(z_kᴴv_k) − v_kᴴ(Q + E_k)v_k] subject to Σ_k‖v_k‖² ≤ P and, per user k,
/// Σ_{j≠k}|a_kᴴv_j|² + n_k ≤ ρ·(2Re(s_k*·a_kᴴv_k) − |s_k|²) with s_k = a_kᴴv_k^{(r)} (the SCA
/// linearisation (25) of ρ|a_kᴴv_k|² at the reference beams v^{(r)}).
/// </summary>
/// <param name="Antennas">N.</param>
/// <param name="Linear">z_k (K rows).</param>
/// <param name="Common">Q: the Hermitian quadratic form shared by all beams (row-major N×N, lower triangle used).</param>
/// <param name="PerUser">E_k added to user k's form (SLINR; lower triangle used), or null (SALINR).</param>
/// <param name="Power">P.</param>
/// <param name="Sensing">Sensing data, or null.</param>
/// <param name="Reference">v^{(r)}: the SCA reference beams (K rows).</param>
public sealed record QuadraticBeamSubproblem(
    int Antennas,
    Complex[][] Linear,
    Complex[] Common,
    Complex[][]? PerUser,
    double Power,
    SensingConstraints? Sensing,
    Complex[][] Reference)
{
    /// <summary>K.</summary>
    public int Users => Linear.Length;

    /// <summary>The objective Σ_k [2Re(z_kᴴv_k) − v_kᴴ(Q + E_k)v_k] at <paramref name="v"/>.</summary>
    public double Objective(IReadOnlyList<Complex[]> v)
    {
        double f = 0;
        for (int k = 0; k < Users; k++)
        {
            f += 2 * ComplexVectors.Dot(Linear[k], v[k]).Real - ComplexVectors.HermitianForm(Common, v[k]);
            if (PerUser is not null) f -= ComplexVectors.HermitianForm(PerUser[k], v[k]);
        }
        return f;
    }

    /// <summary>Per-user sensing slack ψ̃_k − φ_k at <paramref name="v"/> (non-negative when the constraint holds).</summary>
    public double[] SensingSlack(IReadOnlyList<Complex[]> v)
    {
        if (Sensing is null) return [];
        var slack = new double[Users];
        for (int k = 0; k < Users; k++)
        {
            var a = Sensing.Steering[k];
            double phi = Sensing.NoiseTerm[k];
            for (int j = 0; j < Users; j++)
                if (j != k) phi += ComplexVectors.AbsDotSquared(a, v[j]);
            var s = ComplexVectors.Dot(a, Reference[k]);
            var t = ComplexVectors.Dot(a, v[k]);
            double psi = Sensing.Ratio * (2 * (Complex.Conjugate(s) * t).Real - (s.Real * s.Real + s.Imaginary * s.Imaginary));
            slack[k] = psi - phi;
        }
        return slack;
    }
}
