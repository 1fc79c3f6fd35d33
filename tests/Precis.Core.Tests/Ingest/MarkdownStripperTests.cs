using Precis.Ingest;

namespace Precis.Core.Tests.Ingest;

public class MarkdownStripperTests
{
    [Fact]
    public void Markup_is_reduced_to_paragraphs_and_the_leading_heading_is_the_headline()
    {
        var (text, headline) = MarkdownStripper.Strip("Gates *open*\n============\n\n> The **gates** opened on\n> Tuesday.\n\n![a photo](x.jpg)\n\n## Reaction\n\n1. Farmers `cheered`.\n2. snake_case stays, 5 * 3 stays.\n\n[ref]: http://example.org\n\n---\n\n```\ncode line\n```");
        Assert.Equal("Gates open", headline);
        Assert.Equal("The gates opened on Tuesday.\n\nReaction\n\nFarmers cheered.\n\nsnake_case stays, 5 * 3 stays.\n\ncode line", text);
    }

    [Fact]
    public void A_heading_after_text_is_a_paragraph_not_the_headline()
    {
        var (text, headline) = MarkdownStripper.Strip("Intro words.\n\n# Later heading\n\nMore words.");
        Assert.Null(headline);
        Assert.Equal("Intro words.\n\nLater heading\n\nMore words.", text);
    }

    [Fact]
    public void Hostile_runs_of_markers_are_stripped()
    {
        // Regression: backtracking emphasis patterns took minutes on lines like these.
        var (text, _) = MarkdownStripper.Strip(string.Concat(Enumerable.Repeat("*a **b [c]( `d ", 5000)));
        Assert.DoesNotContain('*', text);
        Assert.DoesNotContain('`', text);
    }
}
