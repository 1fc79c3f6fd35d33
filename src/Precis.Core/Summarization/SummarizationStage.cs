using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Summarization;

/// <summary>Runs the configured summarizer and cites every chosen sentence.</summary>
public sealed class SummarizationStage(ISummarizer summarizer) : IPipelineStage
{
    public string Name => "summarization";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        int candidates = context.Articles.Sum(a => a.Sentences.Count(s =>
            SentenceFilter.IsCandidate(s, s.Tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number))));
        if (candidates > RankedSelection.MaxPool)
        {
            context.Report(new Diagnostic(context.Id ?? "briefing", DiagnosticSeverity.Note, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{candidates:N0} candidate sentences: the summary was chosen among at most {RankedSelection.MaxPool:N0} of them (the densest in concepts, or the articles' leads)")));
        }
        var chosen = summarizer.Select(new SummarizationInput(context.Articles, context.SyndicationGroups), context.Options.Budget);
        chosen = StoryLead.Apply(chosen, context.Articles, context.Get<Analysis.Facts.StoryReport>(), context.Options.Budget);
        chosen = ReportedTimeOrder.Sort(chosen, context.Articles, context.Get<Analysis.Dates.DateAnalysis>(), keepLast: context.Options.Budget.Fill);
        context.Summary = new Summary(CitationLinker.Link(chosen, context.Articles), summarizer.Name, context.Options.Budget);
    }
}
