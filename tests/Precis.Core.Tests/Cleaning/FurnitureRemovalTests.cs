using Precis.Cleaning;
using Precis.Documents;

namespace Precis.Core.Tests.Cleaning;

public class FurnitureRemovalTests
{
    internal static Article Clean(string text, BoilerplateIndex? boilerplate = null) =>
        FurnitureRemover.Clean(new Article { Number = 1, Id = "t", Origin = "t.txt", Text = text }, boilerplate ?? BoilerplateIndex.Empty);

    private static string? ReasonFor(string text, string line)
    {
        var article = Clean(text);
        return article.Removed.SingleOrDefault(r => r.Text == line)?.Reason;
    }

    private static string Wrap(string line) =>
        "A headline about the port\n\nThe first paragraph of the story says that something happened on the quay today.\n\n" + line +
        "\n\nThe last paragraph of the story adds detail about what the harbour master said afterwards.";

    [Theory]
    [InlineData("Image caption,", FurnitureRules.CaptionLabel)]
    [InlineData("Media caption,", FurnitureRules.CaptionLabel)]
    [InlineData("Image source, AFP", FurnitureRules.Credit)]
    [InlineData("Dock workers at the quayImage source, Getty Images", FurnitureRules.Credit)]
    [InlineData("Photo: Lighthouse Gazette / Ana Ruiz", FurnitureRules.Credit)]
    [InlineData("(Photo: Wirecast)", FurnitureRules.Credit)]
    [InlineData("Picture by Hal Jensen", FurnitureRules.Credit)]
    [InlineData("Dock workers are unloading crates at the quay in Ostmark on June 4, 2025. Photo - Wirecast", FurnitureRules.Caption)]
    [InlineData("Volunteers gestures as they carry sandbags near the river, on May 2, 2024. / WNA PHOTO / STRINGER", FurnitureRules.Caption)]
    [InlineData("Crowds gather at the quay on Friday. (Photo: Wirecast)", FurnitureRules.Caption)]
    [InlineData("Children are watching the ferry leave the harbour at Ostmark on June 4, 2025.", FurnitureRules.Caption)]
    [InlineData("Subscribe to our newsletter and never miss a story", FurnitureRules.CallToAction)]
    [InlineData("Sign up for our evening bulletin", FurnitureRules.CallToAction)]
    [InlineData("Follow us on Instagram for live updates", FurnitureRules.CallToAction)]
    [InlineData("Share this article", FurnitureRules.CallToAction)]
    [InlineData("**Share this story**", FurnitureRules.CallToAction)]
    [InlineData("Download our app for alerts", FurnitureRules.CallToAction)]
    [InlineData("Click here to read the full report", FurnitureRules.CallToAction)]
    [InlineData("Read more: Why the ferry timetable changed", FurnitureRules.Related)]
    [InlineData("Related: Harbour strike ends after talks", FurnitureRules.Related)]
    [InlineData("Advertisement", FurnitureRules.Advertisement)]
    [InlineData("We use cookies to give you the best experience. Accept all", FurnitureRules.Cookie)]
    [InlineData("  • Published", FurnitureRules.Stub)]
    [InlineData("Published by admin", FurnitureRules.Stub)]
    [InlineData("06:22 by admin", FurnitureRules.Stub)]
    [InlineData("18:40", FurnitureRules.Stub)]
    [InlineData("3 hours ago", FurnitureRules.Stub)]
    [InlineData("Home | World | Business | Sport", FurnitureRules.Navigation)]
    [InlineData("Home  News  Opinion  Weather", FurnitureRules.Navigation)]
    [InlineData("Skip to content", FurnitureRules.Navigation)]
    [InlineData("© 2025 Lighthouse Gazette. All rights reserved.", FurnitureRules.Copyright)]
    [InlineData("![A crane at the quay](crane.jpg)", FurnitureRules.Image)]
    public void Furniture_line_is_removed_with_its_reason(string line, string reason) =>
        Assert.Equal(reason, ReasonFor(Wrap(line), line.Trim()));

    [Theory]
    [InlineData("Thousands displaced")]
    [InlineData("\"Share the burden fairly,\" the union leader told the crowd outside the gates.")]
    [InlineData("Share prices in the port operator fell by 4 per cent on Tuesday after the announcement.")]
    [InlineData("Follow-up inspections found no further damage to the hull, the coastguard said.")]
    [InlineData("Read the statement, officials said, and you will see the port was never closed.")]
    [InlineData("The photo: a grainy image taken by a dock worker, was shared widely on Monday.")]
    [InlineData("Subscribers to the ferry pass will get refunds, the operator said.")]
    [InlineData("He said the cookie factory near the harbour would reopen next week.")]
    [InlineData("By Ana Ruiz")]
    [InlineData("March 3, 2026 | 9:15 AM")]
    [InlineData("09/11/2017 06:22 by admin")]
    [InlineData("by Wirecast")]
    [InlineData("OSTMARK")]
    [InlineData("(Analysis)")]
    public void Content_metadata_and_headings_are_kept(string line)
    {
        var article = Clean(Wrap(line));
        Assert.Empty(article.Removed);
        Assert.Contains(article.Paragraphs, p => p.Slice(article.Text) == line);
    }

    [Fact]
    public void Caption_label_removes_the_caption_it_labels()
    {
        var article = Clean("Headline here\n\nImage caption,\nVolunteers carried sandbags to the river bank\n\nThe river rose by two metres overnight, officials said.");
        Assert.Equal(["caption-label", "caption"], article.Removed.Select(r => r.Reason));
        Assert.Equal(["Headline here", "The river rose by two metres overnight, officials said."], article.Paragraphs.Select(p => p.Slice(article.Text)));
    }

    [Fact]
    public void Line_above_a_credit_is_its_caption()
    {
        var article = Clean("Headline here\nMarch 3, 2026\n\nSmoke rises over the quay as crews work.\nPhoto: Lighthouse Gazette / Ana Ruiz\n\nThe fire started on Monday, the fire service said.\n\nCrews stayed all night.");
        Assert.Equal(["caption", "credit"], article.Removed.Select(r => r.Reason));
        Assert.Equal("Smoke rises over the quay as crews work.", article.Removed[0].Text);
    }

    [Fact]
    public void Headline_is_never_taken_for_a_call_to_action()
    {
        var article = Clean("Share this: the port's plan to split profits\n\nThe port will share its profits with the city, the council said on Monday.");
        Assert.Empty(article.Removed);
    }

    [Fact]
    public void Hard_wrapped_sentence_is_joined_across_a_blank_line()
    {
        const string text = "Headline\n\nThe leader's whereabouts remain unclear. He has\n\nbeen reported wounded many times, officials said.\n\nNext paragraph.";
        var article = Clean(text);
        var paragraphs = article.Paragraphs.Select(p => p.Slice(text)).ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal("The leader's whereabouts remain unclear. He has\n\nbeen reported wounded many times, officials said.", paragraphs[1]);
    }

    [Fact]
    public void Fixed_width_wrapped_article_is_joined_into_paragraphs()
    {
        const string text = "Ferry strike ends\n\n" +
            "The ferry strike that stranded thousands of passengers at the\n" +
            "harbour ended on Thursday after the union and the operator agreed\n" +
            "a new pay deal, both sides said in a joint statement issued in\n" +
            "the morning.\n\n" +
            "Services will resume on Friday. The operator said it expected\n" +
            "Saturday sailings to be busy and asked passengers to book ahead\n" +
            "where they could.\n";
        var article = Clean(text);
        Assert.Equal(3, article.Paragraphs.Length);
        Assert.EndsWith("the morning.", article.Paragraphs[1].Slice(text), StringComparison.Ordinal);
        Assert.StartsWith("Services will resume", article.Paragraphs[2].Slice(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrapped_article_keeps_one_paragraph_per_line()
    {
        const string text = "Headline\nBy Ana Ruiz\nThe first paragraph has a full sentence.\nThe second paragraph too.\nA third one closes it.";
        Assert.Equal(5, Clean(text).Paragraphs.Length);
    }

    [Theory]
    [InlineData("- WNA")]
    [InlineData("(Wirecast)")]
    [InlineData("WNA")]
    public void Agency_tag_line_after_the_story_is_removed(string tag)
    {
        var article = Clean("Headline\n\nThe talks ended without agreement, the envoy said on Monday.\n\n" + tag + "\n\nShare this article\n");
        Assert.Equal([(tag, FurnitureRules.AgencyTag), ("Share this article", FurnitureRules.CallToAction)], article.Removed.Select(r => (r.Text, r.Reason)));
    }

    [Fact]
    public void Agency_tag_at_the_end_of_the_last_paragraph_is_cut()
    {
        const string text = "Headline\n\nThe talks ended without agreement, the envoy said. - WNA";
        var article = Clean(text);
        Assert.Equal("The talks ended without agreement, the envoy said.", article.Paragraphs[^1].Slice(text));
        var tag = Assert.Single(article.Removed);
        Assert.Equal(("- WNA", FurnitureRules.AgencyTag), (tag.Span.Slice(text), tag.Reason));
    }

    [Fact]
    public void Short_line_repeated_in_three_articles_is_boilerplate_but_a_shared_sentence_is_not()
    {
        string Make(int i) => $"Headline {i}\n\nStory number {i} begins with a sentence of its own here.\n\nThe mayor said the port would reopen.\n\nGazette desk, harbour edition\n";
        var articles = Enumerable.Range(1, 3).Select(i => new Article { Number = i, Id = $"a{i}", Origin = "x", Text = Make(i) }).ToList();
        var index = BoilerplateIndex.Build(articles);
        var cleaned = FurnitureRemover.Clean(articles[0], index);
        var removed = Assert.Single(cleaned.Removed);
        Assert.Equal(("Gazette desk, harbour edition", FurnitureRules.Boilerplate), (removed.Text, removed.Reason));
    }

    [Fact]
    public void Spans_of_paragraphs_and_removed_lines_do_not_overlap_and_cover_every_line()
    {
        const string text = "Home | News | Sport\nHeadline\nMarch 3, 2026\n\nImage caption,\nA caption\n\nContent one is here.\n\nShare this article\n";
        var article = Clean(text);
        var spans = article.Paragraphs.Concat(article.Removed.Select(r => r.Span)).OrderBy(s => s.Start).ToList();
        for (int i = 1; i < spans.Count; i++) Assert.True(spans[i - 1].End <= spans[i].Start);
        var covered = string.Concat(spans.Select(s => s.Slice(text)));
        Assert.Equal(text.Where(c => !char.IsWhiteSpace(c)), covered.Where(c => !char.IsWhiteSpace(c)));
    }
}
