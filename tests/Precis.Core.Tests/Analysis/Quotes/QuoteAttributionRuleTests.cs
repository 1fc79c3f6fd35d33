using Precis.Analysis.Quotes;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Quotes;

/// <summary>Issue 11, round 2: attribution patterns found missing on PolNeAR train (all text fictional).</summary>
public class QuoteAttributionRuleTests
{
    private static List<Quote> Direct(Precis.Documents.Briefing b) => [.. b.Quotes.Where(q => q.Kind == QuoteKind.Direct)];

    [Fact]
    public void Sentence_initial_according_to_attributes_the_quote()
    {
        var b = Brief("The ferry company published its figures.\n\nAccording to the Harbour Gazette, \u201Cthe company lost more passengers this winter than in the previous five years together.\u201D");
        var q = Assert.Single(b.Quotes, q => q.Kind != QuoteKind.Reported);
        Assert.Contains("Gazette", q.Speaker.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_in_the_next_sentence_after_an_exclamation()
    {
        var b = Brief("Crowds gathered at the pier on Friday.\n\n\u201CThis is the best day the harbour has had in years!\u201D Mayor Ines Varga said to reporters.");
        var q = Assert.Single(Direct(b));
        Assert.Equal("Ines Varga", q.Speaker.Name);
    }

    [Fact]
    public void Next_sentence_with_a_clause_of_its_own_does_not_attribute()
    {
        var b = Brief("\u201CWhat a mess this is!\u201D Mayor Ines Varga said the council would meet again on Monday.");
        Assert.DoesNotContain(Direct(b), q => q.Text.Contains("mess", StringComparison.Ordinal));
    }

    [Fact]
    public void Parenthesis_after_the_name_is_stepped_over()
    {
        var b = Brief("Senator Karl Ostrom (D-North) said \u201Cthe bridge must be closed before the winter storms arrive.\u201D");
        var q = Assert.Single(b.Quotes, q => q.Kind != QuoteKind.Reported);
        Assert.Equal("Karl Ostrom", q.Speaker.Name);
    }

    [Fact]
    public void Signature_with_a_horizontal_bar_names_the_speaker_and_outranks_continuation()
    {
        var b = Brief(
            "Readers wrote to us about the flood.\n\n" +
            "\u201CThe water came through the floor in ten minutes and we lost everything in the cellar.\u201D \u2015 Maren Holt\n\n" +
            "\u201CNobody warned our street, and the sirens only sounded after midnight.\u201D \u2015 Tobias Fink");
        var quotes = Direct(b);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Maren Holt", quotes.Single(q => q.Text.Contains("cellar", StringComparison.Ordinal)).Speaker.Name);
        Assert.Equal("Tobias Fink", quotes.Single(q => q.Text.Contains("sirens", StringComparison.Ordinal)).Speaker.Name);
    }

    [Fact]
    public void Digest_item_credits_the_source_in_brackets()
    {
        var b = Brief("FERRY OPERATOR CUTS WINTER SAILINGS \u201CThe company will run two crossings a day until March, down from six, citing fuel costs.\u201D [Coast Herald.]");
        var q = Assert.Single(Direct(b));
        Assert.Contains("Coast Herald", q.Speaker.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_titles_in_running_text_are_not_quotes()
    {
        var b = Brief(
            "\u201CWe will rebuild the pier by spring,\u201D Mayor Ines Varga said on Northway Radio\u2019s \u201CMorning at the Harbour.\u201D\n\n" +
            "The \u201CHarbour Lights Forever\u201D banner hung over the stage.");
        Assert.DoesNotContain(b.Quotes, q => q.Kind != QuoteKind.Reported && q.Text.Contains("Harbour", StringComparison.Ordinal));
        Assert.Contains(b.Quotes, q => q.Text.Contains("rebuild the pier", StringComparison.Ordinal));
    }

    [Fact]
    public void Headline_with_a_byline_is_not_a_quote()
    {
        var b = Brief("CLOSING \u2014 \u201CHarbour museum to shut its doors after forty years,\u201D by the Gazette\u2019s Ola Berg.");
        Assert.DoesNotContain(b.Quotes, q => q.Kind != QuoteKind.Reported);
    }

    [Fact]
    public void And_later_said_takes_the_subject_of_the_sentence()
    {
        var b = Brief("Sofia Brandt inspected the sea wall on Monday and later said, \u201CThe stones have shifted more than anyone expected.\u201D");
        var q = Assert.Single(b.Quotes, q => q.Kind != QuoteKind.Reported);
        Assert.Equal("Sofia Brandt", q.Speaker.Name);
    }

    [Fact]
    public void Split_quote_with_a_participle_attribution_is_two_quotes()
    {
        var b = Brief("\u201CThe tide tables were wrong,\u201D Captain Edda Moen said, adding: \u201CWe will publish our own from now on.\u201D");
        var quotes = Direct(b);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Edda Moen", q.Speaker.Name));
    }
}
