using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// LexRank (Erkan &amp; Radev 2004, "LexRank: graph-based lexical centrality as salience in text summarization"):
/// sentences are nodes, linked when the idf-modified cosine of their tf-idf vectors is at least 0.1 (the
/// paper's best threshold); scores are the stationary distribution of the degree-normalised graph with jump
/// probability 0.15, computed by power iteration. PRECIS: idf is computed over the cluster's sentences (the paper
/// uses a background corpus, which a self-contained engine does not have).
/// </summary>
public sealed class LexRankSummarizer : ISummarizer
{
    public const double Threshold = 0.1;

    public string Name => "lexrank";

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        var view = ClusterView.Build(input);
        var pool = RankedSelection.Pool(view);
        var idf = RankedSelection.SentenceIdf(view, pool);
        int n = pool.Length;
        var adjacency = new double[n][];
        for (int i = 0; i < n; i++) adjacency[i] = new double[n];
        for (int i = 0; i < n; i++)
        {
            adjacency[i][i] = 1; // a sentence is similar to itself (cosine 1), as in the paper's matrix
            for (int j = i + 1; j < n; j++)
            {
                if (ClusterView.Cosine(pool[i].ContentCounts, pool[j].ContentCounts, idf) >= Threshold)
                {
                    adjacency[i][j] = adjacency[j][i] = 1;
                }
            }
        }
        // Damping 0.85 = jump probability 0.15 (Erkan & Radev use d = 0.15 for the jump).
        var scores = RankedSelection.PageRank(adjacency, 0.85);
        return RankedSelection.Take(view, RankedSelection.Rank(pool, scores), budget);
    }
}
