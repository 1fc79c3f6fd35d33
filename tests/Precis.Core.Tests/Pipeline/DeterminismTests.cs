using Precis.Core.Tests.Fixtures;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;

namespace Precis.Core.Tests.Pipeline;

/// <summary>
/// Issue 12: the same articles under other file names (so read in another order) give the same briefing. Before,
/// renaming 34 Multi-News files changed 2 of 6 summary sentences, because ties were broken by input position.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "precis-determinism-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    /// <summary>The rendered briefing; the Sources list is compared without titles, since an article without a
    /// headline is listed under its file name (the one thing renaming must change).</summary>
    private static string Markdown(Briefing briefing)
    {
        using var writer = new StringWriter();
        MarkdownBriefingRenderer.Default.Render(briefing, writer);
        var text = writer.ToString();
        int sources = text.IndexOf("\n## Sources", StringComparison.Ordinal);
        Assert.True(sources > 0);
        var list = string.Join('\n', briefing.Articles.Select(a => $"{a.Number}. {a.Outlet} {a.Published?.SortKey:O} {a.Text.Length}"));
        return text[..sources] + list;
    }

    /// <summary>Copies every file under new names whose order is a fixed shuffle of the old one, keeping extensions.</summary>
    private string Renamed(IReadOnlyList<(string Name, string Content)> files, string folder, int seed)
    {
        var dir = Path.Combine(_temp, folder);
        Directory.CreateDirectory(dir);
        var order = Enumerable.Range(0, files.Count).ToArray();
        new Random(seed).Shuffle(order);
        for (int i = 0; i < files.Count; i++)
        {
            var (name, content) = files[order[i]];
            File.WriteAllText(Path.Combine(dir, $"{i:D3}-renamed{Path.GetExtension(name)}"), content);
        }
        return dir;
    }

    private void AssertSameBriefing(IReadOnlyList<(string Name, string Content)> files)
    {
        var original = Path.Combine(_temp, "original");
        Directory.CreateDirectory(original);
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(original, name), content);
        var expected = Markdown(Pipeline.Run(CorpusLoader.Sources(original)));
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var actual = Markdown(Pipeline.Run(CorpusLoader.Sources(Renamed(files, $"renamed-{seed}", seed))));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Renaming_the_example_files_keeps_the_briefing()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "harbour-fire");
        AssertSameBriefing([.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]);
    }

    [RequiresSharedFact]
    public void Renaming_multi_news_articles_keeps_the_briefing()
    {
        // 34+ articles of the first Multi-News dev clusters, each written as a plain-text file.
        var diagnostics = new List<Diagnostic>();
        var files = new List<(string, string)>();
        foreach (var cluster in BenchFile.Read(Path.Combine(RepositoryPaths.Shared!, "bench", "multinews_dev.jsonl"), diagnostics))
        {
            foreach (var source in cluster.ToSources("multinews_dev.jsonl"))
            {
                files.Add(($"{cluster.Id}-{files.Count:D3}.txt", source.Content));
            }
            if (files.Count >= 34) break;
        }
        Assert.True(files.Count >= 34);
        AssertSameBriefing(files);
    }
}
