using System.Collections.Immutable;
using Precis.Documents;
using Precis.Evaluation.Quotes;

namespace Precis.Core.Tests.Evaluation.Quotes;

/// <summary>The PolNeAR quote scorer (shared/bench/polnear/README.md) against hand-computed cases.</summary>
public class QuoteScorerTests
{
    // Fictional text, written for these tests.
    private const string Text =
        "Mayor Jane Holt spoke on Monday.\n" +
        "“We will rebuild the harbour wall,” she said, “and we will do it this year.”\n" +
        "The council called the plan “ambitious” in a note.\n" +
        "Holt said the vote would be close.";

    private static int At(string s, int nth = 0)
    {
        int i = -1;
        for (int n = 0; n <= nth; n++) i = Text.IndexOf(s, i + 1, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{s}' not in the test text");
        return i;
    }

    private static TextSpan Of(string s, int nth = 0) => new(At(s, nth), s.Length);

    private static QuoteSpan Span(params TextSpan[] pieces) => new(pieces[0].Start, pieces[^1].End, [.. pieces]);

    private static readonly TextSpan PieceA = Of("“We will rebuild the harbour wall,”");
    private static readonly TextSpan PieceB = Of("“and we will do it this year.”");

    /// <summary>Gold: the split quote (direct, two pieces, source "she"), the scare-quoted mixed one, one indirect; Holt named once.</summary>
    private static AttributionArticle Article(bool sourceOnMixed = true) => new("t1", "paper", null, Text,
    [
        new(Span(Of("Jane Holt spoke on Monday")), AttributionKind.Indirect, "Mayor Jane Holt", Of("Mayor Jane Holt"), null),
        new(Span(PieceA, PieceB), AttributionKind.Direct, "she", Of("she"), "said"),
        new(Span(Of("the plan “ambitious”")), AttributionKind.Mixed, sourceOnMixed ? "The council" : null, sourceOnMixed ? Of("The council") : null, sourceOnMixed ? "called" : null),
        new(Span(Of("the vote would be close")), AttributionKind.Indirect, "Holt", Of("Holt", 1), "said"),
    ]);

    private static SystemQuote Predict(TextSpan content, string? speaker = null, TextSpan? speakerSpan = null) =>
        new(QuoteSpan.Continuous(content.Start, content.End), speaker, speakerSpan);

    [Fact]
    public void Gold_as_system_scores_100_everywhere()
    {
        var article = Article();
        var system = article.Attributions.Where(a => a.Kind != AttributionKind.Indirect)
            .Select(a => new SystemQuote(a.Content, a.Speaker, a.SpeakerSpan)).ToList();
        foreach (var set in new[] { QuoteSet.Direct, QuoteSet.DirectMixed })
        {
            var c = QuoteScorer.ScoreArticle(article, system, set);
            Assert.Equal(1.0, c.F1);
            Assert.Equal(1.0, c.SpeakerAccuracy);
            Assert.Equal(1.0, c.JointF1);
        }
    }

    [Fact]
    public void First_piece_of_a_split_quote_matches_and_the_second_is_ignored()
    {
        // the first piece alone covers well under 80 % of U, but it is a target of its own because the gold has two pieces
        var system = new[] { Predict(PieceA, "Jane Holt", Of("she")), Predict(PieceB, "Jane Holt", Of("she")) };
        var c = QuoteScorer.ScoreArticle(Article(), system, QuoteSet.Direct);
        Assert.Equal((1, 1, 0, 1), (c.Gold, c.TruePositives, c.FalsePositives, c.Ignored));
        Assert.Equal(1, c.SpeakerRight);
    }

    [Fact]
    public void Quote_marks_commas_and_the_words_between_pieces_do_not_count()
    {
        // one prediction from the first mark to the last: A(p) adds "she said" (7 letters) to the 48 of the two pieces: ov = 48/55
        var whole = TextSpan.FromBounds(PieceA.Start, PieceB.End);
        var c = QuoteScorer.ScoreArticle(Article(), [Predict(whole, "Holt", null)], QuoteSet.Direct);
        Assert.Equal(1, c.TruePositives);
        // rule (b): "she" borrows the key of the nearest preceding named source, "Mayor Jane Holt" → holt
        Assert.Equal(1, c.SpeakerRight);
    }

    [Fact]
    public void Overlap_below_80_percent_is_no_match_and_a_prediction_outside_every_quote_is_a_false_positive()
    {
        // "We will rebuild the" is 16 letters of the 48 in U and of the 27 in the first piece: no target reaches 0.8
        var part = Of("We will rebuild the");
        var outside = Of("Mayor Jane Holt spoke");
        var c = QuoteScorer.ScoreArticle(Article(), [Predict(part, "Holt"), Predict(outside, "Holt")], QuoteSet.Direct);
        Assert.Equal((1, 0, 1, 1), (c.Gold, c.TruePositives, c.FalsePositives, c.Ignored)); // part lies inside gold: ignored
        Assert.Equal(0.0, c.Precision);
        Assert.Equal(0.0, c.Recall);
    }

    [Fact]
    public void Quoted_words_of_a_mixed_quote_match_it_through_U_and_Q_and_are_ignored_when_only_direct_quotes_count()
    {
        var word = Of("ambitious");
        var council = Of("council");
        var mixed = QuoteScorer.ScoreArticle(Article(), [Predict(word, "council", council)], QuoteSet.DirectMixed);
        Assert.Equal((2, 1, 0, 0), (mixed.Gold, mixed.TruePositives, mixed.FalsePositives, mixed.Ignored));
        Assert.Equal(1, mixed.SpeakerRight); // rule (a): the predicted mention shares characters with "The council"
        Assert.Equal(0.5, mixed.Recall);
        var direct = QuoteScorer.ScoreArticle(Article(), [Predict(word)], QuoteSet.Direct);
        Assert.Equal((1, 0, 0, 1), (direct.Gold, direct.TruePositives, direct.FalsePositives, direct.Ignored));
    }

    [Fact]
    public void Speaker_wrong_without_a_speaker_and_skipped_without_a_gold_source()
    {
        var word = Of("ambitious");
        var none = QuoteScorer.ScoreArticle(Article(), [Predict(PieceA), Predict(word)], QuoteSet.DirectMixed);
        Assert.Equal((2, 0, 0), (none.TruePositives, none.SpeakerRight, none.SpeakerSkipped));
        Assert.Equal(0.0, none.JointF1);
        var skipped = QuoteScorer.ScoreArticle(Article(sourceOnMixed: false), [Predict(word)], QuoteSet.DirectMixed);
        Assert.Equal((1, 0, 1), (skipped.TruePositives, skipped.SpeakerRight, skipped.SpeakerSkipped));
        Assert.Equal(1, skipped.JointCorrect); // a quote whose gold has no source counts as correct in the joint figures
        // joint P = 1/1, joint R = 1/2
        Assert.Equal(2.0 / 3, skipped.JointF1, 6);
    }

    [Fact]
    public void Wrong_name_is_wrong_and_titles_are_not_name_tokens()
    {
        Assert.Equal("holt", QuoteScorer.OwnKey("Mayor Jane Holt"));
        Assert.Equal("cruz", QuoteScorer.OwnKey("Sen. Ted Cruz (R-Texas)"));
        Assert.Equal("conway", QuoteScorer.OwnKey("Trump campaign manager Kellyanne Conway"));
        Assert.Null(QuoteScorer.OwnKey("the Florida senator"));
        Assert.Null(QuoteScorer.OwnKey("he"));
        Assert.Equal("clinton", QuoteScorer.OwnKey("Clinton’s"));
        var c = QuoteScorer.ScoreArticle(Article(), [Predict(PieceA, "Mayor Smith", Of("Mayor"))], QuoteSet.Direct);
        Assert.Equal((1, 0), (c.TruePositives, c.SpeakerRight));
        var mayorOnly = QuoteScorer.ScoreArticle(Article(), [Predict(PieceA, "the Mayor")], QuoteSet.Direct);
        Assert.Equal(0, mayorOnly.SpeakerRight); // "Mayor" is a title, never a name token
    }

    [Fact]
    public void Quoted_regions_reset_at_every_newline()
    {
        var q = QuoteScorer.QuotedRegions("a \"b c\nd\" e “f” g");
        // the straight quote opens "b c", the newline closes it, the next straight quote opens " e “f" until ”
        Assert.Equal(["b c", " e “f"], q.Select(s => "a \"b c\nd\" e “f” g"[s.Start..s.End]));
    }

    [Fact]
    public void Greedy_pairing_is_one_to_one_and_duplicates_cost_nothing()
    {
        var c = QuoteScorer.ScoreArticle(Article(), [Predict(PieceA, "Holt"), Predict(PieceA, "Holt"), Predict(PieceA, "Holt")], QuoteSet.Direct);
        Assert.Equal((1, 0, 2), (c.TruePositives, c.FalsePositives, c.Ignored));
    }

    [Fact]
    public void Bad_lines_of_a_bench_file_become_diagnostics_naming_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"precis-quotes-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(path,
            [
                """{"id": "a", "publisher": "p", "text": "“Hi there,” he said.", "quotes": [{"start": 0, "end": 11, "kind": "direct", "speaker": "he", "speaker_start": 12, "speaker_end": 14}]}""",
                "{not json",
                """{"id": "b", "text": "short", "quotes": [{"start": 0, "end": 99, "kind": "direct"}]}""",
            ]);
            var diagnostics = new List<Diagnostic>();
            var articles = AttributionBench.Read(path, diagnostics).ToList();
            Assert.Single(articles);
            Assert.Equal(2, diagnostics.Count);
            Assert.Contains(diagnostics, d => d.Origin == $"{path}:2" && d.Message.Contains("invalid JSON", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.Origin == $"{path}:3" && d.Message.Contains("past the text", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("“ambitious”", "a term")]
    [InlineData("the council called the plan “rushed” in its note", "a term")]
    [InlineData("“Meet the Press,”", "a title")]
    [InlineData("“We will rebuild the harbour wall,”", "a statement")]
    [InlineData("“We will rebuild it.\n“And soon.”", "over paragraphs")]
    public void Error_shape_classes_the_quoted_words(string content, string shape) =>
        Assert.Equal(shape, QuoteScorer.Shape(content));
}
