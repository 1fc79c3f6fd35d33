using Precis.Analysis.Dates;
using Precis.Analysis.Entities;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Analysis.Facts;

/// <summary>
/// Builds the <see cref="StoryReport"/> (claims, frames, relations, states) and its <see cref="FactsReport"/> view.
/// Runs after the entity stage: places and asserters resolve through its aliases.
/// </summary>
public sealed class FactsStage : IPipelineStage
{
    public string Name => "facts";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = context.Get<DateAnalysis>() ?? DateAnalyzer.Analyze(context.Articles);
        var story = StoryAnalyzer.Analyze(context.Articles, context.SyndicationGroups, dates, context.Get<EntityAnalysis>(),
            note => context.Report(new Diagnostic(context.Id ?? "briefing", DiagnosticSeverity.Note, note)));
        context.Set(story);
        context.Set(FactsAnalyzer.FromStory(story, context.Articles));
    }
}
