using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Slp;

/// <summary>
/// The slots of a frame grouped by the phase pattern of the symbols a symbol-level problem constrains, up to a common
/// rotation: an exact reduction of the frame length L to the number of classes (docs/derivations.md §6.10).
/// </summary>
/// <remarks>
/// <para>Slot s's constraints (constructive interference of the given users, the robust margins, the inter-cell
/// amplitude and leakage bounds) see x_s only through Re/Im of h_uᵀx_s·d_us*/|d_us|, ‖x_s‖, |hᵀx_s| and
/// |vᵀx_s|. Two slots whose symbol phases differ by one common rotation e^{jφ} therefore impose the same constraints
/// on x_s and on e^{−jφ}x_t, and x_s x_sᴴ is unchanged by the rotation. Within a class the constraints are convex and
/// the same, so the average of the (de-rotated) symbols of the class is feasible, and by Jensen
/// (1/n)Σx_s x_sᴴ ⪰ x̄x̄ᴴ, so R ⪰ (1/L)XXᴴ still holds with R, the objective and the power unchanged. Hence an
/// optimum exists with x_s = e^{jφ_s}·x̂_c(s): one vector per class, with R ⪰ Σ_c (n_c/L)·x̂_c x̂_cᴴ. The
/// refinement's linearisation at such a frame is linear in X, so it keeps its value under the same averaging.</para>
/// <para>With M-PSK and K constrained users there are at most M^(K−1) classes (16 for paper A's CBF with QPSK and
/// K = 3), whatever L is; CoMP constrains all J·K users, so there the classes only pay once L exceeds M^(JK−1).</para>
/// </remarks>
internal sealed class SymbolClasses
{
    private SymbolClasses(int length, int[] classOf, Complex[] phase, int[] representative)
    {
        Length = length;
        ClassOf = classOf;
        Phase = phase;
        Representative = representative;
        Sizes = new int[representative.Length];
        foreach (int c in classOf) Sizes[c]++;
    }

    /// <summary>The frame length L.</summary>
    public int Length { get; }

    /// <summary>The number of classes (the columns of the problem's symbol variable).</summary>
    public int Count => Representative.Length;

    /// <summary>The class of every slot.</summary>
    public int[] ClassOf { get; }

    /// <summary>e^{jφ_s}: x_s = e^{jφ_s}·x̂_c(s) (1 at a class's representative slot).</summary>
    public Complex[] Phase { get; }

    /// <summary>The first slot of every class, whose symbols the class's constraints use.</summary>
    public int[] Representative { get; }

    /// <summary>n_c, the slots in class c.</summary>
    public int[] Sizes { get; }

    /// <summary>
    /// The classes of <paramref name="network"/>'s frame for the constraints of <paramref name="users"/>; with
    /// <paramref name="group"/> false every slot is its own class (the problem as the paper writes it).
    /// </summary>
    public static SymbolClasses Of(IsacNetwork network, IReadOnlyList<int> users, bool group)
    {
        int l = network.FrameLength;
        var classOf = new int[l];
        var phase = new Complex[l];
        var representative = new List<int>();
        var reference = new Complex[l];
        var seen = new Dictionary<string, int>();
        for (int s = 0; s < l; s++)
        {
            var first = network.Symbol(users[0], s);
            reference[s] = first / first.Magnitude;
            string key = group ? Key(network, users, s, reference[s]) : s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!seen.TryGetValue(key, out int c))
            {
                c = representative.Count;
                seen[key] = c;
                representative.Add(s);
            }
            classOf[s] = c;
            phase[s] = group ? reference[s] / reference[representative[c]] : Complex.One;
        }
        return new SymbolClasses(l, classOf, phase, [.. representative]);
    }

    /// <summary>The phases of slot s's symbols relative to the first user's, rounded to 1e-9 (exact for PSK).</summary>
    private static string Key(IsacNetwork network, IReadOnlyList<int> users, int s, Complex reference)
    {
        var parts = new long[2 * users.Count];
        for (int i = 0; i < users.Count; i++)
        {
            var d = network.Symbol(users[i], s);
            var z = d * Complex.Conjugate(reference) / d.Magnitude;
            parts[2 * i] = (long)Math.Round(z.Real * 1e9);
            parts[2 * i + 1] = (long)Math.Round(z.Imaginary * 1e9);
        }
        return string.Join(",", parts);
    }

    /// <summary>E (classes × L): X = X̂·E, with E[c(s), s] = e^{jφ_s}.</summary>
    public Matrix<Complex> Expansion()
    {
        var e = Matrix<Complex>.Build.Dense(Count, Length);
        for (int s = 0; s < Length; s++) e[ClassOf[s], s] = Phase[s];
        return e;
    }

    /// <summary>The frame X = X̂·E of class symbols X̂ (rows × classes).</summary>
    public Matrix<Complex> Expand(Matrix<Complex> classSymbols) => classSymbols * Expansion();

    /// <summary>X̂·diag(√n_c): its Gram matrix is XXᴴ, and its Frobenius norm of any rows that of X.</summary>
    public Expression Weighted(Expression classSymbols) => classSymbols * Expr.Constant(Diagonal(c => Math.Sqrt(Sizes[c])), "sqrtN");

    /// <summary>The frame X̂·E as an expression (for the refinement's linearisation).</summary>
    public Expression Frame(Expression classSymbols) => classSymbols * Expr.Constant(Expansion(), "E");

    private Matrix<double> Diagonal(Func<int, double> value)
    {
        var d = Matrix<double>.Build.Dense(Count, Count);
        for (int c = 0; c < Count; c++) d[c, c] = value(c);
        return d;
    }
}
