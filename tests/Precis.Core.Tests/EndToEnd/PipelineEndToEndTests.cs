using Precis.Core.Tests.Fixtures;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Xunit.Abstractions;

namespace Precis.Core.Tests.EndToEnd;

/// <summary>
/// The whole pipeline over the example corpus, the real seeds and all DUC 2004 clusters: every summary sentence is
/// the verbatim text of every article it cites, never page furniture, and citations are ascending and unique.
/// </summary>
public class PipelineEndToEndTests(ITestOutputHelper output)
{
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    [Fact]
    public void Example_corpus_briefing_keeps_its_promises()
    {
        var briefing = Pipeline.Run(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Examples, "harbour-fire")));
        Assert.Equal(7, briefing.Articles.Length);
        CheckBriefing("harbour-fire", briefing);
    }

    [RequiresSharedFact]
    public void Seed_briefing_keeps_its_promises()
    {
        var briefing = Pipeline.Run(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Shared!, "seeds")));
        Assert.Equal(5, briefing.Articles.Length);
        CheckBriefing("seeds", briefing);
    }

    [RequiresSharedFact]
    public void Every_duc_2004_briefing_keeps_its_promises()
    {
        var diagnostics = new List<Diagnostic>();
        int clusters = 0;
        foreach (var cluster in BenchFile.Read(Path.Combine(RepositoryPaths.Shared!, "bench", "duc2004.jsonl"), diagnostics))
        {
            clusters++;
            CheckBriefing(cluster.Id, Pipeline.Run(cluster.ToSources("duc2004.jsonl"), cluster.Id));
        }
        Assert.Empty(diagnostics);
        Assert.Equal(50, clusters);
    }

    private void CheckBriefing(string name, Briefing briefing)
    {
        var byNumber = briefing.Articles.ToDictionary(a => a.Number);
        Assert.NotEmpty(briefing.Summary.Sentences);
        output.WriteLine($"{name}: {briefing.Summary.Sentences.Length} summary sentences, {briefing.SyndicationGroups.Length} groups");

        // every article in exactly one syndication group
        Assert.Equal(briefing.Articles.Select(a => a.Number).Order(), briefing.SyndicationGroups.SelectMany(g => g.Articles).Order());

        foreach (var s in briefing.Summary.Sentences)
        {
            // citations: ascending, unique, existing articles, the origin among them
            Assert.NotEmpty(s.Citations);
            for (int i = 1; i < s.Citations.Length; i++) Assert.True(s.Citations[i - 1] < s.Citations[i], $"{name}: citations not ascending/unique: [{string.Join(", ", s.Citations)}]");
            Assert.Contains(s.Origin.Article, s.Citations);

            var origin = byNumber[s.Origin.Article];
            Assert.Equal(s.Text, s.Origin.Span.Slice(origin.Text));
            foreach (int cited in s.Citations)
            {
                Assert.True(byNumber.ContainsKey(cited), $"{name}: cites missing article {cited}");
                Assert.True(byNumber[cited].Text.Contains(s.Text, StringComparison.Ordinal),
                    $"{name}: \"{s.Text}\" is not verbatim in cited article {cited} ({byNumber[cited].Id})");
            }

            // never furniture: not inside a removed line of its article, and containing no removed line of any article
            Assert.DoesNotContain(origin.Removed, r => r.Span.Overlaps(s.Origin.Span));
            foreach (var article in briefing.Articles)
            {
                foreach (var r in article.Removed)
                {
                    Assert.False(s.Text == r.Text || (r.Text.Length >= 12 && s.Text.Contains(r.Text, StringComparison.Ordinal)),
                        $"{name}: summary sentence carries furniture [{r.Reason}] {r.Text}");
                }
            }
        }
    }
}
