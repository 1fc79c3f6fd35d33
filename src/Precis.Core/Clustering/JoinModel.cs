using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Clustering;

/// <summary>
/// The learned join decision of the <see cref="OnlineEventClusterer"/>: a logistic regression over the features of an
/// (article, event) pair (<see cref="JoinFeatures"/>) giving the probability that the article reports the event, and
/// the two cuts above which the best candidate is joined and two events are merged. Trained by
/// <c>precis bench cluster --train</c> on the tuning halves of the bench streams and stored as a small JSON file
/// (Clustering/JoinModel.json, embedded); evaluating it is a dot product, so the runtime stays light and deterministic.
/// Immutable and thread-safe.
/// </summary>
public sealed class JoinModel
{
    private static readonly Lazy<JoinModel> Embedded = new(LoadEmbedded);

    public JoinModel(IReadOnlyList<string> features, IReadOnlyList<double> means, IReadOnlyList<double> scales,
        IReadOnlyList<double> weights, double bias, double joinCut, double mergeCut, string? trainedOn = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(weights);
        if (!features.SequenceEqual(JoinFeatures.Names))
        {
            throw new ArgumentException($"the model's features ({string.Join(", ", features)}) are not the clusterer's ({string.Join(", ", JoinFeatures.Names)})", nameof(features));
        }
        if (means.Count != features.Count || scales.Count != features.Count || weights.Count != features.Count)
        {
            throw new ArgumentException("one mean, scale and weight per feature", nameof(weights));
        }
        Features = [.. features];
        Means = [.. means];
        Scales = [.. scales];
        Weights = [.. weights];
        Bias = bias;
        JoinCut = joinCut;
        MergeCut = mergeCut;
        TrainedOn = trainedOn;
    }

    /// <summary>The model committed with the library (Clustering/JoinModel.json).</summary>
    public static JoinModel Default => Embedded.Value;

    public IReadOnlyList<string> Features { get; }
    public IReadOnlyList<double> Means { get; }
    public IReadOnlyList<double> Scales { get; }
    public IReadOnlyList<double> Weights { get; }
    public double Bias { get; }

    /// <summary>Lowest probability for an article to join its best candidate event.</summary>
    public double JoinCut { get; }

    /// <summary>Lowest probability, on the features of an event pair, for two events to be merged (above 1: never).</summary>
    public double MergeCut { get; }

    /// <summary>A note on the data and command that produced the model.</summary>
    public string? TrainedOn { get; }

    /// <summary>The probability that the pair belongs together, from its features in <see cref="JoinFeatures.Names"/> order.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        double z = Bias;
        for (int i = 0; i < Weights.Count; i++) z += Weights[i] * (features[i] - Means[i]) / Scales[i];
        return 1 / (1 + Math.Exp(-z));
    }

    public JoinModel WithCuts(double joinCut, double mergeCut) =>
        new(Features, Means, Scales, Weights, Bias, joinCut, mergeCut, TrainedOn);

    public string ToJson()
    {
        var file = new ModelFile(TrainedOn, Features.ToArray(), Means.Select(Round).ToArray(), Scales.Select(Round).ToArray(),
            Weights.Select(Round).ToArray(), Round(Bias), JoinCut, MergeCut);
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
        if (file?.Features is null || file.Means is null || file.Scales is null || file.Weights is null)
        {
            throw new FormatException($"{source}: features, means, scales and weights are required");
        }
        try
        {
            return new JoinModel(file.Features, file.Means, file.Scales, file.Weights, file.Bias, file.JoinCut, file.MergeCut, file.TrainedOn);
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

    internal sealed record ModelFile(
        [property: JsonPropertyName("trainedOn")] string? TrainedOn,
        [property: JsonPropertyName("features")] string[] Features,
        [property: JsonPropertyName("means")] double[] Means,
        [property: JsonPropertyName("scales")] double[] Scales,
        [property: JsonPropertyName("weights")] double[] Weights,
        [property: JsonPropertyName("bias")] double Bias,
        [property: JsonPropertyName("joinCut")] double JoinCut,
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
