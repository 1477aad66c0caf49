using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// The Schur complement columns of a second-order cone block with the Nesterov–Todd scaling
/// H = β²(2 q qᵀ − J): M_ij += β² (2 (qᵀa_i)(qᵀa_j) − a_iᵀ J a_j), with the projections qᵀa_i formed
/// once per scaling by the block and a_iᵀ J a_j by a merge of the two sparse rows.
/// </summary>
internal sealed class SecondOrderSchurColumns(VectorRowData[] data, SecondOrderBlock block) : BlockSchurColumns
{
    /// <inheritdoc />
    public override void AddColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
    {
        var dj = data[localJ];
        double b2 = block.Beta * block.Beta;
        double[] qa = block.ProjectedRows;
        for (int li = 0; li <= localJ; li++)
        {
            var di = data[li];
            double jdot = 0;
            int p = 0, q = 0;
            while (p < di.Index.Length && q < dj.Index.Length)
            {
                int ip = di.Index[p], iq = dj.Index[q];
                if (ip == iq)
                {
                    jdot += (ip == 0 ? 1 : -1) * di.Value[p] * dj.Value[q];
                    p++;
                    q++;
                }
                else if (ip < iq)
                {
                    p++;
                }
                else
                {
                    q++;
                }
            }
            m[dj.Row * mSize + di.Row] += b2 * (2 * qa[li] * qa[localJ] - jdot);
        }
    }
}
