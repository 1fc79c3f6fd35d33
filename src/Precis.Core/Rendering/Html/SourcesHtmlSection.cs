namespace Precis.Rendering.Html;

/// <summary>"Sources": the numbered list every citation refers to, with outlet, date and syndication group.</summary>
internal sealed class SourcesHtmlSection : IHtmlSection
{
    public string Id => "sources";

    public string Title => "Sources";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var briefing = context.Briefing;
        html.Raw("<ol class=\"sources\">\n");
        foreach (var a in briefing.Articles)
        {
            var group = briefing.GroupOf(a.Number);
            html.Raw("<li").Attr("id", "source-" + a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Attr("value", a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.WriteItemAttributes(html, [a.Number]);
            html.Raw(">");
            var headline = a.Headline ?? a.Id;
            if (SafeUrl(a.Url) is { } href) html.Raw("<a class=\"headline\"").Attr("href", href).Raw(" rel=\"noopener noreferrer nofollow\">").Text(headline).Raw("</a>");
            else html.Element("strong", "headline", headline);
            html.Raw("<br><span class=\"outlet\">").Text(a.Outlet ?? "unknown outlet").Raw("</span>");
            html.Raw(" · <span class=\"date\">").Text(a.Published is null ? "undated" : MarkdownBriefingRenderer.FormatDate(a.Published)).Raw("</span>");
            if (a.Byline is { Length: > 0 } by) html.Raw(" · <span class=\"byline\">").Text(by).Raw("</span>");
            if (group.IsSyndicated)
            {
                html.Raw(" · <span class=\"badge copy\">same story as ");
                bool first = true;
                foreach (var n in group.Articles.Where(n => n != a.Number))
                {
                    html.Raw(first ? "" : ", ").Raw("<a").Attr("href", "#source-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(">").Raw(n).Raw("</a>");
                    first = false;
                }
                html.Raw(" (counted once)</span>");
            }
            html.Raw(" · <a class=\"read\"").Attr("href", "#" + HtmlBriefingContext.ArticleId(a.Number)).Raw(">text</a></li>\n");
        }
        html.Raw("</ol>\n");
    }

    /// <summary>Only absolute http(s) links become links (never javascript: or data: URLs).</summary>
    internal static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u.AbsoluteUri : null;
}
