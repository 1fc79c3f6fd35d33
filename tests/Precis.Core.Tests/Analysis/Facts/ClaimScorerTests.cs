using System.Globalization;
using Precis.Core.Tests.Fixtures;
using Precis.Evaluation;
using Precis.Pipeline;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Analysis.Facts;

/// <summary>
/// The claim scorer on the labelled story clusters (examples/stories): the figures docs/BENCHMARKS.md §6 reports,
/// with floors a regression would break. `precis eval claims` prints the same figures per pattern.
/// </summary>
public class ClaimScorerTests(ITestOutputHelper output)
{
    private static readonly string Stories = Path.Combine(RepositoryPaths.Examples, "stories");

    [Fact]
    public void Every_labelled_evidence_is_found_in_its_article_text()
    {
        var pipeline = new PrecisPipelineBuilder().Build();
        foreach (var (name, truthPath, folder) in ClaimEvaluation.Find(Stories))
        {
            var truth = Precis.Evaluation.StoryTruth.Load(truthPath);
            var (_, briefing) = ClaimEvaluation.ScoreCluster(truthPath, folder, pipeline);
            foreach (var c in truth.Claims)
            {
                var a = briefing.Articles.Single(x => Path.GetFileName(x.Origin) == c.File);
                Assert.True(a.Text.Contains(c.Evidence, StringComparison.Ordinal), $"{name}/{c.Id}: evidence not in the extracted text of {c.File}");
            }
        }
    }

    [Fact]
    public void Scores_on_the_story_clusters_stay_above_their_floors()
    {
        var clusters = ClaimEvaluation.Find(Stories);
        Assert.True(clusters.Count >= 12, "fewer than 12 story clusters");
        var pipeline = new PrecisPipelineBuilder().Build();
        var total = ClaimScores.Empty;
        foreach (var (_, truthPath, folder) in clusters) total = total.Add(ClaimEvaluation.ScoreCluster(truthPath, folder, pipeline).Scores);
        foreach (var k in new[] { "claims", "corroboration", "update", "conflict", "current" }) output.WriteLine(ClaimScorer.Line(k, total[k]));
        Assert.True(total["claims"].Truth >= 200, "fewer than 200 labelled claims");
        // Floors a little under the figures measured when they were set (BENCHMARKS.md §9; round 2 measured update P 0.69,
        // corroboration R 0.54, conflict R 0.42, current R 0.48).
        Assert.True(total["claims"].Recall >= 0.65, string.Create(CultureInfo.InvariantCulture, $"claim recall {total["claims"].Recall:0.00}"));
        Assert.True(total["claims"].Precision >= 0.80, string.Create(CultureInfo.InvariantCulture, $"claim precision {total["claims"].Precision:0.00}"));
        Assert.True(total["update"].Precision >= 0.60, string.Create(CultureInfo.InvariantCulture, $"update precision {total["update"].Precision:0.00}"));
        Assert.True(total["corroboration"].Recall >= 0.45, string.Create(CultureInfo.InvariantCulture, $"corroboration recall {total["corroboration"].Recall:0.00}"));
        Assert.True(total["conflict"].Recall >= 0.30, string.Create(CultureInfo.InvariantCulture, $"conflict recall {total["conflict"].Recall:0.00}"));
        Assert.True(total["current"].Recall >= 0.40, string.Create(CultureInfo.InvariantCulture, $"current-state recall {total["current"].Recall:0.00}"));
    }
}
