using System.Text.RegularExpressions;
using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>Event splitting settings (issue 14): a model file carries those it was trained with, and the options take
/// them from the model unless they set them.</summary>
public sealed partial class SplitSettingsTests
{
    private static readonly JoinModel Unsplit = JoinModel.Default.WithSplit(null);

    [GeneratedRegex(@",\s*""split(Cut|Every|MinMembers)"":\s*[0-9.]+")]
    private static partial Regex SplitField();

    [Fact]
    public void Split_settings_round_trip_through_the_model_file()
    {
        var model = Unsplit.WithSplit(new EventSplitting(0.25, 3, 12));
        var json = model.ToJson();
        Assert.Contains("\"splitCut\": 0.25", json, StringComparison.Ordinal);
        var again = JoinModel.Parse(json);
        Assert.Equal(new EventSplitting(0.25, 3, 12), again.Split);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(model.JoinCut, again.JoinCut);
        Assert.Equal(model.Split, again.WithCuts(0.3, 0.9).Split); // new cuts keep the settings
    }

    [Fact]
    public void A_model_file_without_split_fields_means_no_splitting_and_writes_none()
    {
        // A file as written before event splitting: the same model without the three fields.
        var old = SplitField().Replace(Unsplit.WithSplit(new EventSplitting(0.2, 4, 12)).ToJson(), "");
        Assert.DoesNotContain("\"split", old, StringComparison.Ordinal);
        var model = JoinModel.Parse(old);
        Assert.Null(model.Split);
        Assert.Equal(old, model.ToJson());
        Assert.Null(new ClusteringOptions { Model = model }.ResolvedSplitting());
        Assert.Null(new OnlineEventClusterer(new ClusteringOptions { Model = model }).Splitting);
    }

    [Fact]
    public void A_split_field_out_of_range_or_alone_fails_to_parse()
    {
        var json = Unsplit.WithSplit(new EventSplitting(0.2, 4, 12)).ToJson();
        Assert.Throws<FormatException>(() => JoinModel.Parse(json.Replace("\"splitMinMembers\": 12", "\"splitMinMembers\": 20", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => JoinModel.Parse(json.Replace("\"splitCut\": 0.2", "\"splitCut\": 1.5", StringComparison.Ordinal)));
        var withoutCut = Regex.Replace(json, @",\s*""splitCut"":\s*[0-9.]+", "");
        Assert.Throws<FormatException>(() => JoinModel.Parse(withoutCut));
    }

    [Fact]
    public void Missing_every_and_min_members_take_the_defaults()
    {
        var json = Regex.Replace(Unsplit.WithSplit(new EventSplitting(0.2, 4, 12)).ToJson(), @",\s*""split(Every|MinMembers)"":\s*[0-9.]+", "");
        Assert.Equal(new EventSplitting(0.2, EventSplitting.DefaultEvery, EventSplitting.DefaultMinMembers), JoinModel.Parse(json).Split);
    }

    [Fact]
    public void Options_take_the_models_settings_unless_they_set_their_own()
    {
        var model = Unsplit.WithSplit(new EventSplitting(0.2, 4, 12));
        var fromModel = new ClusteringOptions { Model = model };
        Assert.Equal(new EventSplitting(0.2, 4, 12), fromModel.ResolvedSplitting());
        Assert.Equal(new EventSplitting(0.2, 4, 12), new OnlineEventClusterer(fromModel).Splitting);
        // Each option set overrides its own field only.
        Assert.Equal(new EventSplitting(0.3, 4, 12), (fromModel with { SplitCut = 0.3 }).ResolvedSplitting());
        Assert.Equal(new EventSplitting(0.2, 2, 10), (fromModel with { SplitEvery = 2, SplitMinMembers = 10 }).ResolvedSplitting());
        // A cut of 0 turns splitting off whatever the model says; no model, no splitting.
        Assert.Null((fromModel with { SplitCut = 0 }).ResolvedSplitting());
        Assert.Null((fromModel with { Model = null }).ResolvedSplitting());
        // A model without settings: off unless the options give a cut, then the defaults fill the rest.
        Assert.Null(new ClusteringOptions { Model = Unsplit, SplitMinMembers = 12 }.ResolvedSplitting());
        Assert.Equal(new EventSplitting(0.2, EventSplitting.DefaultEvery, EventSplitting.DefaultMinMembers), new ClusteringOptions { Model = Unsplit, SplitCut = 0.2 }.ResolvedSplitting());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusteringOptions { Model = Unsplit, SplitCut = 0.2, SplitMinMembers = 4 }.ResolvedSplitting());
    }

    [Fact]
    public void The_default_options_split_as_the_committed_model_says()
    {
        Assert.Null(new ClusteringOptions().SplitCut);
        Assert.Equal(JoinModel.Default.Split, new ClusteringOptions().ResolvedSplitting());
    }
}
