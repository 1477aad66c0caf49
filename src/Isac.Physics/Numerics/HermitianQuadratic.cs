using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Numerics;

/// <summary>q(x) = xᴴ P x + 2 Re(gᴴ x) + c on Cⁿ, with P Hermitian and c real.</summary>
internal sealed record HermitianQuadratic(Matrix<Complex> P, Vector<Complex> G, double C)
{
    public int Dimension => G.Count;

    public double Value(Vector<Complex> x) =>
        x.ConjugateDotProduct(P * x).Real + 2 * x.ConjugateDotProduct(G).Real + C;

    // gᴴx: ConjugateDotProduct(a, b) = Σ conj(a_i) b_i, so x.ConjugateDotProduct(G) = xᴴg and Re(xᴴg) = Re(gᴴx).

    public HermitianQuadratic Plus(HermitianQuadratic other) => new(P + other.P, G + other.G, C + other.C);

    public HermitianQuadratic Times(double s) => new(P * s, G * s, C * s);

    public HermitianQuadratic PlusConstant(double c) => this with { C = C + c };
}
