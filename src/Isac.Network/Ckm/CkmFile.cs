using System.IO.Compression;
using System.Text;
using Isac.Core;
using Isac.Network.Geometry;

namespace Isac.Network.Ckm;

/// <summary>
/// The map file format (documented in docs/network.md): a gzip stream of little-endian binary
/// records. Header: ASCII "ISACCKM1", int32 version (1), int32 BS, uint64 environment key, float64 origin x, origin y,
/// spacing, int32 nx, ny, int32 N_t, int32 N_θ, float64 θ_min, θ_max, int32 N_p, int64 number of
/// stored points; then per stored point int32 flat index (iy·nx + ix), uint8 entry count c, and c
/// pairs (uint16 bin, float32 power). Only built points are written.
/// </summary>
public static class CkmFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("ISACCKM1");
    private const int Version = 1;

    /// <summary>Writes <paramref name="map"/> to <paramref name="stream"/> (gzip-compressed).</summary>
    public static void Save(ChannelKnowledgeMap map, Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.ASCII, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(map.Bs);
        w.Write(map.EnvironmentKey);
        w.Write(map.Grid.Origin.X);
        w.Write(map.Grid.Origin.Y);
        w.Write(map.Grid.Spacing);
        w.Write(map.Grid.Nx);
        w.Write(map.Grid.Ny);
        w.Write(map.Antennas);
        w.Write(map.Settings.AngularBins);
        w.Write(map.Settings.AngleMin);
        w.Write(map.Settings.AngleMax);
        w.Write(map.Settings.Sparsity);
        w.Write(map.BuiltCount);
        foreach (long idx in map.BuiltIndices())
        {
            int c = map.EntryCount(idx);
            w.Write((int)idx);
            w.Write((byte)c);
            for (int e = 0; e < c; e++)
            {
                var (bin, power) = map.Raw(idx, e);
                w.Write(bin);
                w.Write(power);
            }
        }
    }

    /// <summary>
    /// Reads a map. <paramref name="source"/> (optional) fills points the file lacks on demand;
    /// <paramref name="label"/> names the file in errors.
    /// </summary>
    /// <exception cref="IsacInputException">The stream is not a map file of a supported version, or is truncated.</exception>
    public static ChannelKnowledgeMap Load(Stream stream, string label, CkmSettings? settings = null, IApsSource? source = null)
    {
        try
        {
            using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(gz, Encoding.ASCII, leaveOpen: true);
            var magic = r.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new IsacInputException(label, "not a channel knowledge map file (bad magic)");
            int version = r.ReadInt32();
            if (version != Version) throw new IsacInputException(label, $"map file version {version} is not supported (expected {Version})");
            int bs = r.ReadInt32();
            ulong key = r.ReadUInt64();
            var origin = new Point2(r.ReadDouble(), r.ReadDouble());
            double spacing = r.ReadDouble();
            int nx = r.ReadInt32(), ny = r.ReadInt32();
            int antennas = r.ReadInt32();
            int bins = r.ReadInt32();
            double amin = r.ReadDouble(), amax = r.ReadDouble();
            int sparsity = r.ReadInt32();
            long stored = r.ReadInt64();
            if (nx <= 0 || ny <= 0 || antennas <= 0 || bins <= 0 || sparsity <= 0 || stored < 0 || stored > (long)nx * ny)
                throw new IsacInputException(label, "corrupt map header");
            var s = (settings ?? new CkmSettings()) with { Spacing = spacing, AngularBins = bins, AngleMin = amin, AngleMax = amax, Sparsity = sparsity };
            var map = new ChannelKnowledgeMap(bs, new CkmGrid(origin, spacing, nx, ny), s, antennas, source, key);
            var binBuf = new int[sparsity];
            var powBuf = new float[sparsity];
            for (long p = 0; p < stored; p++)
            {
                int idx = r.ReadInt32();
                int c = r.ReadByte();
                if (idx < 0 || idx >= (long)nx * ny || c > sparsity) throw new IsacInputException(label, $"corrupt map record {p}");
                for (int e = 0; e < c; e++)
                {
                    binBuf[e] = r.ReadUInt16();
                    powBuf[e] = r.ReadSingle();
                    if (binBuf[e] >= bins) throw new IsacInputException(label, $"corrupt map record {p}: bin {binBuf[e]} ≥ {bins}");
                }
                map.Store(idx, binBuf.AsSpan(0, c), powBuf.AsSpan(0, c));
            }
            return map;
        }
        catch (EndOfStreamException e)
        {
            throw new IsacInputException(label, "map file is truncated", e);
        }
        catch (InvalidDataException e)
        {
            throw new IsacInputException(label, $"map file is not valid gzip data: {e.Message}", e);
        }
    }
}
