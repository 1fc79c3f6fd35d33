using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>One article's statement of a fact: the verbatim sentence and the phrase that carries the value.</summary>
/// <param name="Span">The sentence's range in the article's text; <see cref="Text"/> equals that slice.</param>
/// <param name="Phrase">The value's phrase as written ("at least 50", "under control").</param>
/// <param name="PhraseSpan">The phrase's range in the article's text.</param>
/// <param name="When">The date the sentence gives for it, when it gives one.</param>
public sealed record ClaimEvidence(int Article, int Sentence, TextSpan Span, string Text, string Phrase, TextSpan PhraseSpan, DateResolution? When);

/// <summary>
/// A fact: one value for one topic, with every article that states it (compatible values merge: "at least 50" and
/// "53" are one fact).
/// </summary>
/// <param name="Topic">What the value is about: "civilians killed", "fire status", "control of Albu Kamal".</param>
/// <param name="Value">The value as a reader should see it: "at least 50", "under control".</param>
/// <param name="IndependentSources">Distinct syndication groups among <see cref="Sources"/>.</param>
/// <param name="Published">The earliest publication date among the sources (for ordering updates), when known.</param>
public sealed record Fact(
    string Topic,
    string Value,
    ImmutableArray<ClaimEvidence> Evidence,
    ImmutableArray<int> Sources,
    int IndependentSources,
    PublicationDate? Published);

public enum ConflictKind
{
    /// <summary>Incompatible values reported for the same time, or with no order between the reports.</summary>
    Conflict,
    /// <summary>Values that follow each other in time: each side is reported (or dated) after the previous one.</summary>
    Update,
}

/// <summary>Incompatible values of one topic, side by side, in time order.</summary>
/// <param name="Note">Why these are put together and how the order was decided.</param>
public sealed record FactConflict(string Topic, ConflictKind Kind, ImmutableArray<Fact> Sides, string Note);

/// <summary>The facts of an article set, with their support, and the conflicts and updates among them.</summary>
public sealed record FactsReport(ImmutableArray<Fact> Facts, ImmutableArray<FactConflict> Conflicts)
{
    public static FactsReport Empty { get; } = new(ImmutableArray<Fact>.Empty, ImmutableArray<FactConflict>.Empty);
}
