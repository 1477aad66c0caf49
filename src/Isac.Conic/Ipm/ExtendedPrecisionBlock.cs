using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Ipm;

/// <summary>
/// One PSD (n×n, row-major) or LP (length n) block of the extended-precision run: its data as entry
/// lists, and the iterate, residual and directions in double-double. The formulas are those of the double
/// blocks (HKM: H(V) = sym(X V W), W = Z⁻¹; LP: x v / z), without their sparse and low-rank paths.
/// </summary>
internal sealed class ExtendedPrecisionBlock
{
    private readonly bool _psd;
    private readonly int _n;
    private readonly int[] _rows;
    private readonly int[][] _p, _q;
    private readonly double[][] _v;
    private readonly int[][] _dataRows;
    private readonly ConeBlock _source;

    private readonly DoubleDouble[] _w, _hrd, _r, _dxa, _dza, _trialX, _trialZ, _lx, _lz, _t1, _t2;

    public DoubleDouble[] C { get; }
    public DoubleDouble[] X { get; }
    public DoubleDouble[] Z { get; }
    public DoubleDouble[] Rd { get; }
    public DoubleDouble[] DX { get; }
    public DoubleDouble[] DZ { get; }

    private ExtendedPrecisionBlock(ConeBlock source, bool psd, int[][] p, int[][] q, double[][] v)
    {
        _source = source;
        _psd = psd;
        _n = source.Size;
        _rows = source.Rows;
        (_p, _q, _v) = (p, q, v);
        _dataRows = new int[p.Length][];
        for (int l = 0; l < p.Length; l++)
        {
            _dataRows[l] = p[l].Distinct().ToArray();
        }
        int len = source.StoredLength;
        C = new DoubleDouble[len];
        for (int k = 0; k < len; k++)
        {
            C[k] = source.C[k];
        }
        X = new DoubleDouble[len];
        Z = new DoubleDouble[len];
        Rd = new DoubleDouble[len];
        DX = new DoubleDouble[len];
        DZ = new DoubleDouble[len];
        _w = new DoubleDouble[len];
        _hrd = new DoubleDouble[len];
        _r = new DoubleDouble[len];
        _dxa = new DoubleDouble[len];
        _dza = new DoubleDouble[len];
        _trialX = new DoubleDouble[len];
        _trialZ = new DoubleDouble[len];
        _lx = new DoubleDouble[len];
        _lz = new DoubleDouble[len];
        _t1 = new DoubleDouble[len];
        _t2 = new DoubleDouble[len];
    }

    /// <summary>The block's data A_i (every row it holds) read back from the double block as entries: the
    /// full symmetric pattern of a PSD block, the nonzeros of an LP block.</summary>
    public static ExtendedPrecisionBlock From(ConeBlock block, int m, bool psd)
    {
        int rows = block.Rows.Length;
        var p = new int[rows][];
        var q = new int[rows][];
        var v = new double[rows][];
        var unit = new double[m];
        var dense = new double[block.StoredLength];
        int n = block.Size;
        for (int l = 0; l < rows; l++)
        {
            Array.Clear(dense);
            unit[block.Rows[l]] = 1;
            block.AddAdjoint(unit, dense);
            unit[block.Rows[l]] = 0;
            var (pl, ql, vl) = (new List<int>(), new List<int>(), new List<double>());
            for (int k = 0; k < dense.Length; k++)
            {
                if (dense[k] != 0)
                {
                    pl.Add(psd ? k / n : k);
                    ql.Add(psd ? k % n : k);
                    vl.Add(dense[k]);
                }
            }
            (p[l], q[l], v[l]) = (pl.ToArray(), ql.ToArray(), vl.ToArray());
        }
        return new ExtendedPrecisionBlock(block, psd, p, q, v);
    }

    /// <summary>X and Z from the double block (where <see cref="IpmState.SetInitialPoint"/> put the start).</summary>
    public void LoadStart()
    {
        for (int k = 0; k < X.Length; k++)
        {
            X[k] = _source.X[k];
            Z[k] = _source.Z[k];
        }
    }

    /// <summary>rp_i −= ⟨A_i, V⟩ for the block's rows.</summary>
    public void SubtractA(DoubleDouble[] v, DoubleDouble[] rp)
    {
        for (int l = 0; l < _rows.Length; l++)
        {
            rp[_rows[l]] -= Inner(l, v);
        }
    }

    private DoubleDouble Inner(int l, DoubleDouble[] v)
    {
        DoubleDouble s = 0;
        var (p, q, a) = (_p[l], _q[l], _v[l]);
        for (int e = 0; e < a.Length; e++)
        {
            s += v[_psd ? p[e] * _n + q[e] : p[e]] * a[e];
        }
        return s;
    }

    /// <summary>dest += Σ_i y_i A_i over the block's rows.</summary>
    private void AddAdjoint(DoubleDouble[] y, DoubleDouble[] dest)
    {
        for (int l = 0; l < _rows.Length; l++)
        {
            var yi = y[_rows[l]];
            if (yi.Hi == 0)
            {
                continue;
            }
            var (p, q, a) = (_p[l], _q[l], _v[l]);
            for (int e = 0; e < a.Length; e++)
            {
                dest[_psd ? p[e] * _n + q[e] : p[e]] += yi * a[e];
            }
        }
    }

    /// <summary>R_d = Σ y_i A_i − C − Z.</summary>
    public void DualResidual(DoubleDouble[] y)
    {
        for (int k = 0; k < Rd.Length; k++)
        {
            Rd[k] = -C[k] - Z[k];
        }
        AddAdjoint(y, Rd);
    }

    /// <summary>Factors X and Z, W = Z⁻¹ and H(R_d); false if X or Z is not positive definite.</summary>
    public bool PrepareScaling()
    {
        if (_psd)
        {
            if (!DoubleDoubleDense.Cholesky(X, _lx, _n) || !DoubleDoubleDense.Cholesky(Z, _lz, _n))
            {
                return false;
            }
            DoubleDoubleDense.CholeskyInverse(_lz, _n, _w);
        }
        else
        {
            for (int k = 0; k < _n; k++)
            {
                if (!(X[k].Hi > 0) || !(Z[k].Hi > 0))
                {
                    return false;
                }
                _w[k] = new DoubleDouble(1) / Z[k];
            }
        }
        ApplyH(Rd, _hrd);
        return true;
    }

    /// <summary>H(V) = sym(X V W) (PSD), x v w (LP).</summary>
    private void ApplyH(DoubleDouble[] v, DoubleDouble[] result)
    {
        if (_psd)
        {
            DoubleDoubleDense.Multiply(X, v, _t1, _n);
            DoubleDoubleDense.Multiply(_t1, _w, result, _n);
            DoubleDoubleDense.Symmetrize(result, _n);
        }
        else
        {
            for (int k = 0; k < _n; k++)
            {
                result[k] = X[k] * v[k] * _w[k];
            }
        }
    }

    /// <summary>M_ij += ⟨A_i, X A_j W⟩ for every pair i ≤ j of the block's rows (M row-major m×m, upper triangle).</summary>
    public void AddSchur(DoubleDouble[] schur, int m)
    {
        int rows = _rows.Length;
        for (int j = 0; j < rows; j++)
        {
            var (p, q, a) = (_p[j], _q[j], _v[j]);
            if (_psd)
            {
                // T = A_j W row by row over the entries of A_j, then G = X T.
                Array.Clear(_t1);
                for (int e = 0; e < a.Length; e++)
                {
                    int rowT = p[e] * _n, rowW = q[e] * _n;
                    for (int c = 0; c < _n; c++)
                    {
                        _t1[rowT + c] += _w[rowW + c] * a[e];
                    }
                }
                // Only the rows of T that A_j reaches are nonzero: G = Σ_k X[:,k] T[k,:] over those (hinf: 2–6
                // rows of 7–18), a fraction of the n³ of a full product.
                Array.Clear(_t2);
                foreach (int k in _dataRows[j])
                {
                    for (int r = 0; r < _n; r++)
                    {
                        var xrk = X[r * _n + k];
                        int rowG = r * _n, rowT = k * _n;
                        for (int c = 0; c < _n; c++)
                        {
                            _t2[rowG + c] += xrk * _t1[rowT + c];
                        }
                    }
                }
                // ⟨A_i, G⟩ = Σ A_i[p,q] G[p,q]: A_i symmetric, so this is tr(A_i G) as well. The upper triangle
                // only, mirrored by the caller.
                for (int i = 0; i <= j; i++)
                {
                    schur[Upper(_rows[i], _rows[j], m)] += Inner(i, _t2);
                }
            }
            else
            {
                Array.Clear(_t1);
                for (int e = 0; e < a.Length; e++)
                {
                    _t1[p[e]] = X[p[e]] * _w[p[e]] * a[e];
                }
                for (int i = 0; i <= j; i++)
                {
                    schur[Upper(_rows[i], _rows[j], m)] += Inner(i, _t1);
                }
            }
        }
    }

    /// <summary>The index of entry (a, b) or (b, a) of an m×m row-major matrix in its upper triangle.</summary>
    private static int Upper(int a, int b, int m) => a <= b ? a * m + b : b * m + a;

    /// <summary>The predictor's R = −X.</summary>
    public void PredictorRhs()
    {
        for (int k = 0; k < X.Length; k++)
        {
            _r[k] = -X[k];
        }
    }

    /// <summary>Keeps the predictor's direction for the corrector's second-order term.</summary>
    public void KeepAffine()
    {
        Array.Copy(DX, _dxa, DX.Length);
        Array.Copy(DZ, _dza, DZ.Length);
    }

    /// <summary>The corrector's R = σμ W − X − sym(ΔX_a ΔZ_a W) (LP: σμ/z − x − Δx_a Δz_a/z).</summary>
    public void CorrectorRhs(DoubleDouble sigmaMu)
    {
        if (_psd)
        {
            DoubleDoubleDense.Multiply(_dxa, _dza, _t1, _n);
            DoubleDoubleDense.Multiply(_t1, _w, _t2, _n);
            DoubleDoubleDense.Symmetrize(_t2, _n);
            for (int k = 0; k < X.Length; k++)
            {
                _r[k] = sigmaMu * _w[k] - X[k] - _t2[k];
            }
        }
        else
        {
            for (int k = 0; k < _n; k++)
            {
                _r[k] = (sigmaMu - _dxa[k] * _dza[k]) * _w[k] - X[k];
            }
        }
    }

    /// <summary>rhs += A(R − H(R_d)).</summary>
    public void AddRhs(DoubleDouble[] rhs)
    {
        for (int k = 0; k < _r.Length; k++)
        {
            _t2[k] = _r[k] - _hrd[k];
        }
        for (int l = 0; l < _rows.Length; l++)
        {
            rhs[_rows[l]] += Inner(l, _t2);
        }
    }

    /// <summary>ΔZ = AᵀΔy + R_d, ΔX = R − H(ΔZ).</summary>
    public void CompleteDirection(DoubleDouble[] dy)
    {
        Array.Copy(Rd, DZ, Rd.Length);
        AddAdjoint(dy, DZ);
        ApplyH(DZ, DX);
        for (int k = 0; k < DX.Length; k++)
        {
            DX[k] = _r[k] - DX[k];
        }
    }

    /// <summary>The largest step keeping X + αΔX (or Z + αΔZ) in the cone: −1/λ_min(L⁻¹ Δ L⁻ᵀ).</summary>
    public double MaxStep(bool primal)
    {
        var d = primal ? DX : DZ;
        double lambda;
        if (_psd)
        {
            var s = DoubleDoubleDense.Sandwich(primal ? _lx : _lz, d, _n);
            var eig = new double[_n];
            SymmetricTridiagonal.Eigenvalues(s, _n, eig);
            lambda = double.PositiveInfinity;
            foreach (double e in eig)
            {
                lambda = Math.Min(lambda, e);
            }
        }
        else
        {
            var v = primal ? X : Z;
            lambda = double.PositiveInfinity;
            for (int k = 0; k < _n; k++)
            {
                lambda = Math.Min(lambda, (double)d[k] / (double)v[k]);
            }
        }
        return double.IsNaN(lambda) ? double.NaN : lambda >= 0 ? double.PositiveInfinity : -1 / lambda;
    }

    /// <summary>Forms X + α_p ΔX and Z + α_d ΔZ; true if both are interior (Cholesky or positivity).</summary>
    public bool TryStep(double ap, double ad)
    {
        for (int k = 0; k < X.Length; k++)
        {
            _trialX[k] = X[k] + DX[k] * ap;
            _trialZ[k] = Z[k] + DZ[k] * ad;
        }
        if (_psd)
        {
            return DoubleDoubleDense.Cholesky(_trialX, _t1, _n) && DoubleDoubleDense.Cholesky(_trialZ, _t1, _n);
        }
        for (int k = 0; k < _n; k++)
        {
            if (!(_trialX[k].Hi > 0) || !(_trialZ[k].Hi > 0))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Makes the last trial point of <see cref="TryStep"/> the iterate.</summary>
    public void AcceptTrial()
    {
        Array.Copy(_trialX, X, X.Length);
        Array.Copy(_trialZ, Z, Z.Length);
    }
}
