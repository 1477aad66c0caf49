namespace Isac.Network.Scheduling;

/// <summary>
/// The Hungarian (Kuhn-Munkres) algorithm for the rectangular assignment problem: assign each
/// row to a distinct column minimising the total cost, O(r²c) with row/column potentials.
/// </summary>
public static class HungarianAlgorithm
{
    /// <summary>
    /// For a cost matrix with rows ≤ columns, the column assigned to each row (every row is
    /// assigned, no column twice) minimising the summed cost.
    /// </summary>
    public static int[] Solve(double[,] cost)
    {
        int rows = cost.GetLength(0), cols = cost.GetLength(1);
        if (rows > cols) throw new ArgumentException($"need rows ≤ columns, got {rows}×{cols}");
        // 1-based potentials formulation: u (rows), v (columns), p[j] = row matched to column j.
        var u = new double[rows + 1];
        var v = new double[cols + 1];
        var p = new int[cols + 1];
        var way = new int[cols + 1];
        for (int i = 1; i <= rows; i++)
        {
            p[0] = i;
            int j0 = 0;
            var minv = new double[cols + 1];
            var used = new bool[cols + 1];
            Array.Fill(minv, double.PositiveInfinity);
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= cols; j++)
                {
                    if (used[j]) continue;
                    double cur = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= cols; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var assignment = new int[rows];
        for (int j = 1; j <= cols; j++)
            if (p[j] != 0) assignment[p[j] - 1] = j - 1;
        return assignment;
    }
}
