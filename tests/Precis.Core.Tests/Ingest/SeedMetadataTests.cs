using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Ingest;

/// <summary>Metadata detected on the five real seed articles (read from ../shared/seeds at run time).</summary>
public class SeedMetadataTests(ITestOutputHelper output)
{
    private static Briefing BriefSeeds(out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var sources = new InputReader().Read(IngestSharedData.Seeds!, diagnostics);
        return new PrecisPipelineBuilder().Build().Run(sources);
    }

    private static Article Seed(Briefing b, string prefix) => b.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));

    [IngestSeedsFact]
    public void Seeds_are_all_read_without_diagnostics()
    {
        var briefing = BriefSeeds(out var diagnostics);
        foreach (var a in briefing.Articles)
        {
            output.WriteLine($"{a.Id}: headline={a.Headline} | outlet={a.Outlet} | byline={a.Byline} | dateline={a.Dateline} | published={a.Published?.Date:yyyy-MM-dd} {a.Published?.Time} {a.Published?.Precision} | {a.Published?.Evidence}");
        }
        foreach (var d in diagnostics.Concat(briefing.Diagnostics)) output.WriteLine(d.ToString());
        Assert.Empty(diagnostics);
        Assert.Equal(5, briefing.Articles.Length);
    }

    [IngestSeedsFact]
    public void Seed_000_is_a_dated_Reuters_article_with_a_headline()
    {
        var a = Seed(BriefSeeds(out _), "000");
        Assert.NotNull(a.Headline);
        Assert.StartsWith("Militias routed", a.Headline, StringComparison.Ordinal);
        Assert.Equal("Reuters", a.Outlet);
        Assert.NotNull(a.Published);
        Assert.Equal(new DateOnly(2017, 11, 13), a.Published.Date);
        Assert.Equal(new TimeOnly(13, 18), a.Published.Time);
        Assert.Equal(DatePrecision.Minute, a.Published.Precision);
        Assert.Equal("Amman", a.Dateline);
        // The headline, date and "by" lines are metadata: no paragraph is one of them.
        Assert.DoesNotContain(a.Paragraphs, p => p.Slice(a.Text) == a.Headline);
        Assert.DoesNotContain(a.Paragraphs, p => p.Slice(a.Text).StartsWith("by ", StringComparison.Ordinal));
    }

    [IngestSeedsFact]
    public void Seed_001_is_AFP_with_a_DEIR_EZZOR_dateline_and_no_stated_date()
    {
        var a = Seed(BriefSeeds(out _), "001");
        Assert.NotNull(a.Headline);
        Assert.EndsWith("from Islamic State", a.Headline, StringComparison.Ordinal);
        Assert.Equal("AFP", a.Outlet);
        Assert.Equal("DEIR EZZOR", a.Dateline);
        Assert.Null(a.Published);
    }

    [IngestSeedsFact]
    public void Seed_002_is_Reuters_from_AMMAN_without_a_headline_line()
    {
        var a = Seed(BriefSeeds(out _), "002");
        Assert.Equal("Reuters", a.Outlet);
        Assert.Equal("AMMAN", a.Dateline);
        Assert.Null(a.Headline);
        Assert.Null(a.Published);
        Assert.DoesNotContain(a.Paragraphs, p => p.Slice(a.Text).Contains("AMMAN", StringComparison.Ordinal) && p.Length < 20);
    }

    [IngestSeedsFact]
    public void Seed_003_has_a_headline_and_no_outlet_or_date()
    {
        var a = Seed(BriefSeeds(out _), "003");
        Assert.NotNull(a.Headline);
        Assert.StartsWith("Syria war:", a.Headline, StringComparison.Ordinal);
        // Its only agency mentions are picture credits ("Image source") and a citation of another agency.
        Assert.Null(a.Outlet);
        Assert.Null(a.Published);
    }

    [IngestSeedsFact]
    public void Seed_004_is_AFP_dated_9_November_day_first_by_evidence()
    {
        var briefing = BriefSeeds(out _);
        var a = Seed(briefing, "004");
        Assert.NotNull(a.Headline);
        Assert.StartsWith("Anti-IS forces", a.Headline, StringComparison.Ordinal);
        Assert.Equal("AFP", a.Outlet);
        Assert.Equal("admin", a.Byline);
        Assert.Equal("Beirut", a.Dateline);
        Assert.NotNull(a.Published);
        Assert.Equal(new DateOnly(2017, 11, 9), a.Published.Date);
        Assert.Equal(new TimeOnly(6, 22), a.Published.Time);
        Assert.Contains("day-first", a.Published.Evidence, StringComparison.Ordinal);
        Assert.Contains("Thursday", a.Published.Evidence, StringComparison.Ordinal);
        // The trailing "- AFP" tag is metadata, not the last paragraph.
        Assert.DoesNotContain(a.Paragraphs, p => p.Slice(a.Text).TrimStart('-', ' ') == "AFP");
    }
}
