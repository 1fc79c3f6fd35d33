using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

public sealed class JoinModelTests
{
    [Fact]
    public void Embedded_model_loads_and_names_the_clusterers_features()
    {
        var model = JoinModel.Default;
        var features = new double[JoinFeatures.Count];
        Assert.InRange(model.Join.Score(features), 0.0, 1.0);
        Assert.InRange(model.Merge.Score(features), 0.0, 1.0);
        Assert.InRange(model.JoinCut, 0.0, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(model.TrainedOn));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_flattened_ensemble_scores_exactly_as_its_trees_walked_one_by_one(int seed)
    {
        // The scorer walks all trees in one node array; the sum must be the trees' values added in order, bit for bit,
        // or the clusterer's decisions could change.
        var random = new Random(seed);
        foreach (var scorer in new[] { JoinModel.Default.Join, JoinModel.Default.Merge }.OfType<TreeEnsembleScorer>())
        {
            for (int n = 0; n < 500; n++)
            {
                var x = new double[JoinFeatures.Count];
                for (int j = 0; j < x.Length; j++) x[j] = random.Next(4) == 0 ? 0 : random.NextDouble() * (random.Next(3) == 0 ? 4 : 1);
                double z = scorer.BaseScore;
                foreach (var tree in scorer.Trees) z += tree.Evaluate(x);
                Assert.Equal(1 / (1 + Math.Exp(-z)), scorer.Score(x));
            }
        }
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

    [Fact]
    public void Boosted_trees_learn_an_interaction_and_round_trip_through_json()
    {
        // Same event when the cosine is high for a long article (feature 14) or moderate for a short one: a rule no
        // single cosine threshold gives, which the trees must find.
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int i = 0; i < 400; i++)
        {
            var row = new double[JoinFeatures.Count];
            row[0] = (i % 40) / 100.0;          // 0 .. 0.39
            bool shortText = i % 2 == 0;
            row[14] = shortText ? 3.0 : 6.0;
            x.Add(row);
            y.Add(row[0] >= (shortText ? 0.10 : 0.25));
        }
        var scorer = JoinTreeTrainer.Fit(x, y, new JoinTreeTrainer.Settings(Rounds: 40));
        double P(double cosine, double length)
        {
            var f = new double[JoinFeatures.Count];
            f[0] = cosine;
            f[14] = length;
            return scorer.Score(f);
        }
        Assert.True(P(0.15, 3.0) > 0.5, $"short text, cosine 0.15: {P(0.15, 3.0)}");
        Assert.True(P(0.15, 6.0) < 0.5, $"long text, cosine 0.15: {P(0.15, 6.0)}");
        Assert.True(P(0.35, 6.0) > 0.5, $"long text, cosine 0.35: {P(0.35, 6.0)}");

        var model = new JoinModel(scorer, 0.5, scorer, 0.9, "test");
        var again = JoinModel.Parse(model.ToJson());
        var probe = new double[JoinFeatures.Count];
        probe[0] = 0.2;
        probe[14] = 3.0;
        Assert.Equal(model.Join.Score(probe), again.Join.Score(probe), 4);
        // Deterministic: the same pairs give the same trees.
        Assert.Equal(model.ToJson(), new JoinModel(JoinTreeTrainer.Fit(x, y, new JoinTreeTrainer.Settings(Rounds: 40)), 0.5, scorer, 0.9, "test").ToJson());
    }

    [Fact]
    public void Weighting_same_event_pairs_raises_their_probability_where_the_classes_overlap()
    {
        // Overlapping classes: at each cosine a fixed share of the pairs is positive, rising with the cosine. Unweighted,
        // the trees estimate that share; with same-event pairs weighted 4 the odds at every cosine grow about fourfold.
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int i = 0; i < 600; i++)
        {
            var row = new double[JoinFeatures.Count];
            int level = i % 6;
            row[0] = level / 10.0;
            x.Add(row);
            y.Add(i / 6 % 10 < level + 1);   // at level k, k + 1 of every 10 pairs are positive
        }
        var plain = JoinTreeTrainer.Fit(x, y, new JoinTreeTrainer.Settings(Rounds: 60));
        var weighted = JoinTreeTrainer.Fit(x, y, new JoinTreeTrainer.Settings(Rounds: 60, PositiveWeight: 4));
        var probe = new double[JoinFeatures.Count];
        for (int level = 0; level < 6; level++)
        {
            probe[0] = level / 10.0;
            double p = plain.Score(probe), q = weighted.Score(probe);
            double share = (level + 1) / 10.0;
            Assert.InRange(p, share - 0.05, share + 0.05);
            double odds = q / (1 - q) / (p / (1 - p));
            Assert.InRange(odds, 3.0, 5.0);
        }
    }

    [Fact]
    public void A_tree_whose_child_points_backwards_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RegressionTree([0, -1], [0.5, 0], [1, 0], [0, 0], [0, 1]));
        Assert.Contains("children", error.Message, StringComparison.Ordinal);
    }
}
