using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// Finds and resolves the temporal expressions of an article set, and infers publication bounds for undated
/// articles first (so their relative expressions can use them when the bounds meet).
/// </summary>
public static partial class DateAnalyzer
{
    /// <summary>Two sentences report the same event when their content stems overlap this much (Jaccard).
    /// 0.5 is the usual near-duplicate threshold for short texts (word-set resemblance, Broder 1997).</summary>
    internal const double SameEventOverlap = 0.5;

    [GeneratedRegex(@";|\s+but\s+|,\s+while\s+|\s+before\s+|\s+after\s+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SegmentBreak { get; }

    [GeneratedRegex(@"\b(1[6-9]|20)\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatesYear { get; }

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[Tt]oday|[Yy]esterday|[Tt]omorrow)", RegexOptions.CultureInvariant)]
    private static partial Regex NamesDay { get; }

    /// <summary>Names shared by two sentences that make them one event (see <see cref="InferPublicationDates"/>).</summary>
    private const int SharedNames = 2;

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "the", "last", "this", "next",
    };

    /// <summary>The names of a sentence: words of three letters or more with a capital letter, past the first word,
    /// lower-cased ("al-Qaim" → "al-qaim"); weekdays and months are not names.</summary>
    private static HashSet<string> Names(Sentence s)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NameWord.Matches(s.Text))
        {
            if (m.Index == 0) continue;
            var w = m.Value.ToLowerInvariant();
            if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) w = w[..^2];
            if (w.Length >= 3 && !NotNames.Contains(w)) names.Add(w);
        }
        return names;
    }

    [GeneratedRegex(@"(?<![\w-])[\w-]*\p{Lu}[\w'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord { get; }

    /// <summary>A phrase without its leading preposition ("over the past week" and "the past week" name one period).</summary>
    private static string Bare(string phrase)
    {
        var p = phrase.Trim();
        foreach (var prep in (string[])["in ", "on ", "over ", "during ", "for ", "since "])
        {
            if (p.StartsWith(prep, StringComparison.OrdinalIgnoreCase)) return p[prep.Length..];
        }
        return p;
    }

    private static bool SameSegment(Sentence s, int a, int b)
    {
        int lo = Math.Min(a, b) - s.Span.Start, hi = Math.Max(a, b) - s.Span.Start;
        if (lo < 0 || hi > s.Text.Length) return false;
        return !SegmentBreak.IsMatch(s.Text[lo..hi]);
    }

    /// <summary>Resolves every article's expressions against its own publication date, as it stands.</summary>
    public static DateAnalysis Analyze(ImmutableArray<Article> articles)
    {
        int? referenceYear = ReferenceYear(articles);
        var perArticle = new List<TemporalExpression>[articles.Length];
        var ranged = new List<int>();
        for (int i = 0; i < articles.Length; i++)
        {
            var a = articles[i];
            if (a.Published is { Inferred: true, NotBefore: { } lo, NotAfter: { } hi } && lo < hi && hi.DayNumber - lo.DayNumber <= 31)
            {
                ranged.Add(i); // after the others: their days settle readings that differ across the range
            }
            else if (a.Published is { Inferred: true, NotBefore: { } earliest } p && (p.NotAfter is null || p.NotAfter.Value.DayNumber - earliest.DayNumber > 31))
            {
                perArticle[i] = [.. ResolveAtEarliest(a, earliest, referenceYear)];
            }
            else
            {
                perArticle[i] = [.. ResolveArticle(a, DateAnchor.For(a.Published, referenceYear))];
            }
        }
        if (ranged.Count > 0)
        {
            // The days the articles with a known publication day date events to.
            var setDays = new HashSet<DateOnly>();
            for (int i = 0; i < articles.Length; i++)
            {
                if (perArticle[i] is null || articles[i].Published is { Inferred: true, Precision: < DatePrecision.Day }) continue;
                foreach (var e in perArticle[i]) if (e.Resolution is { Precision: >= DatePrecision.Day } r && r.Start == r.End) setDays.Add(r.Date);
            }
            foreach (int i in ranged)
            {
                var a = articles[i];
                perArticle[i] = [.. ResolveWithinBounds(a, a.Published!.NotBefore!.Value, a.Published.NotAfter!.Value, setDays)];
            }
        }
        var all = ImmutableArray.CreateBuilder<TemporalExpression>();
        foreach (var list in perArticle) all.AddRange(MarkGoverning(list));
        return new DateAnalysis(all.ToImmutable());
    }

    /// <summary>
    /// A "since" range or a span reaching the publication ("since 2012", "over the past two years", "in recent
    /// months") measures a state; when the same sentence holds a point expression ("On Wednesday", "on 9 November",
    /// "last week"), that one governs the sentence's event, resolved or not, and the range dates nothing (issue 9).
    /// </summary>
    private static IEnumerable<TemporalExpression> MarkGoverning(List<TemporalExpression> expressions)
    {
        for (int i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            if (e.Kind == TemporalKind.SinceRange)
            {
                bool pointInSentence = false;
                for (int j = 0; j < expressions.Count; j++)
                {
                    var o = expressions[j];
                    if (j != i && o.Article == e.Article && o.Sentence == e.Sentence && o.Kind != TemporalKind.SinceRange) { pointInSentence = true; break; }
                }
                if (pointInSentence) e = e with { DatesEvent = false };
            }
            yield return e;
        }
    }

    /// <summary>
    /// For an article whose publication is only bounded below (inferred "not before D", no close upper bound): a
    /// relative expression is resolved at D, which gives the earliest day it can mean (a past weekday, "a week ago",
    /// "yesterday" only move later as the publication day does), and is marked as such: the timeline can show the
    /// article's events with the bound instead of dropping them.
    /// </summary>
    private static IEnumerable<TemporalExpression> ResolveAtEarliest(Article a, DateOnly earliest, int? referenceYear)
    {
        var description = $"an article inferred to be published not before {DateFormat.Day(earliest)}";
        foreach (var e in ResolveArticle(a, DateAnchor.For(a.Published, referenceYear)))
        {
            if (e.Resolution is not null || e.Kind is not (TemporalKind.Weekday or TemporalKind.RelativeDay or TemporalKind.Ago or TemporalKind.RelativePeriod))
            {
                yield return e;
                continue;
            }
            var s = a.Sentences[e.Sentence];
            var mention = Mentions(a, s).FirstOrDefault(m => m.Span == e.Span);
            if (mention is null)
            {
                yield return e;
                continue;
            }
            var at = TemporalResolver.Resolve(a.Number, s.Index, s.Text, s.Span.Start, mention, new DateAnchor(earliest, description, earliest.Year));
            if (at.Resolution is not { } r)
            {
                yield return e;
                continue;
            }
            yield return e with
            {
                Resolution = r with
                {
                    Anchor = null,
                    Rule = r.Rule + "-at-earliest",
                    Evidence = $"'{e.Phrase}' in {description} → {DateFormat.Of(r)} at the earliest ({a.Published!.Evidence})",
                },
                Unresolved = null,
            };
        }
    }

    /// <summary>
    /// For an article whose publication day is only known to lie in [lo, hi]: an expression is resolved when it
    /// means the same at both bounds ("last week" said any day of the following week), or, at month precision or
    /// coarser, when both readings fall in one calendar period (then the union of the two ranges); otherwise it stays
    /// unresolved ("on Saturday" could be either of two Saturdays).
    /// </summary>
    private static IEnumerable<TemporalExpression> ResolveWithinBounds(Article a, DateOnly lo, DateOnly hi, HashSet<DateOnly> setDays)
    {
        var description = $"an article inferred to be published {DateFormat.Range(lo, hi)}";
        var early = ResolveArticle(a, new DateAnchor(lo, description, lo.Year)).ToList();
        var late = ResolveArticle(a, new DateAnchor(hi, description, hi.Year)).ToList();
        for (int i = 0; i < early.Count; i++)
        {
            var e = early[i];
            var l = late[i];
            if (e.Resolution is not { } r1 || l.Resolution is not { } r2 || r1.Anchor is null)
            {
                yield return e.Resolution is null || e.Resolution.Anchor is null ? e : e with { Resolution = null, Unresolved = $"relative expression in {description}" };
                continue;
            }
            if (r1.Start == r2.Start && r1.End == r2.End && r1.Precision == r2.Precision)
            {
                yield return e with { Resolution = r1 with { Anchor = null, Evidence = r1.Evidence + " (the same for any publication day in that range)" } };
                continue;
            }
            bool samePeriod = r1.Precision == r2.Precision && r1.Precision <= DatePrecision.Month && r1.Precision > DatePrecision.Unknown
                && r1.Start.Year == r2.Start.Year && (r1.Precision == DatePrecision.Year || r1.Start.Month == r2.Start.Month);
            if (samePeriod)
            {
                var start = r1.Start < r2.Start ? r1.Start : r2.Start;
                var end = r1.End > r2.End ? r1.End : r2.End;
                yield return e with
                {
                    Resolution = new DateResolution(start, start, end, r1.Precision, null, r1.Rule + "-bounded",
                        $"'{e.Phrase}' in {description} → {DateFormat.Range(start, end)} (union of its readings at both bounds)"),
                };
                continue;
            }
            if (r1.Precision >= DatePrecision.Day && r2.Precision >= DatePrecision.Day && SettledBySet(a, e, lo, hi, setDays, description) is { } settled)
            {
                yield return settled;
                continue;
            }
            yield return e with { Resolution = null, Unresolved = $"relative expression in {description}: means different days at the two bounds" };
        }
    }

    /// <summary>
    /// A day-precise expression ("On Wednesday") that means different days across an article's publication range is
    /// read as the one of its readings on which the set's articles with a known publication day report events
    /// (they tell one story), when exactly one reading is such a day; the evidence names both readings.
    /// </summary>
    private static TemporalExpression? SettledBySet(Article a, TemporalExpression e, DateOnly lo, DateOnly hi, HashSet<DateOnly> setDays, string description)
    {
        if (setDays.Count == 0 || e.Kind == TemporalKind.Timex) return null;
        var s = a.Sentences[e.Sentence];
        var mention = Mentions(a, s).FirstOrDefault(m => m.Span == e.Span);
        if (mention is null) return null;
        var readings = new SortedSet<DateOnly>();
        TemporalExpression? chosen = null;
        for (var p = lo; p <= hi; p = p.AddDays(1))
        {
            var at = TemporalResolver.Resolve(a.Number, s.Index, s.Text, s.Span.Start, mention, new DateAnchor(p, description, p.Year));
            if (at.Resolution is not { Precision: >= DatePrecision.Day } r || r.Start != r.End) return null;
            readings.Add(r.Date);
            if (setDays.Contains(r.Date)) chosen ??= at;
        }
        var inSet = readings.Where(setDays.Contains).ToList();
        if (inSet.Count != 1 || chosen is null) return null;
        var day = inSet[0];
        var r0 = chosen.Resolution!;
        return e with
        {
            Resolution = new DateResolution(day, day, day, r0.Precision, null, r0.Rule + "-bounded-set",
                $"'{e.Phrase}' in {description} → {DateFormat.Day(day)} (of its readings {string.Join(", ", readings.Select(DateFormat.Day))}, the day the set's dated articles report events on)"),
            Unresolved = null,
        };
    }

    /// <summary>
    /// The temporal expressions of an article, resolved against <paramref name="anchor"/>. The expressions are the
    /// TIMEX3 tagger's (<see cref="TimexTagger"/>, the one measured on TempEval-3): where one of them is a kind the
    /// pipeline's resolver knows (explicit and year-less days, months, years, weekdays, deictic days, "N units ago",
    /// relative periods, "since" ranges), <see cref="TemporalExtractor"/> reads it with its governing preposition
    /// ("on Wednesday", "since 2012") and <see cref="TemporalResolver"/> resolves it with the news conventions and the
    /// reasoning shown; every other dated TIMEX3 (quarters, seasons, decades, clock times, "a week later") is
    /// resolved from the tagger's normalised value. Durations, sets and vague references date nothing.
    /// </summary>
    public static IEnumerable<TemporalExpression> ResolveArticle(Article article, DateAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(anchor);
        var found = Found(article);
        TimexNormalizer? values = null;
        foreach (var s in article.Sentences)
        {
            var (lo, hi) = CandidatesIn(found, s.Span);
            if (lo == hi) continue;
            var list = new List<TemporalExpression>();
            var mentions = Confirmed(article.Text, s.Span, found, lo, hi);
            foreach (var m in mentions) list.Add(TemporalResolver.Resolve(article.Number, s.Index, s.Text, s.Span.Start, m, anchor));
            for (int i = lo; i < hi; i++)
            {
                var c = found[i];
                if (!Dated.Contains(c.Rule) || c.End > s.Span.End) continue;
                // A bare clock time ("at 7 pm") is read on the creation day by TIMEX3 convention; a report's clock time
                // is as often the day before, so only a clock time that names its day dates an event.
                if (c.Rule == "clock" && !NamesDay.IsMatch(article.Text.AsSpan(c.Start, c.End - c.Start))) continue;
                if (mentions.Exists(m => m.Span.Start < c.End && c.Start < m.Span.End)) continue;
                values ??= new TimexNormalizer(found, anchor.Day, anchor.Day is null ? anchor.ReferenceYear : null);
                list.Add(FromTimex(article, s, c, values.At(i), anchor));
            }
            list.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
            foreach (var e in list) yield return e;
        }
    }

    /// <summary>The tagger's families whose values are dates (not durations, sets or vague references).</summary>
    private static readonly HashSet<string> Dated = new(StringComparer.Ordinal)
    {
        "day", "month", "year", "decade", "weekday", "deictic", "ago", "anaphoric", "period", "season", "quarter", "clock",
    };

    // The tagger's expressions of a text do not depend on the anchor: found once per text (the same string instance
    // survives `article with { Published = ... }`), normalised per anchor.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, IReadOnlyList<TimexCandidate>> FoundCache = [];

    private static IReadOnlyList<TimexCandidate> Found(Article a) =>
        FoundCache.GetValue(a.Text, _ => TimexTagger.Find(a.Text, a.Sentences.Select(s => s.Span), datesOnly: true));

    /// <summary>The range [lo, hi) of candidates (sorted by start) that start inside <paramref name="span"/>.</summary>
    private static (int Lo, int Hi) CandidatesIn(IReadOnlyList<TimexCandidate> found, TextSpan span)
    {
        int a = 0, b = found.Count;
        while (a < b)
        {
            int mid = (a + b) / 2;
            if (found[mid].Start < span.Start) a = mid + 1; else b = mid;
        }
        int hi = a;
        while (hi < found.Count && found[hi].Start < span.End) hi++;
        return (a, hi);
    }

    /// <summary>The resolver's reading of the tagger's expressions in one sentence: the extractor's mentions that
    /// cover a TIMEX3 extent (a mention the tagger does not find is dropped: the tagger decides what is a time).</summary>
    private static List<TemporalMention> Confirmed(string text, TextSpan sentence, IReadOnlyList<TimexCandidate> found, int lo, int hi)
    {
        var result = new List<TemporalMention>();
        if (lo == hi) return result;
        foreach (var m in TemporalExtractor.ExtractMentions(text, sentence))
        {
            for (int i = lo; i < hi; i++)
            {
                if (found[i].Start < m.Span.End && m.Span.Start < found[i].End) { result.Add(m); break; }
            }
        }
        return result;
    }

    /// <summary>The confirmed mentions of one sentence of an article (see <see cref="Confirmed"/>).</summary>
    private static List<TemporalMention> Mentions(Article a, Sentence s)
    {
        var found = Found(a);
        var (lo, hi) = CandidatesIn(found, s.Span);
        return Confirmed(a.Text, s.Span, found, lo, hi);
    }

    private static TemporalExpression FromTimex(Article article, Sentence s, TimexCandidate c, Timex3? value, DateAnchor anchor)
    {
        var span = new TextSpan(c.Start, c.End - c.Start);
        var phrase = span.Slice(article.Text).ToString();
        int start = c.Start - s.Span.Start;
        var direction = start >= 0 && start <= s.Text.Length
            ? TenseDetector.DirectionOf(s.Text, start, Math.Min(c.End - c.Start, s.Text.Length - start))
            : TemporalDirection.Past;
        if (value is null || !TimexDates.TryRange(value.Value, out var from, out var to, out var precision))
        {
            var why = value is null ? "no TIMEX3 value" : $"TIMEX3 value {value.Value} names no calendar range";
            if (value is not null && value.Value.Contains('X', StringComparison.Ordinal) && anchor.Day is null) why = $"relative expression in {anchor.Description}";
            return new TemporalExpression(article.Number, s.Index, span, phrase, TemporalKind.Timex, direction, null, why);
        }
        // Absolute: a year or decade, or a phrase that states its year ("the third quarter of 2025"); anything else
        // depends on the anchor or on the dates before it.
        bool relative = c.Rule is not ("year" or "decade") && !StatesYear.IsMatch(phrase);
        var range = DateFormat.Of(new DateResolution(from, from, to, precision, null, "", ""));
        var evidence = relative
            ? $"'{phrase}' in {anchor.Description} → {range} (TIMEX3 {value.Value}, {c.Rule})"
            : $"'{phrase}' → {range} (TIMEX3 {value.Value}, {c.Rule})";
        return new TemporalExpression(article.Number, s.Index, span, phrase, TemporalKind.Timex, direction,
            new DateResolution(from, from, to, precision, relative ? anchor.Day : null, "timex-" + c.Rule, evidence), null)
        {
            DatesEvent = Adverbial(s.Text, start),
        };
    }

    // A preposition that makes a time phrase an adverbial of the clause ("in 1993", "during the third quarter",
    // "by the summer of 2014").
    [GeneratedRegex(@"\b(in|on|at|during|since|until|till|by|from|through|throughout|before|after|around|for|between|and|to|of|as\s+of)\s+$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionBefore { get; }

    /// <summary>
    /// Whether a time phrase found by the tagger alone (no preposition in its extent) dates its clause: it does when a
    /// preposition governs it, or when it opens the sentence or a clause ("A week later, the army ..."); a phrase
    /// inside a noun phrase ("the 1991 peace accords", "its July election") dates only that noun (issue 9).
    /// </summary>
    private static bool Adverbial(string sentence, int start)
    {
        if (start <= 0 || start > sentence.Length) return true;
        var before = sentence.AsSpan(0, start).TrimEnd();
        if (before.Length == 0 || before[^1] is ',' or ';' or ':' or '(' or '\u2014' or '\u2013' or '"' or '\u201c') return true;
        return PrepositionBefore.IsMatch(sentence.AsSpan(0, start));
    }

    /// <summary>
    /// The year for year-less dates in undated articles: the latest year of a stated (not inferred) publication
    /// date in the set, else the latest year of an explicit full date in any article's text.
    /// </summary>
    public static int? ReferenceYear(ImmutableArray<Article> articles)
    {
        var stated = articles.Where(a => a.Published is { Inferred: false }).Select(a => a.Published!.Date.Year).ToList();
        if (stated.Count > 0) return stated.Max();
        int? best = null;
        foreach (var a in articles)
        {
            foreach (var s in a.Sentences)
            {
                foreach (var m in Mentions(a, s))
                {
                    if (m.Kind == TemporalKind.CalendarDay && m.Year is int y && (best is null || y > best)) best = y;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Past events the article dates by an offset from the explicit day before them ("A week later", "two days
    /// later"), found with the TIMEX3 tagger's anaphoric anchoring (year-less days take <paramref name="referenceYear"/>).
    /// </summary>
    private static IEnumerable<(DateOnly Day, int Tolerance, string Phrase, string Anchor)> AnaphoricEvents(Article a, int referenceYear)
    {
        if (!a.Text.Contains("later", StringComparison.OrdinalIgnoreCase) && !a.Text.Contains("earlier", StringComparison.OrdinalIgnoreCase)) yield break;
        Timex3? lastDay = null;
        foreach (var t in TimexTagger.NormalizeAll(Found(a), null, referenceYear))
        {
            if (t is null) continue;
            if (t.Rule == "day") { lastDay = t; continue; }
            if (t.Rule != "anaphoric" || lastDay is null) continue;
            if (!DateOnly.TryParseExact(lastDay.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var anchor)) continue;
            DateOnly day;
            if (t.Value.Length == 10 && DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) day = d;
            else if (t.Value.Length == 8 && t.Value[4] == '-' && t.Value[5] == 'W'
                && int.TryParse(t.Value.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out int wy)
                && int.TryParse(t.Value.AsSpan(6, 2), System.Globalization.CultureInfo.InvariantCulture, out int wn) && wn is >= 1 and <= 53 && wy is > 1 and < 9999)
            {
                // A week offset ("a week later"): the same weekday as the anchor day, in the week the tagger gives.
                day = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(wy, Math.Min(wn, System.Globalization.ISOWeek.GetWeeksInYear(wy)), anchor.DayOfWeek));
            }
            else continue;
            var sentence = a.Sentences.FirstOrDefault(s => s.Span.Start <= t.Span.Start && t.Span.End <= s.Span.End);
            if (sentence is null) continue;
            if (TenseDetector.DirectionOf(sentence.Text, t.Span.Start - sentence.Span.Start, t.Span.Length) != TemporalDirection.Past) continue;
            var phrase = t.Span.Slice(a.Text);
            int tolerance = phrase.Contains("week", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
            yield return (day, tolerance, phrase, $"'{lastDay.Span.Slice(a.Text)}'");
        }
    }

    /// <summary>
    /// Gives every undated article an inferred publication date with bounds, where its content allows:
    /// <list type="bullet">
    /// <item>not before any explicit date it reports in past tense (an article reporting "November 9" as past
    /// was published on or after 9 Nov), not after any explicit date it announces as coming;</item>
    /// <item>not before the date another, dated article gives an event that this article also reports (a
    /// near-identical sentence, <see cref="SameEventOverlap"/>): a report cannot precede its event.</item>
    /// </list>
    /// Articles with no usable evidence stay undated.
    /// </summary>
    public static ImmutableArray<Article> InferPublicationDates(ImmutableArray<Article> articles, out ImmutableArray<string> notes)
    {
        var noteList = ImmutableArray.CreateBuilder<string>();
        if (articles.All(a => a.Published is not null))
        {
            notes = [];
            return articles;
        }
        int? referenceYear = ReferenceYear(articles);
        var dated = articles.Where(a => a.Published is { Inferred: false }).ToList();
        var datedEvents = new List<(Article Article, Sentence Sentence, HashSet<string> Stems, TemporalExpression Expression)>();
        var datedRelative = new List<(Article Article, HashSet<string> Names, TemporalExpression Expression)>();
        foreach (var d in dated)
        {
            var anchor = DateAnchor.For(d.Published, referenceYear);
            foreach (var e in ResolveArticle(d, anchor))
            {
                if (e.Resolution is { Precision: DatePrecision.Day } r && r.Start == r.End && e.Direction == TemporalDirection.Past)
                {
                    var s = d.Sentences[e.Sentence];
                    datedEvents.Add((d, s, SentenceOverlap.ContentStems(s), e));
                }
                if (e.Resolution is { Anchor: not null } rr && e.Direction == TemporalDirection.Past && e.Kind is TemporalKind.RelativePeriod or TemporalKind.Ago)
                {
                    datedRelative.Add((d, Names(d.Sentences[e.Sentence]), e));
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<Article>(articles.Length);
        foreach (var a in articles)
        {
            if (a.Published is not null)
            {
                result.Add(a);
                continue;
            }
            DateOnly? notBefore = null, notAfter = null;
            string? whyBefore = null, whyAfter = null;
            foreach (var e in ResolveArticle(a, DateAnchor.None with { ReferenceYear = referenceYear }))
            {
                if (e.Kind != TemporalKind.CalendarDay || e.Resolution is not { } r) continue;
                if (e.Direction == TemporalDirection.Past && (notBefore is null || r.Date > notBefore))
                {
                    notBefore = r.Date;
                    whyBefore = $"it reports '{e.Phrase}' as past";
                }
                else if (e.Direction == TemporalDirection.Future && (notAfter is null || r.Date < notAfter))
                {
                    notAfter = r.Date;
                    whyAfter = $"it announces '{e.Phrase}' as coming";
                }
            }
            // An event dated from the nearest explicit date before it ("announced on November 9 ... A week later, the
            // army broke back into the town") and reported as past: the article is not older than that event (less
            // the approximation of the offset, ±3 days for weeks, as for "a week ago").
            if (referenceYear is int ry)
            {
                foreach (var (day, tolerance, phrase, anchorPhrase) in AnaphoricEvents(a, ry))
                {
                    var earliest = day.AddDays(-tolerance);
                    if (notBefore is not null && earliest <= notBefore) continue;
                    notBefore = earliest;
                    whyBefore = $"it reports as past an event '{phrase}' than {anchorPhrase} (about {DateFormat.Day(day)}{(tolerance > 0 ? $", ±{tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)} days" : "")})";
                }
            }
            foreach (var s in a.Sentences)
            {
                var stems = SentenceOverlap.ContentStems(s);
                foreach (var ev in datedEvents)
                {
                    var day = ev.Expression.Resolution!.Date;
                    if (notBefore is not null && day <= notBefore) continue;
                    if (SentenceOverlap.Jaccard(stems, ev.Stems) < SameEventOverlap) continue;
                    notBefore = day;
                    whyBefore = $"it reports an event that article {ev.Article.Number} dates to {DateFormat.Day(day)} ('{ev.Expression.Phrase}')";
                }
            }
            // A relative expression and a dated event in one part of a sentence describe the same time ("broke out on
            // March 2 and burned for most of last week"): only publication days for which the relative expression
            // contains that date are possible. The event date is the sentence's own explicit date or the date a
            // dated article gives a near-identical sentence.
            foreach (var s in a.Sentences)
            {
                var mentions = Mentions(a, s);
                var relative = mentions.Where(m => m.Kind is TemporalKind.Weekday or TemporalKind.RelativeDay or TemporalKind.Ago or TemporalKind.RelativePeriod).ToList();
                if (relative.Count == 0) continue;
                var eventDates = new List<(DateOnly Day, string Phrase, int Position)>();
                foreach (var m in mentions.Where(m => m.Kind == TemporalKind.CalendarDay))
                {
                    var e = TemporalResolver.Resolve(a.Number, s.Index, s.Text, s.Span.Start, m, DateAnchor.None with { ReferenceYear = referenceYear });
                    if (e.Resolution is { } r && e.Direction == TemporalDirection.Past) eventDates.Add((r.Date, $"'{m.Phrase}'", m.Span.Start));
                }
                var stems = SentenceOverlap.ContentStems(s);
                foreach (var ev in datedEvents.Where(ev => SentenceOverlap.Jaccard(stems, ev.Stems) >= SameEventOverlap))
                {
                    eventDates.Add((ev.Expression.Resolution!.Date, $"the event article {ev.Article.Number} dates to {DateFormat.Day(ev.Expression.Resolution.Date)}", -1));
                }
                foreach (var (day, what, position) in eventDates)
                {
                    foreach (var r in relative)
                    {
                        if (position >= 0 && !SameSegment(s, position, r.Span.Start)) continue;
                        var feasible = new List<DateOnly>();
                        // Publication days from the event day to nine weeks after it (a news report's horizon).
                        for (var p = day; p <= day.AddDays(63); p = p.AddDays(1))
                        {
                            var e = TemporalResolver.Resolve(a.Number, s.Index, s.Text, s.Span.Start, r, new DateAnchor(p, "", p.Year));
                            if (e.Direction == TemporalDirection.Past && e.Resolution is { } res && res.Contains(day)) feasible.Add(p);
                        }
                        if (feasible.Count == 0 || feasible.Count > 40) continue;
                        var lo = feasible.Min();
                        var hi = feasible.Max();
                        var why = $"'{r.Phrase}' must contain {what} ({DateFormat.Day(day)})";
                        if (notBefore is null || lo > notBefore) { notBefore = lo; whyBefore = why; }
                        if (notAfter is null || hi < notAfter) { notAfter = hi; whyAfter = why; }
                    }
                }
            }
            // The same relative phrase for the same event in a dated article ("Last week, Iraqi forces ... took al-Qaim"
            // and, in an article of Thu 9 Nov, "Iraqi forces last week reconquered ... Al-Qaim"): both name one period,
            // so only publication days for which the phrase names that period are possible. The same event: the two
            // sentences share at least two names (capitalised words past the first, "al-Qaim").
            if (datedRelative.Count > 0)
            {
                foreach (var s in a.Sentences)
                {
                    var relative = Mentions(a, s).Where(m => m.Kind is TemporalKind.RelativePeriod or TemporalKind.Ago).ToList();
                    if (relative.Count == 0) continue;
                    var names = Names(s);
                    if (names.Count < SharedNames) continue;
                    foreach (var r in relative)
                    {
                        foreach (var (other, otherNames, x) in datedRelative)
                        {
                            if (!string.Equals(Bare(r.Phrase), Bare(x.Phrase), StringComparison.OrdinalIgnoreCase)) continue;
                            var shared = names.Where(otherNames.Contains).Order(StringComparer.Ordinal).ToList();
                            if (shared.Count < SharedNames) continue;
                            var period = x.Resolution!;
                            var feasible = new List<DateOnly>();
                            for (var p = period.Start; p <= period.End.AddDays(63); p = p.AddDays(1))
                            {
                                var e = TemporalResolver.Resolve(a.Number, s.Index, s.Text, s.Span.Start, r, new DateAnchor(p, "", p.Year));
                                if (e.Resolution is { } res && res.Start == period.Start && res.End == period.End) feasible.Add(p);
                            }
                            if (feasible.Count == 0 || feasible.Count > 40) continue;
                            var lo = feasible.Min();
                            var hi = feasible.Max();
                            var why = $"'{r.Phrase}' names the period article {other.Number} calls '{x.Phrase}' ({DateFormat.Of(period)}) for the same event ({string.Join(", ", shared)})";
                            if (notBefore is null || lo > notBefore) { notBefore = lo; whyBefore = why; }
                            if (notAfter is null || hi < notAfter) { notAfter = hi; whyAfter = why; }
                        }
                    }
                }
            }
            if (notBefore is not null && notAfter is not null && notAfter < notBefore)
            {
                noteList.Add($"article {a.Number}: publication bounds disagree (not before {DateFormat.Day(notBefore.Value)}, not after {DateFormat.Day(notAfter.Value)}); upper bound dropped");
                notAfter = null;
                whyAfter = null;
            }
            if (notBefore is null && notAfter is null)
            {
                result.Add(a);
                continue;
            }
            var parts = new List<string>();
            if (notBefore is { } nb) parts.Add($"not before {DateFormat.Day(nb)}: {whyBefore}");
            if (notAfter is { } na) parts.Add($"not after {DateFormat.Day(na)}: {whyAfter}");
            var exact = notBefore is not null && notBefore == notAfter;
            var published = new PublicationDate((notBefore ?? notAfter)!.Value, null, exact ? DatePrecision.Day : DatePrecision.Unknown,
                "inferred: " + string.Join("; ", parts), Inferred: true, NotBefore: notBefore, NotAfter: notAfter);
            noteList.Add($"article {a.Number}: publication date inferred, {string.Join("; ", parts)}");
            result.Add(a with { Published = published });
        }
        notes = noteList.ToImmutable();
        return result.MoveToImmutable();
    }
}
