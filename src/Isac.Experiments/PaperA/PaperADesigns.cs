using Isac.Experiments.Results;
using Isac.Precoding;
using Isac.Precoding.Design;
using Isac.Precoding.Network;

namespace Isac.Experiments.PaperA;

/// <summary>What paper A's figures share: the design names they sweep and the columns of a design's row.</summary>
internal static class PaperADesigns
{
    /// <summary>The four schemes with the paper's robustness model.</summary>
    public static readonly string[] Schemes = PrecodingSchemes.Names;

    /// <summary>The four schemes and the exact-robust block-level variants (<c>blp-cbf-exact</c>, <c>blp-comp-exact</c>).</summary>
    public static readonly string[] SchemesWithExact = [.. PrecodingSchemes.Names, "blp-cbf-exact", "blp-comp-exact"];

    /// <summary>The scheme and robustness model of a swept name.</summary>
    public static (PrecodingScheme Scheme, RobustnessModel Robustness) Parse(string name) => name.EndsWith("-exact", StringComparison.Ordinal)
        ? (PrecodingSchemes.Parse(name[..^"-exact".Length]), RobustnessModel.Exact)
        : (PrecodingSchemes.Parse(name), RobustnessModel.Paper);

    /// <summary>The legend label of a swept name (<c>BLP-CBF</c>, <c>BLP-CBF (exact robust)</c>).</summary>
    public static string Label(string name)
    {
        var (scheme, robustness) = Parse(name);
        string s = scheme.Name().ToUpperInvariant();
        return robustness == RobustnessModel.Exact ? $"{s} (exact robust)" : s;
    }

    /// <summary>Runs one design.</summary>
    public static DesignResult Run(IsacNetwork network, PaperASettings settings, string name, double gammaDb, ulong seed, CancellationToken cancellation, double? delta = null)
    {
        var (scheme, robustness) = Parse(name);
        return RobustPrecoder.Design(network, settings.Design(scheme, gammaDb, robustness, seed, delta), cancellation);
    }

    /// <summary>
    /// The standard columns of a design: status, achieved RCRB (largest over the BSs and per BS), the relaxation's
    /// RCRB, for symbol level the RCRB of the relaxation's own symbols, the SINRs (nominal, exact worst case,
    /// Proposition 3 for block level), Algorithm 1's iterations, the recovery method, the largest order d_n of a BS's
    /// blocks in the convex problems (<c>reduced_dim</c>, Ntx without the reduction), the used convex problems that did not
    /// end Optimal (<c>solver_trouble</c>, <see cref="DesignResult.UsedSolveTrouble"/>) and the message.
    /// </summary>
    public static ResultRow Row(DesignResult r, int cells)
    {
        var row = new ResultRow()
            .Set("status", r.Status.Name())
            .Set("rcrb_deg", r.MaxRcrbDeg)
            .Set("relaxation_rcrb_deg", r.MaxRelaxationRcrbDeg);
        for (int m = 0; m < cells; m++) row.Set($"rcrb_bs{m + 1}_deg", m < r.RcrbDeg.Length ? r.RcrbDeg[m] : double.NaN);
        return row
            .Set("unrefined_rcrb_deg", r.Refinement is { } f ? f.UnrefinedRcrbDeg.Max() : double.NaN)
            .Set("min_sinr_db", r.MinSinrDb)
            .Set("worst_case_min_sinr_db", r.WorstCaseMinSinrDb)
            .Set("prop3_min_sinr_db", r.Proposition3MinSinrDb)
            .Set("iterations", r.Iterations.Count)
            .Set("recovery", r.Recovery?.Method ?? "")
            .Set("refine_caps", r.Refinement?.Caps ?? "")
            .Set("reduced_dim", r.Reduction is { } red ? red.Dimensions.Max() : double.NaN)
            .Set("solver_trouble", r.UsedSolveTrouble)
            .Set("message", r.Message);
    }
}
