using Isac.Core.Json;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// Settings of paper B's figures: the network, read from the scenario file's <c>paper_b</c>
/// section, which is a paper-B scenario object exactly as <c>isac simulate</c> reads it
/// (docs/network.md, docs/formats.md "Paper B scenario"); absent: the paper's Section V network.
/// </summary>
/// <remarks>
/// What the figures sweep is not taken from the section: the users per cell, the scheduled users
/// per cell and the number of epochs are sweep parameters (<c>cell_users</c>,
/// <c>scheduled_per_cell</c>, <c>epochs</c>) so that <c>--quick</c> can shrink them, and the seed of
/// each Monte Carlo draw comes from the sweep's seed. The section refuses those fields, naming
/// the sweep parameter to set instead, rather than silently overriding them.
/// </remarks>
/// <param name="Scenario">The network scenario (its per-cell user count, scheduling limit, epochs and seed are set per sweep point).</param>
public sealed record PaperBSettings(PaperBScenario Scenario)
{
    /// <summary>Reads the section (null: the paper's network); unknown fields and sweep-governed fields are errors.</summary>
    public static PaperBSettings Parse(JsonCursor? section)
    {
        if (section is not JsonCursor s) return new PaperBSettings(PaperBScenario.PaperB());
        if (s.Kind == System.Text.Json.JsonValueKind.Object)
        {
            Refuse(s, "epochs", "set the sweep parameter 'epochs' instead");
            Refuse(s, "seed", "each Monte Carlo draw's seed comes from the scenario's top-level 'seed' (and 'sweep.draws')");
            if (s.OptionalField("users") is { } users && users.Kind == System.Text.Json.JsonValueKind.Object)
            {
                Refuse(users, "per_cell", "set the sweep parameter 'cell_users' instead");
                Refuse(users, "positions", "the figures drop users at random per draw (sweep parameter 'cell_users'); explicit positions are for isac simulate");
            }
            if (s.OptionalField("scheduling") is { } scheduling && scheduling.Kind == System.Text.Json.JsonValueKind.Object)
                Refuse(scheduling, "max_users_per_cell", "set the sweep parameter 'scheduled_per_cell' (Table I: 'scheduled_users') instead");
        }
        return new PaperBSettings(PaperBScenarioReader.Read(s, PaperBScenario.PaperB()));
    }

    private static void Refuse(JsonCursor c, string field, string why)
    {
        if (c.Has(field)) throw c.Field(field).Error($"not allowed in a figure's paper_b section: {why}");
    }
}
