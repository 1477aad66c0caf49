using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>No Schur entries: free variables enter M through <see cref="FreeVariableSystem"/> instead.</summary>
internal sealed class NoSchurColumns : BlockSchurColumns
{
    /// <summary>The one instance (it holds nothing).</summary>
    public static NoSchurColumns Instance { get; } = new();

    private NoSchurColumns()
    {
    }

    /// <inheritdoc />
    public override void AddColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
    {
    }
}
