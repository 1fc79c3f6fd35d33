using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

public sealed class JoinModelTests
{
    [Fact]
    public void Embedded_model_loads_and_names_the_clusterers_features()
    {
        var model = JoinModel.Default;
        Assert.Equal(JoinFeatures.Count, model.Join.Weights.Count);
        Assert.InRange(model.JoinCut, 0.0, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(model.TrainedOn));
    }

    [Fact]
    public void Model_round_trips_through_json()
    {
        var model = JoinModel.Default;
        var again = JoinModel.Parse(model.ToJson());
        var features = new double[JoinFeatures.Count];
        for (int i = 0; i < features.Length; i++) features[i] = 0.1 * (i + 1);
        Assert.Equal(model.Join.Score(features), again.Join.Score(features), 9);
        Assert.Equal(model.Merge.Score(features), again.Merge.Score(features), 9);
        Assert.Equal(model.JoinCut, again.JoinCut);
    }

    [Fact]
    public void A_bad_model_file_fails_with_a_message_naming_the_file()
    {
        var broken = Assert.Throws<FormatException>(() => JoinModel.Parse("{ not json", "my-model.json"));
        Assert.Contains("my-model.json", broken.Message, StringComparison.Ordinal);
        var wrongFeatures = Assert.Throws<FormatException>(() => JoinModel.Parse(
            """{"features":["body_cos"],"join":{"means":[0],"scales":[1],"weights":[1],"bias":0},"joinCut":0.5,"merge":{"means":[0],"scales":[1],"weights":[1],"bias":0},"mergeCut":0.5}""", "old.json"));
        Assert.Contains("features", wrongFeatures.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trainer_learns_that_a_higher_cosine_means_the_same_event()
    {
        // Positives have a high body cosine, negatives a low one; the other features are noise-free zeros.
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int i = 0; i < 200; i++)
        {
            var row = new double[JoinFeatures.Count];
            bool same = i % 4 == 0;
            row[0] = same ? 0.3 + 0.002 * (i % 50) : 0.02 + 0.002 * (i % 50);
            x.Add(row);
            y.Add(same);
        }
        var scorer = JoinModelTrainer.Fit(x, y);
        var high = new double[JoinFeatures.Count];
        high[0] = 0.35;
        var low = new double[JoinFeatures.Count];
        low[0] = 0.05;
        Assert.True(scorer.Score(high) > 0.5, $"p(high) = {scorer.Score(high)}");
        Assert.True(scorer.Score(low) < 0.5, $"p(low) = {scorer.Score(low)}");
        // Deterministic: the same pairs give the same model.
        Assert.Equal(scorer.Weights, JoinModelTrainer.Fit(x, y).Weights);
    }
}
