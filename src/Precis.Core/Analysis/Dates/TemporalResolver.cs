using System.Globalization;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// Resolves parsed temporal expressions against an article's publication day.
/// Conventions (news reporting):
/// <list type="bullet">
/// <item>A bare weekday in past context is the most recent such day ON OR BEFORE the publication day: same-day
/// counts, because wire copy says "on Thursday" for the day it is filed ("troops on Thursday expelled..." in a
/// Thursday story). "last Thursday" excludes the publication day.</item>
/// <item>A weekday in future context is the next such day strictly AFTER the publication day (a same-day event
/// would be "today").</item>
/// <item>A year-less date takes the year that puts it nearest before (past) or after (future) the publication day.</item>
/// <item>Weeks run Monday to Sunday (ISO 8601).</item>
/// </list>
/// Resolution never throws: an impossible date (30 February) or a missing anchor gives an unresolved expression
/// with the reason.
/// </summary>
public static class TemporalResolver
{
    internal static TemporalExpression Resolve(int article, int sentence, string sentenceText, int sentenceStart,
        TemporalMention mention, DateAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(sentenceText);
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(anchor);
        var direction = DirectionFor(mention, sentenceText, mention.Span.Start - sentenceStart);
        DateResolution? resolution = null;
        string? why;
        try
        {
            (resolution, why) = ResolveCore(mention, direction, anchor);
        }
        catch (ArgumentOutOfRangeException)
        {
            why = "date out of range";
        }
        return new TemporalExpression(article, sentence, mention.Span, mention.Phrase, mention.Kind, direction, resolution, resolution is null ? why : null);
    }

    internal static TemporalDirection DirectionFor(TemporalMention m, string sentenceText, int start)
    {
        var mod = m.Modifier;
        if (m.Kind is TemporalKind.Ago or TemporalKind.SinceRange) return TemporalDirection.Past;
        if (mod is "yesterday" or "last" || mod.StartsWith("earlier", StringComparison.Ordinal) || mod.Contains("last", StringComparison.Ordinal)
            || mod == "the past")
        {
            return TemporalDirection.Past;
        }
        if (mod is "tomorrow" or "next" or "the coming" || mod.StartsWith("later this", StringComparison.Ordinal) || mod.Contains("next", StringComparison.Ordinal))
        {
            return TemporalDirection.Future;
        }
        if (start < 0 || start > sentenceText.Length) return TemporalDirection.Past;
        return TenseDetector.DirectionOf(sentenceText, start, Math.Min(m.Span.Length, sentenceText.Length - start));
    }

    private static (DateResolution?, string?) ResolveCore(TemporalMention m, TemporalDirection dir, DateAnchor anchor)
    {
        var q = $"'{m.Phrase}'";
        string tense = dir == TemporalDirection.Past ? "past tense" : "future context";
        switch (m.Kind)
        {
            case TemporalKind.CalendarDay when m.Year is int y:
            {
                if (!TryDate(y, m.Month!.Value, m.Day!.Value, out var d)) return (null, "no such day");
                var rule = m.DayFirstAmbiguous ? "numeric-day-first" : "explicit-date";
                var note = m.DayFirstAmbiguous ? "numeric date read day-first; month-first would also be valid" : "explicit date";
                return (Day(d, null, rule, $"{q} → {DateFormat.Day(d)} ({note})"), null);
            }
            case TemporalKind.CalendarDay:
            {
                if (anchor.Day is DateOnly a)
                {
                    DateOnly? best = null;
                    for (int y = a.Year - 1; y <= a.Year + 1; y++)
                    {
                        if (!TryDate(y, m.Month!.Value, m.Day!.Value, out var c)) continue;
                        bool ok = dir == TemporalDirection.Past ? c <= a : c >= a;
                        if (!ok) continue;
                        if (best is null || Math.Abs(c.DayNumber - a.DayNumber) < Math.Abs(best.Value.DayNumber - a.DayNumber)) best = c;
                    }
                    if (best is not DateOnly d) return (null, "no such day");
                    return (Day(d, a, "yearless-date-" + Dir(dir), $"{q} in {anchor.Description} → {DateFormat.Day(d)} ({tense}: the year that puts it nearest {(dir == TemporalDirection.Past ? "before" : "after")} publication)"), null);
                }
                if (anchor.ReferenceYear is int ry && TryDate(ry, m.Month!.Value, m.Day!.Value, out var r))
                {
                    return (Day(r, null, "yearless-date-reference-year", $"{q} in {anchor.Description} → {DateFormat.Day(r)} (year {ry.ToString(CultureInfo.InvariantCulture)} taken from the other articles)"), null);
                }
                return (null, "year-less date in an undated article");
            }
            case TemporalKind.CalendarMonth:
                return ResolveMonth(m, dir, anchor, q, tense);
            case TemporalKind.CalendarYear:
            {
                int y = m.Year!.Value;
                var start = new DateOnly(y, 1, 1);
                return (new DateResolution(start, start, new DateOnly(y, 12, 31), DatePrecision.Year, null, "explicit-year", $"{q} → {y.ToString(CultureInfo.InvariantCulture)} (explicit year)"), null);
            }
            case TemporalKind.SinceRange:
                return ResolveSince(m, anchor, q);
        }

        if (anchor.Day is not DateOnly p) return (null, $"relative expression in {anchor.Description}");

        switch (m.Kind)
        {
            case TemporalKind.Weekday:
            {
                var wd = m.Weekday!.Value;
                int back = ((int)p.DayOfWeek - (int)wd + 7) % 7;
                int fwd = ((int)wd - (int)p.DayOfWeek + 7) % 7;
                DateOnly d;
                string how;
                if (m.Modifier == "last") { d = p.AddDays(-(back == 0 ? 7 : back)); how = $"'last': the {wd} before publication"; }
                else if (m.Modifier == "next") { d = p.AddDays(fwd == 0 ? 7 : fwd); how = $"'next': the {wd} after publication"; }
                else if (dir == TemporalDirection.Past) { d = p.AddDays(-back); how = back == 0 ? $"past tense: {wd} is the publication day" : $"past tense: previous {wd}"; }
                else { d = p.AddDays(fwd == 0 ? 7 : fwd); how = $"future context: next {wd}"; }
                return (Day(d, p, "weekday-" + (m.Modifier is "last" or "next" ? m.Modifier : Dir(dir)), $"{q} in {anchor.Description} → {DateFormat.Day(d)} ({how})"), null);
            }
            case TemporalKind.RelativeDay:
            {
                int offset = m.Modifier switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
                var d = p.AddDays(offset);
                return (Day(d, p, m.Modifier, $"{q} in {anchor.Description} → {DateFormat.Day(d)}"), null);
            }
            case TemporalKind.Ago:
            {
                int n = m.Count ?? 1;
                return m.Unit switch
                {
                    TimeUnit.Day => (Day(p.AddDays(-n), p, "days-ago", $"{q} in {anchor.Description} → {DateFormat.Day(p.AddDays(-n))} ({n.ToString(CultureInfo.InvariantCulture)} days before publication)"), null),
                    // "a week ago" is approximate: ±3 days around seven days back.
                    TimeUnit.Week => (Range(p.AddDays(-7 * n), p.AddDays(-7 * n - 3), p.AddDays(-7 * n + 3), DatePrecision.Week, p, "weeks-ago",
                        $"{q} in {anchor.Description} → about {DateFormat.Day(p.AddDays(-7 * n))} ({(7 * n).ToString(CultureInfo.InvariantCulture)} days back, ±3)"), null),
                    TimeUnit.Month => MonthOf(p.AddMonths(-n), p, "months-ago", q, anchor),
                    _ => YearOf(p.Year - n, p, "years-ago", q, anchor),
                };
            }
            case TemporalKind.RelativePeriod:
                return ResolvePeriod(m, p, anchor, q);
        }
        return (null, "unsupported expression");
    }

    private static (DateResolution?, string?) ResolveMonth(TemporalMention m, TemporalDirection dir, DateAnchor anchor, string q, string tense)
    {
        int month = m.Month!.Value;
        if (m.Year is int y)
        {
            var s = new DateOnly(y, month, 1);
            if (m.Modifier == "since" && anchor.Day is DateOnly pa && pa >= s)
            {
                return (new DateResolution(s, s, pa, DatePrecision.Month, pa, "since-month", $"{q} in {anchor.Description} → {DateFormat.Range(s, pa)} (from the month to publication)"), null);
            }
            return (new DateResolution(s, s, s.AddMonths(1).AddDays(-1), DatePrecision.Month, null, "explicit-month", $"{q} → {s.ToString("MMM yyyy", CultureInfo.InvariantCulture)} (explicit month)"), null);
        }
        if (anchor.Day is not DateOnly p) return (null, $"year-less month in {anchor.Description}");
        int year = m.Modifier switch
        {
            "this" => p.Year,
            "last" => month < p.Month ? p.Year : p.Year - 1,
            "next" => month > p.Month ? p.Year : p.Year + 1,
            _ when dir == TemporalDirection.Past => month <= p.Month ? p.Year : p.Year - 1,
            _ => month >= p.Month ? p.Year : p.Year + 1,
        };
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        if (m.Modifier == "since") end = p >= start ? p : end;
        var how = m.Modifier is "this" or "last" or "next" ? $"'{m.Modifier}' month relative to publication" : $"{tense}: nearest such month";
        return (new DateResolution(start, start, end, DatePrecision.Month, p, "month-" + (m.Modifier.Length > 0 ? m.Modifier : Dir(dir)),
            $"{q} in {anchor.Description} → {DateFormat.Range(start, end)} ({how})"), null);
    }

    private static (DateResolution?, string?) ResolveSince(TemporalMention m, DateAnchor anchor, string q)
    {
        if (m.Year is int y)
        {
            var s = new DateOnly(y, 1, 1);
            if (anchor.Day is DateOnly pa && pa >= s)
            {
                return (new DateResolution(s, s, pa, DatePrecision.Year, pa, "since-year", $"{q} in {anchor.Description} → {DateFormat.Range(s, pa)} (from the start of {y.ToString(CultureInfo.InvariantCulture)} to publication)"), null);
            }
            return (new DateResolution(s, s, new DateOnly(y, 12, 31), DatePrecision.Year, null, "since-year-open", $"{q} → from {y.ToString(CultureInfo.InvariantCulture)} (end unknown)"), null);
        }
        if (anchor.Day is not DateOnly p) return (null, $"relative expression in {anchor.Description}");
        if (m.Weekday is DayOfWeek wd)
        {
            int back = ((int)p.DayOfWeek - (int)wd + 7) % 7;
            var d = p.AddDays(-back);
            return (new DateResolution(d, d, p, DatePrecision.Day, p, "since-weekday", $"{q} in {anchor.Description} → {DateFormat.Range(d, p)} (from the previous {wd} to publication)"), null);
        }
        int n = m.Count ?? 1;
        var start = m.Unit switch
        {
            TimeUnit.Day => p.AddDays(-n),
            TimeUnit.Week => p.AddDays(-7 * n),
            TimeUnit.Month => p.AddMonths(-n),
            _ => p.AddYears(-n),
        };
        var precision = m.Unit switch { TimeUnit.Day => DatePrecision.Day, TimeUnit.Week => DatePrecision.Week, TimeUnit.Month => DatePrecision.Month, _ => DatePrecision.Year };
        return (new DateResolution(start, start, p, precision, p, m.Modifier == "recent" ? "recent-span" : "past-span",
            $"{q} in {anchor.Description} → {DateFormat.Range(start, p)} (span ending at publication)"), null);
    }

    private static (DateResolution?, string?) ResolvePeriod(TemporalMention m, DateOnly p, DateAnchor anchor, string q)
    {
        // Whole period containing the anchor, then shifted by the modifier; "earlier this"/"later this" cut at the anchor.
        (DateOnly s, DateOnly e) period(int shift) => m.Unit switch
        {
            TimeUnit.Week => (Monday(p).AddDays(7 * shift), Monday(p).AddDays(7 * shift + 6)),
            TimeUnit.Month => (new DateOnly(p.Year, p.Month, 1).AddMonths(shift), new DateOnly(p.Year, p.Month, 1).AddMonths(shift + 1).AddDays(-1)),
            _ => (new DateOnly(p.Year + shift, 1, 1), new DateOnly(p.Year + shift, 12, 31)),
        };
        var precision = m.Unit switch { TimeUnit.Week => DatePrecision.Week, TimeUnit.Month => DatePrecision.Month, _ => DatePrecision.Year };
        var mod = m.Modifier;
        DateOnly start, end;
        if (mod.Contains("last", StringComparison.Ordinal)) (start, end) = period(-1);
        else if (mod.Contains("next", StringComparison.Ordinal)) (start, end) = period(1);
        else if (mod == "the past")
        {
            start = m.Unit switch { TimeUnit.Week => p.AddDays(-7), TimeUnit.Month => p.AddMonths(-1), _ => p.AddYears(-1) };
            end = p;
        }
        else if (mod == "the coming")
        {
            start = p;
            end = m.Unit switch { TimeUnit.Week => p.AddDays(7), TimeUnit.Month => p.AddMonths(1), _ => p.AddYears(1) };
        }
        else (start, end) = period(0);

        if (mod.StartsWith("earlier", StringComparison.Ordinal)) end = p;
        if (mod.StartsWith("later", StringComparison.Ordinal)) start = p;
        return (new DateResolution(start, start, end, precision, p, "period-" + mod.Replace(' ', '-'),
            $"{q} in {anchor.Description} → {DateFormat.Range(start, end)}"), null);
    }

    private static (DateResolution?, string?) MonthOf(DateOnly inMonth, DateOnly p, string rule, string q, DateAnchor anchor)
    {
        var s = new DateOnly(inMonth.Year, inMonth.Month, 1);
        var e = s.AddMonths(1).AddDays(-1);
        return (new DateResolution(s, s, e, DatePrecision.Month, p, rule, $"{q} in {anchor.Description} → {s.ToString("MMM yyyy", CultureInfo.InvariantCulture)}"), null);
    }

    private static (DateResolution?, string?) YearOf(int year, DateOnly p, string rule, string q, DateAnchor anchor)
    {
        var s = new DateOnly(year, 1, 1);
        return (new DateResolution(s, s, new DateOnly(year, 12, 31), DatePrecision.Year, p, rule, $"{q} in {anchor.Description} → {year.ToString(CultureInfo.InvariantCulture)}"), null);
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateResolution Day(DateOnly d, DateOnly? anchor, string rule, string evidence) =>
        new(d, d, d, DatePrecision.Day, anchor, rule, evidence);

    private static DateResolution Range(DateOnly d, DateOnly s, DateOnly e, DatePrecision p, DateOnly? anchor, string rule, string evidence) =>
        new(d, s, e, p, anchor, rule, evidence);

    private static string Dir(TemporalDirection d) => d == TemporalDirection.Past ? "past" : "future";

    private static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }
}
