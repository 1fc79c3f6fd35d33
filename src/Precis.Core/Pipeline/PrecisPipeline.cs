using System.Diagnostics;
using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Cleaning;
using Precis.Deduplication;
using Precis.Documents;
using Precis.Ingest;
using Precis.Summarization;
using Precis.Text;
using Precis.Timeline;

namespace Precis.Pipeline;

/// <summary>
/// The configured, immutable pipeline: turns a set of source documents into a <see cref="Briefing"/>.
/// Thread-safe; build it once with <see cref="PrecisPipelineBuilder"/> and reuse it.
/// </summary>
public sealed class PrecisPipeline
{
    private readonly ImmutableArray<IPipelineStage> _stages;

    internal PrecisPipeline(PrecisOptions options, ISummarizer summarizer)
    {
        Options = options;
        Summarizer = summarizer;

        // The whole pipeline, in order. Each stage is one folder of Precis.Core.
        _stages =
        [
            new ParsingStage(),              // Ingest: HTML / Markdown / JSON / text → article text + supplied metadata
            new AnalysisBudgetStage(),       // Pipeline: caps the text later stages read (bounded cost on any input)
            new FurnitureRemovalStage(),     // Cleaning: captions, credits, prompts, stubs → Article.Removed
            new MetadataDetectionStage(),    // Ingest: headline, outlet, byline, dateline, publication date
            new CanonicalOrderStage(),       // Pipeline: articles ordered and numbered by content, never by file name
            new SegmentationStage(),         // Text: sentences and tokens with offsets
            new SyndicationStage(),          // Deduplication: copies of one story → one source
            new DateAnalysisStage(),         // Analysis/Dates: inferred publication bounds, resolved temporal expressions
            new TimelineStage(),             // Timeline: dated events across articles, deduplicated
            new Precis.Analysis.Entities.EntityExtractionStage(), // Analysis/Entities: people, organisations, places and their aliases
            new FactsStage(),                // Analysis/Facts: claim frames, corroboration, updates, conflicts, story state (after entities: aliases)
            new Precis.Analysis.Quotes.QuoteExtractionStage(),    // Analysis/Quotes: who said what (after entities: speakers resolve to them)
            new SummarizationStage(summarizer), // Summarization: cited extractive summary
        ];
    }

    public PrecisOptions Options { get; }

    public ISummarizer Summarizer { get; }

    /// <summary>The stage names in run order.</summary>
    public IEnumerable<string> StageNames => _stages.Select(s => s.Name);

    /// <summary>Briefs one article set.</summary>
    /// <param name="sources">The set's documents, in input order.</param>
    /// <param name="id">An identifier for the set (a bench cluster id), or null.</param>
    public Briefing Run(IEnumerable<SourceDocument> sources, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var context = new PipelineContext(id, [.. sources], Options);
        var timings = ImmutableArray.CreateBuilder<StageTiming>(_stages.Length);
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long started = Stopwatch.GetTimestamp();
            stage.Run(context, cancellationToken);
            timings.Add(new StageTiming(stage.Name, Stopwatch.GetElapsedTime(started)));
        }

        return new Briefing
        {
            Id = id,
            Articles = context.Articles,
            SyndicationGroups = context.SyndicationGroups,
            Summary = context.Summary ?? Summary.Empty(Summarizer.Name, Options.Budget),
            Diagnostics = [.. context.Diagnostics],
            Timings = timings.MoveToImmutable(),
            Timeline = context.Get<EventTimeline>(),
            Facts = context.Get<FactsReport>(),
            Story = context.Get<StoryReport>(),
            Quotes = context.Get<Precis.Analysis.Quotes.QuoteAnalysis>()?.Quotes ?? [],
            Entities = context.Get<Precis.Analysis.Entities.EntityAnalysis>()?.Groups ?? [],
        };
    }
}
