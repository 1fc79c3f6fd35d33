using System.Runtime.CompilerServices;

namespace Precis.Summarization;

/// <summary>
/// Pairs of sentences that say the same thing (content-word cosine at or above a threshold), computed on first
/// use and cached by pair: the optimizer asks about few pairs, so nothing of size n² is ever allocated.
/// </summary>
internal sealed class Redundancy
{
    private readonly SentenceView[] _sentences;
    private readonly double _threshold;
    private readonly Dictionary<long, bool> _cache = [];

    public Redundancy(SentenceView[] sentences, double threshold)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        _sentences = sentences;
        _threshold = threshold;
    }

    /// <summary>A pair check without caching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a one-shot CLI run
    public static bool AreRedundant(SentenceView a, SentenceView b, double threshold) =>
        ClusterView.Cosine(a.ContentCounts, b.ContentCounts) >= threshold;

    public bool this[int i, int j]
    {
        get
        {
            if (i == j) return false;
            long key = i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;
            if (!_cache.TryGetValue(key, out bool v))
            {
                v = AreRedundant(_sentences[i], _sentences[j], _threshold);
                _cache[key] = v;
            }
            return v;
        }
    }
}
