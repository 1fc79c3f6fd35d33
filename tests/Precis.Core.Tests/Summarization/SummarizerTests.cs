using System.Text;
using Precis.Documents;
using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

public class SummarizerTests
{
    public static TheoryData<string> Methods() => [.. Summarizers.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_returns_verbatim_sentences_within_a_word_budget(string method)
    {
        var input = SummarizationFixture.Input();
        var budget = SummaryBudget.OfWords(40);
        var chosen = Summarizers.Find(method)!.Select(input, budget);

        Assert.NotEmpty(chosen);
        Assert.True(chosen.Sum(s => BudgetMeter.CountWords(s.Text)) <= 40);
        foreach (var s in chosen)
        {
            var article = input.Articles.Single(a => a.Number == s.Article);
            Assert.Equal(s.Span.Slice(article.Text), s.Text);
            Assert.Same(article.Sentences[s.Index], s);
        }
        Assert.Equal(chosen.Length, chosen.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_keeps_a_byte_budget_in_whole_sentences(string method)
    {
        var input = SummarizationFixture.Input();
        var chosen = Summarizers.Find(method)!.Select(input, SummaryBudget.OfBytes(300));
        Assert.True(Encoding.UTF8.GetByteCount(string.Join('\n', chosen.Select(s => s.Text))) <= 300);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_is_deterministic(string method)
    {
        var first = Summarizers.Find(method)!.Select(SummarizationFixture.Input(), SummaryBudget.OfWords(60));
        var second = Summarizers.Find(method)!.Select(SummarizationFixture.Input(), SummaryBudget.OfWords(60));
        Assert.Equal(first.Select(s => (s.Article, s.Index)), second.Select(s => (s.Article, s.Index)));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Fill_mode_lets_only_the_last_sentence_cross_the_limit(string method)
    {
        var budget = SummaryBudget.OfBytes(250) with { Fill = true };
        var chosen = Summarizers.Find(method)!.Select(SummarizationFixture.Input(), budget);
        Assert.NotEmpty(chosen);
        int allButLast = Encoding.UTF8.GetByteCount(string.Join('\n', chosen.Take(chosen.Length - 1).Select(s => s.Text)));
        Assert.True(allButLast < 250);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_copes_with_an_empty_input(string method)
    {
        var chosen = Summarizers.Find(method)!.Select(new SummarizationInput([], []), SummaryBudget.Default);
        Assert.Empty(chosen);
    }

    [Fact]
    public void Concept_summary_prefers_the_fact_every_article_reports()
    {
        var input = SummarizationFixture.Input(3);
        var chosen = new ConceptSummarizer().Select(input, SummaryBudget.OfWords(25));
        // The three articles share "deep cracks", "found deep", "river bridge": the chosen sentence must carry them.
        Assert.Contains(chosen, s => s.Text.Contains("deep cracks", StringComparison.Ordinal));
    }

    [Fact]
    public void Concept_summary_skips_questions_quotes_and_fragments()
    {
        var chosen = new ConceptSummarizer().Select(SummarizationFixture.Input(), SummaryBudget.OfWords(500));
        Assert.DoesNotContain(chosen, s => s.Text.EndsWith('?'));
        Assert.DoesNotContain(chosen, s => s.Text.StartsWith('"'));
        Assert.DoesNotContain(chosen, s => s.Text == "Bridge closed.");
    }

    [Fact]
    public void Concept_summary_never_repeats_a_syndicated_sentence()
    {
        var chosen = new ConceptSummarizer().Select(SummarizationFixture.Input(), SummaryBudget.OfWords(500));
        Assert.Equal(chosen.Length, chosen.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Summary_is_in_reading_order()
    {
        var chosen = new ConceptSummarizer().Select(SummarizationFixture.Input(), SummaryBudget.OfWords(120));
        var keys = chosen.Select(s => (s.Article, s.Index)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Article).ThenBy(k => k.Index), keys);
    }

    [Fact]
    public void Lead_takes_the_first_sentences_of_the_first_article()
    {
        var input = SummarizationFixture.Input();
        var chosen = new LeadSummarizer().Select(input, SummaryBudget.OfWords(40));
        Assert.Equal([0, 1], chosen.Select(s => s.Index));
        Assert.All(chosen, s => Assert.Equal(1, s.Article));
    }

    [Fact]
    public void Firstsent_takes_the_first_sentence_of_each_article_in_order()
    {
        var chosen = new FirstSentenceSummarizer().Select(SummarizationFixture.Input(), SummaryBudget.OfWords(1000));
        Assert.Equal([1, 2, 3, 4], chosen.Select(s => s.Article));
        Assert.All(chosen, s => Assert.Equal(0, s.Index));
    }

    [Fact]
    public void Registry_finds_methods_by_name_and_has_a_default()
    {
        Assert.Equal("concept", Summarizers.Default.Name);
        Assert.Same(Summarizers.Default, Summarizers.Find("CONCEPT"));
        Assert.Null(Summarizers.Find("nope"));
        Assert.Equal(Summarizers.All.Length, Summarizers.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Budget_meter_counts_words_and_bytes_with_separators()
    {
        var meter = new BudgetMeter(SummaryBudget.OfBytes(10));
        Assert.True(meter.TryAdd("abcd"));
        Assert.True(meter.TryAdd("efgh"));    // 4 + 1 + 4 = 9
        Assert.False(meter.TryAdd("ij"));     // 9 + 1 + 2 > 10
        var fill = new BudgetMeter(SummaryBudget.OfBytes(10) with { Fill = true });
        Assert.True(fill.TryAdd("abcdefgh"));
        Assert.True(fill.TryAdd("ijklmnop")); // starts inside the budget
        Assert.False(fill.TryAdd("q"));
        Assert.Equal(3, BudgetMeter.CountWords("  one two\nthree "));
    }
}
