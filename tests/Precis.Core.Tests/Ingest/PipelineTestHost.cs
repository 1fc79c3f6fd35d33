using System.Collections.Immutable;
using Precis.Cleaning;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;

namespace Precis.Core.Tests.Ingest.Pipeline;

/// <summary>Runs the ingest stages (parsing, furniture, metadata) on sources, as the pipeline does.</summary>
internal static class PipelineTestHost
{
    public static ImmutableArray<Article> Parse(params SourceDocument[] sources) => Run(sources, withMetadata: false, out _);

    public static ImmutableArray<Article> Ingest(params SourceDocument[] sources) => Run(sources, withMetadata: true, out _);

    /// <summary>Articles after the furniture stage only (what metadata detection receives).</summary>
    public static ImmutableArray<Article> AfterFurniture(ImmutableArray<Article> parsed)
    {
        var context = new PipelineContext(null, [], new PrecisOptions());
        context.Articles = parsed;
        new FurnitureRemovalStage().Run(context, default);
        return context.Articles;
    }

    public static ImmutableArray<Article> Run(SourceDocument[] sources, bool withMetadata, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var context = new PipelineContext(null, [.. sources], new PrecisOptions());
        new ParsingStage().Run(context, default);
        if (withMetadata)
        {
            new FurnitureRemovalStage().Run(context, default);
            new MetadataDetectionStage().Run(context, default);
        }
        diagnostics = context.Diagnostics;
        return context.Articles;
    }
}
