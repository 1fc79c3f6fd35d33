namespace Precis.Rendering.Html;

/// <summary>"What happened": the cited summary; each citation jumps to the sentence in that article's text.</summary>
internal sealed class SummaryHtmlSection : IHtmlSection
{
    public string Id => "summary";

    public string Title => "What happened";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var sentences = context.Briefing.Summary.Sentences;
        if (sentences.IsEmpty)
        {
            html.Raw("<p class=\"empty\">No summary: no usable sentences.</p>\n");
            return;
        }
        html.Raw("<ul class=\"summary\">\n");
        foreach (var s in sentences)
        {
            html.Raw("<li");
            context.WriteItemAttributes(html, s.Citations);
            html.Raw(">").Text(s.Text).Raw(" ");
            context.WriteCitations(html, s.Citations, n => n == s.Origin.Article
                ? HtmlBriefingContext.SentenceId(n, s.Origin.Index)
                : context.AnchorOf(n, s.Text));
            if (!s.Equivalents.IsEmpty)
            {
                // Reworded equivalents are not citations (the text above is not verbatim in them): linked separately.
                var first = s.Equivalents.GroupBy(e => e.Article).Select(g => g.First()).OrderBy(e => e.Article).ToList();
                html.Raw(" <span class=\"reworded\">also in other words:");
                context.WriteCitations(html, first.Select(e => e.Article), n => HtmlBriefingContext.SentenceId(n, first.First(e => e.Article == n).Index));
                html.Raw("</span>");
            }
            html.Raw("</li>\n");
        }
        html.Raw("</ul>\n");
    }
}
