using Isac.Core;

namespace Isac.Experiments.Sweeps;

/// <summary>
/// The I-th of N disjoint slices of a sweep (<c>--shard I/N</c>, 1 ≤ I ≤ N). Point p belongs to
/// shard (p mod N) + 1: round-robin, so every shard gets a fair mix of cheap and costly points.
/// </summary>
/// <param name="Index">I, from 1.</param>
/// <param name="Count">N.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole sweep (1/1).</summary>
    public static Shard Whole => new(1, 1);

    /// <summary>True for 1/1.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when point <paramref name="pointIndex"/> belongs to this shard.</summary>
    public bool Contains(int pointIndex) => pointIndex % Count == Index - 1;

    /// <summary>Parses <c>I/N</c>; bad text is an input error naming the option.</summary>
    public static Shard Parse(string text, string option = "--shard")
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 1 && i <= n)
        {
            return new Shard(i, n);
        }
        throw new IsacInputException(option, $"expected I/N with 1 <= I <= N (e.g. 2/8), got \"{text}\"");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
