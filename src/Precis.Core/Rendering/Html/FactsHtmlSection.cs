using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Rendering.Sections;

namespace Precis.Rendering.Html;

/// <summary>"Who agrees, who conflicts": corroborated facts as a table, then each update or conflict as its own table.</summary>
internal sealed class FactsHtmlSection : IHtmlSection
{
    public string Id => "facts";

    public string Title => "Who agrees, who conflicts";

    public bool AppliesTo(HtmlBriefingContext context) => context.Briefing.Story is not null || context.Briefing.Facts is not null;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        if (context.Briefing.Story is { } story)
        {
            WriteStory(context, html, story);
            return;
        }
        var report = context.Briefing.Facts!;
        // Facts that are sides of a conflict are shown in its table, not twice (as in the Markdown briefing).
        var sides = report.Conflicts.SelectMany(c => c.Sides).ToHashSet(ReferenceEqualityComparer.Instance);
        var corroborated = report.Facts.Where(f => f.IndependentSources >= 2 && !sides.Contains(f)).ToList();
        if (corroborated.Count == 0 && report.Conflicts.IsEmpty)
        {
            html.Raw("<p class=\"empty\">No fact is reported by two independent sources, and no conflict was found.</p>\n");
            return;
        }
        if (corroborated.Count > 0)
        {
            html.Raw("<h3>Confirmed by independent sources</h3>\n<div class=\"table\"><table class=\"facts\"><thead><tr><th>What</th><th>Value</th><th>Sources</th></tr></thead><tbody>\n");
            foreach (var f in corroborated)
            {
                html.Raw("<tr");
                context.WriteItemAttributes(html, f.Sources);
                html.Raw("><td>").Text(f.Topic).Raw("</td><td class=\"value\">").Text(f.Value).Raw("</td><td>");
                WriteSources(context, html, f);
                html.Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
        foreach (var c in report.Conflicts)
        {
            var update = c.Kind == ConflictKind.Update;
            html.Raw("<div class=\"conflict\"><h3>").Text(c.Topic).Raw(update ? " <span class=\"badge update\">update</span>" : " <span class=\"badge conflict\">conflict</span>").Raw("</h3>\n");
            html.Raw("<div class=\"table\"><table><thead><tr><th>Value</th><th>Sources</th><th>Date</th></tr></thead><tbody>\n");
            foreach (var side in c.Sides)
            {
                html.Raw("<tr");
                context.WriteItemAttributes(html, side.Sources);
                html.Raw("><td class=\"value\">").Text(side.Value).Raw("</td><td>");
                WriteSources(context, html, side);
                html.Raw("</td><td>").Text(DateOf(side)).Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n<p class=\"note\">").Text(Sentence(c.Note)).Raw("</p></div>\n");
        }
    }

    /// <summary>The story model's relations, as the Markdown briefing lists them: corroborated values, then each frame that changed or conflicts.</summary>
    private static void WriteStory(HtmlBriefingContext context, HtmlWriter html, StoryReport story)
    {
        var corroborations = StorySection.Corroborations(story);
        var changing = StorySection.ChangeTables(story);
        if (corroborations.Count == 0 && changing.Count == 0)
        {
            html.Raw("<p class=\"empty\">No claim is reported by two independent sources, and no update or conflict was found.</p>\n");
            return;
        }
        if (corroborations.Count > 0)
        {
            html.Raw("<h3>Confirmed by independent sources</h3>\n<div class=\"table\"><table class=\"facts\"><thead><tr><th>What</th><th>Value</th><th>Sources</th></tr></thead><tbody>\n");
            foreach (var (frame, step) in corroborations)
            {
                html.Raw("<tr");
                context.WriteItemAttributes(html, step.Articles);
                html.Raw("><td>").Text(frame.Label).Raw("</td><td class=\"value\">").Text(step.Value.Display).Raw("</td><td>");
                StoryHtmlSection.WriteCitations(context, html, story, step);
                html.Raw(" <span class=\"muted\">").Text(HtmlBriefingContext.Independent(step.IndependentSources)).Raw("</span>");
                StoryHtmlSection.WriteChains(html, story, step);
                html.Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
        foreach (var table in changing)
        {
            html.Raw("<div class=\"conflict\"><h3>").Text(table.Frame.Label);
            if (table.HasUpdate) html.Raw(" <span class=\"badge update\">update</span>");
            if (table.HasConflict) html.Raw(" <span class=\"badge conflict\">conflict</span>");
            html.Raw("</h3>\n<div class=\"table\"><table><thead><tr><th>Value</th><th>As of</th><th>Sources</th><th>Evidence</th></tr></thead><tbody>\n");
            foreach (var s in table.Rows)
            {
                html.Raw("<tr");
                context.WriteItemAttributes(html, s.Articles);
                html.Raw("><td class=\"value\">").Text(s.Value.Display).Raw("</td><td>").Text(StorySection.When(s)).Raw("</td><td>");
                StoryHtmlSection.WriteCitations(context, html, story, s);
                html.Raw(" <span class=\"muted\">").Text(HtmlBriefingContext.Independent(s.IndependentSources)).Raw("</span></td><td class=\"evidence-text\">")
                    .Text(story.ClaimById(s.Claims[0]).EvidenceText).Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n<ul class=\"note\">");
            foreach (var r in table.Relations)
            {
                html.Raw("<li><span class=\"badge ").Raw(r.Kind == RelationKind.Update ? "update\">update" : "conflict\">conflict").Raw("</span> ").Text(Sentence(r.Note)).Raw("</li>");
            }
            html.Raw("</ul></div>\n");
        }
    }

    private static void WriteSources(HtmlBriefingContext context, HtmlWriter html, Fact f)
    {
        var evidence = f.Evidence.GroupBy(e => e.Article).ToDictionary(g => g.Key, g => g.First());
        context.WriteCitations(html, f.Sources, n => evidence.TryGetValue(n, out var e) ? context.AnchorOf(n, e.Span) : HtmlBriefingContext.ArticleId(n));
        html.Raw(" <span class=\"muted\">").Text(HtmlBriefingContext.Independent(f.IndependentSources)).Raw("</span>");
    }

    private static string DateOf(Fact f)
    {
        var dated = f.Evidence.Where(e => e.When is not null).Select(e => e.When!).OrderBy(w => w.Date).FirstOrDefault();
        if (dated is not null) return DateFormat.Of(dated);
        return f.Published is { } p ? "published " + MarkdownBriefingRenderer.FormatDate(p) : "undated";
    }

    private static string Sentence(string note) =>
        note.Length == 0 ? note : char.ToUpperInvariant(note[0]) + note[1..] + (note.EndsWith('.') ? "" : ".");
}
