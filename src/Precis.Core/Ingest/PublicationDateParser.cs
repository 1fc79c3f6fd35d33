using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Ingest;

/// <summary>One way to read a date expression.</summary>
/// <param name="Order">"day-first" or "month-first" for all-numeric dates; null when the form is unambiguous.</param>
public sealed record DateReading(DateOnly Date, TimeOnly? Time, DatePrecision Precision, string? Order = null);

/// <summary>A date expression found in text, with every reading it allows (two for "09/11/2017").</summary>
/// <param name="Start">Offset of the expression in the searched text (UTF-16 code units).</param>
/// <param name="Length">Length of the date part, not counting a time found after it.</param>
public sealed record DateMatch(int Start, int Length, string Text, ImmutableArray<DateReading> Readings)
{
    public bool IsAmbiguous => Readings.Length > 1;
}

/// <summary>What can settle an ambiguous date: the article's own text and the dates of the other articles of its set.</summary>
public sealed record DateEvidence(string Text, ImmutableArray<DateOnly> OtherArticleDates)
{
    public static DateEvidence FromText(string text) => new(text, []);
}

/// <summary>
/// Parses publication dates in the forms news pages use: ISO 8601, RFC 1123, "November 13, 2017 | 1:18 PM",
/// "Nov. 9, 2017", "13 November 2017", "09/11/2017 06:22". All-numeric day/month dates are never read with a fixed
/// locale: both readings are kept and <see cref="Resolve"/> settles them with evidence, or lowers the precision.
/// Thread-safe (stateless).
/// </summary>
public static partial class PublicationDateParser
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Finds the first date expression in <paramref name="text"/>; a time on the same line is attached.</summary>
    public static DateMatch? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindAll(text, withTime: true).FirstOrDefault();
    }

    /// <summary>Every date expression (with a year) in the text, in order.</summary>
    public static IEnumerable<DateMatch> FindAll(string text, bool withTime = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in DatePattern().Matches(text))
        {
            var readings = Readings(m);
            if (readings.IsEmpty) continue;
            if (withTime && FindTime(text, m) is { } time)
            {
                readings = [.. readings.Select(r => r.Precision == DatePrecision.Day ? r with { Time = time, Precision = DatePrecision.Minute } : r)];
            }
            yield return new DateMatch(m.Index, m.Length, m.Value, readings);
        }
    }

    /// <summary>
    /// Parses a date supplied as metadata ("2017-11-13", "2017-11-13T13:18:00+02:00", RFC 1123...). Returns null when
    /// the value holds no date. An ambiguous value is settled with <paramref name="evidence"/>.
    /// </summary>
    public static PublicationDate? ParseSupplied(string value, DateEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(evidence);
        var trimmed = value.Trim();
        if (YearMonth().Match(trimmed) is { Success: true } ym && TryDate(Int(ym.Groups["y"]), Int(ym.Groups["m"]), 1, out var first))
        {
            return new PublicationDate(first, null, DatePrecision.Month, $"supplied \"{trimmed}\"");
        }
        if (YearOnly().IsMatch(trimmed) && TryDate(int.Parse(trimmed, CultureInfo.InvariantCulture), 1, 1, out var year))
        {
            return new PublicationDate(year, null, DatePrecision.Year, $"supplied \"{trimmed}\"");
        }
        return Find(trimmed) is { } match ? Resolve(match, evidence, $"supplied \"{trimmed}\"") : null;
    }

    /// <summary>
    /// Turns a match into a <see cref="PublicationDate"/>. With two readings, each is scored by three kinds of evidence
    /// and the better one wins; when nothing separates them the date keeps only what both readings share.
    /// </summary>
    /// <param name="source">How the match was found, for the evidence text ("date line", "supplied ...").</param>
    public static PublicationDate Resolve(DateMatch match, DateEvidence evidence, string source = "date line")
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!match.IsAmbiguous)
        {
            var r = match.Readings[0];
            return new PublicationDate(r.Date, r.Time, r.Precision, source.Contains(match.Text, StringComparison.Ordinal) ? source : $"{source}: '{match.Text}'");
        }

        var scored = match.Readings.Select(r => Score(r, evidence)).ToList();
        var best = scored.OrderByDescending(s => s.Total).ThenBy(s => s.Reading.Date).First();
        var other = scored.First(s => !ReferenceEquals(s, best));
        // A margin of a quarter of one evidence kind: weaker differences are noise (e.g. one stray weekday).
        if (best.Total - other.Total >= 0.25)
        {
            var reasons = string.Join("; ", best.Reasons.Concat(other.Reasons.Select(r => $"{other.Reading.Order} reading: {r}")));
            return new PublicationDate(best.Reading.Date, best.Reading.Time, best.Reading.Precision,
                $"{source}: '{match.Text}' read {best.Reading.Order} ({Format(best.Reading.Date)}): {reasons}");
        }

        var a = match.Readings[0].Date;
        var b = match.Readings[1].Date;
        var (lo, hi) = a < b ? (a, b) : (b, a);
        var shared = lo.Year == hi.Year ? (new DateOnly(lo.Year, 1, 1), DatePrecision.Year) : (lo, DatePrecision.Unknown);
        return new PublicationDate(shared.Item1, null, shared.Item2,
            $"{source}: '{match.Text}' is ambiguous ({Format(match.Readings[0].Date)} {match.Readings[0].Order} or {Format(match.Readings[1].Date)} {match.Readings[1].Order}) and no evidence in the text or the other articles settles it",
            NotBefore: lo, NotAfter: hi);
    }

    internal static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private sealed record Scored(DateReading Reading, double Total, List<string> Reasons);

    private static Scored Score(DateReading reading, DateEvidence evidence)
    {
        var reasons = new List<string>();
        double total = 0;
        var d = reading.Date;

        // (a) Weekday names. News reports events of the publication day or the days just before it (the recency norm
        // of news writing: "on Thursday" in a Thursday report means that day). A mention of weekday w supports date d
        // by how far back w lies: same day 1, the day before 0.75, two days 0.5, three days 0.25, further 0.
        var weekdays = WeekdayPattern().Matches(evidence.Text).Select(m => Enum.Parse<DayOfWeek>(m.Value, true)).ToList();
        if (weekdays.Count > 0)
        {
            double sum = 0;
            foreach (var w in weekdays)
            {
                int back = ((int)d.DayOfWeek - (int)w + 7) % 7;
                sum += back switch { 0 => 1, 1 => 0.75, 2 => 0.5, 3 => 0.25, _ => 0 };
            }
            double score = sum / weekdays.Count;
            total += score;
            var top = weekdays.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            int topBack = ((int)d.DayOfWeek - (int)top.Key + 7) % 7;
            reasons.Add(topBack == 0
                ? $"'{top.Key}' ({top.Count()}×) in the text fits {Format(d)} (a {d.DayOfWeek})"
                : $"'{top.Key}' ({top.Count()}×) in the text is {topBack} day{(topBack == 1 ? "" : "s")} before {Format(d)} (a {d.DayOfWeek})");
        }

        // (b) Dates the text mentions ("November 9", "9 November"): reports look back on recent days, so a mentioned
        // day within the month before publication (or the next day) fits; one far after it does not.
        var mentions = DayMonthPattern().Matches(evidence.Text).Select(MentionDate(d.Year)).Where(x => x is not null).Select(x => x!.Value).ToList();
        if (mentions.Count > 0)
        {
            int fit = mentions.Count(m => m >= d.AddDays(-31) && m <= d.AddDays(1));
            total += (double)fit / mentions.Count;
            reasons.Add($"{fit} of {mentions.Count} dates mentioned in the text fall in the month before {Format(d)}");
        }

        // (c) The other articles of the set report the same events: the reading nearest their median date fits best.
        if (!evidence.OtherArticleDates.IsDefaultOrEmpty)
        {
            var sorted = evidence.OtherArticleDates.Order().ToList();
            var median = sorted[sorted.Count / 2];
            int distance = Math.Abs(d.DayNumber - median.DayNumber);
            total += 1.0 / (1 + distance / 7.0);
            reasons.Add(distance < 45
                ? $"{Format(d)} is {distance} day{(distance == 1 ? "" : "s")} from the other articles (median {Format(median)})"
                : $"{Format(d)} is {distance / 30} months from the other articles (median {Format(median)})");
        }
        if (reasons.Count == 0) reasons.Add("no evidence");
        return new Scored(reading, total, reasons);
    }

    private static Func<Match, DateOnly?> MentionDate(int year) => m =>
    {
        int month = MonthNumber(m.Groups["mon"].Value);
        int day = Int(m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"]);
        if (m.Groups["y"].Success && Int(m.Groups["y"]) != year) return null;
        return TryDate(year, month, day, out var date) ? date : null;
    };

    private static ImmutableArray<DateReading> Readings(Match m)
    {
        var g = m.Groups;
        if (g["iy"].Success)
        {
            if (!TryDate(Int(g["iy"]), Int(g["im"]), Int(g["id"]), out var iso)) return [];
            return g["ih"].Success && TryTime(Int(g["ih"]), Int(g["imi"]), null, out var t)
                ? [new DateReading(iso, t, DatePrecision.Minute)]
                : [new DateReading(iso, null, DatePrecision.Day)];
        }
        if (g["mon"].Success)
        {
            int month = MonthNumber(g["mon"].Value);
            int year = Int(g["y"]);
            if (!g["d1"].Success && !g["d2"].Success)
            {
                return TryDate(year, month, 1, out var first) ? [new DateReading(first, null, DatePrecision.Month)] : [];
            }
            int day = Int(g["d1"].Success ? g["d1"] : g["d2"]);
            return TryDate(year, month, day, out var named) ? [new DateReading(named, null, DatePrecision.Day)] : [];
        }
        if (g["na"].Success)
        {
            int a = Int(g["na"]), b = Int(g["nb"]), y = Int(g["ny"]);
            if (g["ny"].Value.Length == 2) y += y < 70 ? 2000 : 1900; // POSIX strptime %y pivot
            var list = ImmutableArray.CreateBuilder<DateReading>();
            if (TryDate(y, b, a, out var dayFirst)) list.Add(new DateReading(dayFirst, null, DatePrecision.Day, "day-first"));
            if (a != b && TryDate(y, a, b, out var monthFirst)) list.Add(new DateReading(monthFirst, null, DatePrecision.Day, "month-first"));
            if (list.Count == 1) list[0] = list[0] with { Order = null };
            return list.ToImmutable();
        }
        if (g["ya"].Success)
        {
            return TryDate(Int(g["ya"]), Int(g["yb"]), Int(g["yc"]), out var ymd) ? [new DateReading(ymd, null, DatePrecision.Day)] : [];
        }
        return [];
    }

    /// <summary>A clock time on the same line as the date (before or after it), with an optional am/pm.</summary>
    private static TimeOnly? FindTime(string text, Match date)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, date.Index - 1)) + 1;
        if (date.Index == 0) lineStart = 0;
        int lineEnd = text.IndexOf('\n', date.Index + date.Length);
        if (lineEnd < 0) lineEnd = text.Length;
        var line = text[lineStart..lineEnd];
        int dateStart = date.Index - lineStart, dateEnd = dateStart + date.Length;
        foreach (Match t in TimePattern().Matches(line))
        {
            if (t.Index < dateEnd && t.Index + t.Length > dateStart) continue; // inside the date (ISO)
            var ampm = t.Groups["ampm"].Success ? t.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant() : null;
            if (TryTime(Int(t.Groups["h"]), Int(t.Groups["mi"]), ampm, out var time)) return time;
        }
        return null;
    }

    private static bool TryTime(int hour, int minute, string? ampm, out TimeOnly time)
    {
        time = default;
        if (ampm is not null)
        {
            if (hour is < 1 or > 12) return false;
            hour = hour % 12 + (ampm == "pm" ? 12 : 0);
        }
        if (hour is < 0 or > 23 || minute is < 0 or > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    internal static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.');
        for (int i = 0; i < 12; i++)
        {
            if (MonthNames[i].StartsWith(key, StringComparison.OrdinalIgnoreCase) && key.Length >= 3) return i + 1;
        }
        return 0;
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private const string Month = @"(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    // Alternatives, in order: ISO 8601 (with optional time); "13 November 2017" / "13th of Nov. 2017" (RFC 1123's
    // "Mon, 13 Nov 2017" included); "November 13, 2017" / "Nov. 9, 2017"; "November 2017"; all-numeric d/m/y or m/d/y;
    // y/m/d.
    [GeneratedRegex(
        @"(?<![\w/.-])(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})(?:[T ](?<ih>\d{2}):(?<imi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])" +
        @"|\b(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?,?\s+(?<y>\d{4})\b" +
        @"|\b" + Month + @"\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b" +
        @"|\b" + Month + @"\.?,?\s+(?<y>\d{4})\b" +
        @"|(?<![\w/.-])(?<na>\d{1,2})(?<sep>[/.-])(?<nb>\d{1,2})\k<sep>(?<ny>\d{4}|\d{2})(?![\w/.-]|\.\d)" +
        @"|(?<![\w/.-])(?<ya>\d{4})/(?<yb>\d{1,2})/(?<yc>\d{1,2})(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})[:.](?<mi>\d{2})(?::\d{2})?(?!\d)(?:\s*(?<ampm>[ap]\.?m\.?)(?!\w))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?:(?<d1>\d{1,2})\s+" + Month + @"|\b" + Month + @"\.?\s+(?<d2>\d{1,2})(?!\d))(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$", RegexOptions.ExplicitCapture)]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearOnly();
}
