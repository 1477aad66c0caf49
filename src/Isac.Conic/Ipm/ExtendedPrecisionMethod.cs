using System.Diagnostics;
using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Ipm;

/// <summary>
/// The primal-dual method (HKM direction, Mehrotra predictor-corrector, the same centring rule and start)
/// carried out entirely in double-double arithmetic: the iterate, the residuals, the Schur complement and
/// its Cholesky factor, the directions. For small problems of PSD and LP blocks only, after a double run
/// has ended <c>NumericalError</c>.
/// </summary>
/// <remarks>
/// Why: on SDPLIB's hinf13 and hinf15 the primal has no interior near the optimum and y grows (‖y‖ ~ 10⁴–10⁵),
/// so an objective gap of 10⁻⁵ needs ‖a − A(X)‖ ~ 10⁻¹¹; the double direction's own error
/// e = r_p − A(ΔX) stays at 10⁻⁷–10⁻⁶ whatever the refinement (the HKM operator's condition number is past
/// 1/ε), and every double solver tried stops there (CSDP, SDPA, cvxopt; DSDP at a 7e-5 gap). With a unit
/// roundoff of 1e-32 the same Newton systems are solved to the digits the measures need (SDPA-DD's remedy).
/// The returned point is rounded to double and judged by the double measures like any other run.
/// </remarks>
internal sealed class ExtendedPrecisionMethod
{
    /// <summary>Double-double work per iteration (multiply-adds) above which the method is not tried.</summary>
    private const double WorkBudget = 1e7;

    private readonly InternalModel _model;
    private readonly ExtendedPrecisionBlock[] _blocks;
    private readonly int _m;
    private readonly double[] _rhs;
    private readonly int _degree;
    private readonly double _primalScale, _dualScale;
    private readonly bool _objectiveVanishes;

    private ExtendedPrecisionMethod(InternalModel model, IpmState state, ExtendedPrecisionBlock[] blocks)
    {
        _model = model;
        _blocks = blocks;
        _m = model.M;
        _rhs = model.Rhs;
        _degree = Math.Max(1, model.Degree);
        (_primalScale, _dualScale) = state.InfeasibilityScales;
        _objectiveVanishes = state.ObjectiveVanishes;
    }

    /// <summary>The method for this model, or null when a block is neither PSD nor LP, there are free
    /// variables, or the work per iteration exceeds the budget.</summary>
    public static ExtendedPrecisionMethod? TryCreate(InternalModel model, IpmState state)
    {
        if (state.Free is not null || model.M == 0)
        {
            return null;
        }
        double work = Math.Pow(model.M, 3) / 3;
        var blocks = new ExtendedPrecisionBlock[model.Blocks.Length];
        for (int b = 0; b < blocks.Length; b++)
        {
            var block = model.Blocks[b];
            if (block is not (PsdBlock or NonnegativeBlock))
            {
                return null;
            }
            bool psd = block is PsdBlock;
            int n = block.Size;
            int mb = block.Rows.Length;
            work += psd ? mb * (4.0 * n * n * n) + (double)mb * mb * n : (double)mb * mb * n;
            if (work > WorkBudget)
            {
                return null;
            }
            blocks[b] = ExtendedPrecisionBlock.From(block, model.M, psd);
        }
        return new ExtendedPrecisionMethod(model, state, blocks);
    }

    /// <summary>
    /// Runs from the state's starting point; on return the best point met (rounded to double) is in the
    /// state's blocks and y, to be judged by <see cref="IpmState.ComputeResiduals"/>. Returns the iterations
    /// taken and why the iteration stopped.
    /// </summary>
    public (int Iterations, TerminationReason Reason) Run(IpmState state, SolverSettings settings, IterationLogger logger,
        Stopwatch clock, CancellationToken ct)
    {
        state.SetInitialPoint();
        foreach (var b in _blocks)
        {
            b.LoadStart();
        }
        var y = new DoubleDouble[_m];
        var rp = new DoubleDouble[_m];
        var dy = new DoubleDouble[_m];
        var schur = new DoubleDouble[_m * _m];
        var factor = new DoubleDouble[_m * _m];
        double bestQuality = double.PositiveInfinity, progressAnchor = double.PositiveInfinity;
        int bestIter = 0, iter = 0;
        double alphaP = 0, alphaD = 0;
        TerminationReason reason;
        while (true)
        {
            var measures = Residuals(y, rp);
            logger.Row(iter, measures, alphaP, alphaD);
            double quality = measures.Quality(settings);
            if (double.IsNaN(quality))
            {
                reason = TerminationReason.NonFinite;
                break;
            }
            if (quality < bestQuality)
            {
                bestQuality = quality;
                Store(state, y);
            }
            if (measures.IsOptimal(settings))
            {
                reason = TerminationReason.Converged;
                break;
            }
            if (quality < 0.5 * progressAnchor)
            {
                (progressAnchor, bestIter) = (quality, iter);
            }
            // Eight iterations without halving the distance to the tolerances, three once the best point is
            // within the ReducedAccuracy band (hinf13/15: what is left there is the rounding of y, which more
            // iterations do not shrink).
            if (iter - bestIter >= (bestQuality <= 1000 ? 3 : 8))
            {
                reason = TerminationReason.Stall;
                break;
            }
            if (iter >= settings.MaxIterations)
            {
                reason = TerminationReason.IterationLimit;
                break;
            }
            if ((settings.TimeLimit is { } limit && clock.Elapsed >= limit) || ct.IsCancellationRequested)
            {
                reason = ct.IsCancellationRequested ? TerminationReason.Cancelled : TerminationReason.TimeLimit;
                break;
            }
            bool scaled = true;
            foreach (var b in _blocks)
            {
                scaled &= b.PrepareScaling();
            }
            if (!scaled)
            {
                reason = TerminationReason.IterateNotInterior;
                break;
            }
            FormSchur(schur);
            if (!FactorWithShift(schur, factor, settings.SchurShiftAttempts))
            {
                reason = TerminationReason.SchurNotPositiveDefinite;
                break;
            }

            // Predictor: R = −X.
            foreach (var b in _blocks)
            {
                b.PredictorRhs();
            }
            Direction(factor, rp, dy);
            double ap = Math.Min(1, MaxStep(primal: true)), ad = Math.Min(1, MaxStep(primal: false));
            double muAffine = ComplementarityAfter(ap, ad) / _degree;
            double sigma = InteriorPointMethod.Centering(muAffine / measures.Mu, ap, ad, measures, settings);
            double gamma = 0.9 + 0.07 * Math.Min(ap, ad);
            foreach (var b in _blocks)
            {
                b.KeepAffine();
                b.CorrectorRhs(new DoubleDouble(sigma) * new DoubleDouble(measures.Mu));
            }
            Direction(factor, rp, dy);
            double apMax = MaxStep(primal: true), adMax = MaxStep(primal: false);
            if (double.IsNaN(apMax) || double.IsNaN(adMax))
            {
                reason = TerminationReason.NonFinite;
                break;
            }
            alphaP = Math.Min(1, gamma * apMax);
            alphaD = Math.Min(1, gamma * adMax);
            if (!TakeStep(ref alphaP, ref alphaD, y, dy))
            {
                reason = TerminationReason.StepFailure;
                break;
            }
            iter++;
        }
        return (iter, reason);
    }

    /// <summary>r_p = a − A(X), R_d = Aᵀy − C − Z per block, and the measures (as <see cref="IpmState.ComputeResiduals"/>).</summary>
    private Measures Residuals(DoubleDouble[] y, DoubleDouble[] rp)
    {
        for (int i = 0; i < _m; i++)
        {
            rp[i] = _rhs[i];
        }
        DoubleDouble pobj = 0, xz = 0, rd2 = 0, dobj = 0;
        double primalTerms = 0, dualTerms = 0;
        foreach (var b in _blocks)
        {
            b.SubtractA(b.X, rp);
            pobj += DoubleDoubleDense.Dot(b.C, b.X);
            for (int k = 0; k < b.C.Length; k++)
            {
                primalTerms += Math.Abs((double)b.C[k] * (double)b.X[k]);
            }
            xz += DoubleDoubleDense.Dot(b.X, b.Z);
            b.DualResidual(y);
            rd2 += DoubleDoubleDense.Dot(b.Rd, b.Rd);
        }
        DoubleDouble rp2 = 0;
        for (int i = 0; i < _m; i++)
        {
            rp2 += rp[i] * rp[i];
            dobj += y[i] * _rhs[i];
            dualTerms += Math.Abs(_rhs[i] * (double)y[i]);
        }
        double p = (double)pobj, d = (double)dobj;
        double scale = Measures.ObjectiveScale(p, d, primalTerms, dualTerms, _objectiveVanishes);
        return new Measures(p, d, Math.Sqrt((double)rp2) / _primalScale, Math.Sqrt((double)rd2) / _dualScale,
            Math.Abs((double)(pobj - dobj)) / scale, Math.Abs((double)xz) / scale, (double)xz / _degree);
    }

    /// <summary>M_ij = ⟨A_i, H(A_j)⟩ over the blocks (the upper triangle, mirrored).</summary>
    private void FormSchur(DoubleDouble[] schur)
    {
        Array.Clear(schur);
        foreach (var b in _blocks)
        {
            b.AddSchur(schur, _m);
        }
        for (int i = 0; i < _m; i++)
        {
            for (int j = i + 1; j < _m; j++)
            {
                schur[j * _m + i] = schur[i * _m + j];
            }
        }
    }

    /// <summary>Cholesky of M, with a diagonal shift of 1e-30·max M_ii (×100 per try, as many tries as the
    /// double run's shifts) when it fails.</summary>
    private bool FactorWithShift(DoubleDouble[] schur, DoubleDouble[] factor, int attempts)
    {
        if (DoubleDoubleDense.Cholesky(schur, factor, _m))
        {
            return true;
        }
        double maxDiag = 0;
        for (int i = 0; i < _m; i++)
        {
            maxDiag = Math.Max(maxDiag, schur[i * _m + i].Hi);
        }
        double shift = 1e-30 * maxDiag;
        for (int attempt = 0; attempt < attempts; attempt++, shift *= 100)
        {
            var shifted = (DoubleDouble[])schur.Clone();
            for (int i = 0; i < _m; i++)
            {
                shifted[i * _m + i] += shift;
            }
            if (DoubleDoubleDense.Cholesky(shifted, factor, _m))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>With each block's R set: M Δy = A(R − H(R_d)) − r_p, ΔZ = AᵀΔy + R_d, ΔX = R − H(ΔZ).</summary>
    private void Direction(DoubleDouble[] factor, DoubleDouble[] rp, DoubleDouble[] dy)
    {
        for (int i = 0; i < _m; i++)
        {
            dy[i] = -rp[i];
        }
        foreach (var b in _blocks)
        {
            b.AddRhs(dy);
        }
        DoubleDoubleDense.CholeskySolve(factor, _m, dy);
        foreach (var b in _blocks)
        {
            b.CompleteDirection(dy);
        }
    }

    private double MaxStep(bool primal)
    {
        double step = double.PositiveInfinity;
        foreach (var b in _blocks)
        {
            step = Math.Min(step, b.MaxStep(primal));
        }
        return step;
    }

    private double ComplementarityAfter(double ap, double ad)
    {
        DoubleDouble s = 0;
        foreach (var b in _blocks)
        {
            for (int k = 0; k < b.X.Length; k++)
            {
                s += (b.X[k] + b.DX[k] * ap) * (b.Z[k] + b.DZ[k] * ad);
            }
        }
        return (double)s;
    }

    /// <summary>The step, shortened by 0.8 until X and Z pass a Cholesky test (at most 20 times).</summary>
    private bool TakeStep(ref double ap, ref double ad, DoubleDouble[] y, DoubleDouble[] dy)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            bool ok = true;
            foreach (var b in _blocks)
            {
                ok &= b.TryStep(ap, ad);
            }
            if (ok)
            {
                foreach (var b in _blocks)
                {
                    b.AcceptTrial();
                }
                for (int i = 0; i < _m; i++)
                {
                    y[i] += dy[i] * ad;
                }
                return true;
            }
            ap *= 0.8;
            ad *= 0.8;
        }
        return false;
    }

    /// <summary>The current point, rounded to double, into the state (blocks' X, Z and y).</summary>
    private void Store(IpmState state, DoubleDouble[] y)
    {
        for (int b = 0; b < _blocks.Length; b++)
        {
            var target = _model.Blocks[b];
            for (int k = 0; k < target.StoredLength; k++)
            {
                target.X[k] = (double)_blocks[b].X[k];
                target.Z[k] = (double)_blocks[b].Z[k];
            }
        }
        for (int i = 0; i < _m; i++)
        {
            state.Y[i] = (double)y[i];
        }
    }
}
