using System.Collections.Immutable;

namespace Precis.Documents;

/// <summary>
/// Everything Precis says about one set of articles. Renderers (Markdown, JSON, the web page) all read this one model.
/// </summary>
public sealed record Briefing
{
    /// <summary>The cluster id when briefing a bench file, otherwise null.</summary>
    public string? Id { get; init; }

    public required ImmutableArray<Article> Articles { get; init; }

    public required ImmutableArray<SyndicationGroup> SyndicationGroups { get; init; }

    public required Summary Summary { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>How long each pipeline stage took for this briefing, in run order (not rendered; for benchmarks).</summary>
    public ImmutableArray<StageTiming> Timings { get; init; } = [];

    public Precis.Timeline.EventTimeline? Timeline { get; init; }

    public Precis.Analysis.Facts.FactsReport? Facts { get; init; }

    public ImmutableArray<Precis.Analysis.Quotes.Quote> Quotes { get; init; } = [];

    public ImmutableArray<Precis.Analysis.Entities.EntityGroup> Entities { get; init; } = [];

    /// <summary>Claims, the frames they are about, their relations and each frame's state (issue 10).</summary>
    public Precis.Analysis.Facts.StoryReport? Story { get; init; }

    /// <summary>When set, renderers add a "What changed since" section for reports after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The syndication group an article belongs to.</summary>
    public SyndicationGroup GroupOf(int articleNumber) =>
        SyndicationGroups.First(g => g.Articles.Contains(articleNumber));
}

/// <summary>The wall time one pipeline stage took.</summary>
public readonly record struct StageTiming(string Stage, TimeSpan Elapsed);
