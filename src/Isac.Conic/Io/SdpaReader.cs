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
        // Entry lines are the bulk of a file (a million on paper A's larger instance): tokenised as
        // spans, without a string per token.
        Span<Range> fields = stackalloc Range[6];
        while (lines.TryNextLine(out ReadOnlySpan<char> text))
        {
            int count = LineSource.Tokenize(text, fields);
            if (count < 5)
            {
                throw lines.Error($"an entry needs 5 numbers (matrix block i j value), found {count}");
            }
            int mat = lines.ParseInt(text[fields[0]], "matrix number");
            int blk = lines.ParseInt(text[fields[1]], "block number");
            int i = lines.ParseInt(text[fields[2]], "row index");
            int j = lines.ParseInt(text[fields[3]], "column index");
            double v = lines.ParseDouble(text[fields[4]], "value");
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
            list.Add(i - 1, j - 1, v, lines.Number);
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
            var term = new BlockTerm(blk, list.ToMatrix(name));
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

    /// <summary>The entries of one (matrix, block), checked for repeated and non-symmetric positions
    /// once all are read (by sorting the positions, not by a hash lookup per entry).</summary>
    private sealed class EntryList
    {
        private readonly List<long> _keys = [];
        private readonly List<double> _values = [];
        private readonly List<int> _lines = [];

        /// <summary>Adds entry (i, j) of line <paramref name="line"/>; a lower-triangle entry is kept as its mirror (negative line marks it).</summary>
        public void Add(int i, int j, double v, int line)
        {
            int lo = Math.Min(i, j), hi = Math.Max(i, j);
            _keys.Add(((long)lo << 32) | (uint)hi);
            _values.Add(v);
            _lines.Add(i > j ? -line : line);
        }

        public SparseBlockMatrix ToMatrix(string name)
        {
            int count = _keys.Count;
            var keys = _keys.ToArray();
            if (count > 1)
            {
                var sorted = (long[])keys.Clone();
                var order = new int[count];
                for (int e = 0; e < count; e++)
                {
                    order[e] = e;
                }
                Array.Sort(sorted, order);
                for (int e = 1; e < count; e++)
                {
                    if (sorted[e] == sorted[e - 1])
                    {
                        ThrowRepeat(name, order[e - 1], order[e]);
                    }
                }
            }
            var rows = new int[count];
            var cols = new int[count];
            for (int e = 0; e < count; e++)
            {
                rows[e] = (int)(keys[e] >> 32);
                cols[e] = (int)(keys[e] & 0xffffffff);
            }
            // Every position once (checked above): the solver need not look for repeats again.
            return new SparseBlockMatrix(rows, cols, _values.ToArray()) { DistinctPositions = true };
        }

        /// <summary>The error for entries a and b at one position, located at the later line.</summary>
        private void ThrowRepeat(string name, int a, int b)
        {
            if (Math.Abs(_lines[a]) > Math.Abs(_lines[b]))
            {
                (a, b) = (b, a);
            }
            int first = Math.Abs(_lines[a]), second = Math.Abs(_lines[b]);
            bool mirroredA = _lines[a] < 0, mirroredB = _lines[b] < 0;
            int lo = (int)(_keys[b] >> 32) + 1, hi = (int)(_keys[b] & 0xffffffff) + 1;
            var (i, j) = mirroredB ? (hi, lo) : (lo, hi);
            var inv = CultureInfo.InvariantCulture;
            if (mirroredA != mirroredB && _values[a] != _values[b])
            {
                throw new ConicInputException($"{name}:{second}",
                    $"non-symmetric block: entry ({i},{j}) = {_values[b].ToString("R", inv)} but ({j},{i}) = {_values[a].ToString("R", inv)} on line {first}");
            }
            throw new ConicInputException($"{name}:{second}", $"entry ({i},{j}) is given twice (first on line {first})");
        }
    }

    /// <summary>Lines of the file with their numbers, skipping comments and blank lines, read through a
    /// buffer of its own (a million entry lines need not become a million strings).</summary>
    private sealed class LineSource(TextReader reader, string name)
    {
        private char[] _buffer = new char[1 << 16];
        private int _start;
        private int _end;
        private bool _eof;

        public int Number { get; private set; }

        public ConicInputException Error(string detail) => new($"{name}:{Number}", detail);

        /// <summary>The next line that is not blank or a comment (not split; valid until the next call).</summary>
        public bool TryNextLine(out ReadOnlySpan<char> line)
        {
            while (TryRawLine(out var raw))
            {
                Number++;
                var t = raw.Trim();
                if (t.Length == 0 || t[0] == '"' || t[0] == '*' || Tokenize(t, Span<Range>.Empty) == 0)
                {
                    continue;
                }
                line = t;
                return true;
            }
            line = default;
            return false;
        }

        /// <summary>The next physical line without its end-of-line characters.</summary>
        private bool TryRawLine(out ReadOnlySpan<char> line)
        {
            while (true)
            {
                int newline = _buffer.AsSpan(_start, _end - _start).IndexOf('\n');
                if (newline >= 0)
                {
                    line = _buffer.AsSpan(_start, newline);
                    _start += newline + 1;
                    return true;
                }
                if (_eof)
                {
                    if (_start < _end)
                    {
                        line = _buffer.AsSpan(_start, _end - _start);
                        _start = _end;
                        return true;
                    }
                    line = default;
                    return false;
                }
                // Keep the partial line, grow if one line fills the buffer, read more.
                int kept = _end - _start;
                if (kept == _buffer.Length)
                {
                    Array.Resize(ref _buffer, 2 * _buffer.Length);
                }
                Array.Copy(_buffer, _start, _buffer, 0, kept);
                _start = 0;
                _end = kept;
                int read = reader.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    _eof = true;
                }
                _end += read;
            }
        }

        /// <summary>Splits at the separators; fills up to <c>ranges.Length</c> ranges and returns the
        /// number of tokens on the line (which may be more).</summary>
        public static int Tokenize(ReadOnlySpan<char> text, Span<Range> ranges)
        {
            int count = 0, k = 0;
            while (k < text.Length)
            {
                while (k < text.Length && IsSeparator(text[k]))
                {
                    k++;
                }
                if (k == text.Length)
                {
                    break;
                }
                int start = k;
                while (k < text.Length && !IsSeparator(text[k]))
                {
                    k++;
                }
                if (count < ranges.Length)
                {
                    ranges[count] = new Range(start, k);
                }
                count++;
            }
            return count;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsSeparator(char c) => c <= ' ' ? c is ' ' or '\t' or '\r' : c is ',' or '(' or ')' or '{' or '}';

        public bool TryNextTokens(out string[] tokens)
        {
            if (TryNextLine(out var line))
            {
                tokens = line.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
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

        public int ParseInt(string token, string what) => ParseInt(token.AsSpan(), what);

        public int ParseInt(ReadOnlySpan<char> token, string what)
        {
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                // SDPA writers sometimes print integers as 1.0: accept integral doubles.
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                    && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
                {
                    return (int)d;
                }
                throw Error($"{what}: '{token.ToString()}' is not an integer");
            }
            return v;
        }

        public double ParseDouble(string token, string what) => ParseDouble(token.AsSpan(), what);

        public double ParseDouble(ReadOnlySpan<char> token, string what)
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                throw Error($"{what}: '{token.ToString()}' is not a number");
            }
            if (!double.IsFinite(v))
            {
                throw Error($"{what} is {token.ToString()}: NaN and infinite values are not allowed");
            }
            return v;
        }
    }
}
