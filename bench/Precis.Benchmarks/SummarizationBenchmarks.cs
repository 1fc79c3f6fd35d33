using BenchmarkDotNet.Attributes;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Benchmarks;

/// <summary>
/// Summarization methods on generated news-like clusters (seeded, so every run sees the same text): sentences of
/// 12–30 words drawn from a small vocabulary with a few recurring "facts" that several articles repeat, as in a
/// real cluster. Input is segmented once in setup; only <see cref="ISummarizer.Select"/> is measured.
/// </summary>
[MemoryDiagnoser]
public class SummarizationBenchmarks
{
    private static readonly string[] Words =
    [
        "the", "council", "said", "on", "monday", "bridge", "river", "engineers", "found", "cracks", "in", "piers",
        "ferry", "residents", "meeting", "funding", "repairs", "county", "would", "weeks", "school", "parents",
        "of", "a", "to", "and", "was", "were", "closed", "after", "its", "spokeswoman", "transport", "office",
        "emergency", "government", "regional", "temporary", "footbridge", "traffic", "drivers", "journey", "minutes",
    ];

    private SummarizationInput _input = null!;

    [Params(1, 10, 100)]
    public int Articles { get; set; }

    [ParamsSource(nameof(MethodNames))]
    public string Method { get; set; } = "concept";

    public static IEnumerable<string> MethodNames => Summarizers.All.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2024);
        var facts = Enumerable.Range(0, 8).Select(_ => Sentence(random)).ToArray();
        var sources = Enumerable.Range(0, Articles).Select(a =>
        {
            var sentences = Enumerable.Range(0, 20).Select(i => random.NextDouble() < 0.25 ? facts[random.Next(facts.Length)] : Sentence(random));
            return SourceDocument.PlainText($"a{a}.txt", string.Join(' ', sentences));
        });
        var briefing = new PrecisPipelineBuilder().UseSummarizer(new LeadSummarizer()).Build().Run(sources);
        _input = new SummarizationInput(briefing.Articles, briefing.SyndicationGroups);
    }

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(12, 31)).Select(_ => Words[random.Next(Words.Length)]).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    [Benchmark]
    public int Select665Bytes() => Summarizers.Find(Method)!.Select(_input, SummaryBudget.OfBytes(665)).Length;

    [Benchmark]
    public int Select150Words() => Summarizers.Find(Method)!.Select(_input, SummaryBudget.OfWords(150)).Length;
}
