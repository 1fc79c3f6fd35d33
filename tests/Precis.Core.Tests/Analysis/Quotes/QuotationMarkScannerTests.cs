using Precis.Analysis.Quotes;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Quotes;

public class QuotationMarkScannerTests
{
    private static List<string> Inner(string text, params TextSpan[] paragraphs)
    {
        var paras = paragraphs.Length == 0 ? new[] { new TextSpan(0, text.Length) } : paragraphs;
        return [.. QuotationMarkScanner.Find(text, paras).Select(q => q.Inner.Slice(text))];
    }

    [Fact]
    public void Curly_quotes_pair()
    {
        Assert.Equal(["We will rebuild,"], Inner("\u201CWe will rebuild,\u201D the owner said."));
    }

    [Fact]
    public void Straight_quotes_pair_by_flanking()
    {
        Assert.Equal(["It is over.", "Really"], Inner("She said: \"It is over.\" Then \"Really\" he asked."));
    }

    [Fact]
    public void Spaced_straight_close_after_an_inner_quote_closes()
    {
        Assert.Equal(["It is what they call 'a fair wind,'"], Inner("\"It is what they call 'a fair wind,' \" the captain said."));
    }

    [Fact]
    public void Doubled_right_single_quotes_close_a_double_quote()
    {
        Assert.Equal(["question"], Inner("a \u201Cquestion\u2019\u2019 that stung"));
    }

    [Fact]
    public void Tdt_backtick_quotes_pair()
    {
        Assert.Equal(["We are ready,"], Inner("``We are ready,'' the coach said on Friday."));
    }

    [Fact]
    public void Mixed_straight_open_and_curly_close_pair()
    {
        Assert.Equal(["harbour village"], Inner("a so-called \"harbour village\u201D plan"));
    }

    [Fact]
    public void Quote_running_over_two_paragraphs_is_one_quote()
    {
        var text = "\u201CThe first part goes on.\n\n\u201CAnd the second part ends,\u201D she said.";
        var found = Inner(text, new TextSpan(0, 24), new TextSpan(26, text.Length - 26));
        var only = Assert.Single(found);
        Assert.StartsWith("The first part", only, StringComparison.Ordinal);
        Assert.EndsWith("second part ends,", only, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_quote_at_paragraph_end_is_dropped()
    {
        var text = "He said \u201Cnothing more.\n\nA new paragraph.";
        Assert.Empty(Inner(text, new TextSpan(0, 22), new TextSpan(24, text.Length - 24)));
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        Assert.Empty(Inner("The port's owner didn't comment."));
    }
}
