using System.Collections.Immutable;

namespace Precis.Documents;

/// <summary>A length limit for a summary. Exactly one of the two is positive.</summary>
public readonly record struct SummaryBudget(int Words, int Bytes)
{
    public static SummaryBudget OfWords(int words) =>
        words > 0 ? new(words, 0) : throw new ArgumentOutOfRangeException(nameof(words), words, "must be positive");

    public static SummaryBudget OfBytes(int bytes) =>
        bytes > 0 ? new(0, bytes) : throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "must be positive");

    public static SummaryBudget Default { get; } = OfWords(150);

    /// <summary>
    /// Evaluation only: the last sentence may cross the limit (ROUGE's -b/-l cut it when scoring). Off by default:
    /// a briefing's summary always fits its budget in whole sentences.
    /// </summary>
    public bool Fill { get; init; }

    public override string ToString() => (Words > 0 ? $"{Words} words" : $"{Bytes} bytes") + (Fill ? " (fill)" : "");
}

/// <summary>One sentence of a summary: verbatim text of <see cref="Origin"/>, cited by every article that carries it.</summary>
/// <param name="Text">The sentence, exactly as in its origin article.</param>
/// <param name="Origin">The sentence it was taken from.</param>
/// <param name="Citations">Numbers of all articles whose text carries this sentence verbatim, ascending.</param>
public sealed record SummarySentence(string Text, Sentence Origin, ImmutableArray<int> Citations)
{
    /// <summary>
    /// Sentences of other articles that state the same thing in other words (an edited wire copy, a rewrite).
    /// They are not citations, since the summary's text is not verbatim in them; each keeps its own verbatim text.
    /// </summary>
    public ImmutableArray<Sentence> Equivalents { get; init; } = [];
}

/// <param name="Method">The summarization method's name.</param>
public sealed record Summary(ImmutableArray<SummarySentence> Sentences, string Method, SummaryBudget Budget)
{
    public static Summary Empty(string method, SummaryBudget budget) => new([], method, budget);
}
