namespace Isac.Precoding.Design;

/// <summary>A symbol-level design whose relaxed symbols can be refined by convex-concave steps (<see cref="RefinementSettings"/>).</summary>
internal interface IRefinableDesign
{
    /// <summary>One refinement step from the accepted symbols; on success the result becomes the accepted iterate.</summary>
    StepOutcome Refine(int step);

    /// <summary>RCRB (degrees) of every BS at the covariance (1/L)·X·Xᴴ of the accepted symbols.</summary>
    double[] TransmittedRcrbDeg();
}
