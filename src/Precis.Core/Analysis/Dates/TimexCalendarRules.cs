using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Precis.Analysis.Dates;

/// <summary>
/// Rule families of the TIMEX3 tagger that name a calendar unit by a word rather than by digits or by a count:
/// named holidays ("Thanksgiving Day", "Christmas Eve"), years spelled out as broadcast transcripts write them
/// ("nineteen ninety-six", "the year two thousand"), the reporting year of financial news ("for the year ended
/// March 31", "in the current fiscal year", "by the end of the year"), "year-end" after a preposition, and the
/// anaphoric "that year" (the TimeML reading: the year last mentioned). They run for the TimeML
/// tagger only, not for the pipeline's dates stage (its candidates stay those of the other families).
/// </summary>
internal static partial class TimexRules
{
    // 14. Holidays (United States federal holidays and the common named days): "Thanksgiving", "last Christmas".
    [GeneratedRegex(@"\b(?<t>(?:(?<pre>(?i:last|next|this))\s+)?(?<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Halloween|Valentine['’]s\s+Day))\b", Options)]
    private static partial Regex Holiday { get; }

    private static readonly SearchValues<string> HolidayWords = SearchValues.Create(
        ["Thanksgiving", "Christmas", "New Year", "Election Day", "Independence Day", "Labor Day", "Memorial Day", "Veterans Day", "Halloween", "Valentine"],
        StringComparison.Ordinal);

    // 15. Spelled-out years: "nineteen ninety-six", "January nineteen ninety-seven", "nineteen oh five", "the year two
    // thousand" ("two thousand" alone is a count: "two thousand years").
    [GeneratedRegex($@"\b(?<t>(?:(?<mon>{MonthFull})\s+)?(?:the\s+year\s+)?(?:[Nn]ineteen\s+(?:(?<tens>{Tens})(?:[-\s](?<ones>{Ones}))?|(?<teen>{Teens})|oh[-\s](?<ones>{Ones}))|(?<=\bthe\s+year\s+)[Tt]wo\s+thousand(?:\s+(?:and\s+)?(?<ones>{Ones}))?))\b(?![-'’])", Options)]
    private static partial Regex SpokenYear { get; }

    private static readonly SearchValues<string> SpokenYearCues = SearchValues.Create(["ineteen", "wo thousand"], StringComparison.Ordinal);

    // 16. The year of a report after a preposition: "for the year ended March 31" (a duration), "in the current fiscal
    // year", "by the end of the year", "earlier in the year" (the year of the creation date).
    [GeneratedRegex(@"(?:(?<=\b(?i:for|in|of|by|during|throughout)\s+)|(?=(?i:earlier|later)\s+in\s+))(?<t>(?:(?<edge>(?i:earlier|later))\s+in\s+)?(?:(?i:the)\s+(?<edge>(?i:end|beginning|start|middle|rest))\s+of\s+)?(?i:the)\s+(?:(?<adj>(?i:current|latest|fiscal|full|entire|whole))\s+)*(?i:year))(?![\w'’-])(?<ended>\s+(?i:ended|ending)\b)?", Options)]
    private static partial Regex ReportYear { get; }

    // "by year-end", "since year end", "at the year-end".
    [GeneratedRegex(@"(?<=\b(?<p>(?i:by|since|at|around|until|till|before|after|through|near))\s+)(?<t>(?:(?i:the)\s+)?(?i:year)[- ](?i:end))(?![\w-])", Options)]
    private static partial Regex YearEnd { get; }

    // "that year", "later that year": the year last mentioned. ("that day" is left out: in the tuning half it is as
    // often a generic "trades made that day" as an anaphor.)
    [GeneratedRegex(@"\b(?<t>(?:(?<edge>(?i:earlier|later))\s+)?(?i:that)\s+(?<unit>(?i:year)))\b(?![-'’])", Options)]
    private static partial Regex ThatYear { get; }

    // "year-earlier profit", "the year-ago results": the quarter of the report a year before ("the year-ago quarter"
    // itself is the quarter rule's).
    [GeneratedRegex(@"\b(?<t>(?i:year-earlier|year-ago))(?=\s+(?!(?i:quarter|period|half|first|second|third|fourth|nine|six|three|twelve|fiscal)\b)[A-Za-z])", Options)]
    private static partial Regex YearAgoAdjective { get; }

    // "the near term", "the short term": the coming time.
    [GeneratedRegex(@"\b(?<t>(?i:the)\s+(?i:near|short)\s+(?i:term))\b(?!-)", Options)]
    private static partial Regex NearTerm { get; }

    // The second day of a pair or range after a month: "on April 24 and 25", "Nov. 9 to 12".
    [GeneratedRegex($@"(?<=\b(?<mon>{MonthFull}|(?:{MonthAbbr})\.?)\s*[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|or|to|through|-|–)\s*)(?<t>(?<day>[0-3]?\d)(?:st|nd|rd|th)?)\b(?!\s*(?:{MonthFull}|(?:{MonthAbbr})\b|%|percent\b|[,.]?\d|:))", Options)]
    private static partial Regex SecondDay { get; }

    /// <summary>Adds the candidates of the calendar-word families for one sentence (<paramref name="s"/> starts at
    /// <paramref name="b"/> in the text).</summary>
    private static void FindCalendarWords(string s, int b, List<TimexCandidate> found)
    {
        var span = s.AsSpan();
        if (span.ContainsAny(HolidayWords)) foreach (Match m in Holiday.Matches(s)) AddHoliday(found, s, b, m);
        if (span.ContainsAny(SpokenYearCues)) foreach (Match m in SpokenYear.Matches(s)) AddSpokenYear(found, b, m);
        if (span.Contains("year", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in ReportYear.Matches(s)) AddReportYear(found, b, m);
            foreach (Match m in YearEnd.Matches(s)) AddYearEnd(found, s, b, m);
        }
        if (span.Contains("that", StringComparison.OrdinalIgnoreCase)) foreach (Match m in ThatYear.Matches(s)) AddThatYear(found, b, m);
        if (span.Contains("-earlier", StringComparison.OrdinalIgnoreCase) || span.Contains("-ago", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in YearAgoAdjective.Matches(s)) AddYearAgoAdjective(found, b, m);
        }
        if (span.Contains("term", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in NearTerm.Matches(s)) Add(found, b, m.Groups["t"], "vague", _ => new TimexValue(TimexType.Date, "FUTURE_REF"));
        }
        if (span.ContainsAny(MonthWordsOrAbbr)) foreach (Match m in SecondDay.Matches(s)) AddSecondDay(found, s, b, m);
    }

    /// <summary>The day of a named holiday in year <paramref name="y"/>.</summary>
    internal static DateOnly HolidayDate(string name, int y)
    {
        var n = name.Replace('’', '\'');
        static DateOnly NthWeekday(int y, int month, DayOfWeek wd, int nth)
        {
            var first = new DateOnly(y, month, 1);
            int shift = ((int)wd - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(shift + 7 * (nth - 1));
        }
        static DateOnly LastWeekday(int y, int month, DayOfWeek wd)
        {
            var last = new DateOnly(y, month, DateTime.DaysInMonth(y, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)wd + 7) % 7));
        }
        if (n.StartsWith("Thanksgiving", StringComparison.Ordinal)) return NthWeekday(y, 11, DayOfWeek.Thursday, 4);
        if (n.StartsWith("Christmas", StringComparison.Ordinal)) return new DateOnly(y, 12, n.EndsWith("Eve", StringComparison.Ordinal) ? 24 : 25);
        if (n.StartsWith("New", StringComparison.Ordinal)) return n.EndsWith("Eve", StringComparison.Ordinal) ? new DateOnly(y, 12, 31) : new DateOnly(y, 1, 1);
        if (n.StartsWith("Election", StringComparison.Ordinal)) return NthWeekday(y, 11, DayOfWeek.Monday, 1).AddDays(1);
        if (n.StartsWith("Independence", StringComparison.Ordinal)) return new DateOnly(y, 7, 4);
        if (n.StartsWith("Labor", StringComparison.Ordinal)) return NthWeekday(y, 9, DayOfWeek.Monday, 1);
        if (n.StartsWith("Memorial", StringComparison.Ordinal)) return LastWeekday(y, 5, DayOfWeek.Monday);
        if (n.StartsWith("Veterans", StringComparison.Ordinal)) return new DateOnly(y, 11, 11);
        if (n.StartsWith("Halloween", StringComparison.Ordinal)) return new DateOnly(y, 10, 31);
        return new DateOnly(y, 2, 14); // Valentine's Day
    }

    private static void AddHoliday(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var name = string.Join(' ', m.Groups["h"].Value.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        var pre = m.Groups["pre"].Value.ToLowerInvariant();
        Add(found, offset, t, "day", ctx =>
        {
            int y;
            if (ctx.Dct is DateOnly dct)
            {
                if (dct.Year is < 2 or > 9998) return null;
                var here = HolidayDate(name, dct.Year);
                y = pre switch
                {
                    "last" => here < dct ? dct.Year : dct.Year - 1,
                    "next" => here > dct ? dct.Year : dct.Year + 1,
                    "this" => dct.Year,
                    _ => NearestYear(dct, here.Month, here.Day, Direction(sentence, t), PastClause(sentence, t.Index, t.Length)),
                };
            }
            else if (ctx.RefYear is int ry and >= 1 and <= 9999) y = ry;
            else return new TimexValue(TimexType.Date, "XXXX-XX-XX");
            var d = HolidayDate(name, y);
            ctx.RefDay = d;
            ctx.RefYear = y;
            return new TimexValue(TimexType.Date, TimexFormat.Day(d));
        });
    }

    private static int WordNumber(string w) => w.ToLowerInvariant() switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9,
        "ten" => 10, "eleven" => 11, "twelve" => 12, "thirteen" => 13, "fourteen" => 14, "fifteen" => 15, "sixteen" => 16,
        "seventeen" => 17, "eighteen" => 18, "nineteen" => 19, "twenty" => 20, "thirty" => 30, "forty" => 40, "fifty" => 50,
        "sixty" => 60, "seventy" => 70, "eighty" => 80, "ninety" => 90,
        _ => 0,
    };

    private static void AddSpokenYear(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        int ones = m.Groups["ones"].Success ? WordNumber(m.Groups["ones"].Value) : 0;
        int year = m.Groups["tens"].Success ? 1900 + WordNumber(m.Groups["tens"].Value) + ones
            : m.Groups["teen"].Success ? 1900 + WordNumber(m.Groups["teen"].Value)
            : t.Value.Contains("thousand", StringComparison.Ordinal) ? 2000 + ones
            : 1900 + ones;
        int month = m.Groups["mon"].Success ? MonthOf(m.Groups["mon"].Value) : 0;
        Add(found, offset, t, "year", ctx =>
        {
            ctx.RefYear = year;
            return new TimexValue(TimexType.Date, month > 0 ? TimexFormat.Month(year, month) : TimexFormat.Year(year));
        });
    }

    private static void AddReportYear(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        bool ended = m.Groups["ended"].Success;
        bool latest = m.Groups["adj"].Captures.Any(c => c.Value.Equals("latest", StringComparison.OrdinalIgnoreCase));
        var mod = m.Groups["edge"].Success ? ModOf(m.Groups["edge"].Value + " of") : null;
        Add(found, offset, t, "period", ctx =>
        {
            // A year "ended March 31" is the twelve months up to that day: a duration in TimeML.
            if (ended) return new TimexValue(TimexType.Duration, "P1Y");
            int? y = ctx.Dct?.Year ?? ctx.RefYear;
            if (y is not int yy) return new TimexValue(TimexType.Date, latest ? "PAST_REF" : "PRESENT_REF", mod);
            return new TimexValue(TimexType.Date, TimexFormat.Year(latest ? yy - 1 : yy), mod);
        });
    }

    private static void AddYearEnd(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var p = m.Groups["p"].Value.ToLowerInvariant();
        Add(found, offset, t, "period", ctx =>
        {
            if (ctx.Dct is not DateOnly dct || dct.Year < 2) return new TimexValue(TimexType.Date, "XXXX-12-31");
            // "since year-end" looks back to the last one; "by year-end" ahead to this one; otherwise the tense decides.
            bool back = p is "since" or "after" || (p is not ("by" or "until" or "till" or "before") && Direction(sentence, t) == TemporalDirection.Past);
            return new TimexValue(TimexType.Date, TimexFormat.Year(back ? dct.Year - 1 : dct.Year) + "-12-31");
        });
    }

    private static void AddThatYear(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        var mod = m.Groups["edge"].Success ? ModOf(m.Groups["edge"].Value) : null;
        Add(found, offset, t, "anaphoric", ctx =>
        {
            return new TimexValue(TimexType.Date, ctx.RefYear is int y and >= 0 and <= 9999 ? TimexFormat.Year(y) : "XXXX", mod);
        });
    }

    private static readonly SearchValues<string> MonthWordsOrAbbr = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static void AddYearAgoAdjective(List<TimexCandidate> found, int offset, Match m)
    {
        Add(found, offset, m.Groups["t"], "quarter", ctx =>
        {
            (int Year, int Quarter) r;
            if (ctx.RefQuarter is { } rq) r = rq;
            else if (ctx.Dct is DateOnly d) r = Shift((d.Year, TimexFormat.QuarterOf(d)), -1);
            else return new TimexValue(TimexType.Date, "PAST_REF");
            return new TimexValue(TimexType.Date, TimexFormat.Quarter(r.Year - 1, r.Quarter));
        });
    }

    private static void AddSecondDay(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        int month = MonthOf(m.Groups["mon"].Value);
        int day = Int(m.Groups["day"].Value);
        if (month == 0 || day is < 1 or > 31) return;
        Add(found, offset, t, "day", ctx =>
        {
            // The first day of the pair, just normalised, set the reference day: the second shares its month and year.
            int y;
            if (ctx.RefDay is DateOnly r && r.Month == month) y = r.Year;
            else if (ctx.Dct is DateOnly dct) y = NearestYear(dct, month, day, Direction(sentence, t), PastClause(sentence, t.Index, t.Length));
            else if (ctx.RefYear is int ry) y = ry;
            else return new TimexValue(TimexType.Date, string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}-{day:00}"));
            if (SafeDate(y, month, day) is not DateOnly date) return null;
            ctx.RefDay = date;
            ctx.RefYear = y;
            return new TimexValue(TimexType.Date, TimexFormat.Day(date));
        });
    }
}
