using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Precis.Core.Tests.Fixtures;
using Precis.Deduplication;
using Precis.Documents;
using Precis.Text;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Deduplication;

public class SyndicationTests(ITestOutputHelper output)
{
    /// <summary>A text of made-up words from a seeded generator: independent texts share almost no 4-grams.</summary>
    internal static string RandomText(int seed, int sentences = 12)
    {
        var random = new Random(seed);
        var sb = new System.Text.StringBuilder();
        for (int s = 0; s < sentences; s++)
        {
            int words = random.Next(12, 25);
            for (int w = 0; w < words; w++)
            {
                var word = new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]);
                sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ".\n\n" : " ");
            }
        }
        return sb.ToString();
    }

    internal static Article Segmented(int number, string text) =>
        SegmentationStage.Segment(new Article
        {
            Number = number,
            Id = number.ToString(CultureInfo.InvariantCulture),
            Origin = "test",
            Text = text,
            Paragraphs = Precis.Cleaning.TextLine.Split(text).Select(l => l.Span).ToImmutableArray(),
        });

    private static string FirstHalf(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n\n", paragraphs.Take(paragraphs.Length / 2));
    }

    [Fact]
    public void Cut_copy_joins_its_original_and_unrelated_articles_stay_alone()
    {
        var original = RandomText(1);
        var articles = new[] { Segmented(1, RandomText(2)), Segmented(2, original), Segmented(3, RandomText(3)), Segmented(4, FirstHalf(original)) };
        var groups = new SyndicationDetector().Group(articles);
        Assert.Equal([[1], [2, 4], [3]], groups.Select(g => g.Articles.ToArray()));
        Assert.Equal([1, 2, 3], groups.Select(g => g.Id));
        Assert.True(groups[1].Similarity >= 0.99);
        Assert.True(groups[1].IsSyndicated);
    }

    [Fact]
    public void Short_article_quoted_in_a_long_one_is_not_a_copy()
    {
        var shortText = "The port reopened on Friday after the strike ended.";
        var articles = new[] { Segmented(1, RandomText(5) + shortText), Segmented(2, shortText) };
        var pair = Assert.Single(new SyndicationDetector().Measure(articles));
        Assert.Equal(1.0, pair.Containment);
        Assert.Equal(2, new SyndicationDetector().Group(articles).Length);
    }

    [Fact]
    public void Large_sets_find_the_same_copies_through_minhash_buckets()
    {
        int n = SyndicationDetector.ExactPairLimit + 20;
        var texts = Enumerable.Range(0, n).Select(i => RandomText(100 + i, 6)).ToList();
        texts[n - 1] = FirstHalf(texts[7]) + "\n\n" + RandomText(9999, 2);   // a cut copy with an added paragraph
        var articles = texts.Select((t, i) => Segmented(i + 1, t)).ToList();
        var groups = new SyndicationDetector().Group(articles);
        Assert.Equal(n - 1, groups.Length);
        Assert.Equal([8, n], groups.Single(g => g.IsSyndicated).Articles.ToArray());
    }

    [Fact]
    public void Signatures_are_deterministic_and_estimate_resemblance()
    {
        var a = ShingleSet.Of(Segmented(1, RandomText(11)), 4);
        var b = ShingleSet.Of(Segmented(2, FirstHalf(RandomText(11))), 4);
        double exact = SyndicationDetector.Compare(1, a, 2, b).Jaccard;
        double estimate = MinHashSignature.Of(a).EstimateJaccard(MinHashSignature.Of(b));
        Assert.Equal(MinHashSignature.Of(a).Values, MinHashSignature.Of(a).Values);
        Assert.InRange(estimate, exact - 0.15, exact + 0.15);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Groups_partition_the_articles_in_order_of_first_article()
    {
        var gen = Gen.Choose(0, 5).ListOf().Where(l => l.Count is > 0 and < 12);
        return Prop.ForAll(gen.ToArbitrary(), seeds =>
        {
            // equal seeds give equal texts: copies; the grouping must put exactly equal texts together
            var articles = seeds.Select((s, i) => Segmented(i + 1, RandomText(s, 4))).ToList();
            var groups = new SyndicationDetector().Group(articles);
            var numbers = groups.SelectMany(g => g.Articles).Order().ToList();
            bool partition = numbers.SequenceEqual(Enumerable.Range(1, articles.Count));
            bool ids = groups.Select(g => g.Id).SequenceEqual(Enumerable.Range(1, groups.Length));
            bool ordered = groups.Select(g => g.Articles[0]).Zip(groups.Skip(1).Select(g => g.Articles[0])).All(p => p.First < p.Second)
                && groups.All(g => g.Articles.SequenceEqual(g.Articles.Order()));
            bool sameSeedSameGroup = seeds.Select((s, i) => (s, i)).GroupBy(x => x.s)
                .All(g => g.Select(x => groups.Single(gr => gr.Articles.Contains(x.i + 1)).Id).Distinct().Count() == 1);
            bool distinctSeedsApart = groups.All(g => g.Articles.Select(a => seeds[a - 1]).Distinct().Count() == 1);
            return partition && ids && ordered && sameSeedSameGroup && distinctSeedsApart;
        });
    }

    [RequiresSharedFact]
    public void Seed_edits_of_one_wire_story_form_the_only_group()
    {
        var articles = SyndicationMeasurementTests.Segmented(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Shared!, "seeds")));
        var detector = new SyndicationDetector();
        var pairs = new ImmutableArrayOfPairs(detector.Measure(articles));
        output.WriteLine("containment, 4-word shingles:");
        output.WriteLine(SyndicationMeasurementTests.Matrix(articles, pairs, p => p.Containment));
        foreach (var a in articles) output.WriteLine($"{a.Number} = {a.Id}");
        var groups = detector.Group(articles);
        var syndicated = Assert.Single(groups, g => g.IsSyndicated);
        Assert.Equal(["000", "002"], syndicated.Articles.Select(n => articles[n - 1].Id[..3]));
        Assert.Equal(4, groups.Length);
    }

    [Fact]
    public void Example_corpus_groups_match_the_truth_file()
    {
        var articles = SyndicationMeasurementTests.Segmented(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Examples, "harbour-fire")));
        var groups = new SyndicationDetector().Group(articles);
        var actual = groups.Select(g => g.Articles.Select(n => Path.GetFileName(articles[n - 1].Origin)).ToList()).ToList();
        var expected = TruthFile.Load("harbour-fire").SyndicationGroups;
        Assert.Equal(expected.Select(g => string.Join(",", g)), actual.Select(g => string.Join(",", g)));
    }

    [RequiresSharedFact]
    public void Duc_clusters_group_only_versions_of_one_wire_story()
    {
        var diagnostics = new List<Diagnostic>();
        var pipeline = new Precis.Pipeline.PrecisPipelineBuilder().Build();
        int clusters = 0, articlesSeen = 0, groupedArticles = 0, groups = 0, pairs = 0;
        var containments = new List<double>();
        var detector = new SyndicationDetector();
        foreach (var cluster in Precis.Ingest.BenchFile.Read(Path.Combine(RepositoryPaths.Shared!, "bench", "duc2004.jsonl"), diagnostics))
        {
            var briefing = pipeline.Run(cluster.ToSources("duc2004.jsonl"), cluster.Id);
            clusters++;
            articlesSeen += briefing.Articles.Length;
            containments.AddRange(detector.Measure(briefing.Articles).Select(p => p.Containment));
            foreach (var g in briefing.SyndicationGroups.Where(g => g.IsSyndicated))
            {
                groups++;
                groupedArticles += g.Articles.Length;
                pairs += g.Articles.Length * (g.Articles.Length - 1) / 2;
                var ids = g.Articles.Select(n => briefing.Articles[n - 1].Id).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cluster.Id}: {string.Join(" ", ids)} (weakest {g.Similarity:F2})"));
                // versions of one story come from one agency (same id prefix, e.g. APW / NYT)
                Assert.Single(ids.Select(id => id[..3]).Distinct());
            }
            Assert.Equal(briefing.Articles.Select(a => a.Number), briefing.SyndicationGroups.SelectMany(g => g.Articles).Order());
        }
        output.WriteLine($"{clusters} clusters, {articlesSeen} articles: {groups} syndication groups holding {groupedArticles} articles ({pairs} pairs within groups)");
        double[] bins = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        output.WriteLine($"{containments.Count} pairs; containment >= " + string.Join(", ", bins.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t}: {containments.Count(c => c >= t)}"))));
        Assert.Equal(50, clusters);
    }
}
