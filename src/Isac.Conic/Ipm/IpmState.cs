using Isac.Conic.Cones;
using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Ipm;

/// <summary>The iterate (X, y, Z) over all blocks, its residuals and the search direction.</summary>
internal sealed class IpmState
{
    private readonly InternalModel _model;
    private readonly IDenseKernels _kernels;
    private readonly double[][] _hrd;
    private readonly double[] _rp;
    private readonly double[] _ax;
    private readonly double _normA;
    private double _maxRowNorm;
    private readonly double _normC;

    // The denominators of the infeasibility measures (DIMACS errors 1 and 3): 1 + ‖a‖∞, 1 + ‖C‖max;
    // and whether one objective vanishes identically (C = 0, or a = 0 / no rows: optimum 0, see Measures).
    private readonly double _primalScale;
    private readonly double _dualScale;
    private readonly bool _objectiveVanishes;

    private readonly double _primalTolerance;
    private readonly double _dualTolerance;
    private bool _useRd = true;
    private readonly long _totalStored;

    // Free variables (null when there are none): the augmented system, the block → offset map into
    // the stacked x_f, and the right-hand side h = −(c_f − F y) and solution Δx_f of the free rows.
    private readonly FreeVariableSystem? _free;
    private readonly int[] _freeOffset;
    private readonly double[] _h;
    private readonly double[] _dxf;

    public IpmState(InternalModel model, IDenseKernels kernels, double primalTolerance, double dualTolerance, bool sparseDual = true,
                    ParallelOptions? parallel = null)
    {
        _free = FreeVariableSystem.Create(model.Blocks, model.M);
        _freeOffset = new int[model.Blocks.Length];
        ArrayMath.Fill(_freeOffset, -1);
        if (_free is not null)
        {
            for (int f = 0; f < _free.Blocks.Length; f++)
            {
                _freeOffset[Array.IndexOf(model.Blocks, _free.Blocks[f])] = _free.Offsets[f];
            }
        }
        _h = new double[_free?.Count ?? 0];
        _dxf = new double[_free?.Count ?? 0];
        _primalTolerance = primalTolerance;
        _dualTolerance = dualTolerance;
        foreach (var b in model.Blocks)
        {
            _totalStored += b.StoredLength;
        }
        _model = model;
        _kernels = kernels;
        foreach (var b in model.Blocks)
        {
            b.Kernels = kernels;
            (b as PsdBlock)?.DecideSparseDual(sparseDual, parallel);
        }
        Y = new double[model.M];
        _rp = new double[model.M];
        _ax = new double[model.M];
        _hrd = ArrayMath.ZerosPerBlock(model.Blocks);
        _normA = Norm(model.Rhs);
        double c2 = 0;
        foreach (var b in model.Blocks)
        {
            c2 += ConeBlock.Dot(b.C, b.C);
        }
        _normC = Math.Sqrt(c2);
        double aMax = 0, cMax = 0;
        foreach (double v in model.Rhs)
        {
            aMax = Math.Max(aMax, Math.Abs(v));
        }
        foreach (var b in model.Blocks)
        {
            foreach (double v in b.C)
            {
                cMax = Math.Max(cMax, Math.Abs(v));
            }
        }
        _primalScale = 1 + aMax;
        _dualScale = 1 + cMax;
        _objectiveVanishes = aMax == 0 || cMax == 0;
    }

    public double[] Y { get; }

    /// <summary>The augmented system of the free variables, or null.</summary>
    public FreeVariableSystem? Free => _free;

    private double[][]? _bestX;
    private double[][]? _bestZ;
    private double[]? _bestY;

    /// <summary>Remembers the current iterate as the best so far.</summary>
    public void SaveBest()
    {
        _bestX ??= ArrayMath.ZerosPerBlock(Blocks);
        _bestZ ??= ArrayMath.ZerosPerBlock(Blocks);
        _bestY ??= new double[Y.Length];
        for (int b = 0; b < Blocks.Length; b++)
        {
            Blocks[b].X.CopyTo(_bestX[b], 0);
            Blocks[b].Z.CopyTo(_bestZ[b], 0);
        }
        Y.CopyTo(_bestY, 0);
    }

    /// <summary>Returns to the iterate saved by <see cref="SaveBest"/>.</summary>
    public void RestoreBest()
    {
        if (_bestX is null || _bestZ is null || _bestY is null)
        {
            return;
        }
        for (int b = 0; b < Blocks.Length; b++)
        {
            _bestX[b].CopyTo(Blocks[b].X, 0);
            _bestZ[b].CopyTo(Blocks[b].Z, 0);
        }
        _bestY.CopyTo(Y, 0);
    }

    private ConeBlock[] Blocks => _model.Blocks;

    /// <summary>CSDP's start: X = α I, Z = β I, y = 0 with α = n·max_i (1+|a_i|)/(1+‖A_i‖),
    /// β = (1 + max(max_i ‖A_i‖, ‖C‖))/√n (n the total order), both times 10.</summary>
    public void SetInitialPoint()
    {
        int m = _model.M;
        var rowNorm2 = new double[m];
        foreach (var b in Blocks)
        {
            b.AddRowNorms2(rowNorm2);
        }
        int n = 0;
        foreach (var b in Blocks)
        {
            n += b.Size;
        }
        double alpha = 0, maxNormA = 0;
        for (int i = 0; i < m; i++)
        {
            double na = Math.Sqrt(rowNorm2[i]);
            alpha = Math.Max(alpha, n * (1 + Math.Abs(_model.Rhs[i])) / (1 + na));
            maxNormA = Math.Max(maxNormA, na);
        }
        double beta = (1 + Math.Max(maxNormA, _normC)) / Math.Sqrt(n);
        _maxRowNorm = maxNormA;
        alpha = Math.Max(alpha, 1);
        foreach (var b in Blocks)
        {
            b.SetInitialPoint(10 * alpha, 10 * beta);
        }
        Array.Clear(Y);
    }

    public Measures ComputeResiduals()
    {
        Array.Clear(_ax);
        double pobj = 0, xz = 0, rd2 = 0, primalTerms = 0;
        foreach (var b in Blocks)
        {
            b.ApplyA(b.X, _ax);
            pobj += ConeBlock.Dot(b.C, b.X);
            primalTerms += Measures.AbsoluteDot(b.C, b.X);
            xz += ConeBlock.Dot(b.X, b.Z);
            // R_d = Aᵀy − C − Z
            for (int k = 0; k < b.StoredLength; k++)
            {
                b.Rd[k] = -b.C[k] - b.Z[k];
            }
            b.AddAdjoint(Y, b.Rd);
            rd2 += ConeBlock.Dot(b.Rd, b.Rd);
        }
        double dobj = 0, rp2 = 0;
        for (int i = 0; i < _model.M; i++)
        {
            _rp[i] = _model.Rhs[i] - _ax[i];
            rp2 += _rp[i] * _rp[i];
            dobj += _model.Rhs[i] * Y[i];
        }
        double scale = Measures.ObjectiveScale(pobj, dobj, primalTerms, Measures.AbsoluteDot(_model.Rhs, Y), _objectiveVanishes);
        return new Measures(pobj, dobj, Math.Sqrt(rp2) / _primalScale, Math.Sqrt(rd2) / _dualScale,
            Math.Abs(pobj - dobj) / scale, Math.Abs(xz) / scale, xz / Math.Max(1, _model.Degree));
    }

    /// <summary>Whether one objective vanishes identically (see <see cref="Measures"/>).</summary>
    public bool ObjectiveVanishes => _objectiveVanishes;

    /// <summary>The denominators of the infeasibility measures: 1 + ‖a‖∞ and 1 + ‖C‖max.</summary>
    public (double Primal, double Dual) InfeasibilityScales => (_primalScale, _dualScale);

    /// <summary>(‖Aᵀy − Z‖/‖A‖) / (−aᵀy/‖a‖): small when y is a ray proving (P) infeasible.</summary>
    public double PrimalInfeasibilityRatio()
    {
        double t = -Dot(_model.Rhs, Y);
        if (!(t > 0))
        {
            return double.PositiveInfinity;
        }
        double s = 0;
        foreach (var b in Blocks)
        {
            // Aᵀy − Z = C + R_d
            for (int k = 0; k < b.StoredLength; k++)
            {
                double v = b.C[k] + b.Rd[k];
                s += v * v;
            }
        }
        // Scale-free: the residual relative to ‖A‖‖y‖ against the cost relative to ‖a‖‖y‖ (‖y‖ cancels),
        // so that scaling a or the A_i does not make a point a certificate.
        return Math.Sqrt(s) * _normA / (Math.Max(_maxRowNorm, double.Epsilon) * t);
    }

    /// <summary>(‖A(X)‖/‖A‖) / (⟨C, X⟩/‖C‖): small when X is a ray proving (D) infeasible. Scale-free:
    /// with C scaled by 10¹², CSDP's plain ‖A(X)‖/⟨C,X⟩ passes at the starting point, and so did this
    /// test, though (D) stays feasible under any scaling of C.</summary>
    public double DualInfeasibilityRatio()
    {
        double s = 0;
        foreach (var b in Blocks)
        {
            s += ConeBlock.Dot(b.C, b.X);
        }
        return s > 0 ? Norm(_ax) * _normC / (Math.Max(_maxRowNorm, double.Epsilon) * s) : double.PositiveInfinity;
    }

    /// <summary>
    /// If a free variable appears in no row but has a nonzero cost, sets X to the ray along it (every
    /// other block zero) and returns true: (P) is then unbounded, i.e. (D) infeasible.
    /// </summary>
    public bool UnboundedFreeVariable()
    {
        if (_free is null)
        {
            return false;
        }
        for (int f = 0; f < _free.Blocks.Length; f++)
        {
            var block = _free.Blocks[f];
            for (int k = 0; k < block.Size; k++)
            {
                if (_free.IsEmpty(_free.Offsets[f] + k) && block.C[k] != 0)
                {
                    foreach (var b in Blocks)
                    {
                        Array.Clear(b.X);
                        Array.Clear(b.Z);
                    }
                    Array.Clear(Y);
                    block.X[k] = Math.Sign(block.C[k]);
                    return true;
                }
            }
        }
        return false;
    }

    public bool PrepareScaling()
    {
        bool ok = true;
        foreach (var b in Blocks)
        {
            ok &= b.PrepareScaling(_kernels);
        }
        return ok;
    }

    /// <summary>H(R_d) per block, shared by predictor and corrector.</summary>
    public void ComputeHRd(ParallelOptions parallel)
    {
        // A dual residual far below the tolerance (rounding once the dual is feasible) is left out of
        // the direction altogether, which saves two dense products per block and per step.
        double rd2 = 0;
        foreach (var block in Blocks)
        {
            rd2 += ConeBlock.Dot(block.Rd, block.Rd);
        }
        _useRd = Math.Sqrt(rd2) > 1e-3 * _dualTolerance * _dualScale;
        ForBlocks(parallel, b =>
        {
            var block = Blocks[b];
            if (_useRd && ArrayMath.AnyNonzero(block.Rd))
            {
                block.ApplyH(block.Rd, _hrd[b], _kernels);
            }
            else
            {
                Array.Clear(_hrd[b]);
            }
        });
    }

    /// <summary>The predictor (σ = 0): M Δy = A(R − H(R_d)) − r_p, ΔZ = AᵀΔy + R_d, ΔX = R − H(ΔZ) with R = −X.</summary>
    public void Predictor(SchurComplement schur, double[] rhs, double[] dy, ParallelOptions parallel)
    {
        Solve(0.0, corrector: false, _rp, useRd: _useRd, schur, rhs, dy, parallel, dyBase: null);
    }

    /// <summary>
    /// The corrector, computed as CSDP does as a correction δ to the predictor: with
    /// r_p' = a − A(X + ΔX_a) measured (so the predictor's rounding is corrected too),
    /// M δy = A(R_c) − r_p', δZ = Aᵀδy, δX = R_c − H(δZ), R_c = σμ Z⁻¹ − sym(ΔX_a ΔZ_a Z⁻¹);
    /// the direction is (ΔX_a + δX, Δy_a + δy, ΔZ_a + δZ). Being small, δX carries small rounding.
    /// </summary>
    public void Corrector(double sigmaMu, SchurComplement schur, double[] rhs, double[] dyAffine, double[] dy, ParallelOptions parallel)
    {
        var rpAfter = new double[_model.M];
        foreach (var block in Blocks)
        {
            block.ApplyA(block.DXa, rpAfter);
        }
        for (int i = 0; i < rpAfter.Length; i++)
        {
            rpAfter[i] = _rp[i] - rpAfter[i];
        }
        Solve(sigmaMu, corrector: true, rpAfter, useRd: false, schur, rhs, dy, parallel, dyAffine);
        foreach (var block in Blocks)
        {
            for (int k = 0; k < block.StoredLength; k++)
            {
                block.DX[k] += block.DXa[k];
                block.DZ[k] += block.DZa[k];
            }
        }
        for (int i = 0; i < dy.Length; i++)
        {
            dy[i] += dyAffine[i];
        }
    }

    private void Solve(double sigmaMu, bool corrector, double[] rp, bool useRd, SchurComplement schur, double[] rhs, double[] dy,
                       ParallelOptions parallel, double[]? dyBase)
    {
        // Free rows: F Δy = h with h = −(F y − c_f) (their dual residual), less what the predictor's
        // Δy_a already does when this is the corrector's correction (its rounding is corrected too).
        if (_free is not null)
        {
            FreeDualResidual(dyBase, _h);
        }
        ForBlocks(parallel, b =>
        {
            var block = Blocks[b];
            block.ComplementarityRhs(sigmaMu, corrector, corrector && !_useRd && dyBase is not null ? dyBase : default, _kernels);
            for (int k = 0; k < block.StoredLength; k++)
            {
                block.Work[k] = useRd ? block.R[k] - _hrd[b][k] : block.R[k];
            }
        });
        for (int i = 0; i < rhs.Length; i++)
        {
            rhs[i] = -rp[i];
        }
        foreach (var block in Blocks)
        {
            block.ApplyA(block.Work, rhs);
        }
        SolveSchur(schur, rhs, _h, dy);
        ForBlocks(parallel, b =>
        {
            var block = Blocks[b];
            if (!block.HasSlack)
            {
                Array.Clear(block.DZ);
                _dxf.AsSpan(_freeOffset[b], block.Size).CopyTo(block.DX);
                return;
            }
            if (useRd)
            {
                block.Rd.CopyTo(block.DZ, 0);
            }
            else
            {
                Array.Clear(block.DZ);
            }
            block.AddAdjoint(dy, block.DZ);
            block.ApplyHToAdjoint(dy, useRd ? block.Rd : null, block.DX, _kernels);
            for (int k = 0; k < block.StoredLength; k++)
            {
                block.DX[k] = block.R[k] - block.DX[k];
            }
        });
        RefineAgainstOperator(schur, rp, dy, parallel);
    }

    /// <summary>M Δy = g, or with free variables the augmented system (Δy and Δx_f into _dxf).</summary>
    private void SolveSchur(SchurComplement schur, double[] g, double[] h, double[] dy)
    {
        if (_free is null)
        {
            schur.Solve(g, dy);
        }
        else
        {
            _free.Solve(schur, g, h, dy, _dxf, _kernels);
        }
    }

    /// <summary>h ← −(F y − c_f) − F·dyBase over the stacked free variables (dyBase may be null).</summary>
    private void FreeDualResidual(double[]? dyBase, double[] h)
    {
        var free = _free!;
        for (int f = 0; f < free.Blocks.Length; f++)
        {
            var block = free.Blocks[f];
            for (int k = 0; k < block.Size; k++)
            {
                h[free.Offsets[f] + k] = -block.Rd[k];
            }
        }
        if (dyBase is not null)
        {
            var t = new double[h.Length];
            free.ApplyTranspose(dyBase, t);
            for (int k = 0; k < h.Length; k++)
            {
                h[k] -= t[k];
            }
        }
    }

    /// <summary>
    /// Iterative refinement against the operator as it is applied to form ΔX, Δy ↦ A(H(AᵀΔy)),
    /// rather than against the stored M: near the optimum the two differ in the last digits of
    /// ill-conditioned entries, and that difference becomes primal infeasibility. The residual
    /// e = r_p − A(ΔX) costs one A(·); only when it is above 1e-3 of the primal tolerance does a
    /// refinement step (δ = −M⁻¹e, Δy += δ, ΔZ += Aᵀδ, ΔX −= H(Aᵀδ)) apply the operator again. The
    /// best direction is kept; it stops after three steps that do not cut the residual by a tenth, or twelve in all.
    /// </summary>
    private void RefineAgainstOperator(SchurComplement schur, double[] rp, double[] dy, ParallelOptions parallel)
    {
        int m = rp.Length;
        var e = new double[m];
        var ef = new double[_h.Length];
        double err = DirectionResidual(rp, dy, e, ef);
        // 1e-3 of the primal tolerance, or of the iterate's own primal residual while that is larger: a
        // step leaves (1 − α) r_p + α e, so refining e far below r_p buys nothing (paper A's instances
        // spent two operator applications per iteration on it, 3 GEMMs per block each).
        double target = 1e-3 * Math.Max(_primalTolerance * _primalScale, Norm(_rp));
        if (err <= target)
        {
            return;
        }
        if (_free is null)
        {
            RefineByConjugateGradients(schur, rp, dy, e, err, target, parallel);
            return;
        }
        _bestDx ??= ArrayMath.ZerosPerBlock(Blocks);
        _bestDz ??= ArrayMath.ZerosPerBlock(Blocks);
        var bestDy = new double[m];
        void Save()
        {
            for (int b = 0; b < Blocks.Length; b++)
            {
                Blocks[b].DX.CopyTo(_bestDx[b], 0);
                Blocks[b].DZ.CopyTo(_bestDz[b], 0);
            }
            dy.CopyTo(bestDy, 0);
        }
        Save();
        double bestErr = err;
        var delta = new double[m];
        int lastImprovement = 0;
        for (int k = 1; k <= 12 && k - lastImprovement < 3 && bestErr > target; k++)
        {
            for (int i = 0; i < m; i++)
            {
                e[i] = -e[i];
            }
            SolveSchur(schur, e, ef, delta);
            for (int i = 0; i < m; i++)
            {
                dy[i] += delta[i];
            }
            ForBlocks(parallel, b =>
            {
                var block = Blocks[b];
                if (!block.HasSlack)
                {
                    int off = _freeOffset[b];
                    for (int q = 0; q < block.Size; q++)
                    {
                        block.DX[q] += _dxf[off + q];
                    }
                    return;
                }
                block.AddAdjoint(delta, block.DZ);
                block.ApplyHToAdjoint(delta, null, block.Work, _kernels);
                for (int q = 0; q < block.StoredLength; q++)
                {
                    block.DX[q] -= block.Work[q];
                }
            });
            err = DirectionResidual(rp, dy, e, ef);
            if (err < bestErr)
            {
                if (err < 0.9 * bestErr)
                {
                    lastImprovement = k;
                }
                bestErr = err;
                Save();
            }
        }
        for (int b = 0; b < Blocks.Length; b++)
        {
            _bestDx[b].CopyTo(Blocks[b].DX, 0);
            _bestDz[b].CopyTo(Blocks[b].DZ, 0);
        }
        bestDy.CopyTo(dy, 0);
    }

    private double[][]? _bestDx;
    private double[][]? _bestDz;

    /// <summary>
    /// The same refinement by conjugate gradients on M_op δ = −e (M_op: Δy ↦ A(H(AᵀΔy)), symmetric positive
    /// definite) preconditioned by the factor of M. Each step applies the operator once, as a stationary
    /// refinement step does, but converges where that one diverges: near the end M's factor can be too
    /// inaccurate for δ = −M⁻¹e to shrink e (control2's primal infeasibility jumped from 2e-12 to 2e-8 in
    /// one step, gpp100's to 1e-6). Used without free variables (their augmented system is indefinite);
    /// the best direction by the measured residual is kept.
    /// </summary>
    private void RefineByConjugateGradients(SchurComplement schur, double[] rp, double[] dy, double[] e, double err, double target,
                                            ParallelOptions parallel)
    {
        int m = rp.Length;
        _bestDx ??= ArrayMath.ZerosPerBlock(Blocks);
        _bestDz ??= ArrayMath.ZerosPerBlock(Blocks);
        var bestDy = (double[])dy.Clone();
        for (int b = 0; b < Blocks.Length; b++)
        {
            Blocks[b].DX.CopyTo(_bestDx[b], 0);
            Blocks[b].DZ.CopyTo(_bestDz[b], 0);
        }
        double bestErr = err;
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            r[i] = -e[i];
        }
        var z = new double[m];
        var dir = new double[m];
        var q = new double[m];
        var step = new double[m];
        var none = Array.Empty<double>();
        schur.Solve(r, z);
        z.CopyTo(dir, 0);
        double rz = Dot(r, z);
        int lastImprovement = 0;
        for (int k = 1; k <= 12 && k - lastImprovement < 3 && bestErr > target; k++)
        {
            // q = A(H(Aᵀ dir)), with W = H(Aᵀ dir) kept per block in Work.
            ForBlocks(parallel, b => Blocks[b].ApplyHToAdjoint(dir, null, Blocks[b].Work, _kernels));
            Array.Clear(q);
            foreach (var block in Blocks)
            {
                block.ApplyA(block.Work, q);
            }
            double pq = Dot(dir, q);
            if (!(pq > 0) || !(rz > 0))
            {
                break;
            }
            double alpha = rz / pq;
            for (int i = 0; i < m; i++)
            {
                dy[i] += alpha * dir[i];
                step[i] = alpha * dir[i];
                r[i] -= alpha * q[i];
            }
            ForBlocks(parallel, b =>
            {
                var block = Blocks[b];
                block.AddAdjoint(step, block.DZ);
                for (int t = 0; t < block.StoredLength; t++)
                {
                    block.DX[t] -= alpha * block.Work[t];
                }
            });
            err = DirectionResidual(rp, dy, e, none);
            if (err < bestErr)
            {
                if (err < 0.9 * bestErr)
                {
                    lastImprovement = k;
                }
                bestErr = err;
                for (int b = 0; b < Blocks.Length; b++)
                {
                    Blocks[b].DX.CopyTo(_bestDx[b], 0);
                    Blocks[b].DZ.CopyTo(_bestDz[b], 0);
                }
                dy.CopyTo(bestDy, 0);
            }
            schur.Solve(r, z);
            double rzNext = Dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int i = 0; i < m; i++)
            {
                dir[i] = z[i] + beta * dir[i];
            }
        }
        for (int b = 0; b < Blocks.Length; b++)
        {
            _bestDx[b].CopyTo(Blocks[b].DX, 0);
            _bestDz[b].CopyTo(Blocks[b].DZ, 0);
        }
        bestDy.CopyTo(dy, 0);
    }

    /// <summary>e ← r_p − A(ΔX) (free blocks included) and, with free variables, e_f ← h − F Δy;
    /// returns ‖(e, e_f)‖.</summary>
    private double DirectionResidual(double[] rp, double[] dy, double[] e, double[] ef)
    {
        Array.Clear(e);
        foreach (var block in Blocks)
        {
            block.ApplyA(block.DX, e);
        }
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = rp[i] - e[i];
        }
        if (_free is null)
        {
            return Norm(e);
        }
        _free.ApplyTranspose(dy, ef);
        for (int k = 0; k < ef.Length; k++)
        {
            ef[k] = _h[k] - ef[k];
        }
        return Math.Sqrt(Dot(e, e) + Dot(ef, ef));
    }

    /// <summary>Runs the per-block work in parallel when there is enough of it to pay for the threads.</summary>
    private void ForBlocks(ParallelOptions parallel, Action<int> body)
    {
        if (Blocks.Length == 1 || _totalStored < 20_000)
        {
            for (int b = 0; b < Blocks.Length; b++)
            {
                body(b);
            }
        }
        else
        {
            Parallel.For(0, Blocks.Length, parallel, body);
        }
    }

    public double MaxStep(bool primal, ParallelOptions parallel)
    {
        var steps = new double[Blocks.Length];
        ForBlocks(parallel, b =>
            steps[b] = Blocks[b].MaxStep(primal ? Blocks[b].DX : Blocks[b].DZ, primal, _kernels));
        return ArrayMath.Min(steps);
    }

    /// <summary>⟨X + α_p ΔX, Z + α_d ΔZ⟩ summed over blocks.</summary>
    public double ComplementarityAfter(double ap, double ad)
    {
        double s = 0;
        foreach (var b in Blocks)
        {
            for (int k = 0; k < b.StoredLength; k++)
            {
                s += (b.X[k] + ap * b.DX[k]) * (b.Z[k] + ad * b.DZ[k]);
            }
        }
        return s;
    }

    public void KeepAffine()
    {
        foreach (var b in Blocks)
        {
            b.DX.CopyTo(b.DXa, 0);
            b.DZ.CopyTo(b.DZa, 0);
        }
    }

    /// <summary>X += α_p ΔX, (y, Z) += α_d (Δy, ΔZ), shortening the steps if a Cholesky test fails. The
    /// first failure of a block's candidate means its Lanczos bound missed the smallest eigenvalue (a
    /// warm start can): that block's step is then computed exactly before shortening by 0.8 further.</summary>
    public bool TakeStep(double ap, double ad, double[] dy)
    {
        bool recomputed = false;
        for (int attempt = 0; attempt < 9; attempt++)
        {
            var (failed, primal) = FirstExterior(ap, ad);
            if (failed is null)
            {
                foreach (var b in Blocks)
                {
                    for (int k = 0; k < b.StoredLength; k++)
                    {
                        b.X[k] += ap * b.DX[k];
                        b.Z[k] += ad * b.DZ[k];
                    }
                }
                for (int i = 0; i < Y.Length; i++)
                {
                    Y[i] += ad * dy[i];
                }
                foreach (var b in Blocks)
                {
                    b.AcceptStep();
                }
                return true;
            }
            if (!recomputed)
            {
                recomputed = true;
                double exact = 0.95 * failed.MaxStep(primal ? failed.DX : failed.DZ, primal, _kernels, exact: true);
                if (primal)
                {
                    ap = Math.Min(0.8 * ap, exact);
                }
                else
                {
                    ad = Math.Min(0.8 * ad, exact);
                }
                continue;
            }
            ap *= 0.8;
            ad *= 0.8;
        }
        return false;
    }

    /// <summary>The first block whose candidate X + α_p ΔX (primal) or Z + α_d ΔZ fails its interior test, or null.</summary>
    private (ConeBlock? Block, bool Primal) FirstExterior(double ap, double ad)
    {
        foreach (var b in Blocks)
        {
            for (int k = 0; k < b.StoredLength; k++)
            {
                b.Work[k] = b.X[k] + ap * b.DX[k];
            }
            if (!b.IsInterior(b.Work, primal: true, _kernels))
            {
                return (b, true);
            }
            for (int k = 0; k < b.StoredLength; k++)
            {
                b.Work[k] = b.Z[k] + ad * b.DZ[k];
            }
            if (!b.IsInterior(b.Work, primal: false, _kernels))
            {
                return (b, false);
            }
        }
        return (null, false);
    }

    private static double Dot(double[] a, double[] b) => ManagedKernels.Dot(a, b);

    private static double Norm(double[] a) => Math.Sqrt(ManagedKernels.Dot(a, a));
}
