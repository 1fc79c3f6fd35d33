using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Baseline: the leading sentences of the earliest article, within the budget. In fill mode the sentence that
/// crosses the limit is kept, so an evaluator's byte cut reproduces the classic "first N bytes" LEAD baseline.
/// </summary>
public sealed class LeadSummarizer : ISummarizer
{
    public string Name => "lead";

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(input);
        var first = input.Articles
            .OrderBy(a => a.Published?.SortKey ?? DateTime.MaxValue)
            .ThenBy(a => a.Number)
            .FirstOrDefault(a => a.Sentences.Length > 0);
        if (first is null) return [];
        var meter = new BudgetMeter(budget);
        var chosen = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var s in first.Sentences)
        {
            if (!meter.TryAdd(s.Text)) break;
            chosen.Add(s);
        }
        return chosen.ToImmutable();
    }
}
