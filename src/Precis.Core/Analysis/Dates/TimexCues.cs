namespace Precis.Analysis.Dates;

/// <summary>
/// Necessary conditions of the tagger's word-driven rule families, read in one pass over a sentence's words (runs of
/// letters and digits): a rule's regular expression runs only on a sentence where the words it needs stand next to
/// each other. A count before a time unit ("two years", "a 30-year"), a period word after a determiner ("last
/// week", "the summer"), a plural unit after a verb of extent ("for years"), a quarter or half after an ordinal or a
/// determiner ("the third quarter") or before a year ("the quarter of 1990"), a four-digit year. Each flag over-approximates its rule (the word before a
/// unit is taken across any separator), so skipping a rule where its flag is false never changes what is found;
/// on a sentence holding a character that case-folds into ASCII (the Kelvin sign, the long s, dotted or dotless i)
/// every flag is set, as the case-insensitive patterns could match there.
/// </summary>
internal readonly struct TimexCues
{
    /// <summary>A count word or number right before a time unit (durations, "N units ago/later").</summary>
    public bool CountUnit { get; init; }

    /// <summary>A determiner or "last/next/past/previous ..." right before a period word (relative periods).</summary>
    public bool Period { get; init; }

    /// <summary>A verb or preposition of extent right before a plural unit ("for years").</summary>
    public bool BarePlural { get; init; }

    /// <summary>A determiner, ordinal or qualifier right before "quarter", "half" or "period", or a year after it.</summary>
    public bool Quarter { get; init; }

    /// <summary>A word of exactly four digits starting with 1 or 2 (years, ISO and numeric dates).</summary>
    public bool Year4 { get; init; }

    /// <summary>A time unit right after "past", "last", "previous" or "recent" ("over the past day", "in recent weeks").</summary>
    public bool PastUnit { get; init; }

    /// <summary>A count and a time unit followed by "ago", "earlier", "later", "from", "hence", "before" or "after".</summary>
    public bool CountUnitDirection { get; init; }

    /// <summary>"yesterday", "today", "tomorrow", "tonight", or a part of the day after "last", "this", "tomorrow" or
    /// "yesterday".</summary>
    public bool Deictic { get; init; }

    /// <summary>A month name or abbreviation opening a word, alone or before digits ("Nov", "November", "Nov9").</summary>
    public bool MonthToken { get; init; }

    /// <summary>A count and a unit after "past", "last", "previous" or "recent" within three words ("the past two
    /// years", "the last few days", "the past a couple of weeks"): a span up to the publication.</summary>
    public bool PastCount { get; init; }

    /// <summary>An hour before "am", "pm", "a.m." or "p.m." ("5 p.m.", "10:30am").</summary>
    public bool Clock { get; init; }

    /// <summary>Every flag set: every rule runs.</summary>
    internal static readonly TimexCues All = new()
    {
        CountUnit = true, Period = true, BarePlural = true, Quarter = true, Year4 = true, PastUnit = true, CountUnitDirection = true,
        Deictic = true, MonthToken = true, Clock = true, PastCount = true,
    };

    [Flags]
    private enum Word
    {
        None = 0,
        Unit = 1,
        CountTail = 2,
        PeriodUnit = 4,
        PeriodMod = 8,
        PluralUnit = 16,
        Extent = 32,
        QuarterUnit = 64,
        Qualifier = 128,
        PastWord = 256,
        Direction = 512,
        YearLead = 1024,
        The = 2048,
        BareTheUnit = 4096,
        DeicticDay = 8192,
        PartOfDay = 16384,
        DeicticLead = 32768,
        Meridiem = 65536,
    }

    private static readonly Dictionary<string, Word> Words = Build();

    private static readonly Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, Word> Build()
    {
        var words = new Dictionary<string, Word>(StringComparer.Ordinal);
        void Add(Word kind, params string[] list)
        {
            foreach (var w in list) words[w] = words.GetValueOrDefault(w) | kind;
        }
        Add(Word.Unit, "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "weekend", "weekends", "week", "weeks",
            "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries");
        // The last word of every alternative of the tagger's count ("a hundred", "dozens of", "one and a half").
        Add(Word.CountTail, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred", "of", "dozen", "half", "few", "several", "couple", "many", "some", "a", "an");
        Add(Word.PeriodUnit, "week", "weekend", "month", "year", "decade", "century", "fall", "spring", "summer", "winter", "autumn");
        // The last word of every modifier of the relative-period rule ("earlier this", "the past", "this past"); a bare
        // "the" stands only before "weekend" and the seasons (the rule drops "the week", "the year").
        Add(Word.PeriodMod, "this", "last", "next", "past", "previous", "prior", "coming", "current", "following", "same");
        Add(Word.The, "the");
        Add(Word.BareTheUnit, "weekend", "spring", "summer", "fall", "autumn", "winter");
        Add(Word.DeicticDay, "yesterday", "today", "tomorrow", "tonight");
        Add(Word.PartOfDay, "night", "morning", "afternoon", "evening");
        Add(Word.DeicticLead, "last", "this", "tomorrow", "yesterday");
        Add(Word.Meridiem, "am", "pm", "a", "p");
        Add(Word.PluralUnit, "years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries");
        Add(Word.Extent, "for", "over", "within", "took", "takes", "take", "lasted", "last", "spent", "spend", "many", "several");
        Add(Word.QuarterUnit, "quarter", "half", "period");
        // The last word of every determiner and qualifier of the quarter rule ("this year's" ends in "s", "year-ago"
        // in "ago", "just-ended" in "ended"); a four-digit year qualifies too.
        Add(Word.Qualifier, "the", "this", "last", "next", "s", "latest", "current", "previous", "prior", "recent", "same", "comparable",
            "ago", "earlier", "fiscal", "calendar", "ended", "first", "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th");
        Add(Word.PastWord, "past", "last", "previous", "recent");
        Add(Word.Direction, "ago", "earlier", "later", "from", "hence", "before", "after");
        Add(Word.YearLead, "of", "fiscal", "calendar");
        return words;
    }

    /// <summary>The cues of one sentence.</summary>
    public static TimexCues Of(ReadOnlySpan<char> s)
    {
        // Characters that IgnoreCase folds into ASCII letters of the patterns: K (Kelvin), ſ (long s), İ, ı.
        if (s.IndexOfAny('\u212A', '\u017F', '\u0130') >= 0 || s.Contains('\u0131')) return All;
        bool countUnit = false, period = false, bare = false, quarter = false, year4 = false, pastUnit = false, direction = false;
        bool deictic = false, monthToken = false, clock = false, pastCount = false;
        Word prev2 = Word.None, prev3 = Word.None, prev4 = Word.None;
        Word prev = Word.None;
        ReadOnlySpan<char> prevWord = default;
        bool prevDigit = false, prevYear = false, pendingCountUnit = false, pendingQuarter = false;
        Span<char> lower = stackalloc char[10];
        int i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
            var word = s[start..i];
            bool digit = char.IsDigit(word[0]);
            // A year may close a word ("fiscal1990": the year rule's modifiers need no space).
            bool isYear = EndsInYear(word);
            if (isYear && word[^4] is '1' or '2') year4 = true;
            Word kind = Word.None;
            if (word.Length <= lower.Length && (!digit || word.Length == 3))
            {
                int n = word.ToLowerInvariant(lower);
                kind = n == word.Length && Lookup.TryGetValue(lower[..n], out var k) ? k : Word.None;
            }
            // The direction word of "N units ago" needs no word boundary after it.
            if (pendingCountUnit && StartsWithAny(word, Directions)) direction = true;
            // "the quarter of 1990", "quarter, fiscal 1991": the year after the unit qualifies it.
            if (pendingQuarter && (word.Length == 4 && isYear || (kind & Word.YearLead) != 0)) quarter = true;
            pendingCountUnit = false;
            // The quarter rule has no word boundary before it: its unit may close a word, its qualifier too.
            bool quarterUnit = (word[^1] | 0x20) is 'r' or 'f' or 'd' && EndsWithAny(word, QuarterUnitWords);
            pendingQuarter = quarterUnit;
            if ((kind & Word.Unit) != 0)
            {
                if (prevDigit || (prev & Word.CountTail) != 0)
                {
                    countUnit = true;
                    pendingCountUnit = true;
                    if (((prev2 | prev3 | prev4) & Word.PastWord) != 0) pastCount = true;
                }
                if ((prev & Word.PastWord) != 0) pastUnit = true;
            }
            if ((kind & Word.PeriodUnit) != 0 && ((prev & Word.PeriodMod) != 0 || (prev & Word.The) != 0 && (kind & Word.BareTheUnit) != 0)) period = true;
            if ((kind & Word.DeicticDay) != 0 || (kind & Word.PartOfDay) != 0 && (prev & Word.DeicticLead) != 0) deictic = true;
            if (!monthToken && char.IsUpper(word[0]) && word.Length >= 3 && IsMonthToken(word)) monthToken = true;
            // "5 pm", "5 p.m.", "10:30am", "5p.m.": the meridiem after an hour, or glued to it.
            if ((kind & Word.Meridiem) != 0 && prevDigit || digit && char.IsLetter(word[^1]) && EndsWithAny(word, Meridiems)) clock = true;
            if ((kind & Word.PluralUnit) != 0 && (prev & Word.Extent) != 0) bare = true;
            if (quarterUnit && (prevYear || (prev & Word.Qualifier) != 0 || EndsWithAny(prevWord, QualifierWords))) quarter = true;
            prev4 = prev3;
            prev3 = prev2;
            prev2 = prev;
            prev = kind;
            prevWord = word;
            prevDigit = digit;
            prevYear = isYear;
        }
        return new TimexCues
        {
            CountUnit = countUnit, Period = period, BarePlural = bare, Quarter = quarter, Year4 = year4, PastUnit = pastUnit, CountUnitDirection = direction,
            Deictic = deictic, MonthToken = monthToken, Clock = clock, PastCount = pastCount,
        };
    }

    private static readonly string[] Directions = ["ago", "earlier", "later", "from", "hence", "before", "after"];

    private static readonly string[] Meridiems = ["am", "pm", "a", "p"];

    private static readonly string[] QuarterUnitWords = ["quarter", "half", "period"];

    // Qualifiers that may close a longer word ("s" stands alone: it comes after an apostrophe).
    private static readonly string[] QualifierWords =
    [
        "the", "this", "last", "next", "latest", "current", "previous", "prior", "recent", "same", "comparable", "ago", "earlier",
        "fiscal", "calendar", "ended", "first", "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th",
    ];

    /// <summary>
    /// Whether a word ends in four digits ("1990", "fiscal1990", also "20171990": the quarter rule has no leading word
    /// boundary, so its year can be the last four digits of a longer number).
    /// </summary>
    private static bool EndsInYear(ReadOnlySpan<char> w) =>
        w.Length >= 4 && char.IsDigit(w[^1]) && char.IsDigit(w[^2]) && char.IsDigit(w[^3]) && char.IsDigit(w[^4]);

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>A word that is a month name or abbreviation ("Sept" too), possibly followed by digits and more.</summary>
    private static bool IsMonthToken(ReadOnlySpan<char> w)
    {
        foreach (var name in MonthNames)
        {
            if (!w.StartsWith(name.AsSpan(0, 3), StringComparison.Ordinal)) continue;
            var rest = w[3..];
            if (rest.StartsWith(name.AsSpan(3), StringComparison.Ordinal)) rest = rest[(name.Length - 3)..];
            else if (name == "September" && rest.StartsWith("t", StringComparison.Ordinal)) rest = rest[1..];
            return rest.IsEmpty || char.IsDigit(rest[0]);
        }
        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> w, string[] words)
    {
        foreach (var x in words) if (w.StartsWith(x, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> w, string[] words)
    {
        foreach (var x in words) if (w.EndsWith(x, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
