using System.Text;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Core.Tests.Pipeline;

/// <summary>
/// Cheap versions of issue 12's cost reproductions: nothing of size n² is allocated, the per-briefing analysis cap
/// applies (and says so), and the capped stages still produce a briefing. The full-size targets (a 40,000-sentence
/// article, a million lines, 10,000 articles) are measured by bench/run-scale-bench.sh, not here.
/// </summary>
public class BoundedCostTests
{
    /// <summary>A fictional article of <paramref name="sentences"/> distinct sentences, five to a paragraph.</summary>
    internal static string LongArticle(int sentences, int seed = 7)
    {
        var random = new Random(seed);
        string[] words = ["council", "harbour", "crews", "fuel", "depot", "inspectors", "warehouse", "residents", "timber",
            "statement", "officials", "evening", "pier", "insurers", "investigation", "smoke", "families", "road", "ferry", "report"];
        var text = new StringBuilder("Harbour report\n\n");
        for (int i = 0; i < sentences; i++)
        {
            text.Append("The ").Append(words[random.Next(words.Length)]).Append(" said ");
            for (int w = 0; w < 9; w++) text.Append(words[random.Next(words.Length)]).Append(' ');
            text.Append("were counted ").Append(i).Append(" times. ");
            if (i % 5 == 4) text.Append("\n\n");
        }
        return text.ToString();
    }

    [Fact]
    public void Redundancy_over_150000_sentences_allocates_no_square_table()
    {
        // Before: new sbyte[n * n] overflowed (OverflowException) at 150,000 sentences.
        var views = Enumerable.Range(0, 150_000).Select(i => new SentenceView
        {
            Sentence = new Sentence(1, i, 0, new TextSpan(0, 1), "x", []),
            ArticleIndex = 0,
            Group = 0,
            Words = [i % 7],
            Content = [i % 7],
            ContentCounts = [(i % 7, 1)],
            WordCount = 1,
            IsCandidate = true,
        }).ToArray();
        var redundancy = new Redundancy(views, 0.6);
        Assert.True(redundancy[0, 7]);
        Assert.False(redundancy[0, 1]);
        Assert.False(redundancy[149_999, 149_999]);
    }

    [Fact]
    public void Briefing_cap_cuts_every_article_to_a_common_share_and_says_so()
    {
        var pipeline = new PrecisPipelineBuilder().UseAnalysisBudget(20_000, 1_000).Build();
        var big = LongArticle(2_000);
        var small = "A ferry was delayed on Tuesday evening after a fuel leak at the pier, officials said.\n";
        var briefing = pipeline.Run([SourceDocument.PlainText("big.txt", big), SourceDocument.PlainText("small.txt", small)]);

        Assert.Equal(2, briefing.Articles.Length);
        Assert.True(briefing.Articles.Sum(a => a.Text.Length) <= 20_000);
        Assert.Equal(small.Length, briefing.Articles.Single(a => a.Origin == "small.txt").Text.Length); // below the share: whole
        Assert.StartsWith(briefing.Articles.Single(a => a.Origin == "big.txt").Text, big.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var note = Assert.Single(briefing.Diagnostics, d => d.Message.Contains("input larger than one briefing analyses", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Note, note.Severity);
        Assert.NotEmpty(briefing.Summary.Sentences);
    }

    [Fact]
    public void Inputs_under_the_cap_are_untouched_and_get_no_note()
    {
        var text = LongArticle(50);
        var briefing = new PrecisPipelineBuilder().Build().Run([SourceDocument.PlainText("a.txt", text)]);
        Assert.Equal(text.ReplaceLineEndings("\n"), briefing.Articles[0].Text);
        Assert.DoesNotContain(briefing.Diagnostics, d => d.Message.Contains("briefing analyses", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_cap_bounds_one_word_lines()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 5_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var briefing = new PrecisPipelineBuilder().UseAnalysisBudget(1_000_000, 500).Build().Run([SourceDocument.PlainText("numbers.txt", lines)]);
        Assert.True(briefing.Articles[0].Text.Count(c => c == '\n') < 500);
        Assert.Contains(briefing.Diagnostics, d => d.Message.Contains("500 lines", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new long[] { 10, 20, 30 }, 100, long.MaxValue)]
    [InlineData(new long[] { 10, 1000, 1000 }, 110, 50)]
    [InlineData(new long[] { 1000, 1000 }, 100, 50)]
    public void Water_filling_share(long[] sizes, long cap, long share) =>
        Assert.Equal(share, AnalysisBudgetStage.Share(sizes, cap));

    [Fact]
    public void Concept_summarizer_searches_at_most_its_candidate_cap()
    {
        var pipeline = new PrecisPipelineBuilder().UseSummarizer(new ConceptSummarizer { MaxCandidates = 100 }).Build();
        var briefing = pipeline.Run([SourceDocument.PlainText("a.txt", LongArticle(3_000))]);
        Assert.NotEmpty(briefing.Summary.Sentences);
        Assert.Contains(briefing.Diagnostics, d => d.Message.Contains("candidate sentences", StringComparison.Ordinal));
    }
}
