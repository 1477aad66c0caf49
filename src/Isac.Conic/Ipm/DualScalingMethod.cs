using Isac.Conic.Cones;
using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Ipm;

/// <summary>
/// Dual scaling (Benson, Ye and Zhang's method, DSDP's): only y and the dual slack Z = Σ y_i A_i − C ≻ 0
/// are iterated; the primal X is a by-product, X(μ) = μ (W − W ΔZ W) with W = Z⁻¹, formed once at the end.
/// Used, instead of the primal-dual method, for one PSD block with a sparse aggregate pattern and
/// diagonal rows that give a strictly feasible start (max-cut relaxations: mcp, maxG), where an iteration
/// then costs a sparse factorisation of Z, solves with it, and the m×m Schur complement, and no dense
/// factorisation of X.
/// </summary>
/// <remarks>
/// <para>For the barrier problem min aᵀy/μ − ln det Z(y) the Newton direction is Δy = −Δy₁/μ + Δy₂ with
/// M Δy₁ = a, M Δy₂ = A(W), M_ij = tr(A_i W A_j W) (the primal-dual Schur complement with X replaced by W:
/// <see cref="PsdSchurColumns"/> forms it). X(μ) satisfies A(X) = a exactly, and X(μ) ⪰ 0 exactly when
/// Z − ΔZ(μ) ⪰ 0 (a congruence), a sparse Cholesky test; its objective is then
/// ⟨C, X(μ)⟩ = aᵀy − μ (n − A(W)ᵀΔy(μ)), a lower bound z̄ on the optimum of (D) min aᵀy (for (P) max).</para>
/// <para>Each iteration tests X at the current μ and at shrinking ones (the smallest μ with X ⪰ 0 gives
/// the best bound; when it is not, 2μ, 4μ, … for a looser one), sets the next μ = (aᵀy − z̄)/ρ with ρ = 2n
/// (the potential's weight, DSDP's "potential parameter"; 1.5n–6n tried on mcp124-1, mcp250-1 and maxG11:
/// 2n took the fewest iterations on all three, and from 3n up some runs stalled without a new bound for
/// a dozen iterations), and steps y by the Newton direction for that μ, 95 % of the way to Z's boundary at most
/// (Lanczos on the sparse sandwich). The best pair (X(μ), y) by its scale-free gap is kept; the result is
/// judged by the same measures and tolerances as the primal-dual method's.</para>
/// </remarks>
internal sealed class DualScalingMethod
{
    private readonly InternalModel _model;
    private readonly PsdBlock _block;
    private readonly int _n;
    private readonly int _m;
    private readonly IDenseKernels _kernels;
    private readonly IDenseKernels _schurKernels;
    private readonly SparseDualSlack _z;
    private readonly SparseDualSlack _test;
    private readonly PsdSchurColumns _columns;
    private readonly double[] _w;
    private readonly double[] _schur;
    private readonly double[] _factor;

    private DualScalingMethod(InternalModel model, PsdBlock block, SparseDualSlack z, SparseDualSlack test,
                              IDenseKernels kernels, IDenseKernels schurKernels)
    {
        _model = model;
        _block = block;
        _n = block.Size;
        _m = model.M;
        _kernels = kernels;
        _schurKernels = schurKernels;
        _z = z;
        _test = test;
        _w = new double[_n * _n];
        _columns = new PsdSchurColumns(_n, [.. block.Data], _w, _w, null);
        _schur = new double[_m * _m];
        _factor = new double[_m * _m];
    }

    /// <summary>The method for <paramref name="model"/>, or null when its structure does not call for it
    /// (or allow it): one PSD block, sparse data on a sparse aggregate pattern, and for every index a
    /// diagonal row with a positive coefficient there (so that large y on those rows make Z ≻ 0).</summary>
    public static DualScalingMethod? TryCreate(InternalModel model, IDenseKernels kernels, IDenseKernels schurKernels)
    {
        if (model.Blocks.Length != 1 || model.Blocks[0] is not PsdBlock block || model.M == 0)
        {
            return null;
        }
        int n = block.Size;
        var covered = new bool[n];
        foreach (var d in block.Data)
        {
            if (d.Kind != PsdDataKind.Sparse)
            {
                return null;
            }
            if (d.HasDiagonalEntriesOnly() && d.V.Length == 1 && d.V[0] > 0)
            {
                covered[d.P[0]] = true;
            }
        }
        if (covered.Contains(false))
        {
            return null;
        }
        var z = SparseDualSlack.TryCreate(n, block.C, block.Data);
        var test = z is null ? null : SparseDualSlack.TryCreate(n, block.C, block.Data);
        return z is null || test is null ? null : new DualScalingMethod(model, block, z, test, kernels, schurKernels);
    }

    /// <summary>Runs the iteration on <paramref name="state"/>'s y (its X and Z are overwritten with the
    /// result). Returns the number of iterations, or −1 when it broke down (the caller then runs the
    /// primal-dual method from scratch).</summary>
    public int Run(IpmState state, SolverSettings settings, IterationLogger logger, CancellationToken ct, Func<bool> timeUp)
    {
        int n = _n, m = _m;
        var block = _block;
        var a = _model.Rhs;
        var y = state.Y;
        StartingPoint(y);
        var g = new double[m];
        var dy1 = new double[m];
        var dy2 = new double[m];
        var dy = new double[m];
        var dz = new double[n * n];
        var trial = new double[n * n];
        var lanczos = new LanczosStep(n, Math.Min(n, 120));
        double lower = double.NegativeInfinity;
        double mu = double.NaN;
        double bestGap = double.PositiveInfinity;
        double[]? bestY = null, bestDy = null;
        double bestMu = 0;
        int iter = 0, sinceBest = 0;
        for (; iter < settings.MaxIterations; iter++)
        {
            if (ct.IsCancellationRequested || timeUp())
            {
                break;
            }
            SlackOf(y, block.Z);
            if (!_z.Factorize(block.Z))
            {
                return -1;
            }
            _z.Inverse(_w);
            if (!FormSchur())
            {
                return -1;
            }
            Array.Clear(g);
            block.ApplyA(_w, g);
            SolveRefined(a, dy1);
            SolveRefined(g, dy2);
            double dobj = ManagedKernels.Dot(a, y);
            // A first μ large enough for X(μ) to be positive semidefinite soon (it is tested downwards).
            mu = double.IsNaN(mu) ? 10 * (Math.Abs(dobj) + 1) / n : mu;
            // The smallest of μ, μ/2, μ/4, … (down to μ/64) whose X(μ) is positive semidefinite gives a primal
            // point and the best bound z̄ = ⟨C, X(μ)⟩ at this y; when X(μ) is not, the smallest of 2μ, 4μ, …
            // (up to 64μ) that is still gives a bound (a looser one).
            double feasibleMu = double.NaN;
            bool down = PrimalFeasible(mu, dy1, dy2, dy, dz, trial);
            for (double t = down ? mu : 2 * mu; down ? t >= mu / 64 : t <= 64 * mu; t = down ? t / 2 : 2 * t)
            {
                if (!PrimalFeasible(t, dy1, dy2, dy, dz, trial))
                {
                    if (down)
                    {
                        break;
                    }
                    continue;
                }
                feasibleMu = t;
                if (!down)
                {
                    break;
                }
            }
            if (!double.IsNaN(feasibleMu))
            {
                Direction(feasibleMu, dy1, dy2, dy);
                double pobj = dobj - feasibleMu * (n - ManagedKernels.Dot(g, dy));
                lower = Math.Max(lower, pobj);
                double scale = Measures.ObjectiveScale(pobj, dobj, Math.Abs(pobj), Math.Abs(dobj), false);
                double gap = Math.Abs(dobj - pobj) / scale;
                if (gap < bestGap)
                {
                    bestGap = gap;
                    bestY = (double[])y.Clone();
                    bestDy = (double[])dy.Clone();
                    bestMu = feasibleMu;
                    sinceBest = 0;
                }
            }
            logger.DualScalingRow(iter, dobj, lower, mu, feasibleMu);
            if (bestGap <= 0.1 * settings.RelativeGapTolerance || (++sinceBest > 15 && bestY is not null))
            {
                break;
            }
            // Next μ from the gap to the bound, then the Newton step for it.
            double rho = 2.0 * n;
            // Without a bound yet, μ stays: the step then moves y toward that barrier's centre, where X(μ) is PSD.
            double target = double.IsFinite(lower) ? Math.Max((dobj - lower) / rho, 1e-300) : mu;
            mu = Math.Min(mu, target);
            Direction(mu, dy1, dy2, dy);
            Array.Clear(dz);
            block.AddAdjoint(dy, dz);
            var op = _z.StepOperator(dz);
            double lambda = lanczos.SmallestEigenvalue(ref op, slot: 0);
            double alphaMax = double.IsNaN(lambda) ? 0.1 : lambda < 0 ? -1.0 / lambda : double.PositiveInfinity;
            double alpha = Math.Min(1.0, 0.95 * alphaMax);
            if (!(alpha > 1e-12))
            {
                return -1;
            }
            for (int i = 0; i < m; i++)
            {
                y[i] += alpha * dy[i];
            }
        }
        if (bestY is null)
        {
            return -1;
        }
        // The reported pair: y, Z at the best bound, and X(μ) = μ (W − W ΔZ W) there.
        bestY.CopyTo(y, 0);
        SlackOf(y, block.Z);
        if (!_z.Factorize(block.Z))
        {
            return -1;
        }
        _z.Inverse(_w);
        Array.Clear(dz);
        block.AddAdjoint(bestDy!, dz);
        // W ΔZ by rows (ΔZ sparse in the pattern, W dense), then (W ΔZ) W.
        _z.InverseTimes(dz, _w, trial);     // = Z⁻¹ ΔZ W = W ΔZ W … as (W ΔZ W)ᵀ, symmetric
        for (int k = 0; k < n * n; k++)
        {
            block.X[k] = bestMu * (_w[k] - 0.5 * (trial[k] + trial[(k % n) * n + k / n]));
        }
        // A(X) = a holds only to the accuracy of W near a singular Z: two corrections X += μ W (Σ δ_i A_i) W
        // with M δ = (a − A(X))/μ, which leave the structure of X(μ) and take out the residual to first order.
        var residual = new double[m];
        var delta = new double[m];
        for (int pass = 0; pass < 2; pass++)
        {
            Array.Clear(residual);
            block.ApplyA(block.X, residual);
            for (int i = 0; i < m; i++)
            {
                residual[i] = (a[i] - residual[i]) / bestMu;
            }
            SolveRefined(residual, delta);
            Array.Clear(dz);
            block.AddAdjoint(delta, dz);
            _z.InverseTimes(dz, _w, trial);
            for (int k = 0; k < n * n; k++)
            {
                block.X[k] += bestMu * 0.5 * (trial[k] + trial[(k % n) * n + k / n]);
            }
        }
        return iter;
    }

    /// <summary>Whether X(μ) ⪰ 0, i.e. Z − ΔZ(μ) ⪰ 0 (a sparse Cholesky test); dy and dz hold Δy(μ), ΔZ(μ).</summary>
    private bool PrimalFeasible(double mu, double[] dy1, double[] dy2, double[] dy, double[] dz, double[] trial)
    {
        Direction(mu, dy1, dy2, dy);
        Array.Clear(dz);
        _block.AddAdjoint(dy, dz);
        var z = _block.Z;
        for (int k = 0; k < z.Length; k++)
        {
            trial[k] = z[k] - dz[k];
        }
        return _test.IsInterior(trial);
    }

    /// <summary>Δy = −Δy₁/μ + Δy₂.</summary>
    private static void Direction(double mu, double[] dy1, double[] dy2, double[] dy)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dy[i] = -dy1[i] / mu + dy2[i];
        }
    }

    /// <summary>Z ← Σ y_i A_i − C.</summary>
    private void SlackOf(double[] y, double[] z)
    {
        for (int k = 0; k < z.Length; k++)
        {
            z[k] = -_block.C[k];
        }
        _block.AddAdjoint(y, z);
    }

    /// <summary>y on the diagonal rows large enough for Z ≻ 0 by Gershgorin (every other y zero).</summary>
    private void StartingPoint(double[] y)
    {
        int n = _n;
        var c = _block.C;
        Array.Clear(y);
        var need = new double[n];
        double scale = 1;
        for (int p = 0; p < n; p++)
        {
            double radius = 0;
            for (int q = 0; q < n; q++)
            {
                radius += q == p ? 0 : Math.Abs(c[p * n + q]);
            }
            need[p] = c[p * n + p] + radius;
            scale = Math.Max(scale, Math.Abs(need[p]));
        }
        var done = new bool[n];
        foreach (var d in _block.Data)
        {
            if (d.HasDiagonalEntriesOnly() && d.V.Length == 1 && d.V[0] > 0 && !done[d.P[0]])
            {
                int p = d.P[0];
                done[p] = true;
                y[d.Row] = (need[p] + 0.1 * scale) / d.V[0];
            }
        }
    }

    /// <summary>M ← [tr(A_i W A_j W)] and its Cholesky factor; false if M is not positive definite.</summary>
    private bool FormSchur()
    {
        int m = _m;
        Array.Clear(_schur);
        var scratch = new SchurScratch(_n * _n);
        for (int j = 0; j < _block.Data.Count; j++)
        {
            _columns.AddColumn(j, _schur, m, scratch, _kernels);
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++)
            {
                double v = _schur[i * m + j] + _schur[j * m + i];
                _schur[i * m + j] = v;
                _schur[j * m + i] = v;
            }
        }
        _schur.CopyTo(_factor, 0);
        return _schurKernels.Cholesky(_factor, m);
    }

    /// <summary>x ← M⁻¹ b with one step of iterative refinement against M (A(X(μ)) = a holds to the
    /// accuracy of these solves).</summary>
    private void SolveRefined(double[] b, double[] x)
    {
        int m = _m;
        b.CopyTo(x, 0);
        _schurKernels.CholeskySolve(_factor, m, x);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            r[i] = b[i] - ManagedKernels.Dot(_schur.AsSpan(i * m, m), x);
        }
        _schurKernels.CholeskySolve(_factor, m, r);
        for (int i = 0; i < m; i++)
        {
            x[i] += r[i];
        }
    }
}
