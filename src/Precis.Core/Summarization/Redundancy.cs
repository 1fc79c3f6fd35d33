
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
    private (int Sentence, int Count)[][]? _postings; // content term → (sentence, count), built on first Row
    private long[]? _norms;                            // per sentence: sum of squared content counts
    private long[]? _dots;                             // scratch: dot products of one row

    public Redundancy(SentenceView[] sentences, double threshold)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        _sentences = sentences;
        _threshold = threshold;
    }

    /// <summary>A pair check without caching.</summary>
    public static bool AreRedundant(SentenceView a, SentenceView b, double threshold) =>
        ClusterView.Cosine(a.ContentCounts, b.ContentCounts) >= threshold;

    /// <summary>
    /// Every sentence redundant with sentence <paramref name="i"/>, ascending: the same relation as the indexer,
    /// read from the postings of its content terms, so a row costs the terms it shares instead of a cosine per
    /// sentence. Counts are integers, so the sums (exact in a double below 2^53) and the cosine are the same values
    /// as <see cref="ClusterView.Cosine"/> computes pair by pair.
    /// </summary>
    public int[] Row(int i)
    {
        if (_postings is null) BuildPostings();
        var dots = _dots!;
        var touched = new List<int>();
        foreach (var (t, c) in _sentences[i].ContentCounts)
        {
            foreach (var (j, d) in _postings![t])
            {
                if (dots[j] == 0) touched.Add(j);
                dots[j] += (long)c * d;
            }
        }
        var row = new List<int>();
        double ni = _norms![i];
        if (_threshold <= 0)
        {
            // Cosine 0 (no shared term) already reaches the threshold: every other sentence.
            for (int j = 0; j < _sentences.Length; j++)
            {
                if (j != i) row.Add(j);
            }
        }
        else
        {
            touched.Sort();
            foreach (int j in touched)
            {
                if (j != i && (double)dots[j] / Math.Sqrt(ni * _norms[j]) >= _threshold) row.Add(j);
            }
        }
        foreach (int j in touched) dots[j] = 0;
        return [.. row];
    }

    private void BuildPostings()
    {
        int terms = 0;
        var norms = new long[_sentences.Length];
        for (int j = 0; j < _sentences.Length; j++)
        {
            foreach (var (t, c) in _sentences[j].ContentCounts)
            {
                terms = Math.Max(terms, t + 1);
                norms[j] += (long)c * c;
            }
        }
        var lists = new List<(int, int)>?[terms];
        for (int j = 0; j < _sentences.Length; j++)
        {
            foreach (var (t, c) in _sentences[j].ContentCounts) (lists[t] ??= []).Add((j, c));
        }
        _postings = [.. lists.Select(l => l is null ? [] : l.ToArray())];
        _norms = norms;
        _dots = new long[_sentences.Length];
    }

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
