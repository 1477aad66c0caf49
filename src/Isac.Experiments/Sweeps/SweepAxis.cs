namespace Isac.Experiments.Sweeps;

/// <summary>One axis of a sweep grid: a declared parameter and the values this run takes.</summary>
/// <param name="Parameter">The declaration (name, unit, accepted values).</param>
/// <param name="Values">The values of this run, in the order given.</param>
public sealed record SweepAxis(SweepParameter Parameter, IReadOnlyList<SweepValue> Values);
