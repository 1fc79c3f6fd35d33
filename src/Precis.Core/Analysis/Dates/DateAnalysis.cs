using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>The temporal expressions of an article set, resolved, with the anchors used.</summary>
/// <param name="Expressions">All expressions, ordered by article, then position.</param>
public sealed record DateAnalysis(ImmutableArray<TemporalExpression> Expressions)
{
    public static DateAnalysis Empty { get; } = new(ImmutableArray<TemporalExpression>.Empty);

    public IEnumerable<TemporalExpression> InSentence(int article, int sentence) =>
        Expressions.Where(e => e.Article == article && e.Sentence == sentence);
}
