namespace Isac.Precoding.Design;

/// <summary>A symbol-level design whose relaxed symbols can be refined by convex-concave steps (<see cref="RefinementSettings"/>).</summary>
internal interface IRefinableDesign
{
    /// <summary>Refines the accepted symbols (<see cref="SymbolRefinement.Run{TState}"/>); the refined frame becomes the accepted iterate.</summary>
    RefinementReport Refine(RefinementSettings settings);
}

/// <summary>The steps and the state <see cref="SymbolRefinement"/> needs from a refinable design.</summary>
/// <typeparam name="TState">The design's own state (accepted iterate and caps), copied by <see cref="Checkpoint"/>.</typeparam>
internal interface IRefinableDesign<TState> : IRefinableDesign
{
    /// <summary>One refinement step from the accepted symbols; on success the result becomes the accepted iterate.</summary>
    StepOutcome RefineStep(int step);

    /// <summary>RCRB (degrees) of every BS at the covariance (1/L)·X·Xᴴ of the accepted symbols.</summary>
    double[] TransmittedRcrbDeg();

    /// <summary>Whether the refinement keeps caps that <see cref="Caps"/> chooses (SLP-CBF with J &gt; 1).</summary>
    bool HasRefinementCaps { get; }

    /// <summary>The caps the next refinement run keeps (<see cref="RefinementCaps.Limits"/> or <see cref="RefinementCaps.Algorithm"/>).</summary>
    RefinementCaps Caps { get; set; }

    /// <summary>A copy of the design's state, for <see cref="Restore"/>.</summary>
    TState Checkpoint();

    /// <summary>Returns to a state taken by <see cref="Checkpoint"/>.</summary>
    void Restore(TState checkpoint);
}
