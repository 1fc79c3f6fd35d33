using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Timeline;

/// <summary>A fact that is skipped, with a clear message, when ../shared/seeds is not there.</summary>
public sealed class TimefactsSeedsFactAttribute : FactAttribute
{
    public TimefactsSeedsFactAttribute()
    {
        if (SeedTimelineTests.SeedsFolder is null) Skip = "../shared/seeds not found next to the repository (shared data is not part of a fresh clone)";
    }
}

/// <summary>The real seed articles (read at run time from ../shared, never copied): relative dates resolve as a reader would.</summary>
public class SeedTimelineTests(ITestOutputHelper output)
{
    internal static string? SeedsFolder { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var seeds = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
                return Directory.Exists(seeds) ? seeds : null;
            }
        }
        return null;
    }

    private static readonly Lazy<Briefing> Seeds = new(() =>
    {
        var pipeline = new PrecisPipelineBuilder().Build();
        var sources = new InputReader(pipeline.Options.MaxInputBytes).Read(SeedsFolder!, []);
        return pipeline.Run(sources);
    });

    private static DateResolution Resolved(Briefing b, string filePrefix, string phrase)
    {
        var article = b.Articles.Single(a => Path.GetFileName(a.Origin).StartsWith(filePrefix, StringComparison.Ordinal));
        var dates = DateAnalyzer.Analyze(b.Articles);
        var e = dates.Expressions.First(x => x.Article == article.Number && x.Phrase.Contains(phrase, StringComparison.Ordinal));
        Assert.True(e.Resolution is not null, $"{filePrefix} '{phrase}': {e.Unresolved}");
        return e.Resolution!;
    }

    [TimefactsSeedsFact]
    public void Weekdays_in_the_seeds_resolve_against_their_publication_days()
    {
        var b = Seeds.Value;
        Assert.Equal(new DateOnly(2017, 11, 9), Resolved(b, "004", "on Thursday").Date);
        Assert.Equal(new DateOnly(2017, 11, 9), Resolved(b, "000", "on Thursday").Date);
        Assert.Equal(new DateOnly(2017, 11, 8), Resolved(b, "000", "on Wednesday").Date);
        Assert.Equal(new DateOnly(2017, 11, 13), Resolved(b, "000", "on Monday").Date);
        Assert.Equal(new DateOnly(2017, 11, 12), Resolved(b, "000", "On Sunday").Date);
        Assert.Equal(new DateOnly(2017, 11, 10), Resolved(b, "000", "since Friday").Start);
    }

    [TimefactsSeedsFact]
    public void The_undated_wire_copy_gets_bounds_not_a_day()
    {
        var b = Seeds.Value;
        var afp = b.Articles.Single(a => Path.GetFileName(a.Origin).StartsWith("001", StringComparison.Ordinal));
        Assert.True(afp.Published is { Inferred: true }, "001 should carry an inferred publication date");
        Assert.True(afp.Published!.NotBefore >= new DateOnly(2017, 11, 9));
    }

    [TimefactsSeedsFact]
    public void Seed_timeline_is_chronological_and_verbatim()
    {
        var b = Seeds.Value;
        Assert.NotNull(b.Timeline);
        Assert.NotEmpty(b.Timeline!.Entries);
        for (int i = 1; i < b.Timeline.Entries.Length; i++) Assert.True(b.Timeline.Entries[i - 1].When.Date <= b.Timeline.Entries[i].When.Date);
        foreach (var r in b.Timeline.Entries.SelectMany(e => e.Reports))
        {
            Assert.Equal(r.Text, r.Span.Slice(b.Articles.Single(a => a.Number == r.Article).Text));
        }
        var w = new StringWriter();
        MarkdownBriefingRenderer.Default.Render(b, w);
        output.WriteLine(w.ToString());
    }
}
