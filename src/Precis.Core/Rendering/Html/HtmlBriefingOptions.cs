namespace Precis.Rendering.Html;

/// <summary>How <see cref="HtmlBriefingRenderer"/> lays out a briefing. Immutable; the presets cover the two callers.</summary>
public sealed record HtmlBriefingOptions
{
    /// <summary>A whole self-contained document (inline CSS, strict CSP meta): what <c>precis brief --format html</c> writes.</summary>
    public static HtmlBriefingOptions Document { get; } = new();

    /// <summary>The briefing's sections only, for a page that supplies its own head, style and CSP (the server's event page).</summary>
    public static HtmlBriefingOptions Fragment { get; } = new() { Standalone = false };

    /// <summary>True: a complete HTML document; false: only the sections (no html/head/body).</summary>
    public bool Standalone { get; init; } = true;

    /// <summary>The title shown above the sections; null: the first summary sentence's article headline, else "Briefing".</summary>
    public string? Title { get; init; }

    /// <summary>
    /// When each article (by <see cref="Documents.Article.Id"/>) became available, when the caller knows (the server's
    /// ingest time). Items then carry a <c>data-added</c> time: the earliest time any of their articles arrived.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? AddedAt { get; init; }

    /// <summary>Items whose <c>data-added</c> time is after this are marked new (class <c>new</c>).</summary>
    public DateTimeOffset? NewSince { get; init; }
}
