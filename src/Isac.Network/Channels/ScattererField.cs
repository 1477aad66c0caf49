using Isac.Core.Random;
using Isac.Network.Geometry;

namespace Isac.Network.Channels;

/// <summary>
/// The scattering environment that makes the inter-cell channels (eq. (38)) depend on the user's
/// location, so a channel knowledge map can learn them. Point scatterers are spread uniformly
/// over the network area; the N_p paths from a BS to a location go through the N_p scatterers with
/// the shortest BS→scatterer→user length.
/// </summary>
/// <remarks>
/// Path q: angle of departure = azimuth of its scatterer seen from the BS; power
/// α_q = α0·(d_BS,s + d_s,u)^−η / ρ_s, with ρ_s ~ U(4, 9) a per-scatterer loss drawn once
/// (the paper's NLoS-to-LoS power ratio range). The paper draws the inter-cell path parameters
/// without saying how they relate to location; a CKM is only meaningful if they do, and this
/// single-bounce geometry gives the spatial consistency the paper's LSCM assumes (nearby
/// locations see nearly the same angular power spectrum).
/// With wrap-around the scatterers are drawn over the cluster's sites' hexagons, which tile the
/// plane under the wrap-around shifts, and every scatterer also exists at its six shifted copies,
/// so the field is periodic like the network.
/// </remarks>
public sealed class ScattererField
{
    private readonly Point2[] _positions;
    private readonly double[] _loss;
    private readonly ChannelSettings _settings;

    /// <summary>
    /// Draws the scatterers over the layout's bounding box enlarged by <paramref name="margin"/> metres
    /// (with wrap-around: over the sites' hexagons, and replicated at the wrap-around shifts).
    /// </summary>
    public ScattererField(NetworkLayout layout, ChannelSettings settings, DeterministicRandom rng, double margin = 20)
    {
        _settings = settings;
        var (min, max) = layout.BoundingBox();
        if (layout.Wrap is { } wrap)
        {
            int sites = layout.Sites.Max() + 1;
            double isd = layout.InterSiteDistance;
            var sitePos = Enumerable.Range(0, layout.Cells).GroupBy(c => layout.Sites[c]).Select(g => layout.BaseStations[g.First()]).ToArray();
            double area = sites * isd * isd * Math.Sqrt(3) / 2;
            int n = Math.Max(settings.InterCellPaths, (int)Math.Round(settings.ScattererDensityPerKm2 * area / 1e6));
            var own = new List<Point2>(n);
            var loss = new List<double>(n);
            while (own.Count < n)
            {
                var p = new Point2(rng.NextUniform(min.X, max.X), rng.NextUniform(min.Y, max.Y));
                if (!sitePos.Any(s => HexSectorRegion.InHexagon(p - s, isd))) continue;
                own.Add(p);
                loss.Add(rng.NextUniform(settings.NlosRatioMin, settings.NlosRatioMax));
            }
            _positions = wrap.Shifts.SelectMany(s => own.Select(p => p + s)).ToArray();
            _loss = wrap.Shifts.SelectMany(_ => loss).ToArray();
            return;
        }
        double w = max.X - min.X + 2 * margin, h = max.Y - min.Y + 2 * margin;
        int count = Math.Max(settings.InterCellPaths, (int)Math.Round(settings.ScattererDensityPerKm2 * w * h / 1e6));
        _positions = new Point2[count];
        _loss = new double[count];
        for (int i = 0; i < count; i++)
        {
            _positions[i] = new Point2(min.X - margin + w * rng.NextDouble(), min.Y - margin + h * rng.NextDouble());
            _loss[i] = rng.NextUniform(settings.NlosRatioMin, settings.NlosRatioMax);
        }
    }

    /// <summary>Number of scatterers (with wrap-around: including the shifted copies).</summary>
    public int Count => _positions.Length;

    /// <summary>The N_p inter-cell paths from a BS at <paramref name="bs"/> to a user at <paramref name="user"/> (angles: azimuths of the scatterers from the BS).</summary>
    public PathGain[] Paths(Point2 bs, Point2 user)
    {
        int np = _settings.InterCellPaths;
        Span<double> bestLen = stackalloc double[np];
        Span<int> bestIdx = stackalloc int[np];
        bestLen.Fill(double.PositiveInfinity);
        bestIdx.Fill(-1);
        for (int i = 0; i < _positions.Length; i++)
        {
            double len = bs.DistanceTo(_positions[i]) + _positions[i].DistanceTo(user);
            if (len >= bestLen[np - 1]) continue;
            int j = np - 1;
            while (j > 0 && bestLen[j - 1] > len)
            {
                bestLen[j] = bestLen[j - 1];
                bestIdx[j] = bestIdx[j - 1];
                j--;
            }
            bestLen[j] = len;
            bestIdx[j] = i;
        }
        var paths = new PathGain[np];
        for (int q = 0; q < np; q++)
        {
            var s = _positions[bestIdx[q]];
            double angle = (s - bs).Azimuth;
            double len = Math.Max(bestLen[q], 1.0);
            paths[q] = new PathGain(angle, _settings.PathGain(len) / _loss[bestIdx[q]]);
        }
        return paths;
    }
}
