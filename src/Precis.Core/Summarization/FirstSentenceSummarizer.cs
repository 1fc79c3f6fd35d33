using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Baseline: the first sentence of each article, in input order, as many as fit (a strong multi-document
/// baseline for news, where the first sentence is the lead).
/// </summary>
public sealed class FirstSentenceSummarizer : ISummarizer
{
    public string Name => "firstsent";

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meter = new BudgetMeter(budget);
        var chosen = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var a in input.Articles)
        {
            if (meter.IsFull) break;
            if (a.Sentences.Length > 0 && meter.TryAdd(a.Sentences[0].Text)) chosen.Add(a.Sentences[0]);
        }
        return chosen.ToImmutable();
    }
}
