using System.Collections.Immutable;

namespace Precis.Documents;

/// <summary>
/// One article as the pipeline sees it. Stages return modified copies (<c>with</c>); nothing mutates in place.
/// </summary>
public sealed record Article
{
    /// <summary>1-based number within the article set; what citations like [1, 3] refer to.</summary>
    public required int Number { get; init; }

    /// <summary>A stable identifier: the record's id, or the file name.</summary>
    public required string Id { get; init; }

    /// <summary>Where the article came from (file path, "stdin", "file.jsonl:3").</summary>
    public required string Origin { get; init; }

    /// <summary>
    /// The article's text as extracted from its source (HTML reduced to its main content, line endings normalised).
    /// Every <see cref="TextSpan"/> of the article points into this string.
    /// </summary>
    public required string Text { get; init; }

    public string? Headline { get; init; }

    public string? Outlet { get; init; }

    public string? Byline { get; init; }

    /// <summary>The dateline place ("AMMAN", "Beirut"), when the article opens with one.</summary>
    public string? Dateline { get; init; }

    public string? Url { get; init; }

    public PublicationDate? Published { get; init; }

    /// <summary>The paragraphs of content, furniture removed, in order.</summary>
    public ImmutableArray<TextSpan> Paragraphs { get; init; } = [];

    /// <summary>Lines removed as page furniture (headline and byline lines are not furniture and are not listed).</summary>
    public ImmutableArray<RemovedLine> Removed { get; init; } = [];

    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>How the article's text was derived (e.g. "html:article", "plain"), for diagnostics.</summary>
    public string Extraction { get; init; } = "plain";
}
