using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Cleaning;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Text;

namespace Precis.Timeline;

/// <summary>The articles of a timeline run, segmented, with their resolved temporal expressions.</summary>
public sealed record TimelineInput(ImmutableArray<Article> Articles, DateAnalysis Dates, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Runs the pipeline's stages up to the dates (parsing, furniture removal, metadata, segmentation, dates) — the
    /// part a dated timeline needs; syndication, facts, entities, quotes and the summary are skipped so that hundreds
    /// of articles stay fast.
    /// </summary>
    public static TimelineInput Analyze(IEnumerable<SourceDocument> sources, PrecisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var context = new PipelineContext(null, [.. sources], options ?? new PrecisOptions());
        IPipelineStage[] stages = [new ParsingStage(), new FurnitureRemovalStage(), new MetadataDetectionStage(), new SegmentationStage(), new DateAnalysisStage()];
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Run(context, cancellationToken);
        }
        return new TimelineInput(context.Articles, context.Get<DateAnalysis>() ?? DateAnalysis.Empty, [.. context.Diagnostics]);
    }
}
