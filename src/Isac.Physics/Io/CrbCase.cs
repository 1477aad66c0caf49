using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Physics.Arrays;
using Isac.Physics.Numerics;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Io;

/// <summary>
/// A CRB evaluation case (the input of <c>isac crb</c>, docs/formats.md "CRB case"): a sensing
/// scene in paper A's array convention, a coordination mode and the stacked transmit covariance.
/// </summary>
/// <param name="Mode">CBF or CoMP.</param>
/// <param name="Scene">The sensing geometry (angles converted to radians).</param>
/// <param name="TransmitCovariance">R_X of all BSs stacked, (J·Ntx)×(J·Ntx) Hermitian PSD.</param>
public sealed record CrbCase(CoordinationMode Mode, SensingScene Scene, Matrix<Complex> TransmitCovariance)
{
    /// <summary>The JSON field names, in the documented order (docs/schemas/crb-case.schema.json). The camelCase
    /// names of before (<c>frameLength</c>, …) are still read, with a warning (<see cref="LegacyKeys"/>).</summary>
    public static readonly string[] Fields =
    [
        "mode", "ntx", "nrx", "frame_length", "radar_noise_variance",
        "departure_angles_deg", "reflection_coefficients", "transmit_covariance",
    ];

    /// <summary>Reads and validates a case; every error names the JSON path.</summary>
    /// <exception cref="Isac.Core.IsacInputException">A field is missing, unknown, malformed or inconsistent.</exception>
    public static CrbCase Read(JsonCursor root)
    {
        root.ExpectOnly(Fields);
        var mode = root.Field("mode").OneOf("cbf", "comp") == "cbf" ? CoordinationMode.Cbf : CoordinationMode.Comp;
        int ntx = root.Field("ntx").Int(1, 4096);
        int nrx = root.Field("nrx").Int(1, 4096);
        int frameLength = root.Field("frame_length").Int(1);
        double noise = root.Field("radar_noise_variance").PositiveDouble();

        var angleRows = root.Field("departure_angles_deg").Items();
        int cells = angleRows.Count;
        if (cells == 0) throw root.Field("departure_angles_deg").Error("expected a J×J matrix with J ≥ 1, got an empty array");
        var angles = new double[cells, cells];
        for (int n = 0; n < cells; n++)
        {
            var row = angleRows[n].Items(cells);
            for (int m = 0; m < cells; m++)
            {
                double deg = row[m].DoubleInRange(-90, 90);
                if (n == m && Math.Abs(deg) >= 90)
                    throw row[m].Error($"the estimated angle θ_{n + 1}{m + 1} must lie strictly inside (-90, 90) degrees: a ULA has no angular sensitivity at endfire");
                angles[n, m] = deg * Math.PI / 180;
            }
        }

        var alphaRows = root.Field("reflection_coefficients").Items(cells);
        var alphas = new Complex[cells, cells];
        for (int n = 0; n < cells; n++)
        {
            var row = alphaRows[n].Items(cells);
            for (int m = 0; m < cells; m++)
            {
                alphas[n, m] = row[m].Complex();
                if (n == m && alphas[n, m] == Complex.Zero)
                    throw row[m].Error($"α_{n + 1}{m + 1} is zero: BS {n + 1}'s target reflects nothing and its angle cannot be estimated");
            }
        }

        var rCursor = root.Field("transmit_covariance");
        int size = cells * ntx;
        var rows = rCursor.Items();
        if (rows.Count != size)
            throw rCursor.Error($"expected a {size}×{size} matrix (J·ntx = {cells}·{ntx} rows), got {rows.Count} rows");
        var r = rCursor.ComplexMatrix(size, size);
        string? problem = HermitianMatrix.CheckPositiveSemidefinite(r);
        if (problem is not null) throw rCursor.Error(problem);

        var scene = new SensingScene(new UniformLinearArray(ntx, ArrayNormalization.Unnormalized),
            new UniformLinearArray(nrx, ArrayNormalization.Unnormalized), angles, alphas, noise, frameLength);
        return new CrbCase(mode, scene, HermitianMatrix.HermitianPart(r));
    }
}
