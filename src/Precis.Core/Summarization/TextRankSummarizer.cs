using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// TextRank for sentences (Mihalcea &amp; Tarau 2004): the weight between two sentences is the number of words they
/// share divided by log|S_i| + log|S_j|; scores are weighted PageRank with damping 0.85. Words are stemmed content
/// words (stop words removed), as in common implementations.
/// </summary>
public sealed class TextRankSummarizer : ISummarizer
{
    public string Name => "textrank";

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        var view = ClusterView.Build(input);
        var pool = RankedSelection.Pool(view);
        int n = pool.Length;
        var weights = new double[n][];
        for (int i = 0; i < n; i++) weights[i] = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double w = Similarity(pool[i], pool[j]);
                weights[i][j] = weights[j][i] = w;
            }
        }
        var scores = RankedSelection.PageRank(weights, 0.85);
        return RankedSelection.Take(view, RankedSelection.Rank(pool, scores), budget);
    }

    private static double Similarity(SentenceView a, SentenceView b)
    {
        double norm = Math.Log(a.Content.Length) + Math.Log(b.Content.Length);
        if (norm <= 0) return 0;
        int shared = 0, i = 0, j = 0;
        var x = a.ContentCounts;
        var y = b.ContentCounts;
        while (i < x.Length && j < y.Length)
        {
            if (x[i].Term < y[j].Term) i++;
            else if (x[i].Term > y[j].Term) j++;
            else { shared++; i++; j++; }
        }
        return shared / norm;
    }
}
