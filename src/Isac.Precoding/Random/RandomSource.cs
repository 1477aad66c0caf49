using Isac.Core.Random;

namespace Isac.Precoding.Random;

/// <summary>Hands out independent, seeded generators by name, so that one design's draws do not depend on another's.</summary>
internal sealed class RandomSource(ulong seed)
{
    /// <summary>A generator for the named purpose.</summary>
    public DeterministicRandom For(string purpose) => new(DeterministicRandom.Derive(seed, purpose));
}
