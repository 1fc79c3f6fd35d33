using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Documents;
using Precis.Text;

namespace Precis.Analysis.Dates;

/// <summary>
/// Tags the temporal expressions of a text as TimeML TIMEX3 (TempEval-3 Task A): finds each expression with the
/// rule families of <see cref="TimexRules"/> (dates, times, durations, sets, quarters, seasons, decades, vague
/// references, modifiers), keeps the longest of overlapping candidates, then normalises them in text order.
/// Deictic expressions ("yesterday", "last week", "two years ago", weekdays) are anchored to the document creation
/// time (DCT); anaphoric ones ("a year earlier", "the year-ago quarter", "the previous day", "the quarter") to the
/// nearest explicit date before them, as in HeidelTime (Strötgen &amp; Gertz 2013) for news. Tense (past or future
/// context, <see cref="TenseDetector"/>) picks the direction of underspecified dates ("Friday", "in March").
/// Never throws on any input text.
/// </summary>
public static class TimexTagger
{
    /// <summary>Tags <paramref name="text"/> whose creation day is <paramref name="dct"/> (null: relative values use X).</summary>
    public static IReadOnlyList<Timex3> Tag(string text, DateOnly? dct) => Tag(text, dct, null);

    /// <summary>As <see cref="Tag(string, DateOnly?)"/>; with no DCT, year-less days take <paramref name="referenceYear"/>
    /// (e.g. the year of the other articles of a set), so anaphoric expressions after them can be resolved.</summary>
    public static IReadOnlyList<Timex3> Tag(string text, DateOnly? dct, int? referenceYear) => Normalize(Find(text), dct, referenceYear);

    /// <summary>
    /// The expressions of <paramref name="text"/> before normalisation: every rule family's candidates, the longest
    /// of overlapping ones kept (ties: leftmost, then the earlier-listed rule), in text order. They do not depend on
    /// the creation date, so a caller that normalises one text against several dates (the pipeline's dates stage:
    /// publication bounds) finds them once.
    /// </summary>
    internal static IReadOnlyList<TimexCandidate> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, SentenceSegmenter.Split(text, new TextSpan(0, text.Length)));
    }

    /// <summary>As <see cref="Find(string)"/>, over sentences already segmented (the pipeline's, in text order).
    /// Rules never cross a sentence, so the longest-match choice is made per sentence (its cost stays linear in the
    /// number of sentences).</summary>
    internal static IReadOnlyList<TimexCandidate> Find(string text, IEnumerable<TextSpan> sentences, bool datesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<TimexCandidate>();
        var candidates = new List<TimexCandidate>();
        var kept = new List<TimexCandidate>();
        var order = new int[16];
        foreach (var s in sentences)
        {
            candidates.Clear();
            kept.Clear();
            TimexRules.Find(text, s, candidates, datesOnly);
            if (candidates.Count == 0) continue;
            // Longest first, then leftmost, then the earlier-listed rule; keep those that overlap nothing kept.
            if (order.Length < candidates.Count) order = new int[Math.Max(candidates.Count, 2 * order.Length)];
            for (int i = 0; i < candidates.Count; i++) order[i] = i;
            // Insertion sort: a sentence holds a handful of candidates.
            for (int i = 1; i < candidates.Count; i++)
            {
                int x = order[i], j = i - 1;
                while (j >= 0 && Before(candidates[x], x, candidates[order[j]], order[j])) { order[j + 1] = order[j]; j--; }
                order[j + 1] = x;
            }
            for (int o = 0; o < candidates.Count; o++)
            {
                var c = candidates[order[o]];
                bool overlaps = false;
                foreach (var k in kept)
                {
                    if (c.Start < k.End && k.Start < c.End) { overlaps = true; break; }
                }
                if (!overlaps) kept.Add(c);
            }
            kept.Sort((x, y) => x.Start.CompareTo(y.Start));
            // Sentences come in text order; a sentence that overlaps the previous one adds nothing out of order.
            foreach (var c in kept)
            {
                if (result.Count > 0 && c.Start < result[^1].End) continue;
                result.Add(c);
            }
        }
        return result;
    }

    private static bool Before(TimexCandidate a, int ai, TimexCandidate b, int bi)
    {
        int la = a.End - a.Start, lb = b.End - b.Start;
        if (la != lb) return la > lb;
        if (a.Start != b.Start) return a.Start < b.Start;
        return ai < bi;
    }

    /// <summary>Normalises found expressions (from <see cref="Find(string)"/>, in text order) against a creation day.
    /// The result has one entry per candidate, null where no value can be stated.</summary>
    internal static Timex3?[] NormalizeAll(IReadOnlyList<TimexCandidate> kept, DateOnly? dct, int? referenceYear)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var context = new TimexContext(dct);
        if (dct is null && referenceYear is int ry) context.RefYear = ry;
        var result = new Timex3?[kept.Count];
        for (int i = 0; i < kept.Count; i++) result[i] = NormalizeOne(kept[i], context);
        return result;
    }

    /// <summary>One candidate's value in the state of the document before it (which it may update).</summary>
    internal static Timex3? NormalizeOne(TimexCandidate c, TimexContext context)
    {
        TimexValue? v;
        try
        {
            v = c.Normalize(context);
        }
        catch (ArgumentOutOfRangeException)
        {
            v = null; // a date outside 0001–9999: not a timex we can state
        }
        return v is null ? null : new Timex3(new TextSpan(c.Start, c.End - c.Start), v.Type, v.Value, v.Mod, c.Rule);
    }

    private static List<Timex3> Normalize(IReadOnlyList<TimexCandidate> kept, DateOnly? dct, int? referenceYear)
    {
        var result = new List<Timex3>(kept.Count);
        foreach (var t in NormalizeAll(kept, dct, referenceYear)) if (t is not null) result.Add(t);
        return result;
    }
}

/// <summary>
/// Normalises found expressions (in text order) on demand, for a caller that needs the values of a few of them, in
/// increasing order: the expressions before a requested one are normalised only where they set the state later ones
/// read (explicit days, months, years, weekdays, quarters); the others (durations, sets, vague and relative
/// references, clock times) change nothing after them. A requested value equals <see cref="TimexTagger.NormalizeAll"/>'s.
/// </summary>
internal sealed class TimexNormalizer
{
    private readonly IReadOnlyList<TimexCandidate> _found;
    private readonly TimexContext _context;
    private readonly Timex3?[] _values;
    private int _next;

    public TimexNormalizer(IReadOnlyList<TimexCandidate> found, DateOnly? dct, int? referenceYear)
    {
        _found = found;
        _context = new TimexContext(dct);
        if (dct is null && referenceYear is int ry) _context.RefYear = ry;
        _values = new Timex3?[found.Count];
    }

    /// <summary>The value of candidate <paramref name="index"/>; indexes must be asked in increasing order.</summary>
    public Timex3? At(int index)
    {
        if (index < _next - 1) throw new InvalidOperationException("TimexNormalizer: values must be asked in increasing order.");
        while (_next <= index)
        {
            var c = _found[_next];
            if (_next == index || c.Rule is "day" or "month" or "year" or "weekday" or "quarter") _values[_next] = TimexTagger.NormalizeOne(c, _context);
            _next++;
        }
        return _values[index];
    }
}

/// <summary>A normalised TIMEX3 type, value and modifier.</summary>
internal sealed record TimexValue(string Type, string Value, string? Mod = null);

/// <summary>A found extent and how to normalise it once the expressions before it are known.</summary>
internal sealed record TimexCandidate(int Start, int End, string Rule, Func<TimexContext, TimexValue?> Normalize);

/// <summary>The state of normalisation along a document: the DCT and the nearest explicit time before the current
/// expression (its reference for anaphoric expressions).</summary>
internal sealed class TimexContext(DateOnly? dct)
{
    public DateOnly? Dct { get; } = dct;

    /// <summary>The last explicit day mentioned (or the DCT).</summary>
    public DateOnly? RefDay { get; set; } = dct;

    /// <summary>The last quarter mentioned (year, quarter), for "the quarter", "the year-ago quarter".</summary>
    public (int Year, int Quarter)? RefQuarter { get; set; }

    /// <summary>The last explicit year mentioned.</summary>
    public int? RefYear { get; set; } = dct?.Year;
}

/// <summary>Formatting of TIMEX3 values.</summary>
internal static class TimexFormat
{
    public static string Year(int y) => y.ToString("0000", CultureInfo.InvariantCulture);

    public static string Month(int y, int m) => $"{Year(y)}-{m.ToString("00", CultureInfo.InvariantCulture)}";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{Year(ISOWeek.GetYear(dt))}-W{ISOWeek.GetWeekOfYear(dt).ToString("00", CultureInfo.InvariantCulture)}";
    }

    public static string Quarter(int y, int q) => $"{Year(y)}-Q{q.ToString(CultureInfo.InvariantCulture)}";

    public static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
