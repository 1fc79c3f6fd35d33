using System.Runtime.CompilerServices;

namespace Precis.Summarization;

/// <summary>
/// Pairs of sentences that say the same thing (content-word cosine at or above a threshold), computed on first
/// use and cached: the optimizer asks about few pairs, so the full n² matrix is never built.
/// </summary>
internal sealed class Redundancy
{
    private readonly SentenceView[] _sentences;
    private readonly double _threshold;
    private readonly sbyte[] _cache; // 0 unknown, 1 redundant, -1 not

    public Redundancy(SentenceView[] sentences, double threshold)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        _sentences = sentences;
        _threshold = threshold;
        _cache = new sbyte[sentences.Length * sentences.Length];
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
            int key = i * _sentences.Length + j;
            if (_cache[key] == 0)
            {
                sbyte v = AreRedundant(_sentences[i], _sentences[j], _threshold) ? (sbyte)1 : (sbyte)-1;
                _cache[key] = v;
                _cache[j * _sentences.Length + i] = v;
            }
            return _cache[key] > 0;
        }
    }
}
