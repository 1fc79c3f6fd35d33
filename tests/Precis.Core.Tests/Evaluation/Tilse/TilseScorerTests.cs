using Precis.Evaluation.Tilse;

namespace Precis.Core.Tests.Evaluation.Tilse;

public sealed class TilseScorerTests
{
    private static readonly DateOnly D1 = new(2010, 4, 20);
    private static readonly TilseScorer NoStopList = new(stopWords: null);

    private static DatedTimeline Timeline(params (DateOnly Date, string[] Sentences)[] dates) =>
        new([.. dates.Select(d => new DatedSummary(d.Date, d.Sentences))]);

    [Fact]
    public void Identical_timelines_score_one()
    {
        var t = Timeline((D1, ["Rig explodes in the gulf"]), (D1.AddDays(3), ["Oil reaches the coast of Louisiana"]));
        var s = NoStopList.Score("t", t, t);
        Assert.Equal(1.0, s.Ar1.F, 12);
        Assert.Equal(1.0, s.Ar2.F, 12);
        Assert.Equal(1.0, s.Date.F, 12);
    }

    [Fact]
    public void A_date_one_day_off_counts_half_of_its_ngrams_and_no_date_match()
    {
        var gold = Timeline((D1, ["rig explodes gulf"]));
        var sys = Timeline((D1.AddDays(1), ["rig explodes gulf"]));
        var s = NoStopList.Score("t", sys, gold);
        // w = 1/(|Δ| + 1) = 1/2 on the numerators only: 3 hits of 3 unigrams, 2 of 2 bigrams.
        Assert.Equal(0.5, s.Ar1.Precision, 12);
        Assert.Equal(0.5, s.Ar1.Recall, 12);
        Assert.Equal(0.5, s.Ar2.F, 12);
        Assert.Equal(0.0, s.Date.F);
    }

    [Fact]
    public void Many_to_one_alignment_lets_two_system_dates_share_one_gold_date()
    {
        var gold = Timeline((D1, ["rig explodes"]));
        var sys = Timeline((D1, ["rig explodes"]), (D1.AddDays(1), ["rig sinks"]));
        var s = NoStopList.Score("t", sys, gold);
        // Precision: (1·2 + ½·1) / 4 unigrams; recall: the gold date aligns to the exact date, 2 of 2.
        Assert.Equal(2.5 / 4, s.Ar1.Precision, 12);
        Assert.Equal(1.0, s.Ar1.Recall, 12);
        Assert.Equal(0.5, s.Date.Precision, 12);
        Assert.Equal(1.0, s.Date.Recall, 12);
    }

    [Fact]
    public void Empty_system_timeline_scores_zero()
    {
        var s = NoStopList.Score("t", DatedTimeline.Empty, Timeline((D1, ["rig explodes"])));
        Assert.Equal(0, s.Ar1.F);
        Assert.Equal(0, s.Date.F);
        Assert.Equal(0, s.SystemDates);
    }

    [Theory]
    [InlineData("quake.", "quake .")]
    [InlineData("Port-au-Prince's  mayor", "Port - au - Prince ' s mayor")]
    [InlineData("  café (2010)", "café ( 2010 )")]
    public void Pretokenisation_splits_every_non_word_character(string raw, string expected) =>
        Assert.Equal(expected, TilseScorer.Pretokenize(raw));

    [Fact]
    public void Rouge_side_cuts_at_angle_bracket_and_counts_ascii_runs_only()
    {
        // "BP <BP.L> said" keeps only "BP" (README §3 step 1); "café" gives "caf".
        var gold = Timeline((D1, ["BP <BP.L> said", "café"]));
        var sys = Timeline((D1, ["bp caf"]));
        var s = NoStopList.Score("t", sys, gold);
        Assert.Equal(1.0, s.Ar1.F, 12);
    }

    [Fact]
    public void Macro_average_is_f_of_mean_precision_and_mean_recall()
    {
        var a = new TilseTaskScores("a", 1, PrfScore.Of(1, 0), default, default);
        var b = new TilseTaskScores("b", 1, PrfScore.Of(0, 1), default, default);
        var overall = TilseOverall.Of([a, b]);
        Assert.Equal(0.5, overall.Ar1.F, 12);
        Assert.Equal(0, overall.Ar1MeanF, 12);
    }
}
