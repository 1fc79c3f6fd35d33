using Precis.Pipeline;

namespace Precis.Ingest;

/// <summary>Detects headline, outlet, byline, dateline and publication date where the input did not supply them.</summary>
public sealed class MetadataDetectionStage : IPipelineStage
{
    public string Name => "metadata";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        // PRECIS: first version only falls back to the first paragraph as the headline.
        context.Articles = [.. context.Articles.Select(a =>
            a.Headline is null && a.Paragraphs.Length > 1 ? a with { Headline = a.Paragraphs[0].Slice(a.Text), Paragraphs = a.Paragraphs.RemoveAt(0) } : a)];
    }
}
