using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Evaluation.Quotes;

/// <summary>The two gold sets the scorer reports.</summary>
public enum QuoteSet
{
    /// <summary>(i)/(ii): gold = direct quotes.</summary>
    Direct,
    /// <summary>(iii): gold = direct and mixed quotes.</summary>
    DirectMixed,
}

/// <summary>Counts behind one set's figures; percentages are computed from them (micro-averaged over quotes).</summary>
public sealed class QuoteCounts
{
    public int Gold { get; set; }
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int Ignored { get; set; }
    /// <summary>Matched pairs whose gold quote has a source, with the predicted speaker right.</summary>
    public int SpeakerRight { get; set; }
    /// <summary>Matched pairs skipped by speaker accuracy because the gold quote has no annotated source.</summary>
    public int SpeakerSkipped { get; set; }

    public int SpeakerPairs => TruePositives - SpeakerSkipped;
    public int JointCorrect => SpeakerRight + SpeakerSkipped;
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, Gold);
    public double F1 => Harmonic(Precision, Recall);
    public double SpeakerAccuracy => Ratio(SpeakerRight, SpeakerPairs);
    public double JointPrecision => Ratio(JointCorrect, TruePositives + FalsePositives);
    public double JointRecall => Ratio(JointCorrect, Gold);
    public double JointF1 => Harmonic(JointPrecision, JointRecall);

    public void Add(QuoteCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Gold += other.Gold;
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        Ignored += other.Ignored;
        SpeakerRight += other.SpeakerRight;
        SpeakerSkipped += other.SpeakerSkipped;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>One scoring error, for the error list and the error-kind table.</summary>
/// <param name="Kind">A short class: "missed", "false positive", "speaker wrong", "speaker missing", with a qualifier.</param>
public sealed record QuoteError(string Article, string Publisher, QuoteSet Set, string Kind, string? GoldText, string? GoldSpeaker, string? PredictedText, string? PredictedSpeaker);

/// <summary>The scores of a run: totals and per-publisher counts for each set, and every error.</summary>
public sealed class QuoteScores
{
    public Dictionary<QuoteSet, QuoteCounts> Totals { get; } = new() { [QuoteSet.Direct] = new(), [QuoteSet.DirectMixed] = new() };

    /// <summary>Per publisher, in ordinal order of the publisher name.</summary>
    public SortedDictionary<string, Dictionary<QuoteSet, QuoteCounts>> ByPublisher { get; } = new(StringComparer.Ordinal);

    public List<QuoteError> Errors { get; } = [];

    public int Articles { get; set; }
}

/// <summary>
/// Scores predicted quotes and speakers against attribution gold exactly as <c>shared/bench/polnear/README.md</c>
/// defines it: span overlap on letters and digits (≥ 0.8 both ways) against the targets U, U ∩ Q and, for
/// discontinuous content, each piece and piece ∩ Q; a greedy one-to-one pass (highest overlap first, ties by gold
/// then prediction order); unmatched predictions lying mostly inside a gold direct or mixed quote ignored; speaker
/// right by mention overlap (a) or by the gold key name among the predicted name tokens (b).
/// </summary>
public static class QuoteScorer
{
    /// <summary>The overlap a match needs (README: ov ≥ 0.8).</summary>
    public const double MinOverlap = 0.8;

    public static QuoteScores Score(IEnumerable<AttributionArticle> articles, Func<AttributionArticle, IReadOnlyList<SystemQuote>> system)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(system);
        var scores = new QuoteScores();
        foreach (var article in articles)
        {
            scores.Articles++;
            if (!scores.ByPublisher.TryGetValue(article.Publisher, out var mine))
                scores.ByPublisher[article.Publisher] = mine = new() { [QuoteSet.Direct] = new(), [QuoteSet.DirectMixed] = new() };
            var predictions = system(article);
            foreach (var set in new[] { QuoteSet.Direct, QuoteSet.DirectMixed })
            {
                var counts = ScoreArticle(article, predictions, set, scores.Errors);
                scores.Totals[set].Add(counts);
                mine[set].Add(counts);
            }
        }
        return scores;
    }

    /// <summary>Scores one article for one set; errors are appended to <paramref name="errors"/> when given.</summary>
    public static QuoteCounts ScoreArticle(AttributionArticle article, IReadOnlyList<SystemQuote> predictions, QuoteSet set, List<QuoteError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(predictions);
        var text = article.Text;
        var alnum = AlnumPrefix(text);
        var quoted = QuotedRegions(text);
        var gold = article.Attributions.Where(a => set == QuoteSet.Direct ? a.Kind == AttributionKind.Direct : a.Kind != AttributionKind.Indirect).ToList();
        var quotedGold = article.Attributions.Where(a => a.Kind != AttributionKind.Indirect).Select(a => Normalize(a.Content.Fragments)).ToList();
        var targets = gold.Select(g => Targets(g.Content, quoted, alnum)).ToList();
        var predicted = predictions.Select(p => Normalize(p.Content.Fragments)).ToList();

        var pairs = new List<(double Ov, int Gold, int Pred)>();
        for (int g = 0; g < gold.Count; g++)
        {
            for (int p = 0; p < predicted.Count; p++)
            {
                double best = 0;
                foreach (var t in targets[g]) best = Math.Max(best, Overlap(predicted[p], t, alnum));
                if (best >= MinOverlap) pairs.Add((best, g, p));
            }
        }
        pairs.Sort((x, y) => y.Ov != x.Ov ? y.Ov.CompareTo(x.Ov) : x.Gold != y.Gold ? x.Gold.CompareTo(y.Gold) : x.Pred.CompareTo(y.Pred));
        var goldMatch = new int[gold.Count];
        var predMatch = new int[predicted.Count];
        Array.Fill(goldMatch, -1);
        Array.Fill(predMatch, -1);
        foreach (var (_, g, p) in pairs)
        {
            if (goldMatch[g] >= 0 || predMatch[p] >= 0) continue;
            goldMatch[g] = p;
            predMatch[p] = g;
        }

        var keys = KeyNames(article);
        var counts = new QuoteCounts { Gold = gold.Count };
        for (int g = 0; g < gold.Count; g++)
        {
            int p = goldMatch[g];
            var goldQuote = gold[g];
            if (p < 0)
            {
                bool touched = predicted.Any(s => Count(Intersect(s, Normalize(goldQuote.Content.Fragments)), alnum) > 0);
                string what = goldQuote.Kind == AttributionKind.Mixed ? "missed mixed" : "missed";
                errors?.Add(Error(article, set, $"{what}: {(touched ? "span differs" : "not found")}, {Shape(Slice(text, goldQuote.Content))}", goldQuote, null));
                continue;
            }
            counts.TruePositives++;
            if (goldQuote.Speaker is null || goldQuote.SpeakerSpan is null) { counts.SpeakerSkipped++; continue; }
            var prediction = predictions[p];
            if (SpeakerRight(goldQuote, keys.GetValueOrDefault(goldQuote), prediction)) counts.SpeakerRight++;
            else errors?.Add(Error(article, set, SpeakerErrorKind(goldQuote, prediction), goldQuote, prediction));
        }
        for (int p = 0; p < predicted.Count; p++)
        {
            if (predMatch[p] >= 0) continue;
            int size = Count(predicted[p], alnum);
            if (quotedGold.Any(u => Count(Intersect(predicted[p], u), alnum) >= MinOverlap * size)) { counts.Ignored++; continue; }
            counts.FalsePositives++;
            bool overlapsAttribution = article.Attributions.Any(a => Count(Intersect(predicted[p], Normalize(a.Content.Fragments)), alnum) > 0);
            errors?.Add(Error(article, set, $"false positive: {(overlapsAttribution ? "overlaps an attribution" : "no attribution there")}, {Shape(Slice(text, predictions[p].Content))}", null, predictions[p]));
        }
        return counts;
    }

    private static QuoteError Error(AttributionArticle article, QuoteSet set, string kind, GoldAttribution? gold, SystemQuote? predicted) =>
        new(article.Id, article.Publisher, set, kind,
            gold is null ? null : Slice(article.Text, gold.Content), gold?.Speaker,
            predicted is null ? null : Slice(article.Text, predicted.Content), predicted?.Speaker);

    private static string Slice(string text, QuoteSpan span) =>
        string.Join(" … ", span.Fragments.Select(f => text[Math.Min(f.Start, text.Length)..Math.Min(f.End, text.Length)]));

    private static readonly HashSet<string> MinorTitleWords = new(StringComparer.Ordinal) { "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "or", "with" };

    /// <summary>
    /// The shape of a quotation, for the error classes: "a term" (one or two quoted words), "a title" (every quoted
    /// word capitalised), "over paragraphs" (it runs over a line break) or "a statement". Only the words inside double
    /// quotation marks count when the text has any.
    /// </summary>
    internal static string Shape(string content)
    {
        if (content.Contains('\n', StringComparison.Ordinal)) return "over paragraphs";
        var quoted = new System.Text.StringBuilder();
        bool inside = false, any = false;
        foreach (char c in content)
        {
            if (c is '\u201C' or '\u201D' or '"') { inside = c == '\u201C' || (c == '"' && !inside); any = true; quoted.Append(' '); continue; }
            if (inside) quoted.Append(c);
        }
        var words = (any && quoted.ToString().Any(char.IsLetterOrDigit) ? quoted.ToString() : content)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(ch => char.IsLetterOrDigit(ch) || ch is '\'' or '\u2019' or '-')]))
            .Where(w => w.Length > 0 && char.IsLetterOrDigit(w[0])).ToList();
        if (words.Count < 3) return "a term";
        if (words.All(w => !char.IsLower(w[0]) || MinorTitleWords.Contains(w))) return "a title";
        return "a statement";
    }

    private static string SpeakerErrorKind(GoldAttribution gold, SystemQuote predicted)
    {
        string goldForm = MentionForm(gold.Speaker!);
        return predicted.Speaker is null && predicted.SpeakerSpan is null ? $"speaker missing: gold is {goldForm}" : $"speaker wrong: gold is {goldForm}";
    }

    /// <summary>"a pronoun", "a name" or "a description", by the gold mention's shape.</summary>
    internal static string MentionForm(string mention)
    {
        var cut = CutMention(mention);
        var words = cut.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && NameTokens.IsPronoun(NameTokens.Strip(words[0]))) return "a pronoun";
        return words.Length > 0 && NameTokens.IsNameToken(NameTokens.Strip(words[^1])) ? "a name" : "a description";
    }

    /// <summary>The README's speaker rule: (a) the mentions share a character, or (b) the gold key name is a predicted name token.</summary>
    internal static bool SpeakerRight(GoldAttribution gold, string? key, SystemQuote predicted)
    {
        if (predicted.SpeakerSpan is { } ps && gold.SpeakerSpan is { } gs && ps.Start < gs.End && gs.Start < ps.End && ps.Length > 0) return true;
        if (key is null || predicted.Speaker is null) return false;
        foreach (var token in predicted.Speaker.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = NameTokens.Strip(token);
            if (NameTokens.IsNameToken(name) && string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The key name of every gold attribution with a source: the last word of its mention (cut at the first ",", "(",
    /// " who " or " which ") when that word is a name token; otherwise the key of the nearest preceding named source
    /// mention of the article (largest start among those ending at or before this one's start), or none.
    /// </summary>
    internal static Dictionary<GoldAttribution, string> KeyNames(AttributionArticle article)
    {
        var named = new List<(int Start, int End, string Key)>();
        foreach (var a in article.Attributions)
        {
            if (a.Speaker is null || a.SpeakerSpan is null) continue;
            var own = OwnKey(a.Speaker);
            if (own is not null) named.Add((a.SpeakerSpan.Value.Start, a.SpeakerSpan.Value.End, own));
        }
        var keys = new Dictionary<GoldAttribution, string>(ReferenceEqualityComparer.Instance);
        foreach (var a in article.Attributions)
        {
            if (a.Speaker is null || a.SpeakerSpan is null) continue;
            var key = OwnKey(a.Speaker);
            if (key is null)
            {
                int start = a.SpeakerSpan.Value.Start, bestStart = -1;
                foreach (var n in named)
                {
                    if (n.End <= start && n.Start > bestStart) { bestStart = n.Start; key = n.Key; }
                }
            }
            if (key is not null) keys[a] = key;
        }
        return keys;
    }

    internal static string? OwnKey(string mention)
    {
        var words = CutMention(mention).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var last = NameTokens.Strip(words[^1]);
        return NameTokens.IsNameToken(last) ? last.ToLowerInvariant() : null;
    }

    private static string CutMention(string mention)
    {
        int cut = mention.Length;
        foreach (var marker in new[] { ",", "(", " who ", " which " })
        {
            int i = mention.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0 && i < cut) cut = i;
        }
        return mention[..cut];
    }

    // ---- span sets: sorted, disjoint ranges; A(S) counted with a prefix sum over letters and digits ----

    internal static int[] AlnumPrefix(string text)
    {
        var prefix = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++) prefix[i + 1] = prefix[i] + (IsAlnum(text, i) ? 1 : 0);
        return prefix;
    }

    /// <summary>Python's <c>str.isalnum</c> on one UTF-16 unit: letters (any case or script) and digits of any kind.</summary>
    private static bool IsAlnum(string text, int i)
    {
        char c = text[i];
        return char.IsLetter(c) || char.IsDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
    }

    /// <summary>Q: positions inside double quotation marks; “ opens, ” closes, " toggles; every newline resets the state.</summary>
    internal static List<TextSpan> QuotedRegions(string text)
    {
        var regions = new List<TextSpan>();
        bool open = false;
        int from = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool next = c switch
            {
                '\n' => false,
                '\u201C' => true,
                '\u201D' => false,
                '"' => !open,
                _ => open,
            };
            if (next && !open) from = i + 1;
            if (!next && open) regions.Add(TextSpan.FromBounds(from, i));
            open = next;
        }
        if (open) regions.Add(TextSpan.FromBounds(from, text.Length));
        return regions;
    }

    private static List<List<TextSpan>> Targets(QuoteSpan content, List<TextSpan> quoted, int[] alnum)
    {
        var union = Normalize(content.Fragments);
        var targets = new List<List<TextSpan>> { union, Intersect(union, quoted) };
        if (content.Fragments.Length >= 2)
        {
            foreach (var f in content.Fragments)
            {
                List<TextSpan> piece = [f];
                targets.Add(piece);
                targets.Add(Intersect(piece, quoted));
            }
        }
        targets.RemoveAll(t => Count(t, alnum) == 0);
        return targets;
    }

    internal static double Overlap(List<TextSpan> p, List<TextSpan> t, int[] alnum)
    {
        int size = Math.Max(Count(p, alnum), Count(t, alnum));
        return size == 0 ? 0 : (double)Count(Intersect(p, t), alnum) / size;
    }

    internal static List<TextSpan> Normalize(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.Where(s => s.Length > 0).OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var merged = new List<TextSpan>(sorted.Count);
        foreach (var s in sorted)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = TextSpan.FromBounds(merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    internal static List<TextSpan> Intersect(List<TextSpan> a, List<TextSpan> b)
    {
        var result = new List<TextSpan>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            int s = Math.Max(a[i].Start, b[j].Start), e = Math.Min(a[i].End, b[j].End);
            if (s < e) result.Add(TextSpan.FromBounds(s, e));
            if (a[i].End < b[j].End) i++; else j++;
        }
        return result;
    }

    internal static int Count(List<TextSpan> spans, int[] alnum)
    {
        int n = 0;
        int max = alnum.Length - 1;
        foreach (var s in spans) n += alnum[Math.Min(s.End, max)] - alnum[Math.Min(s.Start, max)];
        return n;
    }
}

/// <summary>
/// The README's name tokens: a whitespace token with punctuation and a possessive ('s, ’s, ’) stripped that starts
/// with an upper-case letter and is not a pronoun, determiner, title or party/nationality word.
/// </summary>
internal static class NameTokens
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
        "who", "whom", "whose", "which", "that", "this", "these", "those", "one", "someone", "somebody", "anyone", "everyone", "himself", "herself", "itself", "themselves",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "some", "any", "each", "every", "all", "both", "another", "other", "many", "several", "most", "no",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "congressman", "congresswoman", "president", "gov", "governor",
        "secretary", "sec", "gen", "general", "vice", "former", "judge", "justice", "speaker", "leader", "chairman", "chairwoman", "mayor", "rev",
        "prof", "professor", "lt", "col", "capt", "sgt", "adm", "attorney", "candidate", "nominee", "sir", "lady", "lord", "pope",
    };

    private static readonly HashSet<string> Parties = new(StringComparer.OrdinalIgnoreCase)
    {
        "republican", "republicans", "democratic", "democrat", "democrats", "gop", "american", "americans",
    };

    public static string Strip(string token)
    {
        int s = 0, e = token.Length;
        while (s < e && !char.IsLetterOrDigit(token[s])) s++;
        while (e > s && !char.IsLetterOrDigit(token[e - 1])) e--;
        var t = token[s..e];
        foreach (var possessive in new[] { "'s", "\u2019s", "'S", "\u2019S" })
        {
            if (t.EndsWith(possessive, StringComparison.Ordinal)) return t[..^possessive.Length];
        }
        // a trailing apostrophe was already stripped as punctuation ("Jones’")
        return t;
    }

    public static bool IsPronoun(string word) => Pronouns.Contains(word);

    public static bool IsNameToken(string word) =>
        word.Length > 0 && char.IsUpper(word[0]) && !Pronouns.Contains(word) && !Determiners.Contains(word) && !Titles.Contains(word) && !Parties.Contains(word);
}
