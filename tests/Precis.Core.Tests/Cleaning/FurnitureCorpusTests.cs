using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Cleaning;
using Precis.Core.Tests.Fixtures;
using Precis.Documents;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Cleaning;

public partial class FurnitureCorpusTests(ITestOutputHelper output)
{
    private static List<Article> CleanFolder(string folder)
    {
        var articles = CorpusLoader.Articles(folder);
        var index = BoilerplateIndex.Build(articles);
        return [.. articles.Select(a => FurnitureRemover.Clean(a, index))];
    }

    [RequiresSharedFact]
    public void Seed_furniture_is_removed_and_no_long_paragraph_is()
    {
        var articles = CleanFolder(Path.Combine(RepositoryPaths.Shared!, "seeds"));
        Assert.Equal(5, articles.Count);
        int furnitureSeen = 0;
        foreach (var article in articles)
        {
            output.WriteLine($"== {article.Id}: {article.Paragraphs.Length} paragraphs, {article.Removed.Length} removed");
            foreach (var r in article.Removed) output.WriteLine($"   [{r.Reason}] {Shorten(r.Text)}");
            var removed = article.Removed.Select(r => r.Span).ToList();
            foreach (var line in TextLine.Split(article.Text))
            {
                // furniture identified by shape: caption labels and the caption after them, credits, prompts, stubs, tags
                if (KnownFurnitureShape().IsMatch(line.Text))
                {
                    furnitureSeen++;
                    Assert.True(removed.Contains(line.Span), $"{article.Id}: furniture kept: {line.Text}");
                }
                // content: every long line stays, inside some paragraph
                if (line.Text.Length > 200)
                {
                    Assert.Contains(article.Paragraphs, p => p.Contains(line.Span));
                }
            }
            // hard wraps repaired: no paragraph (other than a "by ..." byline) starts in the middle of a sentence
            Assert.All(article.Paragraphs, p => Assert.False(char.IsLower(article.Text[p.Start]) && !p.Slice(article.Text).StartsWith("by ", StringComparison.Ordinal), $"{article.Id}: paragraph starts mid-sentence: {Shorten(p.Slice(article.Text))}"));
        }
        output.WriteLine($"furniture lines identified by shape: {furnitureSeen}");
        Assert.True(furnitureSeen >= 8, "the seeds carry at least eight furniture lines of the known shapes");
    }

    [GeneratedRegex(@"^\s*((image|media) caption|image source|.*image source, \w+$|.*photo - \w+$|.*/ \w+ photo / \w+$|subscribe to|•?\s*published$|- [A-Z]{2,}$)", RegexOptions.IgnoreCase)]
    private static partial Regex KnownFurnitureShape();

    [Fact]
    public void Example_corpus_furniture_matches_the_truth_file()
    {
        var truth = TruthFile.Load("harbour-fire");
        var articles = CleanFolder(Path.Combine(RepositoryPaths.Examples, "harbour-fire"));
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var article in articles)
        {
            var file = Path.GetFileName(article.Origin);
            if (file.EndsWith(".html", StringComparison.Ordinal) && article.Extraction == "plain")
            {
                output.WriteLine($"{file}: skipped until HTML is reduced to text by the parsing stage");
                continue;
            }
            // a truth line that format parsing already dropped (an HTML figure left out of the main text) is not
            // this stage's to find
            var present = TextLine.Split(article.Text).Select(l => Key(l.Text)).ToHashSet(StringComparer.Ordinal);
            var expected = truth.Furniture(file).Select(Key).Where(present.Contains).ToHashSet(StringComparer.Ordinal);
            foreach (var dropped in truth.Furniture(file).Select(Key).Where(k => !present.Contains(k))) output.WriteLine($"{file}: dropped by parsing: {dropped}");
            // Markup-only lines (a Markdown image) have no visible text; the truth file lists them as dropped by extraction.
            var actual = article.Removed.Where(r => r.Reason != FurnitureRules.Image).Select(r => Key(r.Text)).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in expected.Except(actual)) output.WriteLine($"{file}: MISSED {missing}");
            foreach (var extra in actual.Except(expected)) output.WriteLine($"{file}: EXTRA {extra}");
            truePositives += expected.Intersect(actual).Count();
            falseNegatives += expected.Except(actual).Count();
            falsePositives += actual.Except(expected).Count();
        }
        double precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        double recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"furniture precision {precision:F3} recall {recall:F3} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives})"));
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
    }

    [RequiresSharedFact]
    public void Bench_articles_lose_no_content()
    {
        var diagnostics = new List<Diagnostic>();
        int articlesSeen = 0, removedLines = 0;
        foreach (var cluster in Precis.Ingest.BenchFile.Read(Path.Combine(RepositoryPaths.Shared!, "bench", "duc2004.jsonl"), diagnostics))
        {
            var articles = cluster.Documents.Select((d, i) => new Article { Number = i + 1, Id = d.Id, Origin = d.Id, Text = d.Text }).ToList();
            var index = BoilerplateIndex.Build(articles);
            foreach (var a in articles.Select(a => FurnitureRemover.Clean(a, index)))
            {
                articlesSeen++;
                removedLines += a.Removed.Length;
                foreach (var r in a.Removed) output.WriteLine($"{a.Id}: [{r.Reason}] {Shorten(r.Text)}");
                Assert.All(a.Removed, r => Assert.True(r.Text.Length < 300, $"{a.Id}: long text removed as {r.Reason}"));
            }
        }
        output.WriteLine($"{articlesSeen} DUC 2004 articles, {removedLines} lines removed");
        Assert.Equal(500, articlesSeen);
    }

    // visible text, as the truth file writes it: tags and Markdown links reduced, letters and digits compared
    private static string Key(string line) => Markup.Key(Markup.Strip(Tags().Replace(line, "")));

    private static string Shorten(string s) => s.Length <= 110 ? s : s[..107] + "...";

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
