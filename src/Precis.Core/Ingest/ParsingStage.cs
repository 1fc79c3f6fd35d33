using System.Collections.Immutable;
using System.Text.Json;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Ingest;

/// <summary>
/// Turns each source document into an <see cref="Article"/>: the text (HTML reduced to its main content, Markdown to
/// its paragraphs, line endings normalised to "\n") and the metadata the input supplied. A document without usable
/// text becomes a diagnostic.
/// </summary>
public sealed class ParsingStage : IPipelineStage
{
    public string Name => "parsing";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var articles = ImmutableArray.CreateBuilder<Article>();
        foreach (var source in context.Sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = Parse(source, out var error, out var repair);
            if (repair is not null) context.Report(new Diagnostic(source.Origin, DiagnosticSeverity.Repaired, repair));
            if (result is not { } parsed)
            {
                context.Report(new Diagnostic(source.Origin, DiagnosticSeverity.Skipped, error));
                continue;
            }
            var (text, extraction, metadata) = parsed;
            PublicationDate? published = null;
            if (metadata.Published is { } supplied)
            {
                // Supplied dates are settled with the article's own text; MetadataDetectionStage adds the set's dates
                // for dates it finds in the text.
                published = PublicationDateParser.ParseSupplied(supplied, DateEvidence.FromText(text));
                if (published is null) context.Report(new Diagnostic(source.Origin, DiagnosticSeverity.Note, $"unreadable publication date \"{supplied}\" ignored"));
            }
            articles.Add(new Article
            {
                Number = articles.Count + 1,
                Id = metadata.Id ?? IdFromOrigin(source.Origin),
                Origin = source.Origin,
                Text = text,
                Headline = Clean(metadata.Title),
                Outlet = Clean(metadata.Outlet),
                Url = Clean(metadata.Url),
                Byline = Clean(metadata.Byline),
                Published = published,
                Extraction = extraction,
            });
        }
        context.Articles = articles.ToImmutable();
    }

    /// <summary>The article text, how it was derived, and the metadata (supplied fields win over ones found in HTML).</summary>
    internal static (string Text, string Extraction, SourceMetadata Metadata)? Parse(SourceDocument source, out string error) => Parse(source, out error, out _);

    internal static (string Text, string Extraction, SourceMetadata Metadata)? Parse(SourceDocument source, out string error, out string? repair)
    {
        repair = null;
        ArgumentNullException.ThrowIfNull(source);
        error = "no text";
        string text, extraction;
        var metadata = source.Metadata;
        switch (source.Format)
        {
            case DocumentFormat.Html:
                var html = HtmlExtractor.Extract(source.Content);
                (text, extraction, metadata) = (html.Text, html.Extraction, Merge(metadata, html.Metadata));
                repair = html.Repair;
                if (string.IsNullOrWhiteSpace(text)) error = "no text in the HTML (after removing scripts, navigation and other page chrome)";
                break;
            case DocumentFormat.Markdown:
                var (markdown, headline) = MarkdownStripper.Strip(source.Content);
                (text, extraction) = (markdown, "markdown");
                if (headline is not null && metadata.Title is null) metadata = metadata with { Title = headline };
                break;
            case DocumentFormat.JsonRecord:
                try
                {
                    using var doc = JsonDocument.Parse(source.Content);
                    var (content, format, recordMetadata, recordError) = JsonRecordReader.Parse(doc.RootElement);
                    if (content is null)
                    {
                        error = recordError ?? "unusable record";
                        return null;
                    }
                    var inner = Parse(new SourceDocument(source.Origin, content, format, Merge(metadata, recordMetadata)), out error, out repair);
                    return inner is { } i ? (i.Text, "json:" + i.Extraction, i.Metadata) : null;
                }
                catch (JsonException e)
                {
                    error = $"invalid JSON record ({e.Message})";
                    return null;
                }
            default:
                (text, extraction) = (source.Content, "plain");
                break;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text)) return null;
        return (text, extraction, metadata);
    }

    private static SourceMetadata Merge(SourceMetadata supplied, SourceMetadata found) => new(
        Id: supplied.Id ?? found.Id,
        Title: supplied.Title ?? found.Title,
        Outlet: supplied.Outlet ?? found.Outlet,
        Url: supplied.Url ?? found.Url,
        Published: supplied.Published ?? found.Published,
        Byline: supplied.Byline ?? found.Byline);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : HtmlExtractor.Collapse(value);

    /// <summary>"dir/a.txt" → "a"; "dir/feed.jsonl:3" → "feed:3"; "dir/feed.json[2]" → "feed[2]".</summary>
    internal static string IdFromOrigin(string origin)
    {
        var name = Path.GetFileName(origin);
        int suffix = name.IndexOfAny([':', '[']);
        if (suffix > 0 && name.LastIndexOf('.', suffix) is var dot and > 0)
        {
            return name[..dot] + name[suffix..];
        }
        return Path.GetFileNameWithoutExtension(name) is { Length: > 0 } stem ? stem : name;
    }
}
