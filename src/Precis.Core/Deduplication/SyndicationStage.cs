using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Deduplication;

/// <summary>Groups copies of one story; every article ends up in exactly one group.</summary>
public sealed class SyndicationStage : IPipelineStage
{
    public string Name => "syndication";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        // PRECIS: first version: every article is its own group; the Deduplication owner adds MinHash grouping.
        context.SyndicationGroups = [.. context.Articles.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))];
    }
}
