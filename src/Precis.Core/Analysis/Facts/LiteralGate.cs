using System.Buffers;
using System.Text;

namespace Precis.Analysis.Facts;

/// <summary>
/// A cheap test that lets a sentence skip a regular expression: the literal words that every match of the pattern
/// must contain (found by reading the pattern: for each top-level alternative, a run of plain characters or a
/// required group that is not optional), searched for in one pass. When MayMatch is false the pattern
/// cannot match; when it is true the pattern still decides. A pattern with an alternative that has no such literal
/// (or one this reader does not understand) is never skipped. Matching ignores case like the patterns do; text
/// holding one of the few characters that fold to an ASCII letter under a regex's case rules but not under ordinal
/// ignore-case always runs the pattern.
/// </summary>
internal sealed class LiteralGate
{
    private const int MinLiteral = 3;
    private readonly SearchValues<string>? _literals;
    private readonly (int First, int Last)[]? _trigrams;

    private LiteralGate(List<string>? literals, bool ignoreCase)
    {
        Literals = literals;
        if (literals is null) return;
        _literals = SearchValues.Create([.. literals], ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        _trigrams = [.. literals.Select(l => (TextProbe.Trigram(l.AsSpan(0, 3)), TextProbe.Trigram(l.AsSpan(l.Length - 3))))];
    }

    /// <summary>The literals found (null when the pattern cannot be gated); for tests.</summary>
    internal IReadOnlyList<string>? Literals { get; }

    /// <summary>A gate for <paramref name="pattern"/>; <paramref name="ignoreCase"/> as the pattern is matched.</summary>
    public static LiteralGate For(string pattern, bool ignoreCase = true)
    {
        var lits = Required(pattern)?.Distinct(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).ToList();
        // A literal that holds another is implied by it: keep the shorter.
        lits = lits?.Where(l => !lits.Any(o => o.Length < l.Length && l.Contains(o, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
            .OrderBy(l => l, StringComparer.Ordinal).ToList();
        return new LiteralGate(lits, ignoreCase);
    }

    /// <summary>A gate that passes when any of <paramref name="gates"/> does (null when one of them cannot be gated).</summary>
    public static LiteralGate Any(IEnumerable<LiteralGate> gates)
    {
        var all = new List<string>();
        foreach (var g in gates)
        {
            if (g.Literals is null) return new LiteralGate(null, true);
            all.AddRange(g.Literals);
        }
        var lits = all.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        lits = [.. lits.Where(l => !lits.Any(o => o.Length < l.Length && l.Contains(o, StringComparison.OrdinalIgnoreCase))).OrderBy(l => l, StringComparer.Ordinal)];
        return new LiteralGate(lits, true);
    }

    /// <summary>False only when no match of the pattern is possible in <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        _literals is null || text.ContainsAny(_literals) || text.IndexOfAny(TextProbe.RegexOnlyFolds) >= 0;

    /// <summary>
    /// False only when no match of the pattern is possible in the probed text (which lacks the first or the last three
    /// letters of every literal, ignoring case); cheaper than the span test when one text
    /// is tested against many gates.
    /// </summary>
    public bool MayMatch(TextProbe probe)
    {
        if (_trigrams is null || probe.Special) return true;
        foreach (var (first, last) in _trigrams) if (probe.Has(first) && probe.Has(last)) return true;
        return false;
    }

    /// <summary>Literals one of which every match holds, or null.</summary>
    private static List<string>? Required(string pattern)
    {
        var result = new List<string>();
        foreach (var alt in SplitTop(pattern))
        {
            var r = RequiredInSequence(alt);
            if (r is null) return null;
            result.AddRange(r);
        }
        return result.Count == 0 ? null : result;
    }

    private static List<string> SplitTop(string p)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) { parts.Add(p[start..i]); start = i + 1; }
        }
        parts.Add(p[start..]);
        return parts;
    }

    /// <summary>The best requirement of one alternative: its longest plain run, or a required group's literals.</summary>
    private static List<string>? RequiredInSequence(string s)
    {
        var candidates = new List<List<string>>();
        var run = new StringBuilder();
        void flush()
        {
            if (run.Length >= MinLiteral) candidates.Add([run.ToString()]);
            run.Clear();
        }
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            int itemEnd;
            bool literal = false;
            string? group = null;
            bool lookaround = false;
            if (c == '\\')
            {
                if (i + 1 >= s.Length) return null;
                char e = s[i + 1];
                itemEnd = i + 2;
                if (e is 'p' or 'P')
                {
                    int close = s.IndexOf('}', i);
                    if (close < 0) return null;
                    itemEnd = close + 1;
                }
                else if (!char.IsLetterOrDigit(e)) literal = true;
            }
            else if (c == '[')
            {
                int j = i + 1;
                if (j < s.Length && s[j] == '^') j++;
                if (j < s.Length && s[j] == ']') j++;
                while (j < s.Length && s[j] != ']') { if (s[j] == '\\') j++; j++; }
                if (j >= s.Length) return null;
                itemEnd = j + 1;
            }
            else if (c == '(')
            {
                int depth = 0, j = i;
                bool inClass = false;
                for (; j < s.Length; j++)
                {
                    char d = s[j];
                    if (d == '\\') { j++; continue; }
                    if (inClass) { if (d == ']') inClass = false; continue; }
                    if (d == '[') inClass = true;
                    else if (d == '(') depth++;
                    else if (d == ')' && --depth == 0) break;
                }
                if (j >= s.Length) return null;
                itemEnd = j + 1;
                var inner = s[(i + 1)..j];
                if (inner.StartsWith('?'))
                {
                    if (inner.StartsWith("?:", StringComparison.Ordinal)) inner = inner[2..];
                    else if (inner.StartsWith("?<", StringComparison.Ordinal) && inner.Length > 2 && inner[2] is not '=' and not '!')
                    {
                        int gt = inner.IndexOf('>');
                        if (gt < 0) return null;
                        inner = inner[(gt + 1)..];
                    }
                    else lookaround = true;
                }
                group = inner;
            }
            else if (c is ')' or '{' or '?' or '*' or '+' or '|') return null;
            else
            {
                itemEnd = i + 1;
                literal = c is not ('.' or '^' or '$');
            }
            // A quantifier after the item.
            bool optional = false, repeated = false;
            int q = itemEnd;
            if (q < s.Length)
            {
                if (s[q] is '?' or '*') { optional = true; q++; }
                else if (s[q] == '+') { repeated = true; q++; }
                else if (s[q] == '{')
                {
                    int close = s.IndexOf('}', q);
                    if (close < 0) return null;
                    var body = s[(q + 1)..close];
                    optional = body.StartsWith('0');
                    repeated = true;
                    q = close + 1;
                }
                if (q < s.Length && s[q] == '?' && q > itemEnd) q++;
            }
            if (literal && !optional)
            {
                run.Append(c == '\\' ? s[i + 1] : c);
                if (repeated) flush();
            }
            else
            {
                flush();
                if (group is not null && !optional && !lookaround && Required(group) is { } inner && inner.All(l => l.Length >= MinLiteral))
                    candidates.Add(inner);
            }
            i = q;
        }
        flush();
        if (candidates.Count == 0) return null;
        return candidates.OrderByDescending(c => c.Min(l => l.Length)).First();
    }
}

/// <summary>
/// The three-character sequences of a text (ASCII letters folded to lower case), hashed into a bit set, so that many
/// <see cref="LiteralGate"/>s can ask "might this text hold that literal" for the cost of one pass over it.
/// </summary>
internal sealed class TextProbe
{
    private const int Bits = 4096;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    // Kelvin sign, long s, dotted capital I, dotless i: they match an ASCII letter under a regex's ignore-case rules.
    internal static readonly SearchValues<char> RegexOnlyFolds = SearchValues.Create("\u212A\u017F\u0130\u0131");

    /// <summary>The text holds a character a regex may fold to an ASCII letter: every gate passes.</summary>
    public bool Special { get; private set; }

    public TextProbe Load(ReadOnlySpan<char> text)
    {
        Array.Clear(_bits);
        Special = text.IndexOfAny(RegexOnlyFolds) >= 0;
        for (int i = 0; i + 3 <= text.Length; i++)
        {
            int h = Trigram(text.Slice(i, 3));
            _bits[h >> 6] |= 1UL << (h & 63);
        }
        return this;
    }

    public bool Has(int trigram) => (_bits[trigram >> 6] & (1UL << (trigram & 63))) != 0;

    internal static int Trigram(ReadOnlySpan<char> t) => (int)(((uint)Fold(t[0]) * 961u + (uint)Fold(t[1]) * 31u + Fold(t[2])) % Bits);

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
