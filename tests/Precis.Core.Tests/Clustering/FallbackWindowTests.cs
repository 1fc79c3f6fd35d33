using System.Text.RegularExpressions;
using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>The fallback window (FallbackWindow, issue 14): an article that would open an event looks again in a wider
/// window and joins an older event of its story there; the model file carries the setting and the options can override
/// it. Texts are fictional.</summary>
public sealed partial class FallbackWindowTests
{
    private static readonly JoinModel Without = JoinModel.Default.WithFallback(null);

    private static ClusteringOptions With(int days, double cut) => new() { Model = Without.WithFallback(new FallbackWindow(days, cut)) };

    [GeneratedRegex(@",\s*""fallback(WindowDays|Cut)"":\s*[0-9.]+")]
    private static partial Regex FallbackField();

    private static readonly string[] Reservoir =
    [
        "Engineers began draining the cracked Hollin reservoir dam on Monday after inspectors found a crack in its spillway wall. Villages below the Hollin dam were told to prepare for evacuation while pumps lowered the reservoir.",
        "Pumps lowered the Hollin reservoir by two metres overnight as engineers worked to relieve pressure on the cracked dam spillway. Inspectors said the crack in the Hollin dam wall had not grown, and villages below stayed on alert.",
        "Repairs to the cracked spillway wall of the Hollin reservoir dam were finished, engineers said, and inspectors allowed the reservoir to refill. Villages below the Hollin dam that had prepared for evacuation were told the danger had passed.",
    ];

    private const string Chess = "A twelve-year-old from Pellow won the national junior chess championship on Sunday, beating the defending champion in a final game that lasted five hours. Her coach said she had trained at the Pellow library chess club since she was six.";

    private static readonly DateOnly Day = new(2026, 5, 4);

    private static List<ClusterDecision> Run(ClusteringOptions options, string late)
    {
        var clusterer = new OnlineEventClusterer(options);
        return
        [
            clusterer.Add(ClusterTerms.FromText("a", null, Reservoir[0], Day)),
            clusterer.Add(ClusterTerms.FromText("b", null, Reservoir[1], Day.AddDays(1))),
            clusterer.Add(ClusterTerms.FromText("c", null, late, Day.AddDays(60))),
        ];
    }

    [Fact]
    public void Without_a_fallback_a_late_article_of_the_story_opens_an_event()
    {
        var d = Run(new ClusteringOptions { Model = Without }, Reservoir[2]);
        Assert.False(d[1].IsNewEvent);
        Assert.True(d[2].IsNewEvent);
        // The options turn the model's fallback off with 0, or with days not above the window.
        Assert.True(Run(With(84, 0.3) with { FallbackWindowDays = 0 }, Reservoir[2])[2].IsNewEvent);
        Assert.Null((With(84, 0.3) with { WindowDays = 84 }).ResolvedFallback());
    }

    [Fact]
    public void With_a_fallback_window_a_late_article_joins_its_story()
    {
        var d = Run(With(84, 0.3), Reservoir[2]);
        Assert.False(d[2].IsNewEvent);
        Assert.Equal(d[0].EventId, d[2].EventId);
        Assert.True(d[2].Probability >= 0.3);
        // The same through the options alone.
        Assert.False(Run(new ClusteringOptions { Model = Without, FallbackWindowDays = 84, FallbackCut = 0.3 }, Reservoir[2])[2].IsNewEvent);
    }

    [Fact]
    public void The_fallback_leaves_other_stories_and_articles_beyond_it_apart()
    {
        Assert.True(Run(With(84, 0.3), Chess)[2].IsNewEvent);
        Assert.True(Run(With(42, 0.3), Reservoir[2])[2].IsNewEvent);
        Assert.True(Run(With(84, 1), Reservoir[2])[2].IsNewEvent);
        // Undated articles have no window and are untouched.
        var clusterer = new OnlineEventClusterer(With(84, 0.3));
        clusterer.Add(ClusterTerms.FromText("a", null, Reservoir[0], null));
        Assert.True(clusterer.Add(ClusterTerms.FromText("x", null, Chess, null)).IsNewEvent);
    }

    [Fact]
    public void Fallback_settings_round_trip_through_the_model_file()
    {
        var model = Without.WithFallback(new FallbackWindow(56, 0.75));
        var json = model.ToJson();
        Assert.Contains("\"fallbackWindowDays\": 56", json, StringComparison.Ordinal);
        var again = JoinModel.Parse(json);
        Assert.Equal(new FallbackWindow(56, 0.75), again.Fallback);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(model.Fallback, again.WithCuts(0.3, 0.9).Fallback);
        Assert.Equal(model.Fallback, again.WithSplit(null).Fallback);
        Assert.Equal(new FallbackWindow(56, 0.75), new ClusteringOptions { Model = again }.ResolvedFallback());
        Assert.Equal(new FallbackWindow(70, 0.75), new ClusteringOptions { Model = again, FallbackWindowDays = 70 }.ResolvedFallback());
        Assert.Equal(new FallbackWindow(56, 0.9), new ClusteringOptions { Model = again, FallbackCut = 0.9 }.ResolvedFallback());
        Assert.Null(new ClusteringOptions { Model = null, FallbackWindowDays = 56 }.ResolvedFallback());
    }

    [Fact]
    public void A_model_file_without_fallback_fields_means_none_and_writes_none()
    {
        var old = FallbackField().Replace(Without.WithFallback(new FallbackWindow(56, 0.7)).ToJson(), "");
        Assert.DoesNotContain("\"fallback", old, StringComparison.Ordinal);
        var model = JoinModel.Parse(old);
        Assert.Null(model.Fallback);
        Assert.Equal(old, model.ToJson());
        Assert.Null(new OnlineEventClusterer(new ClusteringOptions { Model = model }).Fallback);
        // A cut alone, or out of range, fails to parse.
        Assert.Throws<FormatException>(() => JoinModel.Parse(old.Replace("\"joinCut\"", "\"fallbackCut\": 0.7,\n  \"joinCut\"", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => JoinModel.Parse(old.Replace("\"joinCut\"", "\"fallbackWindowDays\": 56,\n  \"fallbackCut\": 1.5,\n  \"joinCut\"", StringComparison.Ordinal)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FallbackWindow(0));
    }

    [Fact]
    public void The_default_options_use_the_committed_models_fallback()
    {
        Assert.NotNull(JoinModel.Default.Fallback);
        Assert.Equal(JoinModel.Default.Fallback, new ClusteringOptions().ResolvedFallback());
        Assert.Equal(JoinModel.Default.Fallback, new OnlineEventClusterer().Fallback);
    }
}
