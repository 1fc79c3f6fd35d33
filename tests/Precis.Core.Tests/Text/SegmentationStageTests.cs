using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

public sealed class SegmentationStageTests
{
    private static Article Make(string text, params TextSpan[] paragraphs) =>
        new() { Number = 3, Id = "t", Origin = "test", Text = text, Paragraphs = [.. paragraphs] };

    [Fact]
    public void Headline_paragraph_stays_one_sentence_and_body_is_split()
    {
        const string text = "Dam fails after storm\nThe dam at Lake Orrin failed Tuesday. Gen. Ada Moss ordered an evacuation.";
        var article = SegmentationStage.Segment(Make(text, new TextSpan(0, 21), TextSpan.FromBounds(22, text.Length)));

        Assert.Equal(["Dam fails after storm", "The dam at Lake Orrin failed Tuesday.", "Gen. Ada Moss ordered an evacuation."],
            article.Sentences.Select(s => s.Text));
        Assert.Equal([0, 1, 1], article.Sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2], article.Sentences.Select(s => s.Index));
        Assert.All(article.Sentences, s => Assert.Equal(3, s.Article));
    }

    [Fact]
    public void Sentence_text_and_token_spans_point_into_the_article_text()
    {
        const string text = "  Prices rose 3.5% in the U.S. on Monday.  Analysts weren\u2019t surprised.";
        var article = SegmentationStage.Segment(Make(text, new TextSpan(0, text.Length)));
        Assert.Equal(2, article.Sentences.Length);
        foreach (var s in article.Sentences)
        {
            Assert.Equal(s.Span.Slice(text), s.Text);
            Assert.All(s.Tokens, t => Assert.True(s.Span.Contains(t.Span)));
        }
        var words = article.Sentences[1].Words.Select(t => t.Normal);
        Assert.Equal(["analysts", "weren't", "surprised"], words);
    }

    [Fact]
    public void Article_without_paragraphs_has_no_sentences()
    {
        Assert.Empty(SegmentationStage.Segment(Make("Some text.")).Sentences);
    }
}
