using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

public class CitationLinkerTests
{
    [Fact]
    public void Exact_copy_in_a_syndicated_article_is_cited()
    {
        var articles = SummarizationFixture.Articles();
        var first = articles[0].Sentences[0];
        var linked = CitationLinker.Link([first], articles);
        Assert.Contains(4, linked[0].Citations); // article 4 carries the same sentence
        Assert.Contains(1, linked[0].Citations);
    }

    [Fact]
    public void Reworded_sentence_with_the_same_content_words_is_an_equivalent_not_a_citation()
    {
        var articles = SummarizationFixture.Articles();
        // Article 2's first sentence reorders article 1's first sentence ("engineers found deep cracks in two piers").
        var linked = CitationLinker.Link([articles[0].Sentences[0]], articles);
        Assert.DoesNotContain(2, linked[0].Citations);
        var equivalent = Assert.Single(linked[0].Equivalents, e => e.Article == 2);
        Assert.Equal(equivalent.Text, equivalent.Span.Slice(articles[1].Text));
    }

    [Fact]
    public void Every_citation_carries_the_sentence_verbatim()
    {
        var articles = SummarizationFixture.Articles();
        foreach (var s in CitationLinker.Link([.. articles.SelectMany(a => a.Sentences)], articles))
        {
            foreach (var cited in s.Citations) Assert.Contains(s.Text, articles[cited - 1].Text, StringComparison.Ordinal);
            Assert.DoesNotContain(s.Equivalents, e => s.Citations.Contains(e.Article));
        }
    }

    [Fact]
    public void Unrelated_sentences_are_not_cited()
    {
        var articles = SummarizationFixture.Articles();
        var shops = articles[0].Sentences.Single(s => s.Text.StartsWith("Local shop owners", StringComparison.Ordinal));
        var linked = CitationLinker.Link([shops], articles);
        Assert.True(linked[0].Citations.SequenceEqual([1]), string.Join(",", linked[0].Citations));
    }

    [Fact]
    public void Citations_are_sorted_unique_and_include_the_origin()
    {
        var articles = SummarizationFixture.Articles();
        var chosen = articles.SelectMany(a => a.Sentences).ToList();
        foreach (var s in CitationLinker.Link([.. chosen], articles))
        {
            Assert.Contains(s.Origin.Article, s.Citations);
            Assert.Equal(s.Citations.Distinct().Order(), s.Citations);
            Assert.Equal(s.Origin.Text, s.Text);
        }
    }

    [Fact]
    public void Equivalence_is_symmetric_on_the_fixture()
    {
        var sentences = SummarizationFixture.Articles().SelectMany(a => a.Sentences).ToList();
        foreach (var a in sentences)
        {
            foreach (var b in sentences) Assert.Equal(CitationLinker.AreEquivalent(a, b), CitationLinker.AreEquivalent(b, a));
        }
    }
}
