using System.Collections.Immutable;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;

namespace Precis.Core.Tests.Analysis.Quotes;

/// <summary>A fact that is skipped with a clear message when ../shared (real data, not in the repository) is absent.</summary>
public sealed class QuotesSharedDataFactAttribute : FactAttribute
{
    public QuotesSharedDataFactAttribute()
    {
        if (QuotesTestSupport.SharedFolder is null) Skip = "../shared is absent (real test data lives outside the repository); skipped.";
    }
}

internal static class QuotesTestSupport
{
    public static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    /// <summary>The repository root: the first folder up from the test binaries that holds Precis.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string? SharedFolder
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Precis.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Briefs hand-written articles (each string one article body, paragraphs separated by blank lines; a headline line is added).</summary>
    public static Briefing Brief(params string[] articles) =>
        Pipeline.Run(articles.Select((t, i) => SourceDocument.PlainText($"t{i + 1}.txt", "Test headline\n\n" + t)));

    public static Briefing BriefFolder(string folder)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new InputReader(Pipeline.Options.MaxInputBytes);
        return Pipeline.Run(reader.Read(folder, diagnostics));
    }

    public static IEnumerable<(string Id, Briefing Briefing)> BriefDuc()
    {
        var path = Path.Combine(SharedFolder!, "bench", "duc2004.jsonl");
        var diagnostics = new List<Diagnostic>();
        foreach (var cluster in BenchFile.Read(path, diagnostics)) yield return (cluster.Id, Pipeline.Run(cluster.ToSources("duc2004.jsonl"), cluster.Id));
    }

    public static ImmutableArray<Precis.Analysis.Quotes.Quote> Quotes(Briefing b) => b.Quotes;
}
