using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Timeline;

/// <summary>What a dated timeline is asked for.</summary>
/// <param name="Dates">L: at most this many dates.</param>
/// <param name="SentencesPerDate">K: at most this many sentences per date.</param>
/// <param name="First">Only dates on or after this day (null: no bound).</param>
/// <param name="Last">Only dates on or before this day (null: the latest publication day, so plans and forecasts
/// are not placed on the timeline as events).</param>
/// <param name="Keywords">When not empty, a sentence must contain one of these (case-insensitive), as the published
/// T17 systems filter by the topic's query terms.</param>
public sealed record DatedTimelineOptions(int Dates = 10, int SentencesPerDate = 2, DateOnly? First = null, DateOnly? Last = null, IReadOnlyList<string>? Keywords = null);

/// <summary>Why a date is on the timeline: how many articles were published that day and which phrases refer to it.</summary>
/// <param name="Published">Articles published on the date.</param>
/// <param name="References">Sentences whose day-precise temporal expression resolves to the date, in articles
/// published on another day.</param>
/// <param name="SameDayReferences">Such sentences in articles published on the date itself.</param>
/// <param name="Phrases">Up to three referring phrases with the article that wrote them and how each was resolved.</param>
public sealed record DateEvidence(int Published, int References, int SameDayReferences, ImmutableArray<DateReference> Phrases);

/// <summary>A phrase that dates something to a day: where it is and how it was resolved.</summary>
public sealed record DateReference(int Article, TextSpan Span, string Phrase, string Resolution);

/// <summary>A verbatim sentence on the timeline, cited by article number; <see cref="DatedBy"/> is the phrase that
/// places it on its date, or null when the article's publication day does (<see cref="NextDay"/>: the article was
/// published the day after, and its lead reports that day's event).</summary>
public sealed record DatedTimelineSentence(int Article, int Sentence, TextSpan Span, string Text, DateReference? DatedBy, bool NextDay = false);

/// <summary>One date of the timeline: its sentences and the evidence for it.</summary>
public sealed record DatedTimelineEntry(DateOnly Date, double Score, DateEvidence Evidence, ImmutableArray<DatedTimelineSentence> Sentences);

/// <summary>The L most important dates of an article set, each with up to K sentences, in date order.</summary>
public sealed record DatedEventTimeline(ImmutableArray<DatedTimelineEntry> Entries, int CandidateDates)
{
    public static DatedEventTimeline Empty { get; } = new([], 0);
}
