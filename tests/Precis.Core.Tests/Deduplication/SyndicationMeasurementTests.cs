using System.Globalization;
using System.Text;
using Precis.Core.Tests.Fixtures;
using Precis.Deduplication;
using Precis.Documents;
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
    public void Threshold_separates_seed_copies_from_independent_reports_with_margin()
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
        var measured = new SyndicationDetector().Measure(articles);
        var copies = measured.Where(p => articles[p.First - 1].Id.StartsWith("000", StringComparison.Ordinal) && articles[p.Second - 1].Id.StartsWith("002", StringComparison.Ordinal)).ToList();
        double copy = Assert.Single(copies).Containment;
        double independent = measured.Except(copies).Max(p => p.Containment);
        // the default threshold sits well inside the gap: at least 0.15 from either side
        Assert.InRange(SyndicationDetector.DefaultThreshold, independent + 0.15, copy - 0.15);
    }

    [Fact]
    public void Threshold_separates_example_copies_from_independent_reports_with_margin()
    {
        var articles = Segmented(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Examples, "harbour-fire")));
        var measured = new SyndicationDetector().Measure(articles);
        output.WriteLine(Matrix(articles, new ImmutableArrayOfPairs(measured), p => p.Containment));
        var detector = new SyndicationDetector();
        double copy = measured.Where(detector.IsCopy).Min(p => p.Containment);
        double independent = measured.Where(p => !detector.IsCopy(p)).Max(p => p.Containment);
        Assert.InRange(SyndicationDetector.DefaultThreshold, independent + 0.15, copy - 0.05);
    }
}

/// <summary>Pair lookup for printing matrices.</summary>
public sealed class ImmutableArrayOfPairs(IEnumerable<PairSimilarity> pairs)
{
    public IReadOnlyList<PairSimilarity> All { get; } = [.. pairs];

    public PairSimilarity? Find(int a, int b) => All.FirstOrDefault(p => p.First == Math.Min(a, b) && p.Second == Math.Max(a, b));
}
