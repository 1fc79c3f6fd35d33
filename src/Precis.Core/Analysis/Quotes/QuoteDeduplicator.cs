using System.Collections.Immutable;
using System.Text;

namespace Precis.Analysis.Quotes;

/// <summary>
/// Merges the same quote carried by several articles (syndicated copies, or outlets quoting the same words).
/// Two quotes are one when their texts match after folding case, quotation marks and punctuation, or when their
/// word sets overlap with a Jaccard coefficient of at least 0.7 (wire edits such as "IS" → "Islamic State") and the
/// speakers agree — the near-duplicate threshold of Broder's resemblance measure as used for syndication.
/// </summary>
internal static class QuoteDeduplicator
{
    private const double MinResemblance = 0.7;

    public static ImmutableArray<Quote> Merge(IEnumerable<QuoteExtractor.Found> found)
    {
        var groups = new List<(QuoteKind Kind, List<QuoteOccurrence> Items, HashSet<string> Words, string Key)>();
        foreach (var f in found)
        {
            var key = Fold(f.Occurrence.Text);
            var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            int match = -1;
            for (int g = 0; g < groups.Count && match < 0; g++)
            {
                var group = groups[g];
                if (group.Kind != f.Kind) continue;
                if (string.Equals(group.Key, key, StringComparison.Ordinal)) { match = g; break; }
                if (SameSpeaker(group.Items[0].Speaker, f.Occurrence.Speaker) && Jaccard(group.Words, words) >= MinResemblance) match = g;
            }
            if (match >= 0)
            {
                if (!groups[match].Items.Any(o => o.Article == f.Occurrence.Article && o.Span == f.Occurrence.Span)) groups[match].Items.Add(f.Occurrence);
            }
            else
            {
                groups.Add((f.Kind, [f.Occurrence], words, key));
            }
        }
        return [.. groups
            .Select(g => (g.Kind, Items: g.Items.OrderBy(o => o.Article).ThenBy(o => o.Span.Start).ToImmutableArray()))
            .OrderBy(g => g.Items[0].Article).ThenBy(g => g.Items[0].Span.Start)
            .Select((g, i) => new Quote(i + 1, g.Kind, g.Items[0].Text, BestSpeaker(g.Items), g.Items))];
    }

    /// <summary>The most informative speaker among the occurrences: a named one with a role, then a named one.</summary>
    private static Speaker BestSpeaker(ImmutableArray<QuoteOccurrence> items) =>
        items.Select(o => o.Speaker).OrderBy(s => s.Entity is null ? 1 : 0).ThenBy(s => s.Role is null ? 1 : 0).First();

    private static bool SameSpeaker(Speaker a, Speaker b) =>
        (a.Entity is not null && a.Entity == b.Entity) || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int both = 0;
        foreach (var w in a)
        {
            if (b.Contains(w)) both++;
        }
        return (double)both / (a.Count + b.Count - both);
    }

    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(char.ToLowerInvariant(c)); space = false; }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c)) space = true;
        }
        return sb.ToString();
    }
}
