using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Clustering;

/// <summary>Turns the features of a pair (in <see cref="JoinFeatures.Names"/> order) into the probability that both
/// sides report the same event. Immutable and thread-safe.</summary>
public abstract class PairScorer
{
    private protected PairScorer()
    {
    }

    /// <summary>The probability, from features in <see cref="JoinFeatures.Names"/> order.</summary>
    public abstract double Score(ReadOnlySpan<double> features);

    private protected static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}

/// <summary>A logistic regression over standardised features: p = σ(bias + Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ). Immutable.</summary>
public sealed class LogisticScorer : PairScorer
{
    public LogisticScorer(IReadOnlyList<double> means, IReadOnlyList<double> scales, IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(weights);
        if (means.Count != JoinFeatures.Count || scales.Count != JoinFeatures.Count || weights.Count != JoinFeatures.Count)
        {
            throw new ArgumentException($"one mean, scale and weight per feature ({JoinFeatures.Count})", nameof(weights));
        }
        if (scales.Any(s => !(s > 0))) throw new ArgumentException("scales must be positive", nameof(scales));
        _means = [.. means];
        _scales = [.. scales];
        _weights = [.. weights];
        Bias = bias;
    }

    // Arrays, not the interface, on the scoring path: it runs for every candidate of every article.
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly double[] _weights;

    public IReadOnlyList<double> Means => _means;
    public IReadOnlyList<double> Scales => _scales;
    public IReadOnlyList<double> Weights => _weights;
    public double Bias { get; }

    public override double Score(ReadOnlySpan<double> features)
    {
        double z = Bias;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * (features[i] - _means[i]) / _scales[i];
        return Sigmoid(z);
    }
}

/// <summary>Gradient-boosted regression trees on the log-odds scale (Friedman 2001, "Greedy function approximation";
/// Newton leaf values as in Chen &amp; Guestrin 2016, XGBoost): p = σ(base + Σ treeₜ(x)). Immutable.</summary>
public sealed class TreeEnsembleScorer : PairScorer
{
    public TreeEnsembleScorer(double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        BaseScore = baseScore;
        _trees = [.. trees];
        // All trees' nodes in one array, each tree's nodes contiguous, children as absolute indexes.
        var nodes = new List<Node>();
        _roots = new int[_trees.Length];
        for (int t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            int root = nodes.Count;
            _roots[t] = root;
            for (int i = 0; i < tree.Feature.Count; i++)
            {
                nodes.Add(tree.Feature[i] < 0
                    ? new Node(tree.Value[i], -1, 0, 0)
                    : new Node(tree.Threshold[i], tree.Feature[i], root + tree.Left[i], root + tree.Right[i]));
            }
        }
        _nodes = [.. nodes];
    }

    private readonly RegressionTree[] _trees;

    // The same trees as one flat array of nodes (the scorer runs for every candidate of every article: one array of
    // small structs instead of five arrays per tree keeps a walk within a cache line or two). A leaf has feature -1
    // and holds its value where a split holds its threshold.
    private readonly Node[] _nodes;
    private readonly int[] _roots;

    private readonly record struct Node(double ThresholdOrValue, int Feature, int Left, int Right);

    /// <summary>Log-odds before any tree.</summary>
    public double BaseScore { get; }

    public IReadOnlyList<RegressionTree> Trees => _trees;

    public override double Score(ReadOnlySpan<double> features)
    {
        // Trees added in their order, as RegressionTree.Evaluate would give them: the same sum, bit for bit.
        double z = BaseScore;
        var nodes = _nodes;
        foreach (int root in _roots)
        {
            ref readonly Node node = ref nodes[root];
            while (node.Feature >= 0)
            {
                // The branch taken is the data's (a coin flip to the predictor): pick the child arithmetically instead.
                // "Not greater" goes left and anything else (NaN included) right, as in RegressionTree.Evaluate.
                bool left = features[node.Feature] <= node.ThresholdOrValue;
                node = ref nodes[node.Right + (Unsafe.As<bool, byte>(ref left) * (node.Left - node.Right))];
            }
            z += node.ThresholdOrValue;
        }
        return Sigmoid(z);
    }
}

/// <summary>One regression tree as flat node arrays: node i splits on feature <see cref="Feature"/>[i] (going to
/// <see cref="Left"/>[i] when the value is at most <see cref="Threshold"/>[i], else to <see cref="Right"/>[i]) or, when
/// the feature is −1, is a leaf worth <see cref="Value"/>[i]. Node 0 is the root; children follow their parent.</summary>
public sealed class RegressionTree
{
    public RegressionTree(IReadOnlyList<int> feature, IReadOnlyList<double> threshold, IReadOnlyList<int> left, IReadOnlyList<int> right, IReadOnlyList<double> value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(value);
        int n = feature.Count;
        if (n == 0 || threshold.Count != n || left.Count != n || right.Count != n || value.Count != n)
        {
            throw new ArgumentException("a tree needs at least one node and the same number of entries in every node array", nameof(feature));
        }
        for (int i = 0; i < n; i++)
        {
            if (feature[i] == -1) continue;
            // Children after their parent: evaluation always terminates.
            if (feature[i] < 0 || feature[i] >= JoinFeatures.Count) throw new ArgumentException($"node {i}: feature {feature[i]} is out of range", nameof(feature));
            if (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n) throw new ArgumentException($"node {i}: children must follow their parent within the tree", nameof(left));
        }
        _feature = [.. feature];
        _threshold = [.. threshold];
        _left = [.. left];
        _right = [.. right];
        _value = [.. value];
    }

    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;

    public IReadOnlyList<int> Feature => _feature;
    public IReadOnlyList<double> Threshold => _threshold;
    public IReadOnlyList<int> Left => _left;
    public IReadOnlyList<int> Right => _right;
    public IReadOnlyList<double> Value => _value;

    public double Evaluate(ReadOnlySpan<double> x)
    {
        int i = 0;
        int f;
        while ((f = _feature[i]) >= 0) i = x[f] <= _threshold[i] ? _left[i] : _right[i];
        return _value[i];
    }
}

/// <summary>
/// The learned decisions of the <see cref="OnlineEventClusterer"/>: two scorers over the same pair features
/// (<see cref="JoinFeatures"/>), one read on (article, candidate event) pairs, the other on (event, event) pairs, each
/// with the cut above which the best candidate is joined or merged. Each scorer is a logistic regression or a small
/// ensemble of boosted trees. Trained by <c>precis bench cluster --train</c> (plain C#, no ML library) on the tuning
/// halves of the bench streams and stored as a small JSON file (Clustering/JoinModel.json, embedded); evaluating it is
/// a dot product or a few tree walks, so the runtime stays light and deterministic. Immutable and thread-safe.
/// </summary>
public sealed partial class JoinModel
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\[\s*([-0-9.eE+]+(?:\s*,\s*[-0-9.eE+]+)*)\s*\]")]
    private static partial System.Text.RegularExpressions.Regex NumberArray();

    private static readonly Lazy<JoinModel> Embedded = new(LoadEmbedded);

    public JoinModel(PairScorer join, double joinCut, PairScorer merge, double mergeCut, string? trainedOn = null, EventSplitting? split = null,
        FallbackWindow? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(merge);
        Join = join;
        Merge = merge;
        JoinCut = joinCut;
        MergeCut = mergeCut;
        TrainedOn = trainedOn;
        Split = split;
        Fallback = fallback;
    }

    /// <summary>The model committed with the library (Clustering/JoinModel.json).</summary>
    public static JoinModel Default => Embedded.Value;

    /// <summary>Scores (article, event) pairs.</summary>
    public PairScorer Join { get; }

    /// <summary>Scores (event, event) pairs, the smaller event standing where the article stands.</summary>
    public PairScorer Merge { get; }

    /// <summary>Lowest probability for an article to join its best candidate event.</summary>
    public double JoinCut { get; }

    /// <summary>Lowest probability for two events to be merged (above 1: never).</summary>
    public double MergeCut { get; }

    /// <summary>A note on the data and command that produced the model.</summary>
    public string? TrainedOn { get; }

    /// <summary>The event splitting the model was trained and its cuts chosen with (null: none). The clusterer splits
    /// events with these settings unless <see cref="ClusteringOptions"/> overrides them.</summary>
    public EventSplitting? Split { get; }

    /// <summary>The fallback window the model is used with (null: none; see <see cref="FallbackWindow"/>). A use-time rule:
    /// the model was trained and its cuts chosen without it. The clusterer uses it unless <see cref="ClusteringOptions"/>
    /// overrides it.</summary>
    public FallbackWindow? Fallback { get; }

    public JoinModel WithCuts(double joinCut, double mergeCut) => new(Join, joinCut, Merge, mergeCut, TrainedOn, Split, Fallback);

    /// <summary>The same scorers and cuts with other event splitting settings (null: none).</summary>
    public JoinModel WithSplit(EventSplitting? split) => new(Join, JoinCut, Merge, MergeCut, TrainedOn, split, Fallback);

    /// <summary>The same scorers and cuts with another fallback window (null: none).</summary>
    public JoinModel WithFallback(FallbackWindow? fallback) => new(Join, JoinCut, Merge, MergeCut, TrainedOn, Split, fallback);

    public string ToJson()
    {
        static ScorerFile Write(PairScorer scorer) => scorer switch
        {
            LogisticScorer s => new(s.Means.Select(Round).ToArray(), s.Scales.Select(Round).ToArray(), s.Weights.Select(Round).ToArray(), Round(s.Bias)),
            TreeEnsembleScorer t => new(null, null, null, Round(t.BaseScore))
            {
                Trees = [.. t.Trees.Select(tree => new TreeFile([.. tree.Feature], [.. tree.Threshold.Select(Round)], [.. tree.Left], [.. tree.Right], [.. tree.Value.Select(Round)]))],
            },
            _ => throw new NotSupportedException(scorer.GetType().Name),
        };
        var file = new ModelFile(TrainedOn, [.. JoinFeatures.Names], Write(Join), JoinCut, Write(Merge), MergeCut)
        {
            SplitCut = Split?.Cut,
            SplitEvery = Split?.Every,
            SplitMinMembers = Split?.MinMembers,
            FallbackWindowDays = Fallback?.Days,
            FallbackCut = Fallback?.Cut,
        };
        // Number arrays on one line each: a few hundred tree nodes stay a readable, diffable file.
        return NumberArray().Replace(JsonSerializer.Serialize(file, ModelJson.Default.ModelFile), m => "[" + string.Join(", ", m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)) + "]");
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>; a bad file fails with a message naming the problem.</summary>
    public static JoinModel Parse(string json, string source = "join model")
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, ModelJson.Default.ModelFile);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: invalid JSON ({e.Message})", e);
        }
        if (file?.Features is null || file.Join is null || file.Merge is null)
        {
            throw new FormatException($"{source}: features, join and merge are required");
        }
        if (!file.Features.SequenceEqual(JoinFeatures.Names))
        {
            throw new FormatException($"{source}: the model's features ({string.Join(", ", file.Features)}) are not the clusterer's ({string.Join(", ", JoinFeatures.Names)})");
        }
        try
        {
            static PairScorer Read(ScorerFile f) => f.Trees is { } trees
                ? new TreeEnsembleScorer(f.Bias, [.. trees.Select(t => new RegressionTree(t.Feature ?? [], t.Threshold ?? [], t.Left ?? [], t.Right ?? [], t.Value ?? []))])
                : new LogisticScorer(f.Means ?? [], f.Scales ?? [], f.Weights ?? [], f.Bias);
            // Splitting fields are optional: a file without them (written before event splitting) means none.
            EventSplitting? split = file.SplitCut is { } cut
                ? new EventSplitting(cut, file.SplitEvery ?? EventSplitting.DefaultEvery, file.SplitMinMembers ?? EventSplitting.DefaultMinMembers)
                : file.SplitEvery is not null || file.SplitMinMembers is not null
                    ? throw new ArgumentException("splitEvery and splitMinMembers need splitCut")
                    : null;
            // Fallback fields are optional too: absent means none.
            FallbackWindow? fallback = file.FallbackWindowDays is { } days
                ? new FallbackWindow(days, file.FallbackCut ?? FallbackWindow.DefaultCut)
                : file.FallbackCut is not null ? throw new ArgumentException("fallbackCut needs fallbackWindowDays") : null;
            return new JoinModel(Read(file.Join), file.JoinCut, Read(file.Merge), file.MergeCut, file.TrainedOn, split, fallback);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }
    }

    private static double Round(double x) => Math.Round(x, 6, MidpointRounding.ToEven);

    private static JoinModel LoadEmbedded()
    {
        using var stream = typeof(JoinModel).Assembly.GetManifestResourceStream("Precis.Clustering.JoinModel.json")
            ?? throw new InvalidOperationException("the embedded join model (Clustering/JoinModel.json) is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "Clustering/JoinModel.json");
    }

    internal sealed record ScorerFile(
        [property: JsonPropertyName("means")] double[]? Means,
        [property: JsonPropertyName("scales")] double[]? Scales,
        [property: JsonPropertyName("weights")] double[]? Weights,
        [property: JsonPropertyName("bias")] double Bias)
    {
        /// <summary>Boosted trees; when present the scorer is p = σ(bias + Σ trees) and means/scales/weights are absent.</summary>
        [JsonPropertyName("trees")]
        public TreeFile[]? Trees { get; init; }
    }

    internal sealed record TreeFile(
        [property: JsonPropertyName("feature")] int[]? Feature,
        [property: JsonPropertyName("threshold")] double[]? Threshold,
        [property: JsonPropertyName("left")] int[]? Left,
        [property: JsonPropertyName("right")] int[]? Right,
        [property: JsonPropertyName("value")] double[]? Value);

    internal sealed record ModelFile(
        [property: JsonPropertyName("trainedOn")] string? TrainedOn,
        [property: JsonPropertyName("features")] string[]? Features,
        [property: JsonPropertyName("join")] ScorerFile? Join,
        [property: JsonPropertyName("joinCut")] double JoinCut,
        [property: JsonPropertyName("merge")] ScorerFile? Merge,
        [property: JsonPropertyName("mergeCut")] double MergeCut)
    {
        /// <summary>Event splitting the model was trained with (see <see cref="EventSplitting"/>); absent: none.</summary>
        [JsonPropertyName("splitCut")]
        public double? SplitCut { get; init; }

        [JsonPropertyName("splitEvery")]
        public int? SplitEvery { get; init; }

        [JsonPropertyName("splitMinMembers")]
        public int? SplitMinMembers { get; init; }

        /// <summary>Fallback window the model is used with (see <see cref="FallbackWindow"/>); absent: none.</summary>
        [JsonPropertyName("fallbackWindowDays")]
        public int? FallbackWindowDays { get; init; }

        [JsonPropertyName("fallbackCut")]
        public double? FallbackCut { get; init; }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"JoinModel(join ≥ {JoinCut}, merge ≥ {MergeCut}{(Split is { } split ? $", split {split}" : "")}{(Fallback is { } fallback ? $", fallback {fallback}" : "")})");
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JoinModel.ModelFile))]
internal sealed partial class ModelJson : JsonSerializerContext;

/// <summary>The features of an (article, event) or (event, event) pair that the <see cref="JoinModel"/> reads.</summary>
public static class JoinFeatures
{
    /// <summary>Feature names in model order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "body_cos",          // tf-idf cosine, article to event centroid
        "body_cos_sqrt",     // its square root (the decision is not linear in the cosine)
        "body_margin",       // body_cos minus the best body_cos among the candidates (0 for the best)
        "body_cos_x_size",   // body_cos times log(1 + event size): large events have broad centroids
        "lead_cos",          // cosine of the headline-and-lead terms to the event's leads
        "name_cos",          // cosine of capitalised-name vectors
        "shared_names",      // log(1 + distinct names shared)
        "copy_share",        // share of the article's lead word trigrams found in the event's leads (syndication)
        "gap_days",          // log(1 + days between the article's date and the event's span), 0 inside it
        "undated",           // 1 when either side has no date
        "log_size",          // log(1 + event size)
        "vote_share",        // share of the article's query terms posted by the event
        "best_member_cos",   // highest cosine to one of the event's recent members (their top terms): long events drift
        "cohesion",          // the event's centroid norm over its size: 1 for one article, lower for a broad event
        "article_terms",     // log(1 + distinct terms of the article): short texts share fewer words with anything
        "body_over_next",    // body_cos minus the best body_cos among the other candidates (positive for a clear best)
        "idf_vote_share",    // the idf-weighted share of the article's query terms posted by the event: rare shared words count more
        "bigram_share",      // share of the article's top-term bigrams (adjacent content words) found in the event
        "rare_share",        // idf-weighted share of the article's 16 rarest shareable terms (df >= 2) found in the event
        "rarest_shared",     // idf of the rarest term both sides hold, over the idf of a term seen once (0: none shared)
        "exclusive_shared",  // log(1 + rare shared terms held by no more documents than the two sides): words only they use
    ];

    public static int Count => Names.Count;
}
