using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>The temporal expressions of an article set, resolved, with the anchors used.</summary>
/// <param name="Expressions">All expressions, ordered by article, then position.</param>
public sealed record DateAnalysis(ImmutableArray<TemporalExpression> Expressions)
{
    public static DateAnalysis Empty { get; } = new(ImmutableArray<TemporalExpression>.Empty);

    // Built on first use and kept beside the record (not in it, so record equality is unchanged): stages look up
    // every sentence, and a scan of all expressions per sentence is quadratic in the article set.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DateAnalysis, Dictionary<(int, int), List<TemporalExpression>>> Index = [];

    public IEnumerable<TemporalExpression> InSentence(int article, int sentence)
    {
        var index = Index.GetValue(this, static d =>
        {
            var map = new Dictionary<(int, int), List<TemporalExpression>>();
            foreach (var e in d.Expressions)
            {
                if (!map.TryGetValue((e.Article, e.Sentence), out var list)) map[(e.Article, e.Sentence)] = list = [];
                list.Add(e);
            }
            return map;
        });
        return index.TryGetValue((article, sentence), out var found) ? found : [];
    }
}
