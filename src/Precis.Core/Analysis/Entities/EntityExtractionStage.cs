using Precis.Pipeline;

namespace Precis.Analysis.Entities;

/// <summary>People, organisations and places with their aliases; leaves an <see cref="EntityAnalysis"/> in the context.</summary>
public sealed class EntityExtractionStage : IPipelineStage
{
    public string Name => "entities";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(EntityExtractor.Extract(context.Articles, context.SyndicationGroups));
    }
}
