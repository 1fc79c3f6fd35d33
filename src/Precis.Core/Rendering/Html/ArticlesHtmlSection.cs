using Precis.Documents;

namespace Precis.Rendering.Html;

/// <summary>
/// "The articles": each article's text as Precis read it, every sentence an anchor that citations jump to (the target
/// sentence is highlighted with CSS :target). Each article sits in a closed disclosure that a citation opens.
/// </summary>
internal sealed class ArticlesHtmlSection : IHtmlSection
{
    public string Id => "articles";

    public string Title => "The articles";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        foreach (var a in context.Briefing.Articles)
        {
            html.Raw("<details class=\"article\"").Attr("id", HtmlBriefingContext.ArticleId(a.Number)).Raw("><summary><span class=\"num\">").Raw(a.Number).Raw("</span> ")
                .Text(a.Headline ?? a.Id).Raw(" <span class=\"muted\">— ").Text(a.Outlet ?? "unknown outlet").Raw("</span></summary>\n<div class=\"text\">");
            WriteText(a, html);
            html.Raw("</div></details>\n");
        }
    }

    private static void WriteText(Article a, HtmlWriter html)
    {
        if (a.Sentences.IsEmpty)
        {
            html.Raw("<p>").Text(a.Text).Raw("</p>");
            return;
        }
        int paragraph = -1;
        foreach (var s in a.Sentences)
        {
            if (s.Paragraph != paragraph)
            {
                if (paragraph >= 0) html.Raw("</p>\n");
                html.Raw("<p>");
                paragraph = s.Paragraph;
            }
            else
            {
                html.Raw(" ");
            }
            html.Raw("<span class=\"s\"").Attr("id", HtmlBriefingContext.SentenceId(a.Number, s.Index)).Raw(">").Text(s.Text).Raw("</span>");
        }
        html.Raw("</p>");
    }
}
