using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Clustering;

/// <summary>A logistic regression over standardised features: p = σ(bias + Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ). Immutable.</summary>
public sealed class LogisticScorer
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
        Means = [.. means];
        Scales = [.. scales];
        Weights = [.. weights];
        Bias = bias;
    }

    public IReadOnlyList<double> Means { get; }
    public IReadOnlyList<double> Scales { get; }
    public IReadOnlyList<double> Weights { get; }
    public double Bias { get; }

    /// <summary>The probability, from features in <see cref="JoinFeatures.Names"/> order.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        double z = Bias;
        for (int i = 0; i < Weights.Count; i++) z += Weights[i] * (features[i] - Means[i]) / Scales[i];
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>
/// The learned decisions of the <see cref="OnlineEventClusterer"/>: two logistic regressions over the same pair features
/// (<see cref="JoinFeatures"/>), one read on (article, candidate event) pairs, the other on (event, event) pairs, each
/// with the cut above which the best candidate is joined or merged. Trained by <c>precis bench cluster --train</c> on
/// the tuning halves of the bench streams and stored as a small JSON file (Clustering/JoinModel.json, embedded);
/// evaluating it is a dot product, so the runtime stays light and deterministic. Immutable and thread-safe.
/// </summary>
public sealed class JoinModel
{
    private static readonly Lazy<JoinModel> Embedded = new(LoadEmbedded);

    public JoinModel(LogisticScorer join, double joinCut, LogisticScorer merge, double mergeCut, string? trainedOn = null)
    {
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(merge);
        Join = join;
        Merge = merge;
        JoinCut = joinCut;
        MergeCut = mergeCut;
        TrainedOn = trainedOn;
    }

    /// <summary>The model committed with the library (Clustering/JoinModel.json).</summary>
    public static JoinModel Default => Embedded.Value;

    /// <summary>Scores (article, event) pairs.</summary>
    public LogisticScorer Join { get; }

    /// <summary>Scores (event, event) pairs, the smaller event standing where the article stands.</summary>
    public LogisticScorer Merge { get; }

    /// <summary>Lowest probability for an article to join its best candidate event.</summary>
    public double JoinCut { get; }

    /// <summary>Lowest probability for two events to be merged (above 1: never).</summary>
    public double MergeCut { get; }

    /// <summary>A note on the data and command that produced the model.</summary>
    public string? TrainedOn { get; }

    public JoinModel WithCuts(double joinCut, double mergeCut) => new(Join, joinCut, Merge, mergeCut, TrainedOn);

    public string ToJson()
    {
        static ScorerFile Write(LogisticScorer s) => new(s.Means.Select(Round).ToArray(), s.Scales.Select(Round).ToArray(), s.Weights.Select(Round).ToArray(), Round(s.Bias));
        var file = new ModelFile(TrainedOn, [.. JoinFeatures.Names], Write(Join), JoinCut, Write(Merge), MergeCut);
        return JsonSerializer.Serialize(file, ModelJson.Default.ModelFile);
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
            static LogisticScorer Read(ScorerFile f) => new(f.Means ?? [], f.Scales ?? [], f.Weights ?? [], f.Bias);
            return new JoinModel(Read(file.Join), file.JoinCut, Read(file.Merge), file.MergeCut, file.TrainedOn);
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
        [property: JsonPropertyName("bias")] double Bias);

    internal sealed record ModelFile(
        [property: JsonPropertyName("trainedOn")] string? TrainedOn,
        [property: JsonPropertyName("features")] string[]? Features,
        [property: JsonPropertyName("join")] ScorerFile? Join,
        [property: JsonPropertyName("joinCut")] double JoinCut,
        [property: JsonPropertyName("merge")] ScorerFile? Merge,
        [property: JsonPropertyName("mergeCut")] double MergeCut);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"JoinModel(join ≥ {JoinCut}, merge ≥ {MergeCut})");
}

[JsonSourceGenerationOptions(WriteIndented = true)]
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
    ];

    public static int Count => Names.Count;
}
