using System.Text;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Counts a summary's length against its budget: words are white-space separated tokens; bytes are UTF-8 bytes
/// with one separator byte between sentences.
/// </summary>
public sealed class BudgetMeter(SummaryBudget budget)
{
    private int _used;

    public int Used => _used;

    public static int Cost(string sentence, SummaryBudget budget) =>
        budget.Words > 0 ? CountWords(sentence) : Encoding.UTF8.GetByteCount(sentence);

    public bool Fits(string sentence) => _used + Separator + Cost(sentence, budget) <= Limit;

    public bool TryAdd(string sentence)
    {
        if (!Fits(sentence)) return false;
        _used += Separator + Cost(sentence, budget);
        return true;
    }

    private int Separator => _used > 0 && budget.Bytes > 0 ? 1 : 0;

    private int Limit => budget.Words > 0 ? budget.Words : budget.Bytes;

    public static int CountWords(string text)
    {
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
