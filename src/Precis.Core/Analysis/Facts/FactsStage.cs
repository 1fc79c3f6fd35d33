using Precis.Analysis.Dates;
using Precis.Pipeline;

namespace Precis.Analysis.Facts;

/// <summary>Builds the <see cref="FactsReport"/>: facts with their independent support, conflicts and updates.</summary>
public sealed class FactsStage : IPipelineStage
{
    public string Name => "facts";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = context.Get<DateAnalysis>() ?? DateAnalyzer.Analyze(context.Articles);
        context.Set(FactsAnalyzer.Analyze(context.Articles, context.SyndicationGroups, dates,
            note => context.Report(new Documents.Diagnostic(context.Id ?? "briefing", Documents.DiagnosticSeverity.Note, note))));
    }
}
