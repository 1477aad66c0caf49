using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Design;

/// <summary>The accepted iterate of a design, in absolute units, before recovery.</summary>
/// <param name="Streams">Block level: the relaxed stream covariances W_u in the stacked space (global user order); null for symbol level.</param>
/// <param name="Symbols">Symbol level: the symbols (CBF: X_m per BS; CoMP: one stacked X); null for block level.</param>
/// <param name="Covariance">The relaxed stacked covariance R_X (block level Σ W_u; symbol level the lifted R).</param>
/// <param name="UserGamma">The design's SINR γ* of every user (linear; the threshold when ρ = 1).</param>
/// <param name="UnitCrb">The SDP's CRB(θ) bound (rad²) per unit of the objective: every BS in CBF, the largest over the BSs in CoMP.</param>
/// <param name="UnitGamma">The communication term of the objective per unit: γ* (block level) or √γ* (symbol level).</param>
internal sealed record RelaxedSolution(Matrix<Complex>[]? Streams, IReadOnlyList<Matrix<Complex>>? Symbols, Matrix<Complex> Covariance,
    double[] UserGamma, double[] UnitCrb, double[] UnitGamma);
