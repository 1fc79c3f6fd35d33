using Precis.Analysis.Quotes;

namespace Precis.Rendering.Html;

/// <summary>"Who said what": quotes grouped by speaker, speakers in order of first appearance in the briefing.</summary>
internal sealed class QuotesHtmlSection : IHtmlSection
{
    public string Id => "quotes";

    public string Title => "Who said what";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var quotes = context.Briefing.Quotes;
        if (quotes.IsEmpty)
        {
            html.Raw("<p class=\"empty\">No attributed quotes found.</p>\n");
            return;
        }
        // Group by speaker name (the fullest name the set gives); GroupBy keeps first-appearance order.
        foreach (var speaker in quotes.GroupBy(q => q.Speaker.Name, StringComparer.Ordinal))
        {
            var roles = speaker.Select(q => q.Speaker.Role).Where(r => r is not null).Select(r => OneLine(r!))
                .GroupBy(r => r, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
            var outlets = speaker.SelectMany(q => q.Occurrences).Select(o => o.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).ToList();
            html.Raw("<div class=\"speaker\"><h3>").Text(speaker.Key).Raw("</h3>");
            if (roles is not null) html.Raw("<p class=\"role\">").Text(roles).Raw("</p>");
            html.Raw("<ul class=\"quotes\">\n");
            foreach (var q in speaker)
            {
                html.Raw("<li");
                context.WriteItemAttributes(html, q.Articles, q.Kind == QuoteKind.Direct ? "direct" : "reported");
                html.Raw(">");
                // PRECIS: reported speech is the reporter's wording, so it is never shown inside quotation marks.
                if (q.Kind == QuoteKind.Direct) html.Raw("<q>").Text(OneLine(q.Text)).Raw("</q> ");
                else html.Raw("<span class=\"muted\">reported:</span> ").Text(OneLine(q.Text)).Raw(" ");
                var first = q.Occurrences.GroupBy(o => o.Article).ToDictionary(g => g.Key, g => g.First());
                context.WriteCitations(html, q.Articles, n => context.AnchorOf(n, first[n].Span));
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
