using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Isac.Core.Numerics;

/// <summary>
/// The two 256-bit operations the blocked complex kernels (<see cref="BlockedFactor"/>, <see cref="BlockedSubstitution"/>,
/// <see cref="RankUpdateKernel"/>) are built from. A vector holds two complex numbers as (re, im, re, im); a complex
/// product b·x is re(b)·x + im(b)·swap(x) with the signs folded into the broadcast im(b) lanes.
/// </summary>
internal static class PairedLanes
{
    /// <summary>a·b + c, fused where the processor has FMA (one rounding instead of two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MulAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;

    /// <summary>Swaps the real and imaginary lanes of each complex number: (re, im, re, im) → (im, re, im, re).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Swap(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b0101) : Vector256.Shuffle(v, Vector256.Create(1L, 0L, 3L, 2L));
}
