using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Timeline;

/// <summary>
/// Builds the <see cref="EventTimeline"/> from the resolved dates; needs the dates stage and syndication groups.
/// On a large article set (<see cref="LargeSet"/> articles or more, where hundreds of days are dated) the timeline
/// keeps only the days <see cref="DateSelector"/> ranks most important — the date selection of <c>precis timeline</c>
/// — and on each of them the events reported by the most sources.
/// </summary>
public sealed class TimelineStage : IPipelineStage
{
    /// <summary>From this many articles on, the timeline is cut to the most important days. A dozen articles date a
    /// handful of days, all worth showing; a T17 topic (hundreds of articles) dates hundreds.</summary>
    internal const int LargeSet = 30;

    /// <summary>How many days a large set's timeline keeps.</summary>
    internal const int LargeSetDates = 15;

    /// <summary>How many events per kept day.</summary>
    internal const int EventsPerDate = 3;

    public string Name => "timeline";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = context.Get<DateAnalysis>() ?? DateAnalyzer.Analyze(context.Articles);
        var timeline = TimelineBuilder.Build(context.Articles, context.SyndicationGroups, dates);
        if (context.Articles.Length >= LargeSet) timeline = KeepImportantDays(timeline, context, dates);
        context.Set(timeline);
    }

    private static EventTimeline KeepImportantDays(EventTimeline timeline, PipelineContext context, DateAnalysis dates)
    {
        var selected = DatedTimelineSummarizer.Summarize(context.Articles, dates, new DatedTimelineOptions(LargeSetDates, SentencesPerDate: 0));
        context.Set(selected);
        var days = selected.Entries.Select(e => e.Date).ToHashSet();
        var kept = timeline.Entries
            .Where(e => e.When.Precision >= DatePrecision.Day && days.Contains(e.When.Date))
            .GroupBy(e => e.When.Date)
            .SelectMany(g => g.Select((e, i) => (Entry: e, Order: i))
                .OrderByDescending(x => x.Entry.Sources.Length).ThenBy(x => x.Order)
                .Take(EventsPerDate)
                .OrderBy(x => x.Order)
                .Select(x => x.Entry))
            .OrderBy(e => e.When.Date);
        // Stable: entries of one day keep the builder's order; days ascend as in the full timeline.
        return new EventTimeline([.. kept]);
    }
}
