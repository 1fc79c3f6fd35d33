using FsCheck;
using FsCheck.Fluent;
using Precis.Cleaning;

namespace Precis.Core.Tests.Cleaning;

public class FurniturePropertyTests
{
    private static readonly string[] Pool =
    [
        "", "", "Headline of the day", "March 3, 2026 | 9:15 AM", "By Ana Ruiz", "Image caption,", "A caption line",
        "Photo: Gazette / Ana Ruiz", "Share this article", "Home | News | Sport", "- WNA", "He has", "been seen since.",
        "The port reopened on Friday after a week of repairs, the harbour master said.",
        "\"We are open again,\" said Lee Park, a spokesman for the port.", "Thousands displaced", "   ", "\t",
    ];

    private static Gen<string> Line => Gen.OneOf(Gen.Elements(Pool), ArbMap.Default.GeneratorFor<string>().Select(s => (s ?? "").Replace('\r', ' ')));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_non_blank_line_ends_up_in_exactly_one_paragraph_or_removed_line()
    {
        var gen = Line.ListOf().Select(lines => string.Join("\n", lines));
        return Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var article = FurnitureRemovalTests.Clean(text);
            var spans = article.Paragraphs.Concat(article.Removed.Select(r => r.Span)).OrderBy(s => s.Start).ToList();
            bool inBounds = spans.All(s => s.Start >= 0 && s.End <= text.Length && s.Length > 0);
            bool disjoint = spans.Zip(spans.Skip(1)).All(p => p.First.End <= p.Second.Start);
            // a line is one paragraph's (or a removed line's) or, for a trailing agency tag, split between the two
            bool covered = TextLine.Split(text).All(l => spans.Any(s => s.Overlaps(l.Span))
                && spans.Where(s => s.Overlaps(l.Span)).All(s => s.Contains(l.Span) || l.Span.Contains(s)));
            bool removedTextMatches = article.Removed.All(r => r.Span.Slice(text) == r.Text);
            return inBounds && disjoint && covered && removedTextMatches;
        });
    }
}
