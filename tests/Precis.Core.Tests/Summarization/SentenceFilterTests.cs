using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

public class SentenceFilterTests
{
    private static bool Candidate(string sentence)
    {
        var briefing = SummarizationFixture.Run(articles: 0);
        var article = Precis.Text.SegmentationStage.Segment(new Precis.Documents.Article
        {
            Number = 1, Id = "t", Origin = "t", Text = sentence, Paragraphs = [new Precis.Documents.TextSpan(0, sentence.Length)],
        });
        Assert.Empty(briefing.Articles);
        var s = Assert.Single(article.Sentences);
        return SentenceFilter.IsCandidate(s, s.Words.Count());
    }

    [Theory]
    [InlineData("The county closed the bridge on Monday after engineers found cracks in its piers.", true)]
    [InlineData("Residents said the longer trip to school had forced them to leave before dawn.", true)]
    [InlineData("Will the county find the money to repair the old bridge before winter?", false)]
    [InlineData("\"We had no choice and we will rebuild the bridge as soon as we can.\"", false)]
    [InlineData("Bridge closed after engineers find cracks in the piers of the old crossing", false)]
    [InlineData("The bridge was closed.", false)]
    public void Filter_keeps_informative_sentences_only(string sentence, bool expected) =>
        Assert.Equal(expected, Candidate(sentence));
}
