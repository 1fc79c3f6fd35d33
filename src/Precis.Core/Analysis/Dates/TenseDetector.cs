using System.Text.RegularExpressions;

namespace Precis.Analysis.Dates;

/// <summary>
/// Decides whether a temporal expression refers back (the news default: reports are about what happened) or
/// forward. Forward cues follow the usual news conventions: a modal or "due/expected/set/plans to" or "ahead of"
/// earlier in the same clause, a modal right after the expression ("on Friday will vote"), or an event noun
/// directly before it ("a summit on Wednesday") when nothing in the rest of the clause is past tense.
/// </summary>
public static partial class TenseDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\b(will|won't|shall|(is|are|was|were)\s+due\s+to|(is|are)\s+expected\s+to|plans?\s+to|planning\s+to|planned|planning|(is|are)\s+to\s+\w+|would\s+be\s+\w+ing|(postponed|delayed|adjourned|extended|given)\b.*\buntil|as\s+(soon|early)\s+as|scheduled|set\s+to\s+\w+|ahead\s+of|upcoming|to\s+be\s+held)\b",
        Options)]
    private static partial Regex FutureCue { get; }

    [GeneratedRegex(@"^\W{0,3}\s*(will|shall|is\s+due|are\s+due|is\s+expected|are\s+expected)\b", Options)]
    private static partial Regex FollowingModal { get; }

    [GeneratedRegex(@"\b(summit|meeting|talks|vote|election|elections|conference|visit|hearing|deadline|referendum|ceremony)\s*$", Options)]
    private static partial Regex EventNounBefore { get; }

    [GeneratedRegex(@"\b(said|says|was|were|had|has|\w{3,}ed)\b", Options)]
    private static partial Regex PastMarker { get; }

    [GeneratedRegex(@"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\bwhile\b|\bafter\b|\bbefore\b|\bsince\b|\bwhen\b|\bwho\b|\bbecause\b", Options)]
    private static partial Regex ClauseBreak { get; }

    [GeneratedRegex(@"^\s+(?:\d|[A-Z][a-z]{2,8}\.?\s*\d|(?:then|last|early|late|mid|the\s+(?:end|start|beginning|middle))\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SinceDate { get; }

    /// <param name="sentence">The sentence text.</param>
    /// <param name="start">Start of the expression within <paramref name="sentence"/>.</param>
    /// <param name="length">Length of the expression.</param>
    public static TemporalDirection DirectionOf(string sentence, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var before = sentence[..start];
        var clauseStart = 0;
        foreach (Match m in ClauseBreak.Matches(before))
        {
            // A subordinator opens a clause ("since he was rescued in November", "when Mandela retires"), except
            // "since" before a date, where it is a preposition ("since Aug. 6 on Thursday", "since 2012").
            if (m.Value.Equals("since", StringComparison.OrdinalIgnoreCase) && SinceDate.IsMatch(before.AsSpan(m.Index + m.Length))) continue;
            clauseStart = m.Index + m.Length;
        }
        var clauseBefore = before[clauseStart..];
        var after = sentence[(start + length)..];
        var afterBreak = ClauseBreak.Match(after);
        var clauseAfter = afterBreak.Success ? after[..afterBreak.Index] : after;

        if (FutureCue.IsMatch(clauseBefore)) return TemporalDirection.Future;
        if (FollowingModal.IsMatch(after)) return TemporalDirection.Future;
        if (EventNounBefore.IsMatch(StripPreposition(clauseBefore)) && !PastMarker.IsMatch(clauseAfter)) return TemporalDirection.Future;
        return TemporalDirection.Past;
    }

    private static string StripPreposition(string s)
    {
        var t = s.TrimEnd();
        foreach (var p in (string[])["on", "in", "at", "for", "of"])
        {
            if (t.EndsWith(" " + p, StringComparison.OrdinalIgnoreCase)) return t[..^(p.Length + 1)];
        }
        return t;
    }
}
