using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Core.Tests;

public class PipelineSmokeTests
{
    [Fact]
    public void Pipeline_briefs_a_plain_text_article()
    {
        var pipeline = new PrecisPipelineBuilder().Build();
        var briefing = pipeline.Run([SourceDocument.PlainText("a.txt", "A headline\n\nThe first sentence is here. The second one follows.")]);
        Assert.Single(briefing.Articles);
        Assert.NotEmpty(briefing.Summary.Sentences);
        Assert.All(briefing.Summary.Sentences, s => Assert.Contains(s.Text, briefing.Articles[0].Text, StringComparison.Ordinal));
    }
}
