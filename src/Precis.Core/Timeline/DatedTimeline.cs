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
/// <param name="Tuning">The method's constants (null: <see cref="DatedTimelineTuning.Default"/>); other values serve
/// ablations (<c>precis eval tls --ablation</c>).</param>
/// <param name="Days">When given, these days are the timeline's dates instead of the ranked ones (a reader's own
/// choice of days; the date-oracle row of the evaluation).</param>
public sealed record DatedTimelineOptions(int Dates = 10, int SentencesPerDate = 2, DateOnly? First = null, DateOnly? Last = null, IReadOnlyList<string>? Keywords = null,
    DatedTimelineTuning? Tuning = null, IReadOnlyList<DateOnly>? Days = null);

/// <summary>The constants of the dated-timeline method (<see cref="DatedTimelineSummarizer"/>, <see cref="DateSelector"/>).
/// The defaults are the method; each property says what it does, so that an ablation can switch one part off.</summary>
public sealed record DatedTimelineTuning
{
    public static DatedTimelineTuning Default { get; } = new();

    /// <summary>Sentences shorter than this (words and numbers) say too little to stand on a timeline.</summary>
    public int MinWords { get; init; } = 6;

    /// <summary>Longer sentences are usually run-ons of page furniture (T17's headline + lead lines) or lists.</summary>
    public int MaxWords { get; init; } = 60;

    /// <summary>Of an article published on a day, only its opening sentences speak for that day (news puts the
    /// event first: the inverted pyramid); later ones give background.</summary>
    public int LeadSentences { get; init; } = 10;

    /// <summary>The leads of articles published the day after a chosen day join its candidates (a report usually
    /// runs the day after its event).</summary>
    public bool NextDayLeads { get; init; } = true;

    /// <summary>Keep only sentences naming a topic keyword, when a day has any.</summary>
    public bool KeywordFilter { get; init; } = true;

    /// <summary>Score bonus per topic keyword a sentence names (at most two count).</summary>
    public double KeywordWeight { get; init; } = 0.1;

    /// <summary>Score bonus of an article's first sentence, falling as 1/(1 + position): the inverted pyramid.</summary>
    public double LeadWeight { get; init; } = 0.05;

    /// <summary>Near-duplicate threshold (content-stem Jaccard; Broder 1997) against every sentence already taken.</summary>
    public double DuplicateOverlap { get; init; } = 0.5;

    /// <summary>Score bonus of a sentence dated to the day by its own expression (rather than by its article's
    /// publication day).</summary>
    public double ReferenceBonus { get; init; }

    /// <summary>Multiplier of the centroid score of a sentence that only its article's publication day dates.</summary>
    public double PublicationSentenceWeight { get; init; } = 1;

    /// <summary>Weight of the cosine to the whole set's centroid (what the story is about) added to the day's.</summary>
    public double TopicCentroidWeight { get; init; }

    /// <summary>Exponent of a length prior: the score is multiplied by (words / 20)^this (0: none).</summary>
    public double LengthExponent { get; init; }

    /// <summary>Date score: weight of the log number of articles published on the day, relative to references.</summary>
    public double PublishedWeight { get; init; }

    /// <summary>Date score: weight of same-day references relative to references from other days.</summary>
    public double SameDayWeight { get; init; }

    /// <summary>Date score: count distinct articles of other days that refer to the day instead of referring
    /// sentences (one article that repeats a date does not make it more important).</summary>
    public bool CountArticles { get; init; } = true;

    /// <summary>Show a sentence from where its report starts, without a leading dateline or time stamp
    /// (<see cref="LeadIn"/>).</summary>
    public bool TrimLeadIn { get; init; } = true;

    /// <summary>Score bonus of an entry of a timeline the article itself lists ("April 28: The Coast Guard says ...").</summary>
    public double EntryBonus { get; init; }

    /// <summary>Share of the chosen days, the best by date score, that get all K sentences; the others get
    /// max(1, K / 2) (1: every day gets K). Fewer words on the days least likely to matter.</summary>
    public double FullDayShare { get; init; } = 1;

    /// <summary>After a day's first sentence, another is taken only when its score is at least this share of the
    /// first's (0: always up to K).</summary>
    public double MinRelativeScore { get; init; } = 0.8;

    /// <summary>Maximal-marginal-relevance penalty: subtract this times the largest content-stem Jaccard to a
    /// sentence already taken (0: only the hard duplicate threshold).</summary>
    public double RedundancyPenalty { get; init; }
}

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
