namespace Precis.Clustering;

/// <summary>
/// How many rare words a pair shares, counted over all of the article's rare terms (issue 14, round 8). rare_share and
/// exclusive_shared read the article's 16 rarest shareable terms; in a long article those are 16 of its many words that
/// one other document holds, chosen among equals by term number, and the words it shares with its own event may be
/// others. This feature counts every article term held by 2 to <see cref="RareCountMaxDf"/> documents (at most
/// <see cref="RareCountTerms"/> of them, in the article's term order) that the event holds.
/// Cost per candidate: at most <see cref="RareCountTerms"/> centroid probes; the article's list is made once.
/// </summary>
public sealed partial class OnlineEventClusterer
{
    /// <summary>Index of rare_shared_count in <see cref="JoinFeatures.Names"/>.</summary>
    private const int RareCountFeature = 21;

    /// <summary>Highest document frequency of a term the count reads.</summary>
    private const int RareCountMaxDf = 4;

    /// <summary>At most this many of the article's rare terms are read.</summary>
    private const int RareCountTerms = 64;

    private ArticleVector? _rareCountFor;
    private readonly List<int> _rareCountTerms = [];

    /// <summary>Writes rare_shared_count for an article against event <paramref name="e"/>.</summary>
    private void RareCount(ArticleVector article, EventState e, double[] f)
    {
        if (!ReferenceEquals(_rareCountFor, article))
        {
            _rareCountTerms.Clear();
            var stats = _stats;
            foreach (var term in article.Terms)
            {
                int df = stats[term].DocumentFrequency;
                if (df < 2 || df > RareCountMaxDf) continue;
                _rareCountTerms.Add(term);
                if (_rareCountTerms.Count == RareCountTerms) break;
            }
            _rareCountFor = article;
        }
        int shared = 0;
        var sum = e.Sum;
        foreach (var term in _rareCountTerms) if (sum.Contains(term)) shared++;
        f[RareCountFeature] = Math.Log(1 + shared);
    }

    /// <summary>The same for two events: the smaller event's rarest shareable terms held by no more documents than
    /// <see cref="RareCountMaxDf"/> plus the two events' sizes, found in the larger one.</summary>
    private void RareCount(EventState small, EventState large, double[] f)
    {
        int shared = 0, limit = RareCountMaxDf + small.Size + large.Size;
        var stats = _stats;
        foreach (var term in RarestShareable(small))
        {
            if (stats[term].DocumentFrequency <= limit && large.Sum.Contains(term)) shared++;
        }
        f[RareCountFeature] = Math.Log(1 + shared);
    }
}
