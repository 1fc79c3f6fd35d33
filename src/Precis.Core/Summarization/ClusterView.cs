using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>One sentence with the numeric features every summarizer shares.</summary>
internal sealed class SentenceView
{
    public required Sentence Sentence { get; init; }

    /// <summary>0-based position of the article in the input.</summary>
    public required int ArticleIndex { get; init; }

    /// <summary>0-based syndication group of the article (copies of one story share it).</summary>
    public required int Group { get; init; }

    /// <summary>Term ids of all word and number tokens, in order (stems; numbers as written).</summary>
    public required int[] Words { get; init; }

    /// <summary>Term ids of the content words (stop words removed), with repetitions, in order.</summary>
    public required int[] Content { get; init; }

    /// <summary>Content term → count, sorted by term id (a sparse vector for cosine similarity).</summary>
    public required (int Term, int Count)[] ContentCounts { get; init; }

    /// <summary>Number of white-space separated words of the sentence text.</summary>
    public required int WordCount { get; init; }

    public required bool IsCandidate { get; init; }
}

/// <summary>
/// The input of one summarization run reduced to integer term ids, built once and shared by the methods.
/// Term ids are assigned in order of first appearance, so everything derived from them is deterministic.
/// </summary>
internal sealed class ClusterView
{
    private ClusterView(ImmutableArray<Article> articles, SentenceView[][] byArticle, int groupCount, bool[] isStop, int termCount)
    {
        Articles = articles;
        ByArticle = byArticle;
        Sentences = [.. byArticle.SelectMany(a => a)];
        GroupCount = groupCount;
        IsStop = isStop;
        TermCount = termCount;
    }

    public ImmutableArray<Article> Articles { get; }

    /// <summary>Sentences per article, in input order.</summary>
    public SentenceView[][] ByArticle { get; }

    /// <summary>All sentences, article by article.</summary>
    public SentenceView[] Sentences { get; }

    /// <summary>Number of distinct syndication groups among the articles (independent documents).</summary>
    public int GroupCount { get; }

    public bool[] IsStop { get; }

    public int TermCount { get; }

    public static ClusterView Build(SummarizationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var groupOf = new Dictionary<int, int>();
        foreach (var g in input.Groups.OrderBy(g => g.Id))
        {
            foreach (int a in g.Articles) groupOf.TryAdd(a, g.Id);
        }
        // Dense 0-based group numbers in order of first article; articles no group names are their own group.
        var dense = new Dictionary<int, int>();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = new List<bool>();
        var byArticle = new SentenceView[input.Articles.Length][];
        var words = new List<int>();   // reused for every sentence
        var content = new List<int>();
        for (int ai = 0; ai < input.Articles.Length; ai++)
        {
            var article = input.Articles[ai];
            int key = groupOf.TryGetValue(article.Number, out int gid) ? gid : -1 - article.Number;
            if (!dense.TryGetValue(key, out int group)) dense[key] = group = dense.Count;
            var views = new SentenceView[article.Sentences.Length];
            for (int si = 0; si < views.Length; si++)
            {
                var s = article.Sentences[si];
                words.Clear();
                content.Clear();
                foreach (var t in s.Tokens)
                {
                    if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
                    string form = t.Kind == TokenKind.Number ? t.Normal : t.Stem;
                    if (!vocabulary.TryGetValue(form, out int id))
                    {
                        id = vocabulary.Count;
                        vocabulary[form] = id;
                        stop.Add(t.IsStopWord);
                    }
                    words.Add(id);
                    if (!t.IsStopWord) content.Add(id);
                }
                var counts = CountSorted(content);
                views[si] = new SentenceView
                {
                    Sentence = s,
                    ArticleIndex = ai,
                    Group = group,
                    Words = [.. words],
                    Content = [.. content],
                    ContentCounts = counts,
                    WordCount = BudgetMeter.CountWords(s.Text),
                    IsCandidate = SentenceFilter.IsCandidate(s, words.Count),
                };
            }
            byArticle[ai] = views;
        }
        return new ClusterView(input.Articles, byArticle, dense.Count, [.. stop], vocabulary.Count);
    }

    /// <summary>Term → count pairs sorted by term (sort a copy, then count the runs).</summary>
    private static (int Term, int Count)[] CountSorted(List<int> terms)
    {
        if (terms.Count == 0) return [];
        var sorted = terms.ToArray();
        Array.Sort(sorted);
        int runs = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1]) runs++;
        }
        var result = new (int Term, int Count)[runs];
        int r = 0, start = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[i - 1])
            {
                result[r++] = (sorted[start], i - start);
                start = i;
            }
        }
        return result;
    }

    /// <summary>Cosine of two sparse count vectors (sorted by term).</summary>
    public static double Cosine((int Term, int Count)[] a, (int Term, int Count)[] b, double[]? weights = null)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (t, c) in a) { double w = weights?[t] ?? 1; na += c * c * w * w; }
        foreach (var (t, c) in b) { double w = weights?[t] ?? 1; nb += c * c * w * w; }
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Term < b[j].Term) i++;
            else if (a[i].Term > b[j].Term) j++;
            else
            {
                double w = weights?[a[i].Term] ?? 1;
                dot += a[i].Count * b[j].Count * w * w;
                i++;
                j++;
            }
        }
        return dot == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
