using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// Finds temporal expressions in text with a small set of regular expressions in the spirit of the TIMEX2/TempEval
/// rule-based taggers (e.g. HeidelTime's English rules): explicit dates, weekdays, deictic days, "N units ago",
/// relative periods ("last week", "earlier this month") and open ranges ("since 2013", "over the past two years").
/// Overlapping matches are settled by keeping the longest.
/// </summary>
public static partial class TemporalExtractor
{
    private const string MonthFull = "January|February|March|April|May|June|July|August|September|October|November|December";
    // Abbreviations need the full stop or a following day number (handled by the patterns that use them).
    private const string MonthAny = MonthFull + @"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";
    private const string WeekdayNames = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string CountWord = @"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several|a\s+couple\s+of";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Month names and weekday names must be capitalised (RegexOptions.IgnoreCase is not used on them) so that the
    // verbs "may" and "march" are not read as months; the surrounding function words may be in any case.
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace { get; }

    [GeneratedRegex($@"\b(?<mon>{MonthAny})\s?(?<day>[0-3]?\d)(st|nd|rd|th)?(,?\s+(?<year>(19|20)\d\d))?(?![\d:])", Options)]
    private static partial Regex MonthDay { get; }

    [GeneratedRegex($@"\b(?<day>[0-3]?\d)(st|nd|rd|th)?\s+(of\s+)?(?<mon>{MonthAny})(,?\s+(?<year>(19|20)\d\d))?\b", Options)]
    private static partial Regex DayMonth { get; }

    [GeneratedRegex(@"\b(?<a>[0-3]?\d)/(?<b>[0-3]?\d)/(?<year>(19|20)\d\d)\b", Options)]
    private static partial Regex NumericDate { get; }

    [GeneratedRegex($@"\b((?<mod>[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Ii]n|[Ss]ince)\s+)?(?<mon>{MonthFull})(\s+(?<year>(19|20)\d\d))?\b", Options)]
    private static partial Regex MonthYear { get; }

    [GeneratedRegex(@"\b(?<mod>[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate)\s+(?<year>(19|20)\d\d)\b(?!\s*(people|%|per))", Options)]
    private static partial Regex Year { get; }

    [GeneratedRegex($@"\b(?<pre>(?i:(late|early|earlier|later)\s+(on\s+)?|on\s+|since\s+|last\s+|next\s+|this\s+|by\s+|until\s+))?(?<wd>{WeekdayNames})(\s+(morning|afternoon|evening|night))?\b",
        Options)]
    private static partial Regex WeekdayRx { get; }

    [GeneratedRegex(@"\b(?<w>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b", Options)]
    private static partial Regex DeicticDay { get; }

    [GeneratedRegex($@"\b(?<n>{CountWord})\s+(?<unit>day|week|month|year)s?\s+ago\b", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Ago { get; }

    [GeneratedRegex(@"\b(?<mod>(earlier|later|early|late)\s+this|(early|late)\s+next|(early|late)\s+last|this|last|next|the\s+past|the\s+coming)\s+(?<unit>week|month|year)\b",
        Options | RegexOptions.IgnoreCase)]
    private static partial Regex Period { get; }

    [GeneratedRegex($@"\b(over|in|during|for)\s+the\s+(past|last|previous)\s+((?<n>{CountWord})\s+)?(?<unit>day|week|month|year)s?\b|\b(?<recent>in\s+recent\s+(?<unit>day|week|month|year)s)\b",
        Options | RegexOptions.IgnoreCase)]
    private static partial Regex PastSpan { get; }

    // Cheap necessary conditions checked before the patterns run (most sentences have no temporal phrase, and
    // running every pattern over every sentence dominated the stage): month names are capitalised (full names for the
    // month rule); weekday names are capitalised; the day, deictic and unit rules need their words side by side
    // (<see cref="TimexCues"/>).
    private static readonly SearchValues<string> MonthNames = SearchValues.Create(MonthFull.Split('|'), StringComparison.Ordinal);

    private static readonly SearchValues<string> Weekdays = SearchValues.Create(WeekdayNames.Split('|'), StringComparison.Ordinal);

    public static IReadOnlyList<TemporalMentionView> Extract(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. ExtractMentions(text, range).Select(m => new TemporalMentionView(m.Span, m.Phrase, m.Kind))];
    }

    internal static List<TemporalMention> ExtractMentions(string text, TextSpan range, bool wordCues = true)
    {
        var slice = text.Substring(range.Start, range.Length);
        var found = new List<TemporalMention>();
        int b = range.Start;

        var span = slice.AsSpan();
        bool hasDigit = HasDigit(span);
        var cues = wordCues ? TimexCues.Of(span) : TimexCues.All;

        if (hasDigit && cues.MonthToken) foreach (Match m in MonthDay.Matches(slice))
        {
            if (!TryMonth(m.Groups["mon"].Value, out int month)) continue;
            int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            if (day is < 1 or > 31) continue;
            found.Add(Mention(TemporalKind.CalendarDay, b, m, year: year, month: month, day: day));
        }
        if (hasDigit && cues.MonthToken) foreach (Match m in DayMonth.Matches(slice))
        {
            if (!TryMonth(m.Groups["mon"].Value, out int month)) continue;
            int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31) continue;
            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            found.Add(Mention(TemporalKind.CalendarDay, b, m, year: year, month: month, day: day));
        }
        if (span.Contains('/')) foreach (Match m in NumericDate.Matches(slice))
        {
            int a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            int c = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            // Day-first unless impossible (a > 12 is a day either way; c > 12 forces month-first).
            (int day, int month, bool ambiguous) = c > 12 ? (c, a, false) : (a, c, a <= 12 && a != c);
            if (month is < 1 or > 12 || day is < 1 or > 31) continue;
            found.Add(Mention(TemporalKind.CalendarDay, b, m, year: year, month: month, day: day) with { DayFirstAmbiguous = ambiguous });
        }
        if (span.ContainsAny(MonthNames)) foreach (Match m in MonthYear.Matches(slice))
        {
            var mod = m.Groups["mod"].Value.ToLowerInvariant();
            bool hasYear = m.Groups["year"].Success;
            // A bare month name is too weak ("May", "March" as names); it needs a year or a modifier.
            if (!hasYear && mod.Length == 0) continue;
            if (!TryMonth(m.Groups["mon"].Value, out int month)) continue;
            if (m.Groups["mon"].Value == "May" && !hasYear && mod is "in") continue;
            int? year = hasYear ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            found.Add(Mention(TemporalKind.CalendarMonth, b, m, year: year, month: month, modifier: mod));
        }
        if (hasDigit) foreach (Match m in Year.Matches(slice))
        {
            found.Add(Mention(TemporalKind.CalendarYear, b, m,
                year: int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), modifier: m.Groups["mod"].Value.ToLowerInvariant())
                with { Kind = m.Groups["mod"].Value.Equals("since", StringComparison.OrdinalIgnoreCase) ? TemporalKind.SinceRange : TemporalKind.CalendarYear });
        }
        if (span.ContainsAny(Weekdays)) foreach (Match m in WeekdayRx.Matches(slice))
        {
            var pre = m.Groups["pre"].Value.ToLowerInvariant().Trim();
            var wd = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value);
            var kind = pre == "since" ? TemporalKind.SinceRange : TemporalKind.Weekday;
            found.Add(Mention(kind, b, m, modifier: NormalizeSpace(pre)) with { Weekday = wd });
        }
        if (cues.Deictic) foreach (Match m in DeicticDay.Matches(slice))
        {
            found.Add(Mention(TemporalKind.RelativeDay, b, m, modifier: m.Groups["w"].Value.ToLowerInvariant()));
        }
        if (cues.CountUnitDirection) foreach (Match m in Ago.Matches(slice))
        {
            found.Add(Mention(TemporalKind.Ago, b, m) with { Count = CountOf(m.Groups["n"].Value), Unit = UnitOf(m.Groups["unit"].Value) });
        }
        if (cues.Period) foreach (Match m in Period.Matches(slice))
        {
            found.Add(Mention(TemporalKind.RelativePeriod, b, m, modifier: NormalizeSpace(m.Groups["mod"].Value.ToLowerInvariant()))
                with { Unit = UnitOf(m.Groups["unit"].Value) });
        }
        if (cues.PastUnit || cues.CountUnit) foreach (Match m in PastSpan.Matches(slice))
        {
            int count = m.Groups["recent"].Success ? 3 : m.Groups["n"].Success ? CountOf(m.Groups["n"].Value) : 1;
            found.Add(Mention(TemporalKind.SinceRange, b, m, modifier: m.Groups["recent"].Success ? "recent" : "past")
                with { Count = count, Unit = UnitOf(m.Groups["unit"].Value) });
        }

        // Keep the longest of overlapping matches; ties go to the earlier-listed pattern (stable sort).
        if (found.Count == 0) return found;
        // Insertion sort, longest first, stable: a sentence holds a handful of matches.
        var order = new TemporalMention[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            var m = found[i];
            int j = i - 1;
            while (j >= 0 && order[j].Span.Length < m.Span.Length) { order[j + 1] = order[j]; j--; }
            order[j + 1] = m;
        }
        var kept = new List<TemporalMention>(order.Length);
        foreach (var m in order)
        {
            bool overlaps = false;
            foreach (var k in kept) if (k.Span.Overlaps(m.Span)) { overlaps = true; break; }
            if (!overlaps) kept.Add(m);
        }
        kept.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return kept;
    }

    // \d matches any Unicode decimal digit, not only ASCII ones.
    private static bool HasDigit(ReadOnlySpan<char> s)
    {
        if (s.ContainsAnyInRange('0', '9')) return true;
        int i = s.IndexOfAnyExceptInRange('\0', '\u007f');
        if (i < 0) return false;
        foreach (var c in s[i..]) if (char.IsDigit(c)) return true;
        return false;
    }

    private static TemporalMention Mention(TemporalKind kind, int offset, Match m, int? year = null, int? month = null, int? day = null, string modifier = "") =>
        new(kind, new TextSpan(offset + m.Index, m.Length), m.Value, year, month, day, Modifier: modifier);

    private static string NormalizeSpace(string s) => Whitespace.Replace(s.Trim(), " ");

    internal static bool TryMonth(string name, out int month)
    {
        var key = name.TrimEnd('.');
        string[] names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        for (int i = 0; i < names.Length; i++)
        {
            if (key.StartsWith(names[i], StringComparison.Ordinal))
            {
                month = i + 1;
                return true;
            }
        }
        month = 0;
        return false;
    }

    internal static int CountOf(string word)
    {
        var w = NormalizeSpace(word.ToLowerInvariant());
        if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        return w switch
        {
            "a" or "an" or "one" => 1,
            "two" or "a couple of" => 2,
            "three" or "a few" or "few" or "several" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            _ => 1,
        };
    }

    private static TimeUnit UnitOf(string unit) => unit.ToLowerInvariant() switch
    {
        "day" or "days" => TimeUnit.Day,
        "week" or "weeks" => TimeUnit.Week,
        "month" or "months" => TimeUnit.Month,
        "year" or "years" => TimeUnit.Year,
        _ => TimeUnit.None,
    };
}

/// <summary>A found temporal phrase, before resolution (for callers that only need to locate phrases).</summary>
public sealed record TemporalMentionView(TextSpan Span, string Phrase, TemporalKind Kind);
