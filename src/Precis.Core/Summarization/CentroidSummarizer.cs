using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Centroid-based summarization in the manner of MEAD (Radev et al. 2004): score = C + P + F, where C is the sum
/// of the cluster centroid's values of the sentence's words, P = C_max·(n − i)/n rewards early position i of n in
/// its article, and F rewards overlap with the article's first sentence.
/// PRECIS: the centroid is the mean tf·idf vector of the articles, with idf over the cluster's sentences (MEAD uses a
/// background corpus), truncated to its <see cref="CentroidSize"/> largest terms; F is C_max times the cosine with
/// the first sentence (MEAD uses the raw inner product, whose scale depends on sentence length).
/// </summary>
public sealed class CentroidSummarizer : ISummarizer
{
    public const int CentroidSize = 50;

    public string Name => "centroid";

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        var view = ClusterView.Build(input);
        var pool = RankedSelection.Pool(view);
        var idf = RankedSelection.SentenceIdf(view, pool);
        var centroid = new double[view.TermCount];
        foreach (var article in view.ByArticle)
        {
            foreach (var s in article)
            {
                foreach (var (t, count) in s.ContentCounts) centroid[t] += count * idf[t];
            }
        }
        int articles = Math.Max(1, view.ByArticle.Length);
        var keep = Enumerable.Range(0, centroid.Length).OrderByDescending(t => centroid[t]).ThenBy(t => t).Take(CentroidSize).ToHashSet();
        for (int t = 0; t < centroid.Length; t++) centroid[t] = keep.Contains(t) ? centroid[t] / articles : 0;

        var c = pool.Select(s => s.ContentCounts.Sum(p => centroid[p.Term])).ToArray();
        var cMax = new double[view.ByArticle.Length];
        for (int i = 0; i < pool.Length; i++) cMax[pool[i].ArticleIndex] = Math.Max(cMax[pool[i].ArticleIndex], c[i]);
        var scores = new double[pool.Length];
        for (int i = 0; i < pool.Length; i++)
        {
            var s = pool[i];
            var article = view.ByArticle[s.ArticleIndex];
            int n = article.Length;
            double max = cMax[s.ArticleIndex];
            double p = max * (n - s.Sentence.Index) / n;
            double f = article.Length > 0 ? max * ClusterView.Cosine(s.ContentCounts, article[0].ContentCounts) : 0;
            scores[i] = c[i] + p + f;
        }
        return RankedSelection.Take(view, RankedSelection.Rank(pool, scores), budget);
    }
}
