using System.Globalization;

namespace Precis.Evaluation.Timex;

/// <summary>
/// Micro-averaged TempEval-3 Task A counts: G gold and S system timexes, Mr relaxed pairs, Ms strict pairs (same
/// token extent), Mv relaxed pairs with the same VALUE, Mt relaxed pairs with the same TYPE.
/// </summary>
public readonly record struct TimexCounts(int Gold, int System, int Relaxed, int Strict, int Value, int Type)
{
    public static TimexCounts operator +(TimexCounts a, TimexCounts b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Relaxed + b.Relaxed, a.Strict + b.Strict, a.Value + b.Value, a.Type + b.Type);

    /// <summary>Percentages as the official scorer prints them (0–100).</summary>
    public double RelaxedPrecision => Ratio(Relaxed, System);
    public double RelaxedRecall => Ratio(Relaxed, Gold);
    public double RelaxedF1 => Ratio(2 * Relaxed, Gold + System);
    public double StrictPrecision => Ratio(Strict, System);
    public double StrictRecall => Ratio(Strict, Gold);
    public double StrictF1 => Ratio(2 * Strict, Gold + System);
    /// <summary>The TE3 ranking measure: value accuracy on relaxed pairs × relaxed F1 = 2·Mv/(G+S).</summary>
    public double ValueF1 => Ratio(2 * Value, Gold + System);
    public double TypeF1 => Ratio(2 * Type, Gold + System);
    public double ValueAccuracy => Ratio(Value, Relaxed);
    public double TypeAccuracy => Ratio(Type, Relaxed);

    private static double Ratio(int a, int b) => b == 0 ? 0 : 100.0 * a / b;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"G = {Gold}, S = {System}, Mr = {Relaxed}, Ms = {Strict}, Mv = {Value}, Mt = {Type}");
}

/// <summary>One pairing decision, for error tables: a gold timex, a system timex, or both.</summary>
public sealed record TimexPair(string Document, TimexAnnotation? Gold, TimexAnnotation? System, bool Strict);

/// <summary>
/// Re-implements the matching of the official TempEval-3 scorer (TE3-evaluation.py → TimeML-Normalizer →
/// evaluate_entities.py) as ../shared/bench/tempeval3/README.md describes it: extents are mapped to tokens of
/// <see cref="TimexTokenizer"/>; walking the tokens in order, a timex that begins on a token where an unpaired
/// timex of the other side is open is paired with it (relaxed); a relaxed pair with identical token extents is
/// strict; value and type are compared as exact strings on relaxed pairs.
/// PRECIS: the EVENT quirk of the official tool (gold timexes not closed on EVENT tokens) cannot arise here, because
/// the JSON-lines files hold no EVENTs. The "two timexes begin inside one token: only the last is kept" quirk is
/// reproduced.
/// </summary>
public static class TimexScorer
{
    /// <summary>Scores system documents against gold documents by id; a gold document with no system line counts as
    /// an empty output. System lines for unknown ids are ignored (reported through <paramref name="unknownIds"/>).</summary>
    public static TimexCounts Score(IReadOnlyList<TimexDocument> gold, IReadOnlyList<TimexDocument> system,
        List<TimexPair>? pairs = null, List<string>? unknownIds = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var byId = new Dictionary<string, TimexDocument>(StringComparer.Ordinal);
        foreach (var s in system) byId[s.Id] = s;
        var known = new HashSet<string>(gold.Select(g => g.Id), StringComparer.Ordinal);
        if (unknownIds is not null) unknownIds.AddRange(system.Select(s => s.Id).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var total = default(TimexCounts);
        foreach (var g in gold)
        {
            var sys = byId.TryGetValue(g.Id, out var s) ? s.Timexes : [];
            total += ScoreDocument(g.Id, g.Text, g.Timexes, sys, pairs);
        }
        return total;
    }

    public static TimexCounts ScoreDocument(string id, string text, IReadOnlyList<TimexAnnotation> gold, IReadOnlyList<TimexAnnotation> system,
        List<TimexPair>? pairs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TimexTokenizer.Tokenize(text);
        var g = Extents(tokens, gold);
        var s = Extents(tokens, system);
        int strict = 0, value = 0, type = 0, relaxed = 0;
        var gPair = new int[g.Count];
        var sPair = new int[s.Count];
        Array.Fill(gPair, -1);
        Array.Fill(sPair, -1);
        // Walk the begin tokens in order; at equal begin tokens either side may come first, and the outcome is the
        // same (they are open on each other's begin token).
        var events = g.Select((x, i) => (x.First, Side: 0, i)).Concat(s.Select((x, i) => (x.First, Side: 1, i)))
            .OrderBy(e => e.First).ThenBy(e => e.Side).ToList();
        foreach (var (first, side, i) in events)
        {
            var mine = side == 0 ? g : s;
            var other = side == 0 ? s : g;
            var myPair = side == 0 ? gPair : sPair;
            var otherPair = side == 0 ? sPair : gPair;
            if (myPair[i] >= 0) continue;
            for (int j = 0; j < other.Count; j++)
            {
                if (otherPair[j] >= 0 || other[j].First > first || other[j].Last < first) continue;
                myPair[i] = j;
                otherPair[j] = i;
                break;
            }
        }
        for (int i = 0; i < g.Count; i++)
        {
            int j = gPair[i];
            if (j < 0)
            {
                pairs?.Add(new TimexPair(id, g[i].Timex, null, false));
                continue;
            }
            relaxed++;
            bool isStrict = g[i].First == s[j].First && g[i].Last == s[j].Last;
            if (isStrict) strict++;
            if (string.Equals(g[i].Timex.Value, s[j].Timex.Value, StringComparison.Ordinal)) value++;
            if (string.Equals(g[i].Timex.Type, s[j].Timex.Type, StringComparison.Ordinal)) type++;
            pairs?.Add(new TimexPair(id, g[i].Timex, s[j].Timex, isStrict));
        }
        for (int j = 0; j < s.Count; j++)
        {
            if (sPair[j] < 0) pairs?.Add(new TimexPair(id, null, s[j].Timex, false));
        }
        return new TimexCounts(g.Count, s.Count, relaxed, strict, value, type);
    }

    private sealed record Extent(int First, int Last, TimexAnnotation Timex);

    /// <summary>Token extents; of timexes that begin inside the same token only the last is kept (official quirk).</summary>
    private static List<Extent> Extents(List<(int Start, int End)> tokens, IReadOnlyList<TimexAnnotation> timexes)
    {
        var result = new List<Extent>();
        foreach (var t in timexes.OrderBy(t => t.Start).ThenBy(t => t.End))
        {
            int first = FirstEndingAfter(tokens, t.Start);
            if (first < 0) continue;
            int last = first - 1;
            for (int k = first; k < tokens.Count && tokens[k].End <= t.End; k++) last = k;
            if (last < first) last = first;
            if (result.Count > 0 && result[^1].First == first) result[^1] = new Extent(first, last, t);
            else result.Add(new Extent(first, last, t));
        }
        return result;
    }

    private static int FirstEndingAfter(List<(int Start, int End)> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].End > offset) hi = mid;
            else lo = mid + 1;
        }
        return lo < tokens.Count ? lo : -1;
    }
}
