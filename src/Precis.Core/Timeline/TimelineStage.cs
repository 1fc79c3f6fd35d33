using Precis.Analysis.Dates;
using Precis.Pipeline;

namespace Precis.Timeline;

/// <summary>Builds the <see cref="EventTimeline"/> from the resolved dates; needs the dates stage and syndication groups.</summary>
public sealed class TimelineStage : IPipelineStage
{
    public string Name => "timeline";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = context.Get<DateAnalysis>() ?? DateAnalyzer.Analyze(context.Articles);
        context.Set(TimelineBuilder.Build(context.Articles, context.SyndicationGroups, dates));
    }
}
