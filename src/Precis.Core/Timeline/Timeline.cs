using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Timeline;

/// <summary>One article's report of a timeline event: the verbatim sentence and the date phrase that placed it.</summary>
/// <param name="Span">The sentence's range in the article's text; <see cref="Text"/> equals that slice.</param>
/// <param name="Phrase">The temporal phrase as written.</param>
/// <param name="PhraseSpan">The phrase's range in the article's text.</param>
public sealed record TimelineReport(int Article, int Sentence, TextSpan Span, string Text, string Phrase, TextSpan PhraseSpan, DateResolution When);

/// <summary>
/// An event on the timeline: the reports (from one or more articles) of near-identical sentences on overlapping dates.
/// <see cref="Text"/> is the verbatim sentence of the first report; <see cref="Sources"/> every article carrying it.
/// </summary>
/// <param name="IndependentSources">How many distinct syndication groups the sources fall into.</param>
public sealed record TimelineEntry(
    DateResolution When,
    string Text,
    ImmutableArray<TimelineReport> Reports,
    ImmutableArray<int> Sources,
    int IndependentSources)
{
    public TimelineReport First => Reports[0];
}

/// <summary>The events the articles report, in chronological order.</summary>
public sealed record EventTimeline(ImmutableArray<TimelineEntry> Entries)
{
    public static EventTimeline Empty { get; } = new(ImmutableArray<TimelineEntry>.Empty);
}
