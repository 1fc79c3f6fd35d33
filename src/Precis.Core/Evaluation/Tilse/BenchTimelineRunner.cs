using System.Collections.Immutable;
using System.Globalization;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Evaluation.Tilse;

/// <summary>
/// The Timeline17 protocol (../shared/bench/t17/README.md §1) around <see cref="DatedTimelineSummarizer"/>: a topic's
/// articles are analysed once (each article's dates resolve against its own publication day, so the analysis of one
/// article never depends on another dated one); each task then uses only the articles published in its gold range,
/// asks for l dates and k sentences per date, and filters sentences by the topic's keywords.
/// </summary>
public static class BenchTimelineRunner
{
    /// <summary>Analyses one topic's articles (parsing, segmentation, dates).</summary>
    public static TimelineInput Prepare(IReadOnlyList<TimelineBenchArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return TimelineInput.Analyze(articles.Select(a => SourceDocument.PlainText(a.Id, a.Text,
            new SourceMetadata(Id: a.Id, Published: a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
    }

    /// <summary>The system timeline of one task.</summary>
    /// <param name="tuning">The method's constants (null: the default); other values serve ablations.</param>
    /// <param name="days">When given, these days replace the selected ones (the date oracle of an ablation).</param>
    public static DatedTimeline Run(TimelineInput topic, TimelineBenchTask task, DatedTimelineTuning? tuning = null, IReadOnlyList<DateOnly>? days = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(task);
        var inRange = topic.Articles.Where(a => a.Published is { } p && p.Date >= task.First && p.Date <= task.Last).ToImmutableArray();
        var options = new DatedTimelineOptions(task.DateCount, task.SentencesPerDate, task.First, task.Last, task.Keywords, tuning, days);
        var timeline = DatedTimelineSummarizer.Summarize(inRange, topic.Dates, options);
        return new DatedTimeline([.. timeline.Entries.Where(e => e.Sentences.Length > 0)
            .Select(e => new DatedSummary(e.Date, [.. e.Sentences.Select(s => s.Text)]))]);
    }
}
