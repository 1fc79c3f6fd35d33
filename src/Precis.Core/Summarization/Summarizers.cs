using System.Collections.Immutable;

namespace Precis.Summarization;

/// <summary>The summarization methods Precis ships, by name.</summary>
public static class Summarizers
{
    /// <summary>Bigram-concept coverage (<see cref="ConceptSummarizer"/>), the best-scoring method on both benchmarks.</summary>
    public static ISummarizer Default { get; } = new ConceptSummarizer();

    /// <summary>Every method, the default first, then baselines and the classic graph/centroid methods.</summary>
    public static ImmutableArray<ISummarizer> All { get; } =
    [
        Default,
        new LeadSummarizer(),
        new FirstSentenceSummarizer(),
        new LexRankSummarizer(),
        new TextRankSummarizer(),
        new CentroidSummarizer(),
    ];

    public static ISummarizer? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
