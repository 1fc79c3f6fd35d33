using System.Text;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

/// <summary>Invariants of the default summary on real bench clusters (read at run time, never copied).</summary>
public class BenchSummaryTests
{
    [SummarizationSharedDataFact]
    public void Default_summaries_of_duc_clusters_are_verbatim_cited_and_within_665_bytes()
    {
        var path = Path.Combine(SummarizationSharedDataFactAttribute.BenchFolder()!, "duc2004.jsonl");
        var pipeline = new PrecisPipelineBuilder().UseBudget(SummaryBudget.OfBytes(665)).Build();
        foreach (var cluster in BenchFile.Read(path, new List<Diagnostic>()).Take(5))
        {
            var briefing = pipeline.Run(cluster.ToSources("duc2004.jsonl"), cluster.Id);
            var summary = briefing.Summary;
            Assert.Equal("concept", summary.Method);
            Assert.NotEmpty(summary.Sentences);
            Assert.True(Encoding.UTF8.GetByteCount(string.Join('\n', summary.Sentences.Select(s => s.Text))) <= 665, cluster.Id);
            foreach (var s in summary.Sentences)
            {
                var origin = briefing.Articles.Single(a => a.Number == s.Origin.Article);
                Assert.Equal(s.Origin.Span.Slice(origin.Text), s.Text);
                Assert.Contains(origin.Number, s.Citations);
                Assert.Equal(s.Citations.Distinct().Order(), s.Citations);
            }
            // No two summary sentences state the same thing.
            for (int i = 0; i < summary.Sentences.Length; i++)
            {
                for (int j = i + 1; j < summary.Sentences.Length; j++)
                {
                    Assert.False(CitationLinker.AreEquivalent(summary.Sentences[i].Origin, summary.Sentences[j].Origin), cluster.Id);
                }
            }
        }
    }

    [SummarizationSharedDataFact]
    public void Default_summaries_of_multinews_clusters_keep_the_word_budget()
    {
        var path = Path.Combine(SummarizationSharedDataFactAttribute.BenchFolder()!, "multinews_dev.jsonl");
        var pipeline = new PrecisPipelineBuilder().UseBudget(SummaryBudget.OfWords(264)).Build();
        foreach (var cluster in BenchFile.Read(path, new List<Diagnostic>()).Take(20))
        {
            var summary = pipeline.Run(cluster.ToSources("multinews_dev.jsonl"), cluster.Id).Summary;
            Assert.NotEmpty(summary.Sentences);
            Assert.True(summary.Sentences.Sum(s => BudgetMeter.CountWords(s.Text)) <= 264, cluster.Id);
        }
    }
}
