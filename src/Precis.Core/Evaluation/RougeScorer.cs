using System.Collections.Immutable;

namespace Precis.Evaluation;

/// <summary>
/// Scores one cluster the way ROUGE-1.5.5.pl does (<c>-f A</c>, model average): n-gram, LCS and skip-bigram
/// hits and counts are summed over the references, R = Σhits/Σreference grams, P = Σhits/(#refs × summary grams),
/// both rounded to 5 decimals, then F from the rounded values. Create one scorer per option set and reuse it; it
/// caches stems and is safe to use from several threads.
/// </summary>
public sealed class RougeScorer
{
    private readonly RougeOptions _options;
    private readonly RougeTokenFilter _filter;

    public RougeScorer(RougeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxBytes < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MaxBytes, "MaxBytes must be 0 or positive");
        if (options.MaxWords < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MaxWords, "MaxWords must be 0 or positive");
        if (options.MaxBytes > 0 && options.MaxWords > 0) throw new ArgumentException("Give MaxBytes or MaxWords, not both (ROUGE refuses -b with -l).", nameof(options));
        if (options.RemoveStopWords && options.StopWords is null) throw new ArgumentException("RemoveStopWords needs a StopWords list (ROUGE's smart_common_words.txt is not shipped).", nameof(options));
        if (options.Alpha is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), options.Alpha, "Alpha must be within [0, 1]");
        _options = options;
        _filter = new RougeTokenFilter(options);
    }

    public RougeOptions Options => _options;

    /// <summary>With <c>-m</c>: the WordNet exception DB the scorer maps irregular forms with, or null when our own
    /// table of common irregular forms stands in (files absent, or no stemming).</summary>
    public WordNetExceptions? WordNetExceptions => _filter.Exceptions;

    /// <summary>
    /// Scores a summary against references, each given as text with one sentence per line (<c>\n</c>); lines are
    /// trimmed and empty lines dropped, as the bench wrapper writes ROUGE's SPL files.
    /// </summary>
    public RougeClusterScores ScoreCluster(string id, string summary, IEnumerable<string> references)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(references);
        return ScoreCluster(id, SplitLines(summary), references.Select(SplitLines).ToList());
    }

    /// <summary>Scores a summary given as sentences against references given as sentences (trimmed; empty ones dropped).</summary>
    public RougeClusterScores ScoreCluster(string id, IReadOnlyList<string> summarySentences, IReadOnlyList<IReadOnlyList<string>> referenceSentences)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(summarySentences);
        ArgumentNullException.ThrowIfNull(referenceSentences);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var peer = Read(summarySentences, vocabulary);
        var models = referenceSentences.Select(r => Read(r, vocabulary)).ToList();
        var metrics = ImmutableArray.CreateBuilder<RougeMetricScore>();
        for (int n = 1; n <= _options.MaxN; n++)
        {
            metrics.Add(new RougeMetricScore($"ROUGE-{n}", Score(NGramCounts(peer, models, n))));
        }
        if (_options.ComputeL) metrics.Add(new RougeMetricScore("ROUGE-L", Score(LcsCounts(peer, models, vocabulary.Count))));
        if (_options.SkipDistance is int d)
        {
            var name = _options.MetricNames[^1];
            metrics.Add(new RougeMetricScore(name, Score(SkipBigramCounts(peer, models, d, _options.SkipBigramUnigrams))));
        }
        return new RougeClusterScores(id, metrics.ToImmutable());
    }

    private static List<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>
    /// A text as the two ROUGE readers see it, tokens as ids of one cluster's vocabulary: one token list for
    /// n-grams and skip bigrams (readText) and token lists per sentence for LCS (readText_LCS).
    /// </summary>
    private sealed record ReadText(int[] Tokens, List<int[]> SentenceTokens);

    private ReadText Read(IReadOnlyList<string> sentences, Dictionary<string, int> vocabulary)
    {
        var bytes = RougeText.ToByteSentences(sentences.Select(s => s.Trim()));
        var joined = RougeText.JoinTruncated(bytes, _options.MaxBytes, _options.MaxWords);
        var tokens = Ids(RougeText.Tokens(joined, _filter), vocabulary);
        List<int[]> units = [];
        if (_options.ComputeL)
        {
            units = [.. RougeText.SplitTruncated(bytes, _options.MaxBytes, _options.MaxWords).Select(s => Ids(RougeText.Tokens(s, _filter), vocabulary))];
        }
        return new ReadText(tokens, units);
    }

    private static int[] Ids(List<string> tokens, Dictionary<string, int> vocabulary)
    {
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            if (!vocabulary.TryGetValue(tokens[i], out int id))
            {
                id = vocabulary.Count;
                vocabulary[tokens[i]] = id;
            }
            ids[i] = id;
        }
        return ids;
    }

    private readonly record struct Counts(long Hits, long ModelCount, long PeerCount);

    private RougeScore Score(Counts counts)
    {
        double recall = counts.ModelCount != 0 ? PerlFormat.Round5((double)counts.Hits / counts.ModelCount) : 0;
        double precision = counts.PeerCount != 0 ? PerlFormat.Round5((double)counts.Hits / counts.PeerCount) : 0;
        double alpha = _options.Alpha;
        double denominator = (1 - alpha) * precision + alpha * recall;
        double f = denominator > 0 ? PerlFormat.Round5(precision * recall / denominator) : 0;
        return new RougeScore(recall, precision, f, counts.Hits, counts.ModelCount, counts.PeerCount);
    }

    private static Counts NGramCounts(ReadText peer, List<ReadText> models, int n)
    {
        var peerGrams = NGrams(peer.Tokens, n, out long peerCount);
        long hits = 0, modelTotal = 0, peerTotal = 0;
        foreach (var model in models)
        {
            var modelGrams = NGrams(model.Tokens, n, out long modelCount);
            hits += ClippedHits(modelGrams, peerGrams);
            modelTotal += modelCount;
            peerTotal += peerCount;
        }
        return new Counts(hits, modelTotal, peerTotal);
    }

    /// <summary>N-gram counts keyed by the token ids (two ids packed in a long up to bigrams, a string beyond).</summary>
    private static Dictionary<GramKey, int> NGrams(int[] tokens, int n, out long count)
    {
        var grams = new Dictionary<GramKey, int>();
        count = 0;
        for (int i = 0; i + n <= tokens.Length; i++)
        {
            var key = n switch
            {
                1 => new GramKey(tokens[i], null),
                2 => new GramKey(Pair(tokens[i], tokens[i + 1]), null),
                _ => new GramKey(0, string.Join(' ', tokens.Skip(i).Take(n))),
            };
            grams[key] = grams.GetValueOrDefault(key) + 1;
            count++;
        }
        return grams;
    }

    /// <summary>A unigram is its id; a bigram packs (first + 1, second) so it never equals a unigram key.</summary>
    private static long Pair(int first, int second) => ((long)(first + 1) << 32) | (uint)second;

    private readonly record struct GramKey(long Packed, string? Long);

    private static long ClippedHits(Dictionary<GramKey, int> modelGrams, Dictionary<GramKey, int> peerGrams)
    {
        long hits = 0;
        foreach (var (gram, modelCount) in modelGrams)
        {
            if (peerGrams.TryGetValue(gram, out int peerCount)) hits += Math.Min(peerCount, modelCount);
        }
        return hits;
    }

    private static Counts SkipBigramCounts(ReadText peer, List<ReadText> models, int skipDistance, bool unigrams)
    {
        var peerGrams = SkipBigrams(peer.Tokens, skipDistance, unigrams, out long peerCount);
        long hits = 0, modelTotal = 0, peerTotal = 0;
        foreach (var model in models)
        {
            var modelGrams = SkipBigrams(model.Tokens, skipDistance, unigrams, out long modelCount);
            hits += ClippedHits(modelGrams, peerGrams);
            modelTotal += modelCount;
            peerTotal += peerCount;
        }
        return new Counts(hits, modelTotal, peerTotal);
    }

    /// <summary>
    /// ROUGE's <c>createSkipBigram</c>: pairs (i, j) with i &lt; j ≤ i + skip + 1. PRECIS: as in ROUGE-1.5.5, with
    /// <c>-u</c> the unigram of every token but the last is added (its loop stops one token early), and a text
    /// of one token yields no gram at all.
    /// </summary>
    private static Dictionary<GramKey, int> SkipBigrams(int[] tokens, int skipDistance, bool unigrams, out long count)
    {
        var grams = new Dictionary<GramKey, int>();
        count = 0;
        for (int i = 0; i < tokens.Length - 1; i++)
        {
            if (unigrams)
            {
                var unigram = new GramKey(tokens[i], null);
                grams[unigram] = grams.GetValueOrDefault(unigram) + 1;
                count++;
            }
            for (int j = i + 1; j < tokens.Length && (skipDistance < 0 || j <= i + skipDistance + 1); j++)
            {
                var gram = new GramKey(Pair(tokens[i], tokens[j]), null);
                grams[gram] = grams.GetValueOrDefault(gram) + 1;
                count++;
            }
        }
        return grams;
    }

    /// <summary>
    /// ROUGE's summary-level LCS (<c>computeLCSScore</c>/<c>lcs</c>): for each reference sentence, the union of
    /// its LCS positions with every summary sentence; a marked token counts only while both the reference's and
    /// the summary's unigram counts of it are left (each hit uses one of each), which keeps ROUGE-L ≤ ROUGE-1.
    /// </summary>
    private static Counts LcsCounts(ReadText peer, List<ReadText> models, int vocabularySize)
    {
        var peerUnigrams = new int[vocabularySize];
        foreach (var t in peer.Tokens) peerUnigrams[t]++;
        var peerLeft = new int[vocabularySize];
        var modelLeft = new int[vocabularySize];
        long hits = 0, modelTotal = 0, peerTotal = 0;
        foreach (var model in models)
        {
            Array.Copy(peerUnigrams, peerLeft, vocabularySize);
            Array.Clear(modelLeft);
            foreach (var t in model.Tokens) modelLeft[t]++;
            foreach (var sentence in model.SentenceTokens)
            {
                var hitMask = new bool[sentence.Length];
                modelTotal += sentence.Length;
                foreach (var peerSentence in peer.SentenceTokens) MarkLcs(sentence, peerSentence, hitMask);
                for (int j = 0; j < sentence.Length; j++)
                {
                    int token = sentence[j];
                    if (hitMask[j] && modelLeft[token] > 0 && peerLeft[token] > 0)
                    {
                        hits++;
                        modelLeft[token]--;
                        peerLeft[token]--;
                    }
                }
            }
            peerTotal += peer.Tokens.Length;
        }
        return new Counts(hits, modelTotal, peerTotal);
    }

    /// <summary>
    /// ROUGE's <c>lcs_inner</c> + <c>markLCS</c>: the DP table with its tie rule (up when c[i-1][j] ≥ c[i][j-1]),
    /// traced back from the end; marks the model positions on that one LCS.
    /// </summary>
    internal static void MarkLcs(ReadOnlySpan<int> model, ReadOnlySpan<int> peer, bool[] hitMask)
    {
        int m = model.Length, n = peer.Length;
        if (m == 0) return;
        var c = new int[(m + 1) * (n + 1)];
        var move = new byte[(m + 1) * (n + 1)]; // 1 diagonal, 2 up, 3 left
        int w = n + 1;
        for (int i = 1; i <= m; i++)
        {
            for (int j = 1; j <= n; j++)
            {
                if (model[i - 1] == peer[j - 1])
                {
                    c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
                    move[i * w + j] = 1;
                }
                else if (c[(i - 1) * w + j] >= c[i * w + j - 1])
                {
                    c[i * w + j] = c[(i - 1) * w + j];
                    move[i * w + j] = 2;
                }
                else
                {
                    c[i * w + j] = c[i * w + j - 1];
                    move[i * w + j] = 3;
                }
            }
        }
        int x = m, y = n;
        while (x != 0 && y != 0)
        {
            switch (move[x * w + y])
            {
                case 1: x--; y--; hitMask[x] = true; break;
                case 2: x--; break;
                default: y--; break;
            }
        }
    }
}
