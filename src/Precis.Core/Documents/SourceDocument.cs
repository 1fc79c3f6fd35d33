namespace Precis.Documents;

/// <summary>
/// One input document as read from disk, standard input or a JSON record, before any parsing.
/// </summary>
/// <param name="Origin">Where it came from, for diagnostics: a file path, "stdin", or "file.jsonl:12".</param>
/// <param name="Content">The decoded text (HTML source, Markdown, plain text, or a record's text/html field).</param>
/// <param name="Format">How <paramref name="Content"/> is to be read.</param>
/// <param name="Metadata">Fields a structured record supplied; null values are detected from the content.</param>
public sealed record SourceDocument(string Origin, string Content, DocumentFormat Format, SourceMetadata Metadata)
{
    public static SourceDocument PlainText(string origin, string text, SourceMetadata? metadata = null) =>
        new(origin, text, DocumentFormat.PlainText, metadata ?? SourceMetadata.Empty);
}

/// <summary>Metadata supplied by a structured input record. Every field is optional.</summary>
public sealed record SourceMetadata(
    string? Id = null,
    string? Title = null,
    string? Outlet = null,
    string? Url = null,
    string? Published = null,
    string? Byline = null)
{
    public static SourceMetadata Empty { get; } = new();
}
