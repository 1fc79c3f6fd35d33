using System.Collections.Immutable;
using System.Globalization;
using Precis.Documents;

namespace Precis.Pipeline;

/// <summary>
/// Bounds what the later stages look at, so a briefing's cost does not grow with its input beyond a cap: the
/// articles' text together is held to <see cref="PrecisOptions.MaxBriefingChars"/> characters and
/// <see cref="PrecisOptions.MaxBriefingLines"/> lines. When the input is larger, the budget is shared by water
/// filling (every article keeps all of its text if it is below the common share; longer ones are cut to it), and
/// each cut article keeps its beginning — the lead, where news puts the essentials — ending at a line break where
/// one is near. One diagnostic says when the cap applied. The caps sit far above any benchmark cluster (the largest
/// DUC 2004 cluster has about 90,000 characters), so they only bite on inputs no reader would call one event.
/// </summary>
public sealed class AnalysisBudgetStage : IPipelineStage
{
    public string Name => "budget";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var articles = context.Articles;
        if (articles.Length == 0) return;
        var chars = articles.Select(a => (long)a.Text.Length).ToArray();
        var lines = articles.Select(a => (long)CountLines(a.Text)).ToArray();
        long charShare = Share(chars, context.Options.MaxBriefingChars);
        long lineShare = Share(lines, context.Options.MaxBriefingLines);
        if (charShare == long.MaxValue && lineShare == long.MaxValue) return;

        var result = ImmutableArray.CreateBuilder<Article>(articles.Length);
        int cut = 0;
        long before = 0, after = 0;
        foreach (var a in articles)
        {
            int end = CutPoint(a.Text, charShare, lineShare);
            before += a.Text.Length;
            if (end >= a.Text.Length)
            {
                result.Add(a);
                after += a.Text.Length;
                continue;
            }
            cut++;
            after += end;
            result.Add(a with { Text = a.Text[..end] });
        }
        context.Articles = result.MoveToImmutable();
        var inv = CultureInfo.InvariantCulture;
        context.Report(new Diagnostic(context.Id ?? "briefing", DiagnosticSeverity.Note, string.Create(inv,
            $"input larger than one briefing analyses ({before:N0} characters, {lines.Sum():N0} lines in {articles.Length:N0} articles; cap {context.Options.MaxBriefingChars:N0} characters, {context.Options.MaxBriefingLines:N0} lines): {cut:N0} articles were read only up to {(charShare == long.MaxValue ? "" : $"{charShare:N0} characters")}{(charShare != long.MaxValue && lineShare != long.MaxValue ? " or " : "")}{(lineShare == long.MaxValue ? "" : $"{lineShare:N0} lines")} each ({after:N0} characters analysed)")));
    }

    /// <summary>
    /// The largest per-item share s such that Σ min(size, s) ≤ cap (water filling); <see cref="long.MaxValue"/> when
    /// everything fits.
    /// </summary>
    internal static long Share(long[] sizes, long cap)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Sum() <= cap) return long.MaxValue;
        var sorted = (long[])sizes.Clone();
        Array.Sort(sorted);
        long remaining = cap;
        for (int i = 0; i < sorted.Length; i++)
        {
            long left = sorted.Length - i;
            long even = remaining / left;
            if (sorted[i] > even) return Math.Max(1, even);
            remaining -= sorted[i];
        }
        return long.MaxValue;
    }

    private static int CountLines(string text)
    {
        int n = 1;
        foreach (char c in text) if (c == '\n') n++;
        return n;
    }

    /// <summary>Where to cut <paramref name="text"/>: at most <paramref name="maxChars"/> characters and
    /// <paramref name="maxLines"/> lines, backed off to a line break (or else a space) in the second half.</summary>
    internal static int CutPoint(string text, long maxChars, long maxLines)
    {
        int end = (int)Math.Min(text.Length, maxChars);
        if (maxLines < int.MaxValue)
        {
            long seen = 1;
            for (int i = 0; i < end; i++)
            {
                if (text[i] == '\n' && ++seen > maxLines)
                {
                    end = i;
                    break;
                }
            }
        }
        if (end >= text.Length) return text.Length;
        if (end < text.Length && text[end] == '\n') return end;
        int lineBreak = text.LastIndexOf('\n', Math.Max(0, end - 1));
        if (lineBreak >= end / 2 && lineBreak > 0) return lineBreak;
        int space = text.LastIndexOf(' ', Math.Max(0, end - 1));
        if (space >= end / 2 && space > 0) return space;
        if (end > 1 && char.IsHighSurrogate(text[end - 1])) end--; // never split a surrogate pair
        return Math.Max(1, end);
    }
}
