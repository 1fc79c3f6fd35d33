using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// An extractive summarization method: picks sentences of the input, in reading order, within a budget.
/// Implementations are stateless and thread-safe. Citations are added afterwards by <see cref="CitationLinker"/>.
/// </summary>
public interface ISummarizer
{
    /// <summary>The method's name as used on the command line ("default", "lead", "lexrank").</summary>
    string Name { get; }

    /// <returns>The chosen sentences, in the order they should be read.</returns>
    ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget);
}

/// <summary>What a summarizer sees: segmented articles (in input order) and their syndication groups.</summary>
public sealed record SummarizationInput(ImmutableArray<Article> Articles, ImmutableArray<SyndicationGroup> Groups);
