using Precis.Pipeline;

namespace Precis.Deduplication;

/// <summary>Groups copies of one story; every article ends up in exactly one group.</summary>
public sealed class SyndicationStage(SyndicationDetector? detector = null) : IPipelineStage
{
    private readonly SyndicationDetector _detector = detector ?? new SyndicationDetector();

    public string Name => "syndication";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        context.SyndicationGroups = _detector.Group(context.Articles);
    }
}
