using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Analysis.Dates;

/// <summary>
/// Infers publication bounds for undated articles (after metadata detection and segmentation), then finds and
/// resolves every temporal expression. Result: <see cref="DateAnalysis"/> in the context.
/// </summary>
public sealed class DateAnalysisStage : IPipelineStage
{
    public string Name => "dates";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Articles = DateAnalyzer.InferPublicationDates(context.Articles, out var notes);
        foreach (var n in notes) context.Report(new Diagnostic("dates", DiagnosticSeverity.Note, n));
        context.Set(DateAnalyzer.Analyze(context.Articles));
    }
}
