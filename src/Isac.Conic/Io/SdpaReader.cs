using System.Globalization;
using Isac.Conic.Problem;

namespace Isac.Conic.Io;

/// <summary>
/// Reads the SDPA sparse format (<c>.dat-s</c>) into a <see cref="ConicProblem"/> in CSDP's reading:
/// max ⟨F₀, X⟩ s.t. ⟨F_i, X⟩ = c_i, X ⪰ 0 (block sizes below zero are LP blocks).
/// </summary>
/// <remarks>
/// Layout: comment lines starting with <c>"</c> or <c>*</c>; m; the number of blocks; the block sizes;
/// the m numbers c; then one line per entry <c>matrix block i j value</c> (matrix 0 is F₀; indices from
/// 1; a lower-triangle entry is read as its mirror). Separators <c>, ( ) { }</c> count as spaces, and
/// text after the number on the m and block-count lines is ignored (<c>6 = mDIM</c>). Every malformed
/// case is a <see cref="ConicInputException"/> located at <c>file:line</c>: a missing or non-numeric
/// count, wrong number of sizes or of c values, a truncated entry line, an index out of range, an
/// off-diagonal entry in an LP block, a NaN or infinite value, a position given twice, a
/// non-symmetric pair, and an empty problem.
/// </remarks>
public static class SdpaReader
{
    private static readonly char[] Separators = [' ', '\t', ',', '(', ')', '{', '}', '\r'];

    /// <summary>Reads a file.</summary>
    public static ConicProblem ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads SDPA text; <paramref name="name"/> prefixes the line numbers in errors.</summary>
    public static ConicProblem Read(TextReader reader, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new LineSource(reader, name);
        int m = lines.ReadCount("the number of constraints m");
        int mLine = lines.Number;
        if (m < 0)
        {
            // m = 0 is allowed: an optimisation over the cones with no equalities.
            throw lines.Error($"the number of constraints is {m}: it cannot be negative");
        }
        int nBlocks = lines.ReadCount("the number of blocks");
        if (nBlocks <= 0)
        {
            throw lines.Error($"the number of blocks is {nBlocks}: the problem is empty");
        }
        string[] sizeTokens = lines.NextTokens("the block sizes");
        if (sizeTokens.Length < nBlocks)
        {
            throw lines.Error($"{sizeTokens.Length} block sizes for {nBlocks} blocks");
        }
        var cones = new Cone[nBlocks];
        for (int b = 0; b < nBlocks; b++)
        {
            int size = lines.ParseInt(sizeTokens[b], $"block size {b + 1}");
            if (size == 0)
            {
                throw lines.Error($"block {b + 1} has size 0");
            }
            cones[b] = size > 0 ? Cone.Psd(size) : Cone.Nonnegative(-size);
        }
        var rhs = new double[m];
        int got = 0;
        while (got < m)
        {
            string[] tokens = lines.NextTokens($"the {m} objective values c (found {got})");
            foreach (string t in tokens)
            {
                if (got == m)
                {
                    throw lines.Error($"more than {m} values in c");
                }
                rhs[got++] = lines.ParseDouble(t, $"c[{got}]");
            }
        }

        var entries = new Dictionary<(int Matrix, int Block), EntryList>();
        while (lines.TryNextTokens(out string[] tokens))
        {
            if (tokens.Length < 5)
            {
                throw lines.Error($"an entry needs 5 numbers (matrix block i j value), found {tokens.Length}");
            }
            int mat = lines.ParseInt(tokens[0], "matrix number");
            int blk = lines.ParseInt(tokens[1], "block number");
            int i = lines.ParseInt(tokens[2], "row index");
            int j = lines.ParseInt(tokens[3], "column index");
            double v = lines.ParseDouble(tokens[4], "value");
            if (mat < 0 || mat > m)
            {
                throw lines.Error($"matrix number {mat} is outside 0..{m}");
            }
            if (blk < 1 || blk > nBlocks)
            {
                throw lines.Error($"block number {blk} is outside 1..{nBlocks}");
            }
            var cone = cones[blk - 1];
            if (i < 1 || i > cone.Size || j < 1 || j > cone.Size)
            {
                throw lines.Error($"index ({i},{j}) is outside block {blk} of size {cone.Size}");
            }
            if (!cone.IsMatrix && i != j)
            {
                throw lines.Error($"off-diagonal entry ({i},{j}) in LP (diagonal) block {blk}");
            }
            if (!entries.TryGetValue((mat, blk - 1), out var list))
            {
                list = new EntryList();
                entries[(mat, blk - 1)] = list;
            }
            list.Add(i - 1, j - 1, v, lines);
        }
        _ = mLine;

        var objective = new List<BlockTerm>();
        var terms = new List<BlockTerm>[m];
        for (int i = 0; i < m; i++)
        {
            terms[i] = [];
        }
        foreach (var ((mat, blk), list) in entries.OrderBy(e => e.Key.Matrix).ThenBy(e => e.Key.Block))
        {
            var term = new BlockTerm(blk, list.ToMatrix());
            if (mat == 0)
            {
                objective.Add(term);
            }
            else
            {
                terms[mat - 1].Add(term);
            }
        }
        var rows = new ConstraintRow[m];
        for (int i = 0; i < m; i++)
        {
            rows[i] = new ConstraintRow(rhs[i], terms[i].ToArray());
        }
        return new ConicProblem(cones, objective.ToArray(), rows, ObjectiveSense.Maximize);
    }

    /// <summary>The entries of one (matrix, block), checked for repeated and non-symmetric positions.</summary>
    private sealed class EntryList
    {
        private readonly List<int> _rows = [];
        private readonly List<int> _cols = [];
        private readonly List<double> _values = [];
        private readonly Dictionary<(int, int), (double Value, int Line, bool Mirrored)> _seen = [];

        public void Add(int i, int j, double v, LineSource lines)
        {
            bool mirrored = i > j;
            var key = (Math.Min(i, j), Math.Max(i, j));
            if (_seen.TryGetValue(key, out var previous))
            {
                if (previous.Mirrored != mirrored && previous.Value != v)
                {
                    throw lines.Error($"non-symmetric block: entry ({i + 1},{j + 1}) = {v.ToString("R", CultureInfo.InvariantCulture)} " +
                                      $"but ({j + 1},{i + 1}) = {previous.Value.ToString("R", CultureInfo.InvariantCulture)} on line {previous.Line}");
                }
                throw lines.Error($"entry ({i + 1},{j + 1}) is given twice (first on line {previous.Line})");
            }
            _seen[key] = (v, lines.Number, mirrored);
            _rows.Add(key.Item1);
            _cols.Add(key.Item2);
            _values.Add(v);
        }

        public SparseBlockMatrix ToMatrix() => new(_rows.ToArray(), _cols.ToArray(), _values.ToArray());
    }

    /// <summary>Lines of the file with their numbers, skipping comments and blank lines.</summary>
    private sealed class LineSource(TextReader reader, string name)
    {
        public int Number { get; private set; }

        public ConicInputException Error(string detail) => new($"{name}:{Number}", detail);

        public bool TryNextTokens(out string[] tokens)
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                Number++;
                string t = line.Trim();
                if (t.Length == 0 || t[0] == '"' || t[0] == '*')
                {
                    continue;
                }
                tokens = t.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0)
                {
                    continue;
                }
                return true;
            }
            tokens = [];
            return false;
        }

        public string[] NextTokens(string what)
        {
            if (!TryNextTokens(out string[] tokens))
            {
                throw new ConicInputException($"{name}:{Number + 1}", $"the file ends before {what}");
            }
            return tokens;
        }

        public int ReadCount(string what)
        {
            string[] tokens = NextTokens(what);
            return ParseInt(tokens[0], what);
        }

        public int ParseInt(string token, string what)
        {
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                // SDPA writers sometimes print integers as 1.0: accept integral doubles.
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                    && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
                {
                    return (int)d;
                }
                throw Error($"{what}: '{token}' is not an integer");
            }
            return v;
        }

        public double ParseDouble(string token, string what)
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                throw Error($"{what}: '{token}' is not a number");
            }
            if (!double.IsFinite(v))
            {
                throw Error($"{what} is {token}: NaN and infinite values are not allowed");
            }
            return v;
        }
    }
}
