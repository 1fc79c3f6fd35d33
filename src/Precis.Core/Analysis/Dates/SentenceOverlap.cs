using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// Content-word overlap between sentences: Jaccard similarity of the sets of stems of non-stop-word tokens
/// (the bag-of-stems resemblance used for near-duplicate sentence detection, e.g. Broder 1997 on word sets).
/// </summary>
public static class SentenceOverlap
{
    public static HashSet<string> ContentStems(Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in sentence.Tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number && !t.IsStopWord) set.Add(t.Stem);
        }
        return set;
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) return 0;
        int shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
