using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Cleaning;

/// <summary>
/// Turns the kept lines into paragraphs. Plain-text news has one paragraph per line; two repairs join lines that a
/// hard wrap split: a line that stops mid-sentence before a line starting in lower case, and — in an article
/// wrapped at a fixed width — every full-width line with the line after it.
/// </summary>
internal static class ParagraphJoiner
{
    // Fixed-width wrapping (email, wire feeds, fmt/par) stays at or under ~80 columns; allow up to 100.
    private const int MaxWrapWidth = 100;

    // A line at least this share of the wrap width was wrapped, not ended. fmt's default goal is 93% of the width;
    // ragged right text of real feeds leaves lines down to ~60-70%.
    private const double FullLineShare = 0.6;

    public static ImmutableArray<TextSpan> Join(IReadOnlyList<TextLine> lines, IReadOnlyList<string?> reasons, List<TextLine> kept)
    {
        int wrapWidth = HardWrapWidth(lines, reasons);
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        TextLine? first = null, previous = null;
        foreach (var line in kept)
        {
            // the first kept line is the headline candidate: never joined to what follows
            if (previous is not null && previous != kept[0] && ShouldJoin(previous, line, reasons, wrapWidth))
            {
                previous = line;
                continue;
            }
            if (first is not null) paragraphs.Add(TextSpan.FromBounds(first.Span.Start, previous!.Span.End));
            first = previous = line;
        }
        if (first is not null) paragraphs.Add(TextSpan.FromBounds(first.Span.Start, previous!.Span.End));
        return paragraphs.ToImmutable();
    }

    private static bool ShouldJoin(TextLine previous, TextLine next, IReadOnlyList<string?> reasons, int wrapWidth)
    {
        // never across removed furniture: the joined span would contain it
        for (int i = previous.Index + 1; i < next.Index; i++) if (reasons[i] is not null) return false;
        if (FurnitureRules.EndsSentence(previous.Core) || FurnitureRules.IsBylineOrDate(previous) || FurnitureRules.IsBylineOrDate(next)) return false;

        // "He has" ⏎ "been reported killed": the sentence goes on in lower case, even across a blank line.
        if (StartsWithLowerCaseWord(next.Core) && previous.WordCount >= 2) return true;

        // fixed-width wrap: a full-width line continues on the next line of the same block
        return wrapWidth > 0 && !next.BlankBefore && previous.Span.Length >= FullLineShare * wrapWidth;
    }

    /// <summary>
    /// The wrap width when the article looks hard-wrapped — most lines followed directly by another line are close
    /// to one maximum width that is at most <see cref="MaxWrapWidth"/> — otherwise 0.
    /// </summary>
    internal static int HardWrapWidth(IReadOnlyList<TextLine> lines, IReadOnlyList<string?> reasons)
    {
        int width = 0;
        for (int i = 0; i < lines.Count; i++) if (reasons[i] is null) width = Math.Max(width, lines[i].Span.Length);
        if (width == 0 || width > MaxWrapWidth) return 0;
        int continued = 0, full = 0;
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            if (reasons[i] is not null || reasons[i + 1] is not null || lines[i + 1].BlankBefore) continue;
            continued++;
            if (lines[i].Span.Length >= FullLineShare * width) full++;
        }
        // at least three wrapped lines, and most of the continued lines full-width (not a list of short items)
        return continued >= 3 && full * 4 >= continued * 3 ? width : 0;
    }

    private static bool StartsWithLowerCaseWord(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsLetter(s[i]))
        {
            if (!char.IsLower(s[i])) return false;
            i++;
        }
        return i > 0;
    }
}
