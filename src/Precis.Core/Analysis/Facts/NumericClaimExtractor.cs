using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>A count found in a sentence, with what it counts and what happened to it.</summary>
/// <param name="Noun">The counted noun as normalised for matching ("civilians", "people", "tonnes of goods").</param>
/// <param name="Predicate">The event class the count belongs to ("killed", "displaced"), or "" when none is near.</param>
internal sealed record NumericClaim(Sentence Sentence, Quantity Quantity, string Noun, string Predicate, HashSet<string> Names, DateResolution? When)
{
    public string Topic => Predicate.Length == 0 ? Noun : $"{Noun} {Predicate}";
}

/// <summary>
/// Attaches each count to its counted noun (the head of the words right after the number: "50 IS militants" →
/// militants) and to the nearest event predicate within a few words ("killed", "displaced", "live").
/// </summary>
internal static class NumericClaimExtractor
{
    private static readonly Dictionary<string, string> Predicates = new(StringComparer.Ordinal)
    {
        ["killed"] = "killed", ["kill"] = "killed", ["killing"] = "killed", ["kills"] = "killed", ["died"] = "killed",
        ["die"] = "killed", ["dies"] = "killed", ["dead"] = "killed", ["death"] = "killed", ["deaths"] = "killed", ["toll"] = "killed",
        ["wounded"] = "injured", ["injured"] = "injured", ["hurt"] = "injured", ["wounding"] = "injured", ["injuring"] = "injured",
        ["displaced"] = "displaced", ["fled"] = "displaced", ["evacuated"] = "displaced", ["homeless"] = "displaced", ["homes"] = "displaced", ["moved"] = "displaced",
        ["arrested"] = "arrested", ["detained"] = "arrested",
        ["live"] = "live", ["living"] = "live",
        ["sent"] = "deployed", ["deployed"] = "deployed",
        ["stored"] = "stored",
        ["surrendered"] = "surrendered",
        ["left"] = "remaining", ["remaining"] = "remaining", ["remain"] = "remaining",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "are", "were", "was", "is", "have", "had", "has", "been", "be", "being", "will", "would", "could", "may", "might",
        "and", "or", "of", "in", "on", "at", "to", "from", "by", "with", "who", "which", "that", "than", "as", "mostly", "including",
        "inside", "outside", "near", "across", "into", "onto", "over", "under", "after", "before", "during", "since", "for",
        "per", "about", "among", "between", "through", "along", "around", "off", "up", "down", "out", "ago", "later", "earlier",
        // irregular participles, which the "-ed" rule misses
        "seen", "known", "shown", "held", "thrown", "found", "made", "told", "built", "given", "brought", "caught",
    };

    /// <summary>Measure words that need their "of" complement: "3,000 tonnes of goods".</summary>
    private static readonly HashSet<string> MeasureWords = new(StringComparer.Ordinal)
    {
        "tonnes", "tons", "tonne", "ton", "litres", "liters", "gallons", "barrels", "hectares", "acres", "kilometres",
        "kilometers", "miles", "metres", "meters", "dollars", "euros", "pounds", "families", "lots", "bags", "boxes", "dozens",
    };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal)
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "times", "percent", "per", "o'clock", "am", "pm",
    };

    /// <summary>Nouns for unspecified people: counts of them are one quantity ("two people died" vs "three workers killed").</summary>
    private static readonly HashSet<string> GenericPeople = new(StringComparer.Ordinal)
    {
        "people", "person", "persons", "individuals", "victims", "workers", "employees", "staff",
    };

    public static IEnumerable<NumericClaim> Extract(Article article, DateAnalysis dates)
    {
        foreach (var s in article.Sentences)
        {
            var quantities = NumberExtractor.Extract(article.Text, s.Span);
            if (quantities.Count == 0) continue;
            var names = SentenceFeatures.Names(s, article.Text);
            var tokens = s.Tokens;
            foreach (var q in quantities)
            {
                // The single word "one" is mostly a pronoun ("one of the hardest nights"); skip it unqualified.
                if (q.Qualifier == QuantityQualifier.Exact && q.Phrase.Equals("one", StringComparison.OrdinalIgnoreCase)) continue;
                // Binary searches over the tokens (in text order), so a sentence with thousands of numbers stays linear.
                int after = FirstStartingAtOrAfter(tokens, q.Span.End);
                if (after >= tokens.Length) after = -1;
                int before = FirstEndingAfter(tokens, q.Span.Start) - 1;
                // A number right after a capitalised word is a label ("Pier 7", "Flight 17"), not a count.
                if (q.Qualifier == QuantityQualifier.Exact && before >= 0 && tokens[before].Kind == TokenKind.Word
                    && char.IsUpper(article.Text[tokens[before].Span.Start]) && char.IsDigit(q.Phrase[0])) continue;
                var (noun, nounEnd) = CountedNoun(article.Text, tokens, after, q.Qualifier == QuantityQualifier.Vague);
                if (noun is not null && TimeUnits.Contains(noun.Split(' ')[0])) continue;
                var predicate = NearestPredicate(tokens, before, nounEnd < 0 ? after : nounEnd);
                if (noun is null)
                {
                    // "wounded 25", "the death toll to three": a bare count right after a harm predicate counts people.
                    if (before >= 0 && (Predicates.TryGetValue(tokens[before].Normal, out var p) || (before >= 1 && Predicates.TryGetValue(tokens[before - 1].Normal, out p)))
                        && p is "killed" or "injured")
                    {
                        noun = "people";
                        predicate = p;
                    }
                    else continue;
                }
                var folded = Fold(noun, predicate);
                yield return new NumericClaim(s, q, folded, predicate, names, SentenceFeatures.NearestDate(dates, s, q.Span.Start));
            }
        }
    }

    /// <summary>Index of the first token whose span starts at or after <paramref name="offset"/> (Length if none).</summary>
    private static int FirstStartingAtOrAfter(System.Collections.Immutable.ImmutableArray<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.Start >= offset) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>Index of the first token whose span ends after <paramref name="offset"/> (Length if none).</summary>
    private static int FirstEndingAfter(System.Collections.Immutable.ImmutableArray<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.End > offset) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static string Fold(string noun, string predicate)
    {
        var head = noun.Split(' ')[^1];
        if (GenericPeople.Contains(head) && noun.Split(' ').Length == 1) return "people";
        if (predicate is "displaced" or "live" && head is "residents" or "inhabitants") return "people";
        return noun;
    }

    private static (string? Noun, int End) CountedNoun(string text, System.Collections.Immutable.ImmutableArray<Token> tokens, int i, bool vague)
    {
        if (i < 0) return (null, -1);
        var words = new List<string>();
        int end = -1;
        if (vague && i < tokens.Length && tokens[i].Normal == "of") i++;
        for (; i < tokens.Length && words.Count < 3; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) break;
            bool acronym = t.Span.Length >= 2 && char.IsUpper(text[t.Span.Start]) && char.IsUpper(text[t.Span.End - 1]);
            // Stop at function words, predicates, adverbs and participles ("7 operated by"): the noun comes before them.
            if (!acronym && (t.IsStopWord || Auxiliaries.Contains(t.Normal) || Predicates.ContainsKey(t.Normal) || t.Normal.EndsWith("ly", StringComparison.Ordinal)
                || t.Normal.EndsWith("ed", StringComparison.Ordinal) || t.Normal.EndsWith("ing", StringComparison.Ordinal))) break;
            words.Add(t.Normal);
            end = i;
        }
        if (words.Count == 0) return (null, -1);
        var head = words[^1];
        // "3,000 tonnes of goods": a measure word takes its complement.
        if (MeasureWords.Contains(head) && end + 2 < tokens.Length && tokens[end + 1].Normal == "of" && tokens[end + 2].Kind == TokenKind.Word)
        {
            return ($"{head} of {tokens[end + 2].Normal}", end + 2);
        }
        return (head, end);
    }

    /// <summary>
    /// The count's predicate: a verb right before the number takes it as object ("killing two workers", "wounded
    /// 25"); otherwise the nearest predicate up to 10 tokens after the counted noun (commas allowed: "50 civilians,
    /// mostly women, killed"), not past ';' or ':'; otherwise "death toll ... to N" a few tokens back.
    /// </summary>
    private static string NearestPredicate(System.Collections.Immutable.ImmutableArray<Token> tokens, int before, int after)
    {
        if (before >= 0 && Predicates.TryGetValue(tokens[before].Normal, out var direct)) return direct;
        for (int f = Math.Max(after + 1, 0); after >= 0 && f < tokens.Length && f <= after + 10; f++)
        {
            if (tokens[f].Normal is ";" or ":") break;
            if (Predicates.TryGetValue(tokens[f].Normal, out var p)) return p;
        }
        for (int b = before; b >= 0 && b >= before - 3; b--)
        {
            if (tokens[b].Normal == "toll") return "killed";
        }
        return "";
    }

}
