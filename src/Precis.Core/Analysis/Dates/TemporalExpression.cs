using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>The shape of a temporal expression, which decides how it is resolved.</summary>
public enum TemporalKind
{
    /// <summary>A calendar day: "November 9, 2017", "9 November", "Nov. 9", "09/11/2017".</summary>
    CalendarDay,
    /// <summary>A month, with or without a year: "March 2011", "this July", "in July".</summary>
    CalendarMonth,
    /// <summary>A year: "in 2014".</summary>
    CalendarYear,
    /// <summary>A day of the week: "on Thursday", "late on Wednesday".</summary>
    Weekday,
    /// <summary>yesterday, today, tonight, tomorrow.</summary>
    RelativeDay,
    /// <summary>"two days ago", "a week ago".</summary>
    Ago,
    /// <summary>"last week", "earlier this month", "this year", "next week".</summary>
    RelativePeriod,
    /// <summary>A range reaching the publication date: "since 2013", "since Friday", "over the past two years".</summary>
    SinceRange,
    /// <summary>Another date the TIMEX3 tagger finds and normalises (<see cref="TimexTagger"/>): quarters and halves,
    /// seasons, decades, fiscal years, clock times, anaphoric offsets ("a week later", "the next day"), years
    /// without a preposition ("the 2014 campaign"). Resolved from the tagger's TIMEX3 value.</summary>
    Timex,
}

/// <summary>Whether the sentence reports the expression's time as past or as coming.</summary>
public enum TemporalDirection
{
    Past,
    Future,
}

/// <summary>
/// A resolved date: a representative <see cref="Date"/> inside the range [<see cref="Start"/>, <see cref="End"/>]
/// (both inclusive; equal for a day-precise date), how it was obtained and from what.
/// </summary>
/// <param name="Anchor">The date the expression was resolved against (the article's publication day), null for absolute dates.</param>
/// <param name="Rule">A short machine-readable rule name, e.g. "weekday-past".</param>
/// <param name="Evidence">A sentence for a reader: phrase, anchor, rule and result.</param>
public sealed record DateResolution(
    DateOnly Date,
    DateOnly Start,
    DateOnly End,
    DatePrecision Precision,
    DateOnly? Anchor,
    string Rule,
    string Evidence)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Overlaps(DateResolution other) => other.Start <= End && Start <= other.End;
}

/// <summary>A temporal expression found in a sentence, with its resolution when one was possible.</summary>
/// <param name="Article">The article number.</param>
/// <param name="Sentence">The sentence index within the article.</param>
/// <param name="Span">The phrase's range in <see cref="Article.Text"/>.</param>
/// <param name="Phrase">The phrase as written (equals the span's slice).</param>
/// <param name="Unresolved">Why no resolution was possible (e.g. no publication date), or null when resolved.</param>
public sealed record TemporalExpression(
    int Article,
    int Sentence,
    TextSpan Span,
    string Phrase,
    TemporalKind Kind,
    TemporalDirection Direction,
    DateResolution? Resolution,
    string? Unresolved)
{
    /// <summary>
    /// False when another expression of the sentence governs its main event and this one only dates a state or a
    /// noun phrase: "On Wednesday, troops linked up ..., giving the government its first crossing since 2012" — the
    /// event is Wednesday's; "since 2012" measures how long the crossing had been lost (issue 9). A sentence's
    /// date is taken only from expressions for which this is true.
    /// </summary>
    public bool DatesEvent { get; init; } = true;
}
