using Isac.Core.Numerics;
using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>
/// λ_max (convex) or λ_min (concave) of a Hermitian or real symmetric affine matrix H:
/// λ_max(H) ≤ t is t·I − H ⪰ 0, λ_min(H) ≥ t is H − t·I ⪰ 0.
/// </summary>
internal sealed class EigenvalueAtom : Atom
{
    private readonly bool _largest;

    public EigenvalueAtom(Expression h, bool largest)
    {
        if (!h.Shape.IsSquare)
        {
            throw new ModelException(largest ? "lambda_max" : "lambda_min", $"'{h}' is {h.Shape}, not square");
        }
        Matrix = h;
        _largest = largest;
    }

    public Expression Matrix { get; }

    public override bool IsConvex => _largest;

    internal override string? ArgumentProblem => NeedAffine(Matrix, _largest ? "lambda_max" : "lambda_min");

    internal override bool ArgumentsConstant => Matrix.Curvature == Curvature.Constant;

    internal override IEnumerable<Expression> Children => [Matrix];

    internal override string Describe() => $"{(_largest ? "lambda_max" : "lambda_min")}({Matrix})";

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var m = Matrix.Evaluate(values);
        var hermitian = HermitianPart.Of(m);
        var eigen = hermitian.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real);
        return Matrix<Complex>.Build.Dense(1, 1, _largest ? eigen.Max() : eigen.Min());
    }

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        int n = Matrix.Rows;
        var identity = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = Complex.One;
        }
        var scaled = AffineAlgebra.ScalarTimesMatrix(bound, identity);
        var h = c.Lowering.Lower(Matrix);
        var g = _largest ? AffineAlgebra.Add(scaled, h, -Complex.One) : AffineAlgebra.Add(h, scaled, -Complex.One);
        int cone = c.AddPsd(g, Describe());
        return Enumerable.Range(0, n).Select(i => (cone, i)).ToArray();
    }
}
