using System.Globalization;
using System.Text;
using Precis.Core.Tests.Fixtures;
using Precis.Deduplication;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Deduplication;

/// <summary>Prints the measured similarities behind the syndication threshold (docs/syndication.md).</summary>
public class SyndicationMeasurementTests(ITestOutputHelper output)
{
    internal static IReadOnlyList<Article> Segmented(IEnumerable<SourceDocument> sources) =>
        new PrecisPipelineBuilder().Build().Run(sources).Articles;

    internal static string Matrix(IReadOnlyList<Article> articles, ImmutableArrayOfPairs pairs, Func<PairSimilarity, double> value)
    {
        var sb = new StringBuilder("      ");
        foreach (var a in articles) sb.Append(CultureInfo.InvariantCulture, $"{a.Number,7}");
        sb.AppendLine();
        foreach (var a in articles)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Number,6}");
            foreach (var b in articles)
            {
                var p = pairs.Find(a.Number, b.Number);
                sb.Append(a.Number == b.Number ? "      -" : string.Create(CultureInfo.InvariantCulture, $"{value(p!),7:F3}"));
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    [RequiresSharedFact]
    public void Print_seed_similarity_for_shingle_sizes_3_to_5()
    {
        var articles = Segmented(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Shared!, "seeds")));
        foreach (int k in new[] { 3, 4, 5 })
        {
            var pairs = new ImmutableArrayOfPairs(new SyndicationDetector(k).Measure(articles));
            output.WriteLine($"k={k} containment");
            output.WriteLine(Matrix(articles, pairs, p => p.Containment));
            output.WriteLine($"k={k} jaccard");
            output.WriteLine(Matrix(articles, pairs, p => p.Jaccard));
        }
    }

    [Fact]
    public void Print_example_similarity()
    {
        var articles = Segmented(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Examples, "harbour-fire")));
        foreach (int k in new[] { 3, 4, 5 })
        {
            var pairs = new ImmutableArrayOfPairs(new SyndicationDetector(k).Measure(articles));
            output.WriteLine($"k={k} containment (shared shingles in brackets for pairs >= 0.1)");
            output.WriteLine(Matrix(articles, pairs, p => p.Containment));
            foreach (var p in pairs.All.Where(p => p.Containment >= 0.1)) output.WriteLine($"  {p}");
        }
    }

    [RequiresSharedFact]
    public void Print_duc_pair_distribution()
    {
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(Path.Combine(RepositoryPaths.Shared!, "bench", "duc2004.jsonl"), diagnostics).ToList();
        var pipeline = new PrecisPipelineBuilder().Build();
        var briefings = clusters.Select(c => (c.Id, pipeline.Run(c.ToSources("duc2004.jsonl"), c.Id).Articles)).ToList();
        foreach (int k in new[] { 3, 4, 5 })
        {
            var detector = new SyndicationDetector(k);
            var all = briefings.SelectMany(b => detector.Measure(b.Articles).Select(p => (b.Id, p))).ToList();
            var bins = new[] { 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };
            output.WriteLine($"k={k}: {all.Count} pairs; containment >= " + string.Join(", ", bins.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t}: {all.Count(x => x.p.Containment >= t)}"))));
            foreach (var (id, p) in all.Where(x => x.p.Containment >= 0.2).OrderByDescending(x => x.p.Containment))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {id} {p.First}-{p.Second} C={p.Containment:F3} J={p.Jaccard:F3} shared={p.Shared}"));
            }
        }
    }
}

/// <summary>Pair lookup for printing matrices.</summary>
public sealed class ImmutableArrayOfPairs(IEnumerable<PairSimilarity> pairs)
{
    public IReadOnlyList<PairSimilarity> All { get; } = [.. pairs];

    public PairSimilarity? Find(int a, int b) => All.FirstOrDefault(p => p.First == Math.Min(a, b) && p.Second == Math.Max(a, b));
}
