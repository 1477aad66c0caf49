using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A nonnegative orthant (LP) block: H = diag(x/z); predictor R = −x, corrector R = (σμ − Δx_a Δz_a)/z;
/// its Schur columns M_ij += Σ_k A_i[k] (x_k / z_k) A_j[k] are <see cref="NonnegativeSchurColumns"/> (Kkt/).
/// </summary>
internal sealed class NonnegativeBlock : VectorConeBlock
{
    private readonly double[] _h;

    public NonnegativeBlock(int n, VectorRowData[] data)
        : base(n, data)
    {
        _h = new double[n];
        Schur = new NonnegativeSchurColumns(n, data, _h);
    }

    public override int Degree => Size;

    public override void SetInitialPoint(double alpha, double beta)
    {
        ArrayMath.Fill(X, alpha);
        ArrayMath.Fill(Z, beta);
    }

    public override bool PrepareScaling(IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            if (!(X[k] > 0) || !(Z[k] > 0))
            {
                return false;
            }
            _h[k] = X[k] / Z[k];
        }
        return true;
    }

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            R[k] = corrector ? (sigmaMu - DXa[k] * DZa[k]) / Z[k] : sigmaMu / Z[k] - X[k];
        }
    }

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            result[k] = _h[k] * v[k];
        }
    }

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false)
    {
        double[] v = primal ? X : Z;
        double alpha = double.PositiveInfinity;
        for (int k = 0; k < Size; k++)
        {
            if (d[k] < 0)
            {
                alpha = Math.Min(alpha, -v[k] / d[k]);
            }
        }
        return alpha;
    }

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels) => ArrayMath.AllPositive(v);

    public override double MinEigenvalue(double[] v, IDenseKernels kernels) => ArrayMath.Min(v);
}
