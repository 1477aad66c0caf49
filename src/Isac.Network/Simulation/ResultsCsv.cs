using System.Globalization;

namespace Isac.Network.Simulation;

/// <summary>Writes simulation records as tidy CSV (invariant culture, NaN as an empty cell) to a writer the caller owns.</summary>
public static class ResultsCsv
{
    /// <summary>Column names of <see cref="WriteEpochs"/>.</summary>
    public static readonly string[] EpochColumns =
    [
        "scheme", "scheduler", "epoch", "accumulated_pfr", "sum_rate", "scheduled_users", "location_rmse_m", "median_location_error_m",
        "median_angle_std_deg", "max_sensing_violation", "backhaul_bits", "beamforming_seconds_per_bs", "fp_iterations",
        "scheduling_s", "exchange_s", "beamforming_s", "transmit_sense_s", "epoch_wall_s", "channel_links", "map_points", "map_memory_bytes",
    ];

    /// <summary>One row per epoch.</summary>
    public static void WriteEpochs(TextWriter w, IEnumerable<EpochRecord> records)
    {
        Write(w, EpochColumns, records.Select(r => new object[]
        {
            r.Scheme, r.Scheduler, r.Epoch, r.AccumulatedPfr, r.SumRate, r.ScheduledUsers, r.LocationRmse, r.MedianLocationError,
            r.MedianAngleStdDeg, r.MaxSensingViolation, r.BackhaulBits, r.BeamformingSecondsPerBs, r.FpIterations,
            r.Timing.Scheduling, r.Timing.Exchange, r.Timing.Beamforming, r.Timing.TransmitAndSense, r.Timing.Total,
            r.ChannelLinks, r.MapPoints, r.MapMemoryBytes,
        }));
    }

    /// <summary>One row per user and epoch.</summary>
    public static void WriteUsers(TextWriter w, string scheme, IEnumerable<UserEpochRecord> records)
    {
        Write(w, ["scheme", "epoch", "cell", "user", "scheduled", "rate", "average_rate", "pf_weight", "location_error_m"],
            records.Select(r => new object[] { scheme, r.Epoch, r.Cell, r.User, r.Scheduled ? 1 : 0, r.Rate, r.AverageRate, r.PfWeight, r.LocationError }));
    }

    /// <summary>A header line and one line per row; strings containing commas or quotes are quoted.</summary>
    public static void Write(TextWriter w, IReadOnlyList<string> header, IEnumerable<object[]> rows)
    {
        w.WriteLine(string.Join(",", header));
        foreach (var row in rows) w.WriteLine(string.Join(",", row.Select(Cell)));
    }

    private static string Cell(object value) => value switch
    {
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s when s.Contains(',') || s.Contains('"') => "\"" + s.Replace("\"", "\"\"") + "\"",
        _ => value.ToString() ?? "",
    };
}
