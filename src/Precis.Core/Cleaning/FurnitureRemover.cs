using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Cleaning;

/// <summary>Cleans one article: classifies its lines, removes furniture and joins the rest into paragraphs.</summary>
internal static partial class FurnitureRemover
{
    public static Article Clean(Article article, BoilerplateIndex boilerplate)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Clean(article, TextLine.Split(article.Text), boilerplate);
    }

    /// <summary>Cleans an article whose lines are already split (<see cref="TextLine.Split"/> of its text).</summary>
    internal static Article Clean(Article article, ImmutableArray<TextLine> lines, BoilerplateIndex boilerplate)
    {
        var reasons = Classify(lines, boilerplate);

        var removed = ImmutableArray.CreateBuilder<RemovedLine>();
        var kept = new List<TextLine>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (reasons[i] is { } reason) removed.Add(new RemovedLine(lines[i].Span, lines[i].Text, reason));
            else kept.Add(lines[i]);
        }

        var paragraphs = ParagraphJoiner.Join(lines, reasons, kept);
        paragraphs = TrimTrailingAgencyTag(article.Text, paragraphs, removed);
        removed.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return article with { Paragraphs = paragraphs, Removed = removed.ToImmutable() };
    }

    /// <summary>The furniture reason of each line, or null for content (headline, byline and date lines included).</summary>
    internal static string?[] Classify(IReadOnlyList<TextLine> lines, BoilerplateIndex boilerplate)
    {
        int n = lines.Count;
        var reasons = new string?[n];
        for (int i = 0; i < n; i++) reasons[i] = FurnitureRules.Strong(lines[i]);

        // "Image caption," / "Media caption," labels: the next line is the caption they label (BBC page layout).
        for (int i = 0; i < n - 1; i++)
        {
            if (reasons[i] == FurnitureRules.CaptionLabel && reasons[i + 1] is null
                && lines[i + 1].WordCount <= FurnitureRules.MaxCaptionWords)
            {
                reasons[i + 1] = FurnitureRules.Caption;
            }
        }

        // An agency tag signs an article off: one followed by more content ("LONDON" alone above the story, a
        // one-word heading in capitals) is not a tag.
        for (int i = 0; i < n; i++)
        {
            if (reasons[i] != FurnitureRules.AgencyTag) continue;
            for (int j = i + 1; j < n; j++)
            {
                if (reasons[j] is null && lines[j].WordCount > 8)
                {
                    reasons[i] = null;
                    break;
                }
            }
        }

        // The first line that survives the strong rules is the headline candidate; it, bylines and date lines are
        // metadata, which the weak rules must not touch.
        int headline = Array.FindIndex(reasons, r => r is null);
        var isProtected = new bool[n];
        for (int i = 0; i < n; i++) isProtected[i] = i == headline || FurnitureRules.IsBylineOrDate(lines[i]);

        for (int i = 0; i < n; i++)
        {
            if (reasons[i] is not null || isProtected[i]) continue;
            reasons[i] = FurnitureRules.Weak(lines[i])
                ?? (boilerplate.IsBoilerplate(lines[i]) ? FurnitureRules.Boilerplate : null);
        }

        // A line right above a credit line, with no blank line between, is the caption the credit belongs to —
        // but only where the article separates paragraphs by blank lines; otherwise adjacency means nothing.
        if (SeparatesParagraphsByBlankLines(lines))
        {
            for (int i = 1; i < n; i++)
            {
                if (reasons[i] == FurnitureRules.Credit && !lines[i].BlankBefore && reasons[i - 1] is null
                    && !isProtected[i - 1] && lines[i - 1].WordCount <= FurnitureRules.MaxCaptionWords)
                {
                    reasons[i - 1] = FurnitureRules.Caption;
                }
            }
        }
        return reasons;
    }

    private static bool SeparatesParagraphsByBlankLines(IReadOnlyList<TextLine> lines)
    {
        if (lines.Count < 3) return false;
        int blankSeparated = 0;
        for (int i = 1; i < lines.Count; i++) if (lines[i].BlankBefore) blankSeparated++;
        return blankSeparated * 2 >= lines.Count - 1;
    }

    /// <summary>
    /// "… the army statement said. - AFP" / "… (Reuters)": an agency sign-off glued to the last paragraph is cut
    /// from it and listed as removed.
    /// </summary>
    private static ImmutableArray<TextSpan> TrimTrailingAgencyTag(string text, ImmutableArray<TextSpan> paragraphs, ImmutableArray<RemovedLine>.Builder removed)
    {
        if (paragraphs.IsEmpty) return paragraphs;
        var last = paragraphs[^1];
        var m = TrailingTag().Match(last.Slice(text));
        if (!m.Success || m.Index == 0) return paragraphs;
        var tag = m.Groups["tag"];
        var tagSpan = new TextSpan(last.Start + tag.Index, tag.Length);
        var body = TextSpan.FromBounds(last.Start, last.Start + m.Index);
        removed.Add(new RemovedLine(tagSpan, tag.Value, FurnitureRules.AgencyTag));
        return paragraphs.SetItem(paragraphs.Length - 1, body);
    }

    [GeneratedRegex(@"(?<=[.!?""”’])\s+(?<tag>[-–—]\s*\p{Lu}{2,8}(/\p{Lu}{2,8})?|\(\p{Lu}[\p{L}]{1,11}\))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTag();
}
