using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Timeline;

namespace Precis.Core.Tests.Timeline;

/// <summary>
/// The example corpus examples/harbour-fire (written by us) briefed by the whole pipeline; then, so that the
/// dates/timeline/facts sections are measured on their own, the publication dates from the truth file are put on
/// the articles (for files whose truth gives one) and the three stages are run again.
/// </summary>
internal sealed class ExampleCorpus
{
    public required string Folder { get; init; }
    public required JsonDocument Truth { get; init; }
    public required ImmutableArray<string> Files { get; init; }
    public required ImmutableArray<Article> Articles { get; init; }
    public required ImmutableArray<SyndicationGroup> Groups { get; init; }
    public required DateAnalysis Dates { get; init; }
    public required EventTimeline Timeline { get; init; }
    public required FactsReport Facts { get; init; }
    public required Briefing Briefing { get; init; }

    private static readonly Lazy<ExampleCorpus> HarbourFire = new(() => Load("harbour-fire"));

    public static ExampleCorpus Get() => HarbourFire.Value;

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Precis.slnx) not found");
    }

    public int ArticleOf(string file) => Files.IndexOf(file) + 1;

    private static ExampleCorpus Load(string name)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "examples", name);
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "examples", name + ".truth.json")));
        var pipeline = new PrecisPipelineBuilder().Build();
        var diagnostics = new List<Diagnostic>();
        var sources = new InputReader(pipeline.Options.MaxInputBytes).Read(folder, diagnostics);
        var briefing = pipeline.Run(sources);
        var files = truth.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToImmutableArray();
        var published = truth.RootElement.GetProperty("files").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("published");
            if (p.ValueKind == JsonValueKind.Null) return null;
            var day = DateOnly.ParseExact(p.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            TimeOnly? time = f.TryGetProperty("published_time", out var t) && t.ValueKind == JsonValueKind.String
                ? TimeOnly.ParseExact(t.GetString()!, "HH:mm", CultureInfo.InvariantCulture) : null;
            return new PublicationDate(day, time, time is null ? DatePrecision.Day : DatePrecision.Minute, "truth file");
        }).ToList();
        var articles = briefing.Articles.Select(a =>
        {
            int i = files.IndexOf(Path.GetFileName(a.Origin));
            return a with { Published = i >= 0 ? published[i] : null };
        }).ToImmutableArray();
        // Groups: the expected syndication groups, so corroboration counts do not depend on the dedup stage here.
        var groups = truth.RootElement.GetProperty("syndication_groups").EnumerateArray()
            .Select((g, i) => new SyndicationGroup(i + 1, [.. g.EnumerateArray().Select(f => files.IndexOf(f.GetString()!) + 1).Order()], 1.0))
            .ToImmutableArray();
        articles = DateAnalyzer.InferPublicationDates(articles, out _);
        var dates = DateAnalyzer.Analyze(articles);
        var timeline = TimelineBuilder.Build(articles, groups, dates);
        var story = StoryAnalyzer.Analyze(articles, groups, dates, null);
        var facts = FactsAnalyzer.FromStory(story, articles);
        return new ExampleCorpus
        {
            Folder = folder, Truth = truth, Files = files, Articles = articles, Groups = groups, Dates = dates,
            Timeline = timeline, Facts = facts,
            Briefing = briefing with { Articles = articles, SyndicationGroups = groups, Timeline = timeline, Facts = facts, Story = story },
        };
    }
}
