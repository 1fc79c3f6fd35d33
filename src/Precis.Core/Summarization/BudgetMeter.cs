using System.Text;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Counts a summary's length against its budget: words are white-space separated tokens; bytes are UTF-8 bytes
/// with one separator byte (the line break of <c>"\n"</c>-joined sentences) between sentences.
/// In <see cref="SummaryBudget.Fill"/> mode one last sentence may start inside the budget and cross it.
/// </summary>
public sealed class BudgetMeter(SummaryBudget budget)
{
    private int _used;

    public int Used => _used;

    /// <summary>Units left before the limit (negative after a fill sentence crossed it).</summary>
    public int Remaining => Limit - _used;

    /// <summary>True once nothing more can be added.</summary>
    public bool IsFull => _used >= Limit;

    public static int Cost(string sentence, SummaryBudget budget) =>
        budget.Words > 0 ? CountWords(sentence) : Encoding.UTF8.GetByteCount(sentence);

    /// <summary>The cost of a sentence including the separator it needs when it is not the first.</summary>
    public static int CostWithSeparator(string sentence, SummaryBudget budget) =>
        Cost(sentence, budget) + (budget.Bytes > 0 ? 1 : 0);

    /// <summary>The limit in the units of <see cref="CostWithSeparator"/> (one virtual separator for the first sentence).</summary>
    public static int LimitWithSeparator(SummaryBudget budget) => budget.Words > 0 ? budget.Words : budget.Bytes + 1;

    /// <summary>Whether the sentence fits whole.</summary>
    public bool Fits(string sentence) => _used + Separator + Cost(sentence, budget) <= Limit;

    /// <summary>Whether the sentence may be added: it fits whole, or (fill mode) it starts before the limit.</summary>
    public bool CanAdd(string sentence) => Fits(sentence) || (budget.Fill && _used + Separator < Limit);

    public bool TryAdd(string sentence)
    {
        if (!CanAdd(sentence)) return false;
        _used += Separator + Cost(sentence, budget);
        return true;
    }

    private int Separator => _used > 0 && budget.Bytes > 0 ? 1 : 0;

    private int Limit => budget.Words > 0 ? budget.Words : budget.Bytes;

    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int count = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord) count++;
            inWord = !space;
        }
        return count;
    }
}
