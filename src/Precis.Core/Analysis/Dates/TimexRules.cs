using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// The rule families of <see cref="TimexTagger"/>, one regular expression each, in the spirit of HeidelTime's English
/// resources (Strötgen &amp; Gertz 2013) and the TimeML TIMEX3 guidelines (TimeML 1.2.1): explicit dates, months,
/// years, decades and centuries, weekdays and parts of days, deictic days, "N units ago / earlier", relative periods
/// ("last week", "earlier this year", "last fall"), quarters and halves (financial news), durations, sets, vague
/// references, and clock times. A rule's extent is TimeML's: a governing preposition ("in", "on", "since") is
/// outside it, a modifier ("early", "about", "the past") inside. Month and weekday names must be capitalised, so the
/// verbs "may" and "march" stay out.
/// Cheap necessary conditions (the <see cref="SearchValues{T}"/> below and the word cues of <see cref="TimexCues"/>)
/// skip a rule on sentences that cannot match.
/// </summary>
internal static partial class TimexRules
{
    private const string MonthFull = "January|February|March|April|May|June|July|August|September|October|November|December";
    private const string MonthAbbr = @"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
    private const string Weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string Year4 = @"(?:1[6-9]\d\d|20\d\d)";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Ones = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Count = $@"\d+(?:\.\d+)?|(?:{Tens})-(?:{Ones})|{Ones}|{Teens}|{Tens}|a\s+hundred|hundreds\s+of|thousands\s+of|a\s+dozen|dozens\s+of|a\s+half|one\s+and\s+a\s+half|a\s+few|few|several|a\s+couple\s+of|a\s+couple|couple\s+of|many|some|an?";
    private const string Units = @"seconds?|minutes?|hours?|days?|weekends?|weeks?|months?|quarters?|years?|decades?|century|centuries";
    private const string Approx = @"about|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|roughly|approximately|at\s+least|at\s+most|over|only|just|up\s+to|another|around|under";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    // 1. Days: "Nov. 9", "November 9, 2017", "mid-November 9" is not a thing, "9 November 2017", "the 9th of November".
    [GeneratedRegex($@"\b(?<t>(?:(?<wd>{Weekdays}),?\s+)?(?<mon>{MonthFull}|(?:{MonthAbbr})\.?)\s*(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,\s*(?<year>{Year4})|\s+(?<year>{Year4}))?)(?!\d|:\d)", Options)]
    private static partial Regex MonthDay { get; }

    [GeneratedRegex($@"\b(?<t>(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>{MonthFull}|(?:{MonthAbbr})\.)(?:,?\s+(?<year>{Year4}))?)(?!\w)", Options)]
    private static partial Regex DayMonth { get; }

    [GeneratedRegex($@"\b(?<t>(?<year>{Year4})-(?<mon>[01]\d)-(?<day>[0-3]\d))\b", Options)]
    private static partial Regex IsoDate { get; }

    // "09/11/2017": day first, as in most of the world's news, unless only the month-first reading is a date
    // ("11/25/2017"); the same convention as the pipeline's publication dates.
    [GeneratedRegex($@"\b(?<t>(?<a>[0-3]?\d)/(?<b>[0-3]?\d)/(?<year>{Year4}))\b", Options)]
    private static partial Regex NumericDate { get; }

    // 2. Months: "March 1998", "early March", "last November", "mid-November".
    [GeneratedRegex($@"\b(?<t>(?<pre>(?i:early|late|mid-|mid\s+|last|this|next|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)\s*)?(?<mon>{MonthFull}|(?:{MonthAbbr})\.)(?:(?:\s+of)?,?\s+(?<year>{Year4})|\s+(?<rel>this|last|next)\s+year)?)(?![\w'’])(?!\s*\d)", Options)]
    private static partial Regex Month { get; }

    // 3. Years and fiscal years: "1998", "early 1998", "fiscal 1990", "the end of 1990", "the first half of 1990".
    [GeneratedRegex($@"(?<![\d$.,/\-£€])\b(?<t>(?<pre>(?i:early|late|mid-|mid\s+|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|fiscal\s+year|fiscal|calendar|the\s+year|model\s+year)\s*)?(?<year>{Year4}))(?![\d,]\d|\.\d|[-/]\d|\s*(?:%|percent\b))(?!\w)", Options)]
    private static partial Regex Year { get; }

    // 4. Decades and centuries: "the 1990s" → 199, "the '80s" → 198, "the 20th century" → 19.
    [GeneratedRegex(@"\b(?<t>(?<pre>(?i:early|late|mid-|mid\s+)\s*)?(?:(?<dec>1[6-9]\d0|20\d0)'?s|['’](?<short>\d0)s))(?!\w)|(?<t>\b(?<cent>\d{1,2})(?:st|nd|rd|th)\s+century)\b", Options)]
    private static partial Regex Decade { get; }

    // 5. Weekdays with a part of day: "Friday", "last Friday", "late Wednesday", "Friday morning".
    [GeneratedRegex($@"\b(?<t>(?<pre>(?i:last|next|this|this\s+coming|the\s+previous|the\s+following)\s+)?(?<wd>{Weekdays})(?:\s+(?<pod>(?i:morning|afternoon|evening|night)))?)\b", Options)]
    private static partial Regex Weekday { get; }

    // 6. Deictic days: "yesterday", "late yesterday", "tomorrow morning", "tonight", "last night", "this morning".
    [GeneratedRegex(@"\b(?<t>(?<pre>early\s+|late\s+|earlier\s+|later\s+)?(?<w>yesterday|today|tomorrow|tonight)(?:\s+(?<pod>morning|afternoon|evening|night))?|(?<w>last|this|tomorrow|yesterday)\s+(?<pod>night|morning|afternoon|evening))\b", IgnoreCase)]
    private static partial Regex Deictic { get; }

    // 7. "two years ago", "a year earlier", "about three weeks later".
    [GeneratedRegex($@"\b(?<t>(?<approx>(?:{Approx})\s+)?(?<n>{Count})[\s-]+(?<unit>{Units})\s+(?<dir>ago|earlier|later|from\s+now|hence|before|after)(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|I|than)\b))", IgnoreCase)]
    private static partial Regex Ago { get; }

    // 8. Relative periods: "last week", "earlier this year", "the past year", "next month", "this fall", "the weekend".
    [GeneratedRegex(@"\b(?<t>(?<mod>(?:earlier|later|early|late)\s+(?:this|last|next)|this|last|next|the\s+past|the\s+previous|the\s+prior|the\s+coming|the\s+current|the\s+following|the\s+same|this\s+past|the)\s+(?<unit>week|weekend|month|year|decade|century|fall|spring|summer|winter|autumn)(?:\s+of\s+(?<year>(?:1[6-9]|20)\d\d))?)\b(?!-)", IgnoreCase)]
    private static partial Regex Period { get; }

    // 9. Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter", "the year-ago quarter",
    // "the latest period", "the third quarter of 1990", "1990's first half".
    [GeneratedRegex($@"(?<t>(?:(?<det>(?i:the|this|last|next|this\s+year's|last\s+year's|next\s+year's)|(?<yr>{Year4})'s)\s+)?(?<adj>(?:(?i:latest|current|previous|prior|recent|same|comparable|year-ago|year-earlier|fiscal|calendar|just-ended|just\s+ended|first|second|third|fourth|final|1st|2nd|3rd|4th)|{Year4})(?:\s+|-))*(?<unit>(?i:quarter|half|period))(?:(?:\s+of|,)?\s+(?:(?i:fiscal|calendar)\s+)?(?<year2>{Year4}))?)\b", Options)]
    private static partial Regex Quarter { get; }

    // 10. Durations: "three years", "the past two weeks", "the first nine months", "a 30-year", "several days".
    [GeneratedRegex($@"\b(?<t>(?<pre>the\s+(?:first|past|last|next|previous|coming|final|latest|following|remaining|better\s+part\s+of|past\s+(?:{Approx}))\s+|the\s+|(?:{Approx})\s+)?(?<n>{Count})[\s-]+(?<unit>{Units})(?<old>-old|-long)?)(?![\w-])", IgnoreCase)]
    private static partial Regex Duration { get; }

    // Plural units without a count after a verb or preposition of extent: "for years", "took months".
    [GeneratedRegex(@"(?<=\b(?:for|over|within|took|takes|take|lasted|last|spent|spend)\s+)(?<t>(?:many\s+|several\s+)?(?<unit>years|months|weeks|days|decades|hours|minutes|centuries))\b", IgnoreCase)]
    private static partial Regex BarePlural { get; }

    // 11. Sets: "daily", "every week", "each Sunday", "twice a year", "$5 million a year".
    [GeneratedRegex($@"\b(?<t>(?<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|semiannually|biweekly)|(?:every|each|per)\s+(?:other\s+)?(?:(?<n>\d+|two|three|four|five|six|seven|eight|nine|ten|few)\s+)?(?<unit>{Units}|(?-i:{Weekdays})|morning|night|evening|afternoon)|(?<freq>once|twice|\d+\s+times|(?:two|three|four|five|six|several)\s+times)\s+an?\s+(?<unit>second|minute|hour|day|week|month|quarter|year|decade))\b", IgnoreCase)]
    private static partial Regex SetRx { get; }

    // "a year" after an amount is a rate: "$5 million a year", "8% a year".
    [GeneratedRegex(@"(?:\d|percent|%|million|billion|cents?|dollars?|barrels|tons|people)\S*\s+$", IgnoreCase)]
    private static partial Regex RateBefore { get; }

    // 12. Vague references: "now", "currently", "recently", "the past", "the future", "soon", "recent years".
    // ("previously" and "formerly" were dropped: TimeBank marks them rarely — 11 unmarked, 0 marked on the tuning half.)
    [GeneratedRegex(@"\b(?<t>(?<w>now|currently|current|recently|recent\s+(?:years|months|weeks|days)|recent|lately|soon|nowadays|presently|at\s+present|these\s+days|the\s+past|the\s+future|the\s+present|the\s+moment|once))\b(?![-'’])", IgnoreCase)]
    private static partial Regex Vague { get; }

    // 13. Clock times: "5 p.m.", "10:30 a.m. EST", "5 p.m. Tuesday", "noon", "midnight".
    [GeneratedRegex($@"\b(?<t>(?:(?<h>[01]?\d)(?::(?<mi>[0-5]\d))?\s*(?<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))|(?<noon>(?i:noon|midnight)))(?:\s+(?<tz>EST|EDT|CST|CDT|PST|PDT|GMT|(?i:local\s+time)))?(?:,?\s+(?:(?<wd>{Weekdays}|(?i:today|yesterday|tomorrow))|(?<mon>{MonthFull}|(?:{MonthAbbr})\.)\s*(?<day>[0-3]?\d)\b))?)(?!\w)", Options)]
    private static partial Regex Clock { get; }

    private static readonly SearchValues<string> SetCues = SearchValues.Create(
        ["ly", "every", "each", "per ", "once", "twice", "times", " a "], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> VagueCues = SearchValues.Create(
        ["now", "current", "recent", "lately", "soon", "presen", "these days", "the past", "the future", "moment", "once"], StringComparison.OrdinalIgnoreCase);

    // The month rule needs a full month name or an abbreviation with its full stop.
    private static readonly SearchValues<string> MonthWords = SearchValues.Create(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."], StringComparison.Ordinal);

    // A clock time is an hour with a.m./p.m. (TimexCues.Clock), or noon or midnight.

    private static readonly SearchValues<string> NoonCues = SearchValues.Create(["noon", "midnight"], StringComparison.OrdinalIgnoreCase);

    // Weekday names are capitalised in the weekday rule.
    private static readonly SearchValues<string> WeekdayNames = SearchValues.Create(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparison.Ordinal);

    // Decades end in "0s" ("1990s", "'80s", "1990's"); centuries name "century".
    private static readonly SearchValues<string> DecadeCues = SearchValues.Create(["0s", "0's", "0’s", "century"], StringComparison.Ordinal);

    /// <summary>Adds the candidates of one sentence.</summary>
    /// <param name="datesOnly">Skip the families that never name a date (bare plurals such as "for years", sets,
    /// vague references): the pipeline's dates stage needs only dates, and these rules are the ones with the weakest
    /// cheap pre-checks.</param>
    /// <param name="wordCues">Check <see cref="TimexCues"/> before the word-driven rules (false: run them all; tests
    /// compare both).</param>
    public static void Find(string text, TextSpan sentence, List<TimexCandidate> found, bool datesOnly = false, bool wordCues = true)
    {
        int b = Math.Clamp(sentence.Start, 0, text.Length);
        int e = Math.Clamp(sentence.End, b, text.Length);
        var s = text[b..e];
        var span = s.AsSpan();
        bool digit = span.ContainsAnyInRange('0', '9');
        var cues = wordCues ? TimexCues.Of(span) : TimexCues.All;

        if (digit && cues.MonthToken)
        {
            foreach (Match m in MonthDay.Matches(s)) AddDay(found, s, b, m, datesOnly);
            foreach (Match m in DayMonth.Matches(s)) AddDay(found, s, b, m, datesOnly);
        }
        if (cues.Year4)
        {
            foreach (Match m in IsoDate.Matches(s)) AddDay(found, s, b, m, datesOnly);
            if (span.Contains('/')) foreach (Match m in NumericDate.Matches(s)) AddNumericDay(found, b, m);
        }
        if (span.ContainsAny(MonthWords)) foreach (Match m in Month.Matches(s)) AddMonth(found, s, b, m);
        if (cues.Year4) foreach (Match m in Year.Matches(s)) AddYear(found, s, b, m);
        if (digit && span.ContainsAny(DecadeCues)) foreach (Match m in Decade.Matches(s)) AddDecade(found, b, m);
        if (span.ContainsAny(WeekdayNames)) foreach (Match m in Weekday.Matches(s)) AddWeekday(found, s, b, m);
        if (cues.Deictic) foreach (Match m in Deictic.Matches(s)) AddDeictic(found, b, m);
        if (cues.CountUnitDirection) foreach (Match m in Ago.Matches(s)) AddAgo(found, b, m);
        if (cues.Period) foreach (Match m in Period.Matches(s)) AddPeriod(found, b, m);
        // The pipeline needs durations only where they read as a span up to the publication ("the past two years",
        // which confirms the resolver's span): a choice of what to find, made with or without the cues.
        if (datesOnly ? (wordCues ? cues : TimexCues.Of(span)).PastCount : cues.CountUnit) foreach (Match m in Duration.Matches(s)) AddDuration(found, s, b, m);
        if (!datesOnly && cues.BarePlural) foreach (Match m in BarePlural.Matches(s)) AddBarePlural(found, b, m);
        if (cues.Quarter) foreach (Match m in Quarter.Matches(s)) AddQuarter(found, s, b, m);
        if (!datesOnly && span.ContainsAny(SetCues)) foreach (Match m in SetRx.Matches(s)) AddSet(found, s, b, m);
        // The pipeline reads "in recent months" as a span to the publication: it needs that one vague family.
        if ((!datesOnly || span.Contains("recent", StringComparison.OrdinalIgnoreCase)) && span.ContainsAny(VagueCues))
        {
            foreach (Match m in Vague.Matches(s)) AddVague(found, s, b, m);
        }
        if (cues.Clock || span.ContainsAny(NoonCues)) foreach (Match m in Clock.Matches(s)) AddClock(found, s, b, m);
        if (!datesOnly) FindCalendarWords(s, b, found);
    }

    // ---------------------------------------------------------------- helpers


    private static void Add(List<TimexCandidate> found, int offset, Group t, string rule, Func<TimexContext, TimexValue?> normalize) =>
        found.Add(new TimexCandidate(offset + t.Index, offset + t.Index + t.Length, rule, normalize));

    private static TemporalDirection Direction(string sentence, Group t) =>
        TenseDetector.DirectionOf(sentence, t.Index, t.Length);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int MonthOf(string name)
    {
        string[] names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        for (int i = 0; i < names.Length; i++)
        {
            if (name.StartsWith(names[i], StringComparison.Ordinal)) return i + 1;
        }
        return 0;
    }

    private static string? ModOf(string pre)
    {
        var p = pre.Trim().ToLowerInvariant();
        if (p.StartsWith("early", StringComparison.Ordinal) || p.StartsWith("earlier", StringComparison.Ordinal) || p.Contains("beginning", StringComparison.Ordinal)
            || p.Contains("start", StringComparison.Ordinal) || p.Contains("first half", StringComparison.Ordinal)) return "START";
        if (p.StartsWith("late", StringComparison.Ordinal) || p.Contains("end of", StringComparison.Ordinal) || p.Contains("second half", StringComparison.Ordinal)
            || p.Contains("rest of", StringComparison.Ordinal)) return "END";
        if (p.StartsWith("mid", StringComparison.Ordinal) || p.Contains("middle", StringComparison.Ordinal)) return "MID";
        return null;
    }

    /// <summary>A number word or numeral as a TIMEX3 count ("X" when vague); null when it is no count.</summary>
    private static string? CountValue(string word)
    {
        var w = string.Join(' ', word.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d.ToString("0.##", CultureInfo.InvariantCulture);
        }
        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        int i = Array.IndexOf(ones, w);
        if (i >= 0) return TimexFormat.Number(i);
        var parts = w.Split('-');
        int t = Array.IndexOf(tens, parts[0]);
        if (t >= 2)
        {
            int u = parts.Length == 2 ? Array.IndexOf(ones, parts[1]) : 0;
            return TimexFormat.Number(t * 10 + Math.Max(u, 0));
        }
        return w switch
        {
            "a" or "an" => "1",
            "a couple" or "a couple of" or "couple of" => "2",
            "a half" => "0.5",
            "one and a half" => "1.5",
            "a dozen" => "12",
            "a hundred" => "100",
            _ => "X",
        };
    }

    private static (string Letter, bool Time) UnitLetter(string unit)
    {
        var u = unit.ToLowerInvariant();
        if (u.StartsWith("sec", StringComparison.Ordinal)) return ("S", true);
        if (u.StartsWith("min", StringComparison.Ordinal)) return ("M", true);
        if (u.StartsWith("hour", StringComparison.Ordinal)) return ("H", true);
        if (u.StartsWith("weekend", StringComparison.Ordinal)) return ("WE", false);
        if (u.StartsWith("day", StringComparison.Ordinal)) return ("D", false);
        if (u.StartsWith("week", StringComparison.Ordinal)) return ("W", false);
        if (u.StartsWith("month", StringComparison.Ordinal)) return ("M", false);
        if (u.StartsWith("quarter", StringComparison.Ordinal)) return ("Q", false);
        if (u.StartsWith("decade", StringComparison.Ordinal)) return ("DE", false);
        if (u.StartsWith("centur", StringComparison.Ordinal)) return ("CE", false);
        return ("Y", false);
    }

    private static string PeriodValue(string count, string unit)
    {
        var (letter, time) = UnitLetter(unit);
        return time ? $"PT{count}{letter}" : $"P{count}{letter}";
    }

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>The day a weekday names, from the DCT and the tense (the news convention of <see cref="TemporalResolver"/>).</summary>
    private static DateOnly WeekdayDate(DateOnly dct, DayOfWeek wd, string pre, TemporalDirection dir)
    {
        int back = ((int)dct.DayOfWeek - (int)wd + 7) % 7;
        int fwd = ((int)wd - (int)dct.DayOfWeek + 7) % 7;
        return pre switch
        {
            "last" => dct.AddDays(-(back == 0 ? 7 : back)),
            "next" or "this coming" => dct.AddDays(fwd == 0 ? 7 : fwd),
            _ when dir == TemporalDirection.Future && back != 0 => dct.AddDays(fwd),
            _ => dct.AddDays(-back),
        };
    }

    private static string PartOfDay(string pod) => pod.ToLowerInvariant() switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    };

    // ---------------------------------------------------------------- families

    private static void AddDay(List<TimexCandidate> found, string sentence, int offset, Match m, bool datesOnly)
    {
        var t = m.Groups["t"];
        var monText = m.Groups["mon"].Value;
        int month = char.IsDigit(monText[0]) ? Int(monText) : MonthOf(monText);
        int day = Int(m.Groups["day"].Value);
        int? year = m.Groups["year"].Success ? Int(m.Groups["year"].Value) : null;
        if (month == 0 || day is < 1 or > 31) return;
        // A dateline ("WASHINGTON, August 11 (Xinhua) --") dates the report, not an event: the pipeline's dates stage
        // leaves it out (the publication date is its own evidence). TimeML marks it (TimeBank does, 11 of 14 times):
        // the TIMEX3 tagger keeps it.
        if (datesOnly && Dateline.IsMatch(sentence[..t.Index]) && sentence.AsSpan(t.Index + t.Length).TrimStart().StartsWith("(", StringComparison.Ordinal)) return;
        Add(found, offset, t, "day", ctx =>
        {
            int y;
            if (year is int yy) y = yy;
            else if (ctx.Dct is DateOnly dct) y = NearestYear(dct, month, day, Direction(sentence, t), PastClause(sentence, t.Index, t.Length));
            else if (ctx.RefYear is int ry) y = ry;
            else return new TimexValue(TimexType.Date, string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}-{day:00}"));
            if (SafeDate(y, month, day) is not DateOnly date) return null;
            ctx.RefDay = date;
            ctx.RefYear = y;
            return new TimexValue(TimexType.Date, TimexFormat.Day(date));
        });
    }

    [GeneratedRegex(@"^\s*[A-Z][A-Z .'-]*(,\s*[A-Z][A-Za-z .'-]*)?,\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline { get; }

    private static void AddNumericDay(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        int a = Int(m.Groups["a"].Value), c = Int(m.Groups["b"].Value), year = Int(m.Groups["year"].Value);
        (int day, int month) = c > 12 ? (c, a) : (a, c);
        if (SafeDate(year, month, day) is not DateOnly date) return;
        Add(found, offset, t, "day", ctx =>
        {
            ctx.RefDay = date;
            ctx.RefYear = year;
            return new TimexValue(TimexType.Date, TimexFormat.Day(date));
        });
    }

    /// <summary>The year that puts a year-less day nearest the DCT (news reports rarely reach more than half a year
    /// either way), weighed by the tense.</summary>
    // A past-tense verb other than the reporting "said" and the forward-looking "expected", "planned"...:
    // "bought RJR in February", "the year ended March 31"; the common irregular past forms ("brought", "held").
    [GeneratedRegex(@"\b(?!(?:said|expected|scheduled|planned|proposed|needed|required)\b)(?:was|were|had|did|\w{3,}ed|began|became|bought|brought|built|came|caught|chose|drew|drove|fell|felt|fled|flew|fought|found|gave|got|grew|heard|held|kept|knew|led|left|lost|made|meant|met|paid|ran|rose|sank|saw|sent|shot|sold|sought|spent|spoke|stood|struck|swept|taught|thought|threw|told|took|went|won|wrote)\b", IgnoreCase)]
    private static partial Regex PastVerb { get; }

    // Words that make a clause look forward or keep it open: modals, infinitives ("to" before a word that is no
    // determiner, number or amount: "plans to sell", not "rose to a high" or "to $5"), the present tense of "be", "now".
    [GeneratedRegex(@"\b(?:will|would|to(?=\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|some|about|nearly|more|less|its)\b)[a-z])|is|are|shall|can|could|may|might|planned|now)\b", IgnoreCase)]
    private static partial Regex OpenClause { get; }

    // Where a clause starts: punctuation, quotes, conjunctions and the subordinators that open a clause of their own
    // ("since he was rescued in November", "when it was sold in March").
    [GeneratedRegex(@"[,;:()\n]|\.\s|``|''|\b(?:but|while|which|that|since|when|who|because|although|though)\b", Options)]
    private static partial Regex ClauseStart { get; }

    private static readonly HashSet<string> DeadlineWords = new(StringComparer.OrdinalIgnoreCase) { "by", "until", "till", "through", "effective", "payable", "record", "before", "to" };

    /// <summary>Whether the clause that leads to the expression at <paramref name="start"/> is plainly in the past
    /// tense: a past verb, no modal or infinitive, and no deadline word ("by", "payable", "effective") right before.
    /// A period "ended" on a day ("the year ended March 31") is past. With no verb before it in its clause ("In January,
    /// the firm hired ..."), the first verb after it in the sentence decides (an infinitive after a past main verb,
    /// "received an offer to take the company private", leaves the clause in the past); with none after, the sentence
    /// before it.</summary>
    private static bool PastClause(string sentence, int start, int length)
    {
        var before = sentence[..start];
        int from = 0;
        foreach (Match c in ClauseStart.Matches(before)) from = c.Index + c.Length;
        var clause = before[from..];
        var trimmed = clause.TrimEnd();
        int sp = trimmed.LastIndexOfAny([' ', '\t', '\n']);
        var last = sp >= 0 ? trimmed[(sp + 1)..] : trimmed;
        if (DeadlineWords.Contains(last)) return false;
        if (last.Equals("ended", StringComparison.OrdinalIgnoreCase)) return true;
        if (PastVerb.IsMatch(clause) || OpenClause.IsMatch(clause)) return PastVerb.IsMatch(clause) && !OpenClause.IsMatch(clause);
        var after = sentence[Math.Min(start + length, sentence.Length)..];
        var past = PastVerb.Match(after);
        var open = OpenClause.Match(after);
        if (past.Success || open.Success) return past.Success && (!open.Success || past.Index < open.Index);
        return PastVerb.IsMatch(before) && !OpenClause.IsMatch(before);
    }

    private static int NearestYear(DateOnly dct, int month, int day, TemporalDirection dir, bool pastClause)
    {
        int best = dct.Year;
        int bestDistance = int.MaxValue;
        for (int y = Math.Max(1, dct.Year - 1); y <= Math.Min(9999, dct.Year + 1); y++)
        {
            var c = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
            int distance = Math.Abs(c.DayNumber - dct.DayNumber);
            // Past is the default reading of news (weak: a month's preference); a future cue ("will", "due to")
            // rules out days more than a week before the DCT.
            // A clause plainly in the past tense ("bought RJR in February", written in October) rules out days more
            // than about three weeks after the DCT.
            if (dir == TemporalDirection.Past && pastClause && c.DayNumber - dct.DayNumber > 20) distance += 366;
            else if (dir == TemporalDirection.Past && c > dct) distance += 31;
            if (dir == TemporalDirection.Future && c < dct.AddDays(-7)) distance += 366;
            if (distance < bestDistance) { best = y; bestDistance = distance; }
        }
        return best;
    }

    private static readonly HashSet<string> MayCues = new(StringComparer.OrdinalIgnoreCase) { "in", "of", "since", "until", "by", "through", "from", "to", "during", "before", "after", "late", "early", "mid", "last", "this", "next" };

    private static void AddMonth(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var monText = m.Groups["mon"].Value;
        int month = MonthOf(monText);
        if (month == 0) return;
        var pre = m.Groups["pre"].Value.Trim().ToLowerInvariant();
        bool hasYear = m.Groups["year"].Success;
        if (monText == "May" && !hasYear && pre.Length == 0)
        {
            // "May" alone is usually the modal at the start of a sentence or a name; a preposition before it makes it the month.
            var before = sentence[..t.Index].TrimEnd();
            int sp = before.LastIndexOf(' ');
            var word = sp >= 0 ? before[(sp + 1)..] : before;
            if (!MayCues.Contains(word)) return;
        }
        int? year = hasYear ? Int(m.Groups["year"].Value) : null;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var mod = ModOf(pre);
        Add(found, offset, t, "month", ctx =>
        {
            int y;
            if (year is int yy) y = yy;
            else if (ctx.Dct is DateOnly dct)
            {
                int dm = dct.Month;
                y = rel switch
                {
                    "this" => dct.Year,
                    "last" => dct.Year - 1,
                    "next" => dct.Year + 1,
                    _ => pre switch
                    {
                        "this" => dct.Year,
                        "last" => month < dm ? dct.Year : dct.Year - 1,
                        "next" => month > dm ? dct.Year : dct.Year + 1,
                        _ => NearestYear(dct, month, 15, Direction(sentence, t), PastClause(sentence, t.Index, t.Length)),
                    },
                };
            }
            else return new TimexValue(TimexType.Date, "XXXX-" + month.ToString("00", CultureInfo.InvariantCulture), mod);
            ctx.RefYear = y;
            return new TimexValue(TimexType.Date, TimexFormat.Month(y, month), mod);
        });
    }

    // "more than 2000 people", "some 1500 troops": a count, not a year.
    [GeneratedRegex($@"\b(?:{Approx})\s+$", IgnoreCase)]
    private static partial Regex CountBefore { get; }

    private static void AddYear(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        if (!m.Groups["pre"].Success && CountBefore.IsMatch(sentence.AsSpan(0, t.Index))) return;
        int year = Int(m.Groups["year"].Value);
        var pre = m.Groups["pre"].Value.Trim().ToLowerInvariant();
        var mod = ModOf(pre);
        string value = TimexFormat.Year(year);
        if (pre.Contains("first half", StringComparison.Ordinal)) value += "-H1";
        else if (pre.Contains("second half", StringComparison.Ordinal)) value += "-H2";
        Add(found, offset, t, "year", ctx =>
        {
            ctx.RefYear = year;
            return new TimexValue(TimexType.Date, value, value.Contains('H', StringComparison.Ordinal) ? null : mod);
        });
    }

    private static void AddDecade(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        string value;
        if (m.Groups["cent"].Success) value = (Int(m.Groups["cent"].Value) - 1).ToString("00", CultureInfo.InvariantCulture);
        else if (m.Groups["dec"].Success) value = m.Groups["dec"].Value[..3];
        else value = "19" + m.Groups["short"].Value[..1];
        var mod = ModOf(m.Groups["pre"].Value);
        Add(found, offset, t, "decade", _ => new TimexValue(TimexType.Date, value, mod));
    }

    private static void AddWeekday(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var wd = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value);
        var pre = m.Groups["pre"].Value.Trim().ToLowerInvariant();
        var pod = m.Groups["pod"].Success ? PartOfDay(m.Groups["pod"].Value) : null;
        var mod = ModOf(pre);
        Add(found, offset, t, "weekday", ctx =>
        {
            if (ctx.Dct is not DateOnly dct)
            {
                return new TimexValue(TimexType.Date, "XXXX-WXX-" + (((int)wd + 6) % 7 + 1).ToString(CultureInfo.InvariantCulture));
            }
            // "the previous Friday", "the following Monday" count from the day the narrative is on (TimeML's anchor),
            // not from the creation date.
            DateOnly d;
            if (pre is "the previous" or "the following" && ctx.RefDay is DateOnly rd)
            {
                d = pre == "the previous"
                    ? rd.AddDays(-(((int)rd.DayOfWeek - (int)wd + 6) % 7 + 1))
                    : rd.AddDays(((int)wd - (int)rd.DayOfWeek + 6) % 7 + 1);
            }
            else d = WeekdayDate(dct, wd, pre, Direction(sentence, t));
            ctx.RefDay = d;
            // TimeBank types "Friday morning" mostly as a DATE (with the part of day in the value), not a TIME.
            return new TimexValue(TimexType.Date, pod is null ? TimexFormat.Day(d) : TimexFormat.Day(d) + "T" + pod, mod);
        });
    }

    private static void AddDeictic(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        var w = m.Groups["w"].Value.ToLowerInvariant();
        var pod = m.Groups["pod"].Success ? PartOfDay(m.Groups["pod"].Value) : null;
        var mod = ModOf(m.Groups["pre"].Value);
        int shift = w switch { "yesterday" => -1, "tomorrow" => 1, "last" => -1, _ => 0 };
        if (w == "tonight") pod = "NI";
        if (w == "last" && pod != "NI") return; // "last morning" is no deictic phrase
        Add(found, offset, t, "deictic", ctx =>
        {
            if (ctx.Dct is not DateOnly dct) return new TimexValue(pod is null ? TimexType.Date : TimexType.Time, w == "today" ? "PRESENT_REF" : "XXXX-XX-XX", mod);
            var d = dct.AddDays(shift);
            return pod is null ? new TimexValue(TimexType.Date, TimexFormat.Day(d), mod) : new TimexValue(TimexType.Time, TimexFormat.Day(d) + "T" + pod, mod);
        });
    }

    private static void AddAgo(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        var count = CountValue(m.Groups["n"].Value);
        var (letter, time) = UnitLetter(m.Groups["unit"].Value);
        var dirWord = m.Groups["dir"].Value.ToLowerInvariant();
        // "two days before" / "after": TimeML marks only the duration ("two days"), the relation is the signal's.
        if (dirWord is "before" or "after")
        {
            AddDurationCore(found, offset, m.Groups["n"].Index, m.Groups["unit"].Index + m.Groups["unit"].Length, count, m.Groups["unit"].Value, m.Groups["approx"].Value);
            return;
        }
        bool anaphoric = dirWord is "earlier" or "later";
        int sign = dirWord is "ago" or "earlier" ? -1 : 1;
        var mod = m.Groups["approx"].Success ? ApproxMod(m.Groups["approx"].Value) : null;
        Add(found, offset, t, anaphoric ? "anaphoric" : "ago", ctx =>
        {
            if (count is null || count == "X" || count.Contains('.', StringComparison.Ordinal) || time)
            {
                return new TimexValue(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", mod);
            }
            int n = int.Parse(count, CultureInfo.InvariantCulture) * sign;
            DateOnly? anchorDay = anaphoric ? ctx.RefDay ?? ctx.Dct : ctx.Dct;
            if (anchorDay is not DateOnly anchor) return new TimexValue(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", mod);
            // Financial news: "a year ago" / "a year earlier" beside a quarter means that quarter a year before.
            if (letter == "Y" && ctx.RefQuarter is { } rq) return new TimexValue(TimexType.Date, TimexFormat.Quarter(rq.Year + n, rq.Quarter), mod);
            return letter switch
            {
                "D" => new TimexValue(TimexType.Date, TimexFormat.Day(anchor.AddDays(n)), mod),
                "W" => new TimexValue(TimexType.Date, TimexFormat.Week(anchor.AddDays(7 * n)), mod),
                "M" => new TimexValue(TimexType.Date, TimexFormat.Month(anchor.AddMonths(n).Year, anchor.AddMonths(n).Month), mod),
                "Q" => new TimexValue(TimexType.Date, TimexFormat.Quarter(anchor.AddMonths(3 * n).Year, TimexFormat.QuarterOf(anchor.AddMonths(3 * n))), mod),
                "DE" => new TimexValue(TimexType.Date, TimexFormat.Year(anchor.Year + 10 * n)[..3], mod),
                "CE" => new TimexValue(TimexType.Date, TimexFormat.Year(anchor.Year + 100 * n)[..2], mod),
                "WE" => new TimexValue(TimexType.Date, TimexFormat.Week(anchor.AddDays(7 * n)) + "-WE", mod),
                _ => new TimexValue(TimexType.Date, TimexFormat.Year((ctx.RefYear is int ry && anaphoric ? ry : anchor.Year) + n), mod),
            };
        });
    }

    private static string? ApproxMod(string approx) => approx.Trim().ToLowerInvariant() switch
    {
        "more than" or "over" => "MORE_THAN",
        "less than" or "fewer than" or "under" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "at most" or "up to" => "EQUAL_OR_LESS",
        "" or "another" or "only" or "just" => null,
        _ => "APPROX",
    };

    private static readonly string[] Seasons = ["spring", "summer", "fall", "autumn", "winter"];

    private static void AddPeriod(List<TimexCandidate> found, int offset, Match m)
    {
        var t = m.Groups["t"];
        var mod = string.Join(' ', m.Groups["mod"].Value.ToLowerInvariant().Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        bool season = Seasons.Contains(unit);
        // "the week" / "the year" alone are too often a duration or no timex at all; only "the weekend" and seasons
        // ("the summer") stand with a bare article.
        if (mod == "the" && unit is not ("weekend" or "spring" or "summer" or "fall" or "autumn" or "winter")) return;
        string? tmod = mod.StartsWith("earl", StringComparison.Ordinal) ? "START" : mod.StartsWith("lat", StringComparison.Ordinal) ? "END" : null;
        int shift = mod.Contains("last", StringComparison.Ordinal) || mod is "the past" or "the previous" or "the prior" or "this past" ? -1
            : mod.Contains("next", StringComparison.Ordinal) || mod is "the coming" or "the following" ? 1 : 0;
        bool anaphoric = mod is "the previous" or "the prior" or "the following" or "the same";
        int? ofYear = m.Groups["year"].Success ? Int(m.Groups["year"].Value) : null;
        if (season && ofYear is int sy)
        {
            string c = unit switch { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };
            Add(found, offset, t, "season", _ => new TimexValue(TimexType.Date, $"{TimexFormat.Year(sy)}-{c}", tmod));
            return;
        }
        if ((unit is "decade" or "century") && mod is "the past" or "the last" or "the previous")
        {
            Add(found, offset, t, "period", _ => new TimexValue(TimexType.Duration, unit == "decade" ? "P1DE" : "P1CE"));
            return;
        }
        Add(found, offset, t, season ? "season" : "period", ctx =>
        {
            DateOnly? baseDay = anaphoric ? ctx.RefDay : ctx.Dct;
            if (baseDay is not DateOnly p) return new TimexValue(TimexType.Date, shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF", tmod);
            if (season)
            {
                string code = unit switch { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };
                int lastMonth = unit switch { "spring" => 5, "summer" => 8, "winter" => 2, _ => 11 };
                int y = p.Year;
                if (shift < 0) y = p.Month > lastMonth && unit != "winter" ? p.Year : p.Year - 1;
                else if (shift > 0) y = p.Year + (p.Month < lastMonth - 2 ? 0 : 1);
                return new TimexValue(TimexType.Date, $"{TimexFormat.Year(y)}-{code}", tmod);
            }
            return unit switch
            {
                "week" => new TimexValue(TimexType.Date, TimexFormat.Week(p.AddDays(7 * shift)), tmod),
                "weekend" => new TimexValue(TimexType.Date, TimexFormat.Week(p.AddDays(7 * shift - (p.DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Monday && shift == 0 && mod == "the" ? 1 : 0))) + "-WE", tmod),
                "month" => new TimexValue(TimexType.Date, TimexFormat.Month(p.AddMonths(shift).Year, p.AddMonths(shift).Month), tmod),
                "decade" => new TimexValue(TimexType.Date, TimexFormat.Year(p.Year + 10 * shift)[..3], tmod),
                "century" => new TimexValue(TimexType.Date, TimexFormat.Year(p.Year + 100 * shift)[..2], tmod),
                _ => new TimexValue(TimexType.Date, TimexFormat.Year(p.Year + shift), tmod),
            };
        });
    }

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4, ["final"] = 4,
    };

    private static void AddQuarter(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var det = m.Groups["det"].Value.ToLowerInvariant();
        // "quarter-to-quarter", "period-to-period": a comparison, not a time.
        if (sentence.AsSpan(m.Groups["unit"].Index + m.Groups["unit"].Length).StartsWith("-to-", StringComparison.Ordinal)) return;
        var words = m.Groups["adj"].Captures.Select(c => c.Value.Trim(' ', '-', '\t', '\n').ToLowerInvariant()).ToList();
        int? ord = null;
        int? year = m.Groups["yr"].Success ? Int(m.Groups["yr"].Value) : m.Groups["year2"].Success ? Int(m.Groups["year2"].Value) : null;
        foreach (var w in words)
        {
            if (Ordinals.TryGetValue(w, out int o)) ord = o;
            else if (w.Length == 4 && char.IsDigit(w[0])) year = Int(w);
        }
        bool yearAgo = words.Contains("year-ago") || words.Contains("year-earlier") || words.Contains("comparable") || words.Contains("same");
        bool hasQualifier = ord is not null || year is not null || yearAgo || words.Any(w => w is "latest" or "current" or "previous" or "prior" or "recent" or "just-ended" or "just ended" or "fiscal");
        // A bare "quarter" / "half" / "period" is a timex only with a determiner and, for "period" and "half", a qualifier.
        if (unit == "period" && !hasQualifier) return;
        if (unit == "half" && ord is null or > 2) return;
        if (!hasQualifier && det.Length == 0) return;
        if (det.Length == 0 && ord is null && year is null && !yearAgo && !words.Contains("fiscal")) return;
        // "the third-quarter loss": the determiner belongs to the noun after the adjective.
        int start = t.Index, end = t.Index + t.Length;
        var unitGroup = m.Groups["unit"];
        if (unitGroup.Index > 0 && sentence[unitGroup.Index - 1] == '-')
        {
            end = unitGroup.Index + unitGroup.Length;
            if (m.Groups["det"].Success && det == "the") start = m.Groups["adj"].Captures.Count > 0 ? m.Groups["adj"].Captures[0].Index : unitGroup.Index;
            if (m.Groups["year2"].Success) year = m.Groups["yr"].Success ? Int(m.Groups["yr"].Value) : null;
        }
        else if (m.Groups["year2"].Success && sentence.Length > end && sentence[end] == '-') return;
        var extent = sentence[start..end];
        if (extent.Length == 0) return;
        string detWord = det;
        found.Add(new TimexCandidate(offset + start, offset + end, "quarter", ctx =>
        {
            int dctYear = ctx.Dct?.Year ?? ctx.RefYear ?? 0;
            int dctQ = ctx.Dct is DateOnly d ? TimexFormat.QuarterOf(d) : 0;
            int y = year ?? (detWord.StartsWith("last year", StringComparison.Ordinal) ? dctYear - 1 : detWord.StartsWith("next year", StringComparison.Ordinal) ? dctYear + 1 : dctYear);
            if (unit == "half")
            {
                if (dctYear == 0 && year is null) return new TimexValue(TimexType.Date, "XXXX-H" + ord!.Value.ToString(CultureInfo.InvariantCulture));
                return new TimexValue(TimexType.Date, $"{TimexFormat.Year(y)}-H{ord!.Value.ToString(CultureInfo.InvariantCulture)}");
            }
            if (dctYear == 0) return new TimexValue(TimexType.Date, ord is int oq ? "XXXX-Q" + TimexFormat.Number(oq) : "XXXX-QX");
            (int Y, int Q) q;
            if (ord is int o)
            {
                // A quarter not begun yet at the DCT, reported as past, is last year's.
                if (year is null && detWord.Length < 5 && o > dctQ && Direction(sentence, t) == TemporalDirection.Past && ctx.Dct is not null) y--;
                q = (y, o);
                if (yearAgo && year is null) q = (y - 1, o);
            }
            else if (words.Contains("current") || detWord == "this") q = (dctYear, dctQ);
            else if (detWord == "next") q = Shift((dctYear, dctQ), 1);
            else if (words.Contains("previous") || words.Contains("prior") || detWord == "last")
                q = ctx.RefQuarter is { } r0 ? Shift(r0, -1) : Shift((dctYear, dctQ), -1);
            else
            {
                var r = ctx.RefQuarter ?? Shift((dctYear, dctQ), -1);
                if (year is int ey) r = (ey, r.Quarter);
                q = yearAgo ? (r.Year - 1, r.Quarter) : r;
            }
            if (!yearAgo && year is null || ord is not null && !yearAgo) ctx.RefQuarter = q;
            if (unit == "period" && year is not null && ord is null && !yearAgo && ctx.RefQuarter is null) return new TimexValue(TimexType.Date, TimexFormat.Year(year.Value));
            return new TimexValue(TimexType.Date, TimexFormat.Quarter(q.Y, q.Q));
        }));
    }

    private static (int Year, int Quarter) Shift((int Year, int Quarter) q, int by)
    {
        int index = q.Year * 4 + (q.Quarter - 1) + by;
        return (index / 4, index % 4 + 1);
    }

    private static void AddDuration(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var n = m.Groups["n"].Value;
        var pre = m.Groups["pre"].Value;
        var unit = m.Groups["unit"].Value;
        var count = CountValue(n);
        if (count is null) return;
        var t = m.Groups["t"];
        var lowerN = n.ToLowerInvariant();
        // "a year" after an amount is a rate (a SET, below); "some"/"many" alone before a singular unit are no count.
        if (lowerN is "a" or "an" && pre.Length == 0 && RateBefore.IsMatch(sentence[..t.Index])) return;
        if (lowerN is "some" or "many" && !unit.EndsWith('s')) return;
        // "three-quarters of its food", "a quarter of the vote" are fractions.
        if (unit.StartsWith("quarter", StringComparison.OrdinalIgnoreCase) && sentence.AsSpan(t.Index + t.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase)) return;
        // Ages ("a 44-year-old", "37 years old") are no timexes in TimeML.
        if (m.Groups["old"].Value.Equals("-old", StringComparison.OrdinalIgnoreCase)) return;
        var after = sentence.AsSpan(t.Index + t.Length).TrimStart();
        if (after.StartsWith("old", StringComparison.OrdinalIgnoreCase) && (after.Length == 3 || !char.IsLetter(after[3]))) return;
        // "a second group", "a second time": the ordinal, not one second.
        if (lowerN is "a" or "an" && unit.Equals("second", StringComparison.OrdinalIgnoreCase) && after.Length > 0 && char.IsLetter(after[0]) && !KeepsSpan(after)) return;
        int start = t.Index;
        var p = pre.Trim().ToLowerInvariant();
        bool adjective = sentence.AsSpan(m.Groups["n"].Index + m.Groups["n"].Length).StartsWith("-", StringComparison.Ordinal);
        // TimeML's extent: an approximator ("about", "nearly", "only") stays outside (it becomes the mod); so does
        // "the" before an adjectival duration ("the 14-day trip").
        if (p.Length > 0 && (!p.StartsWith("the", StringComparison.Ordinal) || (p == "the" && adjective))) start = m.Groups["n"].Index;
        int end = t.Index + t.Length - (m.Groups["old"].Success ? m.Groups["old"].Length : 0);
        AddDurationCore(found, offset, start, end, count, unit, pre);
    }

    // Words after "a second" that keep it a span of time ("a second later", "a second or two").
    private static readonly string[] OrdinalSecondEnds = ["ago", "later", "earlier", "before", "after", "or", "and", "longer", "too"];

    private static bool KeepsSpan(ReadOnlySpan<char> after)
    {
        int n = 0;
        while (n < after.Length && char.IsLetter(after[n])) n++;
        var word = after[..n];
        foreach (var w in OrdinalSecondEnds) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static void AddDurationCore(List<TimexCandidate> found, int offset, int start, int end, string? count, string unit, string pre)
    {
        if (count is null) return;
        var p = pre.Trim().ToLowerInvariant();
        string? mod = ApproxMod(p);
        if (p.StartsWith("the", StringComparison.Ordinal)) mod = p.Contains("first", StringComparison.Ordinal) ? "START" : null;
        var value = PeriodValue(count, unit);
        // Decades and centuries are written in years (TimeBank: "two decades" → P20Y).
        if (value.EndsWith("DE", StringComparison.Ordinal) && int.TryParse(count, CultureInfo.InvariantCulture, out int dn)) value = "P" + TimexFormat.Number(10 * dn) + "Y";
        found.Add(new TimexCandidate(offset + start, offset + end, "duration", _ => new TimexValue(TimexType.Duration, value, mod)));
    }

    private static void AddBarePlural(List<TimexCandidate> found, int offset, Match m)
    {
        var value = PeriodValue("X", m.Groups["unit"].Value);
        Add(found, offset, m.Groups["t"], "duration", _ => new TimexValue(TimexType.Duration, value));
    }

    [GeneratedRegex(@"\b(?:its|the|a|an|their|his|her|our|your|party|paper's|newspaper)\s+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeterminerBefore { get; }

    [GeneratedRegex(@"^\s+(?:cash\s+|common\s+|stock\s+)?(?:dividends?|results|reports?|earnings|payments?|payouts?|distributions?|interest|profits?|loss(?:es)?|sales|revenues?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PaymentAfter { get; }

    private static void AddSet(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        string value;
        if (m.Groups["adv"].Success)
        {
            // As an adjective it is a set too ("his daily life", "a daily rally", "on a daily basis"), except as the
            // schedule of a financial payment or report ("its quarterly dividend", "the quarterly results"), which
            // TimeBank does not mark.
            if (DeterminerBefore.IsMatch(sentence[..t.Index]) && PaymentAfter.IsMatch(sentence.AsSpan(t.Index + t.Length))) return;
            value = m.Groups["adv"].Value.ToLowerInvariant() switch
            {
                "daily" or "nightly" => "P1D",
                "weekly" => "P1W",
                "biweekly" => "P2W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "semiannually" => "P6M",
                "hourly" => "PT1H",
                _ => "P1Y",
            };
        }
        else
        {
            var unit = m.Groups["unit"].Value;
            if (Enum.TryParse<DayOfWeek>(unit, ignoreCase: false, out var wd) && char.IsUpper(unit[0]))
            {
                value = "XXXX-WXX-" + (((int)wd + 6) % 7 + 1).ToString(CultureInfo.InvariantCulture);
            }
            else if (unit.ToLowerInvariant() is "morning" or "night" or "evening" or "afternoon")
            {
                value = "XXXX-XX-XXT" + PartOfDay(unit);
            }
            else
            {
                var count = m.Groups["n"].Success ? CountValue(m.Groups["n"].Value) ?? "1" : "1";
                value = PeriodValue(count, unit);
            }
        }
        Add(found, offset, t, "set", _ => new TimexValue(TimexType.Set, value));
    }

    private static void AddVague(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        var w = string.Join(' ', m.Groups["w"].Value.ToLowerInvariant().Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (w == "once")
        {
            // "once" is a past reference only as the adverb before a verb or adjective ("once a leader", "once
            // thriving"); "at once" and "once again" are not timexes.
            return;
        }
        var value = w switch
        {
            "right now" or "now" or "currently" or "current" or "nowadays" or "presently" or "at present" or "these days" or "the present" or "the moment" => "PRESENT_REF",
            "soon" or "the future" => "FUTURE_REF",
            _ => "PAST_REF",
        };
        // "as soon as" is a conjunction.
        if (w == "soon" && (sentence[..t.Index].TrimEnd().EndsWith(" as", StringComparison.OrdinalIgnoreCase)
            || sentence.AsSpan(t.Index + t.Length).TrimStart().StartsWith("as ", StringComparison.OrdinalIgnoreCase))) return;
        // "the moment" only in "at the moment".
        if (w == "the moment" && !sentence[..t.Index].TrimEnd().EndsWith(" at", StringComparison.OrdinalIgnoreCase)) return;
        // "recent months", "recent weeks", "recent days" are vague durations in TimeBank (PXM, PXW, PXD); "recent
        // years" stays a past reference (annotated so four times in five).
        if (w is "recent months" or "recent weeks" or "recent days")
        {
            var duration = "PX" + char.ToUpperInvariant(w[7]);
            Add(found, offset, t, "vague", _ => new TimexValue(TimexType.Duration, duration));
            return;
        }
        Add(found, offset, t, "vague", _ => new TimexValue(TimexType.Date, value));
    }

    private static void AddClock(List<TimexCandidate> found, string sentence, int offset, Match m)
    {
        var t = m.Groups["t"];
        int hour, minute = 0;
        if (m.Groups["noon"].Success)
        {
            hour = m.Groups["noon"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? 12 : 24;
        }
        else
        {
            hour = Int(m.Groups["h"].Value);
            if (m.Groups["mi"].Success) minute = Int(m.Groups["mi"].Value);
            if (hour is < 1 or > 12) return;
            bool pm = m.Groups["ap"].Value.StartsWith('p') || m.Groups["ap"].Value.StartsWith('P');
            if (pm && hour < 12) hour += 12;
            if (!pm && hour == 12) hour = 0;
        }
        var dayWord = m.Groups["wd"].Success ? m.Groups["wd"].Value : null;
        int clockMonth = m.Groups["mon"].Success ? MonthOf(m.Groups["mon"].Value) : 0;
        int clockDay = m.Groups["day"].Success ? Int(m.Groups["day"].Value) : 0;
        Add(found, offset, t, "clock", ctx =>
        {
            if (ctx.Dct is not DateOnly dct) return new TimexValue(TimexType.Time, string.Create(CultureInfo.InvariantCulture, $"XXXX-XX-XXT{hour:00}:{minute:00}"));
            var d = ctx.RefDay ?? dct;
            if (dayWord is not null)
            {
                d = dayWord.ToLowerInvariant() switch
                {
                    "today" => dct,
                    "yesterday" => dct.AddDays(-1),
                    "tomorrow" => dct.AddDays(1),
                    _ => WeekdayDate(dct, Enum.Parse<DayOfWeek>(dayWord), "", Direction(sentence, t)),
                };
            }
            else if (clockMonth > 0 && SafeDate(NearestYear(dct, clockMonth, clockDay, Direction(sentence, t), PastClause(sentence, t.Index, t.Length)), clockMonth, clockDay) is DateOnly cd) d = cd;
            else d = dct;
            return new TimexValue(TimexType.Time, $"{TimexFormat.Day(d)}T{hour.ToString("00", CultureInfo.InvariantCulture)}:{minute.ToString("00", CultureInfo.InvariantCulture)}");
        });
    }
}
