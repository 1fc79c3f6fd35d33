using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Precis.Deduplication;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Benchmarks;

/// <summary>Syndication grouping alone, over articles already cleaned and segmented by the pipeline.</summary>
[MemoryDiagnoser]
public class SyndicationBenchmarks
{
    private readonly SyndicationDetector _detector = new();
    private ImmutableArray<Article> _articles;

    [Params(1, 10, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sources = GeneratedArticles.Texts(Articles).Select((t, i) => SourceDocument.PlainText($"generated-{i + 1}.txt", t));
        _articles = new PrecisPipelineBuilder().Build().Run(sources).Articles;
    }

    [Benchmark]
    public ImmutableArray<SyndicationGroup> Group() => _detector.Group(_articles);
}
