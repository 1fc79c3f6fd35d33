using Precis.Analysis.Entities;

namespace Precis.Rendering.Html;

/// <summary>"Who is involved": people, organisations and places with the other names they go by.</summary>
internal sealed class EntitiesHtmlSection : IHtmlSection
{
    /// <summary>Shown per kind before the rest goes behind a disclosure (the Markdown briefing lists as many).</summary>
    private const int Visible = 15;

    public string Id => "entities";

    public string Title => "Who is involved";

    public bool AppliesTo(HtmlBriefingContext context) => true;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        if (context.Briefing.Entities.IsEmpty)
        {
            html.Raw("<p class=\"empty\">No named people, organisations or places found.</p>\n");
            return;
        }
        html.Raw("<div class=\"columns\">\n");
        foreach (var (kind, title) in new[] { (EntityKind.Person, "People"), (EntityKind.Organization, "Organisations"), (EntityKind.Place, "Places") })
        {
            var list = context.Briefing.Entities.Where(e => e.Kind == kind).ToList();
            if (list.Count == 0) continue;
            html.Raw("<div class=\"entity-kind\"><h3>").Text(title).Raw("</h3><ul class=\"entities\">\n");
            foreach (var e in list.Take(Visible)) WriteEntity(context, html, e);
            html.Raw("</ul>");
            if (list.Count > Visible)
            {
                html.Raw("<details><summary>").Raw(list.Count - Visible).Raw(" more</summary><ul class=\"entities\">\n");
                foreach (var e in list.Skip(Visible)) WriteEntity(context, html, e);
                html.Raw("</ul></details>");
            }
            html.Raw("</div>\n");
        }
        html.Raw("</div>\n");
    }

    private static void WriteEntity(HtmlBriefingContext context, HtmlWriter html, EntityGroup e)
    {
        html.Raw("<li><strong>").Text(e.Name).Raw("</strong>");
        if (e.Aliases.Length > 1) html.Raw(" <span class=\"aliases\">also ").Text(string.Join(", ", e.Aliases.Skip(1))).Raw("</span>");
        html.Raw(" <span class=\"muted\">").Text(e.Sources == 1 ? "1 source" : $"{e.Sources} sources").Raw("</span> ");
        var first = e.Mentions.GroupBy(m => m.Article).ToDictionary(g => g.Key, g => g.First());
        context.WriteCitations(html, e.Articles.Select(a => a.Article), n => first.TryGetValue(n, out var m) ? context.AnchorOf(n, m.Span) : HtmlBriefingContext.ArticleId(n));
        html.Raw("</li>\n");
    }
}
