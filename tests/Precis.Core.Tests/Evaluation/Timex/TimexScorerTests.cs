using System.Collections.Immutable;
using Precis.Documents;
using Precis.Evaluation.Timex;

namespace Precis.Core.Tests.Evaluation.Timex;

public class TimexScorerTests
{
    private static TimexAnnotation At(string text, string phrase, string type, string value, int occurrence = 0)
    {
        int start = -1;
        for (int i = 0; i <= occurrence; i++) start = text.IndexOf(phrase, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0, phrase);
        return new TimexAnnotation(start, start + phrase.Length, type, value);
    }

    [Fact]
    public void Hand_worked_example_gives_the_official_counts()
    {
        // A fictional sentence; counts worked out by hand with the rules of the TE3 scorer.
        const string text = "Prices rose on Monday and fell last week, the agency said in March 2001.";
        TimexAnnotation[] gold =
        [
            At(text, "Monday", "DATE", "2001-03-12"),
            At(text, "last week", "DATE", "2001-W10"),
            At(text, "March 2001", "DATE", "2001-03"),
        ];
        TimexAnnotation[] system =
        [
            At(text, "Monday", "DATE", "2001-03-12"), // strict pair, right value and type
            At(text, "last", "DATE", "2001-W10"),     // relaxed pair (shares "last"), right value
            At(text, "week", "DATE", "2001-W10"),     // opens inside a gold timex already paired: spurious
            At(text, "March", "DURATION", "P1M"),    // relaxed pair, wrong value and type
        ];
        var c = TimexScorer.ScoreDocument("x", text, gold, system);
        Assert.Equal(new TimexCounts(3, 4, 3, 1, 2, 2), c);
        Assert.Equal(28.57, Math.Round(c.StrictF1, 2));
        Assert.Equal(75.00, Math.Round(c.RelaxedPrecision, 2));
        Assert.Equal(100.00, Math.Round(c.RelaxedRecall, 2));
        Assert.Equal(85.71, Math.Round(c.RelaxedF1, 2));
        Assert.Equal(57.14, Math.Round(c.ValueF1, 2));
        Assert.Equal(57.14, Math.Round(c.TypeF1, 2));
    }

    [Fact]
    public void A_token_cut_by_the_end_offset_is_outside_the_extent()
    {
        // "1998's" tokenizes as "1998" + "'s": a system timex over "1998'" ends inside "'s", so it covers "1998" only.
        const string text = "The 1998's budget grew.";
        var gold = new[] { At(text, "1998", "DATE", "1998") };
        var system = new[] { new TimexAnnotation(4, 9, "DATE", "1998") };
        var c = TimexScorer.ScoreDocument("x", text, gold, system);
        Assert.Equal(1, c.Strict);
    }

    [Fact]
    public void Tokenizer_splits_punctuation_clitics_and_single_hyphens_but_keeps_abbreviations()
    {
        const string text = "In mid-1998 (Friday's talks) the U.S. said \"no\" at 5 p.m.";
        var tokens = TimexTokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToList();
        Assert.Equal(["In", "mid", "-", "1998", "(", "Friday", "'s", "talks", ")", "the", "U.S.", "said", "\"", "no", "\"", "at", "5", "p.m."], tokens);
    }

    [Fact]
    public void Missing_system_document_counts_as_empty_output()
    {
        var gold = new TimexDocument("d1", "", null, "Sales rose in 1999.", [new TimexAnnotation(14, 18, "DATE", "1999")]);
        var unknown = new List<string>();
        var c = TimexScorer.Score([gold], [new TimexDocument("other", "", null, "", [])], unknownIds: unknown);
        Assert.Equal(new TimexCounts(1, 0, 0, 0, 0, 0), c);
        Assert.Equal(["other"], unknown);
    }

    [TimexSharedDataFact]
    public void Baseline_output_reproduces_the_official_scorer_figures()
    {
        var diagnostics = new List<Diagnostic>();
        var gold = TimexBenchFile.Read(Path.Combine(TimexSharedData.Folder!, "train.jsonl.gz"), diagnostics);
        var baseline = TimexBenchFile.Read(Path.Combine(TimexSharedData.Folder!, "baseline_train.jsonl.gz"), diagnostics);
        Assert.Empty(diagnostics);
        var c = TimexScorer.Score(gold, baseline);
        // The README of ../shared/bench/tempeval3 gives the official TE3 scorer's counts and figures for this run.
        Assert.Equal(new TimexCounts(1822, 1002, 975, 852, 806, 953), c);
        Assert.Equal(60.34, Math.Round(c.StrictF1, 2));
        Assert.Equal(85.03, Math.Round(c.StrictPrecision, 2));
        Assert.Equal(46.76, Math.Round(c.StrictRecall, 2));
        Assert.Equal(97.31, Math.Round(c.RelaxedPrecision, 2));
        Assert.Equal(53.51, Math.Round(c.RelaxedRecall, 2));
        Assert.Equal(69.05, Math.Round(c.RelaxedF1, 2));
        Assert.Equal(57.08, Math.Round(c.ValueF1, 2));
        Assert.Equal(67.49, Math.Round(c.TypeF1, 2));
        Assert.Equal(82.67, Math.Round(c.ValueAccuracy, 2));
        Assert.Equal(97.74, Math.Round(c.TypeAccuracy, 2));

        var self = TimexScorer.Score(gold, gold);
        Assert.Equal(100.0, self.StrictF1);
        Assert.Equal(100.0, self.ValueF1);
    }
}

/// <summary>A fact that needs ../shared/bench/tempeval3 (read at run time, never copied); skipped with a message when absent.</summary>
public sealed class TimexSharedDataFactAttribute : FactAttribute
{
    public TimexSharedDataFactAttribute()
    {
        if (TimexSharedData.Folder is null) Skip = "../shared/bench/tempeval3 not found next to the repository (walked up from the test binaries to Precis.slnx); TempEval-3 reproduction test skipped.";
    }
}

internal static class TimexSharedData
{
    public static readonly string? Folder = Locate();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "tempeval3"));
                return File.Exists(Path.Combine(folder, "baseline_train.jsonl.gz")) ? folder : null;
            }
        }
        return null;
    }
}
