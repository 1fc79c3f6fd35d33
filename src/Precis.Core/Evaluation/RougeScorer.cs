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
        if (options.Alpha is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), options.Alpha, "Alpha must be within [0, 1]");
        _options = options;
        _filter = new RougeTokenFilter(options);
    }

    public RougeOptions Options => _options;

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
        var peer = Read(summarySentences);
        var models = referenceSentences.Select(Read).ToList();
        var metrics = ImmutableArray.CreateBuilder<RougeMetricScore>();
        for (int n = 1; n <= _options.MaxN; n++)
        {
            metrics.Add(new RougeMetricScore($"ROUGE-{n}", Score(NGramCounts(peer, models, n))));
        }
        if (_options.ComputeL) metrics.Add(new RougeMetricScore("ROUGE-L", Score(LcsCounts(peer, models))));
        if (_options.SkipDistance is int d)
        {
            var name = _options.MetricNames[^1];
            metrics.Add(new RougeMetricScore(name, Score(SkipBigramCounts(peer, models, d, _options.SkipBigramUnigrams))));
        }
        return new RougeClusterScores(id, metrics.ToImmutable());
    }

    private static List<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>A text as the two ROUGE readers see it: one token list (n-grams) and token lists per sentence (LCS).</summary>
    private sealed record ReadText(List<string> Tokens, List<List<string>> SentenceTokens);

    private ReadText Read(IReadOnlyList<string> sentences)
    {
        var bytes = RougeText.ToByteSentences(sentences.Select(s => s.Trim()));
        var joined = RougeText.JoinTruncated(bytes, _options.MaxBytes, _options.MaxWords);
        var tokens = RougeText.Tokens(joined, _filter);
        List<List<string>> units = [];
        if (_options.ComputeL)
        {
            units = [.. RougeText.SplitTruncated(bytes, _options.MaxBytes, _options.MaxWords).Select(s => RougeText.Tokens(s, _filter))];
        }
        return new ReadText(tokens, units);
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

    private static Dictionary<string, int> NGrams(List<string> tokens, int n, out long count)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        count = 0;
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.GetRange(i, n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
            count++;
        }
        return grams;
    }

    private static long ClippedHits(Dictionary<string, int> modelGrams, Dictionary<string, int> peerGrams)
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
    private static Dictionary<string, int> SkipBigrams(List<string> tokens, int skipDistance, bool unigrams, out long count)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        count = 0;
        for (int i = 0; i < tokens.Count - 1; i++)
        {
            if (unigrams)
            {
                grams[tokens[i]] = grams.GetValueOrDefault(tokens[i]) + 1;
                count++;
            }
            for (int j = i + 1; j < tokens.Count && (skipDistance < 0 || j <= i + skipDistance + 1); j++)
            {
                var gram = string.Concat(tokens[i], " ", tokens[j]);
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
    private static Counts LcsCounts(ReadText peer, List<ReadText> models)
    {
        var peerUnigrams = NGrams(peer.Tokens, 1, out long peerCount);
        long hits = 0, modelTotal = 0, peerTotal = 0;
        foreach (var model in models)
        {
            var peerLeft = new Dictionary<string, int>(peerUnigrams, StringComparer.Ordinal);
            var modelLeft = NGrams(model.Tokens, 1, out _);
            foreach (var sentence in model.SentenceTokens)
            {
                var hitMask = new bool[sentence.Count];
                modelTotal += sentence.Count;
                foreach (var peerSentence in peer.SentenceTokens) MarkLcs(sentence, peerSentence, hitMask);
                for (int j = 0; j < sentence.Count; j++)
                {
                    if (!hitMask[j]) continue;
                    var token = sentence[j];
                    if (modelLeft.TryGetValue(token, out int m) && m > 0 && peerLeft.TryGetValue(token, out int p) && p > 0)
                    {
                        hits++;
                        modelLeft[token] = m - 1;
                        peerLeft[token] = p - 1;
                    }
                }
            }
            peerTotal += peerCount;
        }
        return new Counts(hits, modelTotal, peerTotal);
    }

    /// <summary>
    /// ROUGE's <c>lcs_inner</c> + <c>markLCS</c>: the DP table with its tie rule (up when c[i-1][j] ≥ c[i][j-1]),
    /// traced back from the end; marks the model positions on that one LCS.
    /// </summary>
    internal static void MarkLcs(List<string> model, List<string> peer, bool[] hitMask)
    {
        int m = model.Count, n = peer.Count;
        if (m == 0) return;
        var c = new int[(m + 1) * (n + 1)];
        var move = new byte[(m + 1) * (n + 1)]; // 1 diagonal, 2 up, 3 left
        int w = n + 1;
        for (int i = 1; i <= m; i++)
        {
            for (int j = 1; j <= n; j++)
            {
                if (string.Equals(model[i - 1], peer[j - 1], StringComparison.Ordinal))
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
