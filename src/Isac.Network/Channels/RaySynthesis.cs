using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Numerics;

namespace Isac.Network.Channels;

/// <summary>
/// h = Σ_q √α_q e^{jΦ_q} a(θ_q) for many paths (the 38.901 models' hundreds of rays per link),
/// a(θ) = N^−½[e^{jπ i sinθ}]_i (eq. (14)). <see cref="Reset"/> computes each path's z_q = e^{jπ sinθ_q}
/// and amplitude √α_q·N^−½ once, four paths at a time (<see cref="FastTrig"/>); every
/// <see cref="Snapshot"/> with new phases then walks four paths at a time along the array
/// (w ← w·z in the lanes of a 256-bit vector, each element's four lane sums added at the end),
/// about 3 instructions per path and element, so the T snapshots of an RSRP measurement share the
/// responses. The phases' sines and cosines are vectorised too.
/// </summary>
/// <remarks>One instance per thread (<see cref="ForThread"/>): it keeps its buffers between links.</remarks>
public sealed class RaySynthesis
{
    [ThreadStatic] private static RaySynthesis? _perThread;
    private double[] _zr = new double[64], _zi = new double[64], _amp = new double[64], _wr = new double[64], _wi = new double[64];
    private int _count;

    /// <summary>This thread's instance.</summary>
    public static RaySynthesis ForThread() => _perThread ??= new RaySynthesis();

    /// <summary>Number of paths of the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>Computes z_q and the amplitudes of the paths (angles from broadside, rad; powers) for an N-element ULA.</summary>
    public void Reset(ReadOnlySpan<double> angle, ReadOnlySpan<double> power, int antennas)
    {
        int q = angle.Length;
        int padded = (q + 3) / 4 * 4;
        if (_zr.Length < padded)
        {
            _zr = new double[padded];
            _zi = new double[padded];
            _amp = new double[padded];
            _wr = new double[padded];
            _wi = new double[padded];
        }
        _count = q;
        // Stage the inputs in the output buffers (zero-padded to whole vectors), then transform in place.
        angle.CopyTo(_zr);
        power.CopyTo(_amp);
        _zr.AsSpan(q, padded - q).Clear();
        _amp.AsSpan(q, padded - q).Clear();
        var norm = Vector256.Create(1 / Math.Sqrt(antennas));
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi = ref MemoryMarshal.GetArrayDataReference(_zi);
        ref double amp = ref MemoryMarshal.GetArrayDataReference(_amp);
        for (nuint p0 = 0; p0 < (nuint)padded; p0 += 4)
        {
            var (s, _) = FastTrig.SinCos(Vector256.LoadUnsafe(ref zr, p0));
            var (zs, zc) = FastTrig.SinCos(s * Math.PI);
            zc.StoreUnsafe(ref zr, p0);
            zs.StoreUnsafe(ref zi, p0);
            (Vector256.Sqrt(Vector256.LoadUnsafe(ref amp, p0)) * norm).StoreUnsafe(ref amp, p0);
        }
    }

    /// <summary>
    /// h = Σ_q √α_q e^{jΦ_q} a(θ_q) for the paths of the last <see cref="Reset"/>, with phases drawn in
    /// path order: uniform on [0, 2π) when <paramref name="phase"/> is null, else by it.
    /// </summary>
    public void Snapshot(Func<DeterministicRandom, double>? phase, DeterministicRandom rng, Span<Complex> h)
    {
        int n = h.Length, q = _count;
        int padded = (q + 3) / 4 * 4;
        // Phases first (in path order), then the starting phasors w_q = √α_q·N^−½·e^{jΦ_q}, four at a time.
        for (int p = 0; p < q; p++) _wr[p] = phase is null ? 2 * Math.PI * rng.NextDouble() : phase(rng);
        _wr.AsSpan(q, padded - q).Clear();
        ref double zr0 = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi0 = ref MemoryMarshal.GetArrayDataReference(_zi);
        ref double amp0 = ref MemoryMarshal.GetArrayDataReference(_amp);
        ref double wr0 = ref MemoryMarshal.GetArrayDataReference(_wr);
        ref double wi0 = ref MemoryMarshal.GetArrayDataReference(_wi);
        for (nuint p0 = 0; p0 < (nuint)padded; p0 += 4)
        {
            var (s, c) = FastTrig.SinCos(Vector256.LoadUnsafe(ref wr0, p0));
            var a = Vector256.LoadUnsafe(ref amp0, p0);
            (a * c).StoreUnsafe(ref wr0, p0);
            (a * s).StoreUnsafe(ref wi0, p0);
        }
        Span<double> acc = n <= 512 ? stackalloc double[8 * n] : new double[8 * n]; // per element: 4 real lanes, 4 imaginary lanes
        acc.Clear();
        ref double acc0 = ref MemoryMarshal.GetReference(acc);
        for (nuint p0 = 0; p0 < (nuint)padded; p0 += 4)
        {
            var zc = Vector256.LoadUnsafe(ref zr0, p0);
            var zs = Vector256.LoadUnsafe(ref zi0, p0);
            var wr = Vector256.LoadUnsafe(ref wr0, p0);
            var wi = Vector256.LoadUnsafe(ref wi0, p0);
            for (nuint i = 0; i < (nuint)n; i++)
            {
                nuint o = 8 * i;
                (Vector256.LoadUnsafe(ref acc0, o) + wr).StoreUnsafe(ref acc0, o);
                (Vector256.LoadUnsafe(ref acc0, o + 4) + wi).StoreUnsafe(ref acc0, o + 4);
                var t = wr * zc - wi * zs;
                wi = wr * zs + wi * zc;
                wr = t;
            }
        }
        for (int i = 0; i < n; i++)
            h[i] = new Complex(Vector256.Sum(Vector256.LoadUnsafe(ref acc0, (nuint)(8 * i))), Vector256.Sum(Vector256.LoadUnsafe(ref acc0, (nuint)(8 * i + 4))));
    }

    /// <summary>
    /// e^{jΦ} with Φ ~ U(0, 2π): a point drawn uniformly in the unit disk by rejection from the
    /// square (acceptance π/4), scaled to the circle; its direction is uniform.
    /// </summary>
    public static (double Cos, double Sin) UnitPhasor(DeterministicRandom rng)
    {
        while (true)
        {
            double x = 2 * rng.NextDouble() - 1, y = 2 * rng.NextDouble() - 1;
            double r2 = x * x + y * y;
            if (r2 > 1e-12 && r2 <= 1)
            {
                double f = 1 / Math.Sqrt(r2);
                return (x * f, y * f);
            }
        }
    }

    /// <summary>One channel of a list of paths, phases drawn by <paramref name="phase"/> (null: uniform), on this thread's instance.</summary>
    public static void Synthesize(IReadOnlyList<PathGain> paths, Func<DeterministicRandom, double>? phase, DeterministicRandom rng, Span<Complex> h)
    {
        int q = paths.Count;
        var angle = q <= 1024 ? stackalloc double[q] : new double[q];
        var power = q <= 1024 ? stackalloc double[q] : new double[q];
        for (int p = 0; p < q; p++)
        {
            angle[p] = paths[p].Angle;
            power[p] = paths[p].Power;
        }
        var r = ForThread();
        r.Reset(angle, power, h.Length);
        r.Snapshot(phase, rng, h);
    }
}
