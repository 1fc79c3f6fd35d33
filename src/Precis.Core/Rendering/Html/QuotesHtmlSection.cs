using Precis.Analysis.Quotes;
using Precis.Rendering.Sections;

namespace Precis.Rendering.Html;

/// <summary>"Who said what": quotes grouped by speaker, speakers in order of first appearance in the briefing.</summary>
internal sealed class QuotesHtmlSection : IHtmlSection
{
    public string Id => "quotes";

    public string Title => "Who said what";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var groups = QuotesSection.BySpeaker(context.Briefing);
        if (groups.Count == 0)
        {
            html.Raw("<p class=\"empty\">No attributed quotes found.</p>\n");
            return;
        }
        foreach (var (speaker, role, quotes) in groups)
        {
            var outlets = quotes.SelectMany(q => q.Occurrences).Select(o => o.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).ToList();
            html.Raw("<div class=\"speaker\"><h3>").Text(speaker.Name).Raw("</h3>");
            if (role is not null) html.Raw("<p class=\"role\">").Text(role).Raw("</p>");
            html.Raw("<ul class=\"quotes\">\n");
            foreach (var q in quotes)
            {
                html.Raw("<li");
                context.WriteItemAttributes(html, q.Articles, q.Kind == QuoteKind.Reported ? "reported" : "direct");
                html.Raw(">");
                // PRECIS: reported speech is the reporter's wording, so it is never shown inside quotation marks.
                switch (q.Kind)
                {
                    case QuoteKind.Direct: html.Raw("<q>").Text(OneLine(q.Text)).Raw("</q> "); break;
                    case QuoteKind.Partial: html.Raw("<span class=\"muted\">in part:</span> <q>").Text(OneLine(q.Text)).Raw("</q> "); break;
                    default: html.Raw("<span class=\"muted\">reported:</span> ").Text(OneLine(q.Text)).Raw(" "); break;
                }
                var first = q.Occurrences.GroupBy(o => o.Article).ToDictionary(g => g.Key, g => g.First());
                context.WriteCitations(html, q.Articles, n => first.TryGetValue(n, out var o) ? context.AnchorOf(n, o.Span) : HtmlBriefingContext.ArticleId(n));
                html.Raw("</li>\n");
            }
            html.Raw("</ul>");
            if (outlets.Count > 0) html.Raw("<p class=\"muted small\">in ").Text(string.Join(", ", outlets)).Raw("</p>");
            html.Raw("</div>\n");
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0));
}
