using System.Collections.Immutable;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Ingest;

/// <summary>Turns each source document into an <see cref="Article"/> with its text and any supplied metadata.</summary>
public sealed class ParsingStage : IPipelineStage
{
    public string Name => "parsing";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        var articles = ImmutableArray.CreateBuilder<Article>();
        foreach (var source in context.Sources)
        {
            // PRECIS: first version handles plain text; the Ingest owner adds HTML, Markdown and JSON records.
            var text = source.Content.ReplaceLineEndings("\n");
            if (string.IsNullOrWhiteSpace(text))
            {
                context.Report(new Diagnostic(source.Origin, DiagnosticSeverity.Skipped, "no text"));
                continue;
            }
            articles.Add(new Article
            {
                Number = articles.Count + 1,
                Id = source.Metadata.Id ?? Path.GetFileNameWithoutExtension(source.Origin),
                Origin = source.Origin,
                Text = text,
                Headline = source.Metadata.Title,
                Outlet = source.Metadata.Outlet,
                Url = source.Metadata.Url,
                Byline = source.Metadata.Byline,
            });
        }
        context.Articles = articles.ToImmutable();
    }
}
