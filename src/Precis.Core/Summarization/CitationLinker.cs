using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Finds, for each chosen sentence, every article that carries it verbatim (its citations) and every other article
/// that carries an equivalent sentence (its equivalents), so a summary sentence shows all the sources that support
/// it while each citation stays checkable character for character. Two sentences are equivalent when their stemmed content words
/// (stop words removed, counts kept) have a cosine of at least <see cref="EquivalenceThreshold"/>, or when nearly
/// all content words of the shorter one (at least <see cref="ContainmentMinWords"/> of them) occur in the other —
/// the shape of a wire sentence that a client paper trimmed.
/// </summary>
public static class CitationLinker
{
    /// <summary>
    /// Content-word cosine at which two sentences count as the same statement. Lightly edited copies (a changed
    /// title, a dropped clause) stay well above 0.6; sentences that merely share a topic's names and keywords stay
    /// below it (MEAD uses 0.7 for redundancy; 0.6 accepts the small rewrites of syndication).
    /// </summary>
    public const double EquivalenceThreshold = 0.6;

    /// <summary>Share of the shorter sentence's content words that must occur in the longer one for containment.</summary>
    public const double ContainmentShare = 0.9;

    /// <summary>Containment is only trusted for sentences with at least this many content words.</summary>
    public const int ContainmentMinWords = 6;

    public static ImmutableArray<SummarySentence> Link(ImmutableArray<Sentence> chosen, ImmutableArray<Article> articles)
    {
        var result = ImmutableArray.CreateBuilder<SummarySentence>(chosen.Length);
        // Content vectors over term ids shared by this call, built once per sentence on first use.
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new Dictionary<Sentence, (int Term, int Count)[]>(ReferenceEqualityComparer.Instance);
        foreach (var s in chosen)
        {
            var citations = new SortedSet<int> { s.Article };
            var equivalents = ImmutableArray.CreateBuilder<Sentence>();
            var mine = Vector(s, vectors, terms);
            foreach (var a in articles)
            {
                if (a.Number == s.Article) continue;
                if (a.Text.Contains(s.Text, StringComparison.Ordinal))
                {
                    citations.Add(a.Number);
                    continue;
                }
                foreach (var other in a.Sentences)
                {
                    if (AreEquivalent(mine, Vector(other, vectors, terms)))
                    {
                        equivalents.Add(other);
                        break;
                    }
                }
            }
            result.Add(new SummarySentence(s.Text, s, [.. citations]) { Equivalents = equivalents.ToImmutable() });
        }
        return result.MoveToImmutable();
    }

    /// <summary>The rule above on sparse vectors sorted by term id (integer sums, so the cosine is exact).</summary>
    private static bool AreEquivalent((int Term, int Count)[] a, (int Term, int Count)[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        long dot = 0, na = 0, nb = 0;
        int shared = 0;
        foreach (var (_, c) in a) na += c * c;
        foreach (var (_, c) in b) nb += c * c;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Term < b[j].Term) i++;
            else if (a[i].Term > b[j].Term) j++;
            else
            {
                dot += a[i].Count * b[j].Count;
                shared++;
                i++;
                j++;
            }
        }
        if ((double)dot / Math.Sqrt((double)na * nb) >= EquivalenceThreshold) return true;
        int shorter = Math.Min(a.Length, b.Length);
        return shorter >= ContainmentMinWords && shared >= ContainmentShare * shorter;
    }

    private static (int Term, int Count)[] Vector(Sentence s, Dictionary<Sentence, (int Term, int Count)[]> cache, Dictionary<string, int> terms)
    {
        if (cache.TryGetValue(s, out var v)) return v;
        var ids = new List<int>();
        foreach (var t in s.Tokens)
        {
            if (t.IsStopWord || t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            string key = t.Kind == TokenKind.Number ? t.Normal : t.Stem;
            if (!terms.TryGetValue(key, out int id)) terms[key] = id = terms.Count;
            ids.Add(id);
        }
        ids.Sort();
        var runs = new List<(int Term, int Count)>();
        for (int i = 0; i < ids.Count; i++)
        {
            if (runs.Count > 0 && runs[^1].Term == ids[i]) runs[^1] = (ids[i], runs[^1].Count + 1);
            else runs.Add((ids[i], 1));
        }
        return cache[s] = [.. runs];
    }

    /// <summary>Whether two sentences state the same thing by the rule above.</summary>
    public static bool AreEquivalent(Sentence a, Sentence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Text == b.Text || AreEquivalent(ContentVector(a), ContentVector(b));
    }

    private static bool AreEquivalent(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        double dot = 0, na = 0, nb = 0;
        int shared = 0;
        foreach (var (term, count) in a)
        {
            na += count * count;
            if (b.TryGetValue(term, out int other))
            {
                dot += count * other;
                shared++;
            }
        }
        foreach (var count in b.Values) nb += count * count;
        if (dot / Math.Sqrt(na * nb) >= EquivalenceThreshold) return true;
        int shorter = Math.Min(a.Count, b.Count);
        return shorter >= ContainmentMinWords && shared >= ContainmentShare * shorter;
    }

    private static Dictionary<string, int> Vector(Sentence s, Dictionary<Sentence, Dictionary<string, int>> cache)
    {
        if (!cache.TryGetValue(s, out var v)) cache[s] = v = ContentVector(s);
        return v;
    }

    private static Dictionary<string, int> ContentVector(Sentence s)
    {
        var v = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in s.Tokens)
        {
            if (t.IsStopWord || t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            string key = t.Kind == TokenKind.Number ? t.Normal : t.Stem;
            v[key] = v.TryGetValue(key, out int n) ? n + 1 : 1;
        }
        return v;
    }
}
