using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Quotes;

public enum QuoteKind
{
    /// <summary>Words inside quotation marks: the speaker's own words.</summary>
    Direct,
    /// <summary>The clause of reported speech ("X said (that) CLAUSE"): the reporter's words, never shown as a quotation.</summary>
    Reported,
    /// <summary>Words in quotation marks inside the reporter's own sentence (a mixed quote: called the plan “a disaster for jobs”).</summary>
    Partial,
}

public enum SpeakerKind
{
    Person,
    Organization,
    /// <summary>An unnamed source given by description ("a military source in Deir Ezzor", "the army statement").</summary>
    Description,
}

/// <summary>Who said it.</summary>
/// <param name="Name">The fullest name the article set gives (a later "Abdel Rahman" is shown as "Rami Abdel Rahman").</param>
/// <param name="Role">Role or affiliation as written in the article ("a tribal leader in touch with relatives"), or null.</param>
/// <param name="Entity">The id of the speaker's <see cref="Entities.EntityGroup"/>, when the speaker is a named entity.</param>
public sealed record Speaker(string Name, SpeakerKind Kind, string? Role, int? Entity);

/// <summary>One place a quote appears.</summary>
/// <param name="Span">The quoted text (Direct: between the quotation marks) or the reported clause, in <see cref="Article.Text"/>.</param>
/// <param name="Speaker">The speaker as resolved in this article.</param>
/// <param name="SpeakerSpan">Where the attribution names the speaker (the pronoun for "he said"), or null when inherited from a preceding quote.</param>
public sealed record QuoteOccurrence(int Article, TextSpan Span, string Text, string? Outlet, Speaker Speaker, TextSpan? SpeakerSpan)
{
    /// <summary>
    /// The quoted pieces of a split quote (“A,” he said, “B.”), in order; empty when the quote is one piece.
    /// <see cref="Span"/> then runs from the first piece's start to the last piece's end.
    /// </summary>
    public ImmutableArray<TextSpan> Pieces { get; init; } = [];
}

/// <summary>
/// A quote with every article carrying it (syndicated copies and re-quotes are merged).
/// </summary>
/// <param name="Text">The text of the first occurrence, exactly as in its article.</param>
public sealed record Quote(int Id, QuoteKind Kind, string Text, Speaker Speaker, ImmutableArray<QuoteOccurrence> Occurrences)
{
    /// <summary>
    /// A partial quote of one or two words ("a “scorched earth” policy"): a quoted term, kept with its speaker but no
    /// statement of its own, so the briefing does not list it under "Who said what".
    /// </summary>
    public bool IsTerm => Kind == QuoteKind.Partial && Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < 3;

    public IEnumerable<int> Articles => Occurrences.Select(o => o.Article).Distinct().Order();
}

/// <summary>The quote stage's result.</summary>
public sealed record QuoteAnalysis(ImmutableArray<Quote> Quotes)
{
    public static QuoteAnalysis Empty { get; } = new([]);
}
