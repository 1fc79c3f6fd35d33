using System.Text;

namespace Precis.Evaluation.Tilse;

/// <summary>A dated timeline as the metric sees it: each date once, with its sentences.</summary>
public sealed record DatedTimeline(IReadOnlyList<DatedSummary> Dates)
{
    public static DatedTimeline Empty { get; } = new([]);
}

/// <summary>One date of a timeline and its summary sentences.</summary>
public sealed record DatedSummary(DateOnly Date, IReadOnlyList<string> Sentences);

/// <summary>Precision, recall and F of one metric.</summary>
public readonly record struct PrfScore(double Precision, double Recall, double F)
{
    public static PrfScore Of(double precision, double recall) =>
        new(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
}

/// <summary>The tilse scores of one task.</summary>
public sealed record TilseTaskScores(string Id, int SystemDates, PrfScore Ar1, PrfScore Ar2, PrfScore Date);

/// <summary>Macro averages over tasks: F of the mean precision and the mean recall (as published), and the mean F.</summary>
public sealed record TilseOverall(PrfScore Ar1, PrfScore Ar2, PrfScore Date, double Ar1MeanF, double Ar2MeanF, double DateMeanF, int Tasks)
{
    public static TilseOverall Of(IReadOnlyList<TilseTaskScores> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0) return new(default, default, default, 0, 0, 0, 0);
        static PrfScore Macro(IEnumerable<PrfScore> s) { var l = s.ToList(); return PrfScore.Of(l.Average(x => x.Precision), l.Average(x => x.Recall)); }
        return new(
            Macro(tasks.Select(t => t.Ar1)), Macro(tasks.Select(t => t.Ar2)), Macro(tasks.Select(t => t.Date)),
            tasks.Average(t => t.Ar1.F), tasks.Average(t => t.Ar2.F), tasks.Average(t => t.Date.F), tasks.Count);
    }
}

/// <summary>
/// The timeline metrics of Martschat &amp; Markert ("Improving ROUGE for Timeline Summarization", EACL 2017) as run
/// by tilse and news-tls on Timeline17: alignment-based ROUGE-1/-2 with many-to-one date alignment
/// (<c>align_date_content_costs_many_to_one</c>) and date F1. Follows ../shared/bench/t17/README.md §2–§4 step by step;
/// the ROUGE counts are those of ROUGE-1.5.5 with <c>-n 2 -m -s</c>, reusing this folder's ROUGE tokenisation,
/// stop-word removal and stemming (<see cref="RougeTokenFilter"/>). Thread-safe.
/// </summary>
public sealed class TilseScorer
{
    // Python's string.punctuation; tilse drops a token when `token in string.punctuation` (a substring test).
    private const string PythonPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private readonly RougeTokenFilter _filter;

    /// <param name="stopWords">ROUGE's <c>smart_common_words.txt</c> (tilse runs ROUGE with <c>-s</c>); null scores
    /// without stop-word removal, which is not comparable with published figures.</param>
    /// <param name="wordNetDirectory">Where WordNet's exception lists are (see <see cref="RougeOptions.WordNetDirectory"/>).</param>
    public TilseScorer(IReadOnlySet<string>? stopWords, string? wordNetDirectory = null)
    {
        _filter = new RougeTokenFilter(new RougeOptions
        {
            Stem = true,
            RemoveStopWords = stopWords is not null,
            StopWords = stopWords,
            WordNetDirectory = wordNetDirectory,
        });
    }

    /// <summary>Scores one system timeline against one gold timeline. An empty system timeline scores 0.</summary>
    public TilseTaskScores Score(string id, DatedTimeline system, DatedTimeline gold)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(gold);
        var sys = Prepare(system);
        var reference = Prepare(gold);
        var dateScore = DateF1(sys, reference);
        if (sys.Count == 0 || reference.Count == 0) return new TilseTaskScores(id, sys.Count, default, default, dateScore);

        // cost(p, r) = (1 - 1/(Δ+1)) · (1 - sim): computed once for both alignments.
        var cost = new double[sys.Count, reference.Count];
        for (int i = 0; i < sys.Count; i++)
        {
            for (int j = 0; j < reference.Count; j++)
            {
                int delta = Math.Abs(sys[i].Date.DayNumber - reference[j].Date.DayNumber);
                cost[i, j] = (1 - 1.0 / (delta + 1)) * (1 - Similarity(sys[i].Content, sys[i].ContentTotal, reference[j].Content, reference[j].ContentTotal));
            }
        }
        var sysToGold = new int[sys.Count];
        for (int i = 0; i < sys.Count; i++)
        {
            int best = 0;
            for (int j = 1; j < reference.Count; j++) if (cost[i, j] < cost[i, best]) best = j;
            sysToGold[i] = best;
        }
        var goldToSys = new int[reference.Count];
        for (int j = 0; j < reference.Count; j++)
        {
            int best = 0;
            for (int i = 1; i < sys.Count; i++) if (cost[i, j] < cost[best, j]) best = i;
            goldToSys[j] = best;
        }

        return new TilseTaskScores(id, sys.Count, Ar(1), Ar(2), dateScore);

        PrfScore Ar(int n)
        {
            double pNum = 0, pDen = 0, rNum = 0, rDen = 0;
            for (int i = 0; i < sys.Count; i++)
            {
                var g = reference[sysToGold[i]];
                pNum += Weight(sys[i], g) * Hits(sys[i], g, n);
                pDen += sys[i].NGramCount(n);
            }
            for (int j = 0; j < reference.Count; j++)
            {
                var s = sys[goldToSys[j]];
                rNum += Weight(s, reference[j]) * Hits(s, reference[j], n);
                rDen += reference[j].NGramCount(n);
            }
            return PrfScore.Of(pDen == 0 ? 0 : pNum / pDen, rDen == 0 ? 0 : rNum / rDen);
        }
    }

    private static double Weight(PreparedDate a, PreparedDate b) => 1.0 / (Math.Abs(a.Date.DayNumber - b.Date.DayNumber) + 1);

    private static PrfScore DateF1(List<PreparedDate> sys, List<PreparedDate> gold)
    {
        if (sys.Count == 0 || gold.Count == 0) return default;
        var goldDates = gold.Select(d => d.Date).ToHashSet();
        int common = sys.Count(d => goldDates.Contains(d.Date));
        return PrfScore.Of((double)common / sys.Count, (double)common / gold.Count);
    }

    private static int Hits(PreparedDate a, PreparedDate b, int n)
    {
        var ca = a.NGrams(n);
        var cb = b.NGrams(n);
        if (ca.Count > cb.Count) (ca, cb) = (cb, ca);
        int hits = 0;
        foreach (var (gram, count) in ca) if (cb.TryGetValue(gram, out int other)) hits += Math.Min(count, other);
        return hits;
    }

    /// <summary>tilse's approximate ROUGE-1 F1 on case-kept, unstemmed whitespace tokens (README §3, content similarity).</summary>
    private static double Similarity(Dictionary<string, int> s, int sTotal, Dictionary<string, int> g, int gTotal)
    {
        var (small, large) = s.Count <= g.Count ? (s, g) : (g, s);
        int match = 0;
        foreach (var (token, count) in small) if (large.TryGetValue(token, out int other)) match += Math.Min(count, other);
        double p = sTotal == 0 ? 0 : (double)match / sTotal;
        double r = gTotal == 0 ? 0 : (double)match / gTotal;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private List<PreparedDate> Prepare(DatedTimeline timeline)
    {
        // Each date once: a repeated date's sentences are concatenated (the README's reading of the gold files).
        var byDate = new SortedDictionary<DateOnly, List<string>>();
        foreach (var d in timeline.Dates)
        {
            if (!byDate.TryGetValue(d.Date, out var list)) byDate[d.Date] = list = [];
            list.AddRange(d.Sentences);
        }
        return [.. byDate.Select(kv => new PreparedDate(kv.Key, kv.Value.Select(Pretokenize).ToList(), _filter))];
    }

    /// <summary>README §2: <c>" ".join(re.findall(r"\w+|[^\w\s]", s))</c> with Python's Unicode <c>\w</c>.</summary>
    internal static string Pretokenize(string sentence)
    {
        var text = new StringBuilder(sentence.Length + 16);
        int i = 0;
        while (i < sentence.Length)
        {
            char c = sentence[i];
            if (IsPythonSpace(c)) { i++; continue; }
            if (text.Length > 0) text.Append(' ');
            if (IsPythonWord(c))
            {
                int start = i;
                while (i < sentence.Length && IsPythonWord(sentence[i])) i++;
                text.Append(sentence, start, i - start);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return text.ToString();
    }

    // Python's str \w: alphanumeric (letters, and the number categories) or '_'; surrogate halves count as word
    // characters so that astral letters stay whole (PRECIS: astral punctuation, which Python splits, is vanishingly rare).
    private static bool IsPythonWord(char c)
    {
        if (c == '_' || char.IsLetterOrDigit(c) || char.IsSurrogate(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f';

    /// <summary>One date's sentences, tokenised both ways: for the similarity and for ROUGE.</summary>
    private sealed class PreparedDate
    {
        private readonly List<string> _rougeTokens;
        private Dictionary<string, int>? _unigrams;
        private Dictionary<string, int>? _bigrams;

        public PreparedDate(DateOnly date, List<string> sentences, RougeTokenFilter filter)
        {
            Date = date;
            Content = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in sentences)
            {
                foreach (var token in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (PythonPunctuation.Contains(token, StringComparison.Ordinal)) continue;
                    Content[token] = Content.GetValueOrDefault(token) + 1;
                    ContentTotal++;
                }
            }
            _rougeTokens = RougeTokens(sentences, filter);
        }

        public DateOnly Date { get; }

        public Dictionary<string, int> Content { get; }

        public int ContentTotal { get; }

        public int NGramCount(int n) => Math.Max(0, _rougeTokens.Count - n + 1);

        public Dictionary<string, int> NGrams(int n) => n == 1 ? (_unigrams ??= Count(1)) : (_bigrams ??= Count(2));

        private Dictionary<string, int> Count(int n)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i + n <= _rougeTokens.Count; i++)
            {
                string gram = n == 1 ? _rougeTokens[i] : _rougeTokens[i] + " " + _rougeTokens[i + 1];
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
            return counts;
        }

        /// <summary>
        /// README §3 steps 1–4: each sentence as pyrouge writes it (<c>^</c> → <c>&amp;circ;</c>, cut at the first
        /// <c>&lt;</c>), joined, UTF-8, ASCII lower-cased; tokens are runs of [a-z0-9] bytes, then stop words and stemming.
        /// </summary>
        private static List<string> RougeTokens(List<string> sentences, RougeTokenFilter filter)
        {
            var tokens = new List<string>();
            var word = new StringBuilder();
            foreach (var s in sentences)
            {
                var text = s.Replace("^", "&circ;", StringComparison.Ordinal);
                int cut = text.IndexOf('<', StringComparison.Ordinal);
                if (cut >= 0) text = text[..cut];
                foreach (byte b in Encoding.UTF8.GetBytes(text))
                {
                    char c = b is >= (byte)'A' and <= (byte)'Z' ? (char)(b + 32) : (char)b;
                    if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) word.Append(c);
                    else Flush();
                }
                Flush(); // sentences are joined by a space
            }
            return tokens;

            void Flush()
            {
                if (word.Length == 0) return;
                if (filter.Apply(word.ToString()) is { } kept) tokens.Add(kept);
                word.Clear();
            }
        }
    }
}
