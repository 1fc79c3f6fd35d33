using Precis.Analysis.Facts;
using Precis.Rendering.Sections;

namespace Precis.Rendering.Html;

/// <summary>
/// "Where things stand": each notable claim frame's current value (or its disputed sides), as of when, with the
/// independent sources behind it, how it was relayed, and the values it had before. It leads the briefing, as in
/// the Markdown briefing, so a reader sees what is true now before what was reported along the way.
/// </summary>
internal sealed class StoryHtmlSection : IHtmlSection
{
    public string Id => "state";

    public string Title => "Where things stand";

    public bool AppliesTo(HtmlBriefingContext context) =>
        context.Briefing.Story is { } story && story.NotableFrames().Any();

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var story = context.Briefing.Story!;
        html.Raw("<div class=\"table\"><table class=\"state\"><thead><tr><th>What</th><th>Now</th><th>Sources</th><th>Before</th></tr></thead><tbody>\n");
        foreach (var (frame, state, before) in StorySection.StateLines(story))
        {
            var shown = state.Current is { } c ? [c] : state.Disputed;
            html.Raw("<tr");
            context.WriteItemAttributes(html, shown.SelectMany(s => s.Articles));
            html.Raw("><td class=\"what\">").Text(frame.Label).Raw("</td><td data-label=\"Now: \">");
            if (state.Current is { } cur)
            {
                html.Raw("<span class=\"value\">").Text(cur.Value.Display).Raw("</span> <span class=\"muted\">").Text(StorySection.When(cur)).Raw("</span>");
            }
            else
            {
                html.Raw("<span class=\"badge conflict\">disputed</span> ");
                bool first = true;
                foreach (var d in state.Disputed)
                {
                    html.Raw(first ? "" : " <span class=\"muted\">vs</span> ");
                    first = false;
                    html.Raw("<span class=\"value\">").Text(d.Value.Display).Raw("</span> ");
                    WriteCitations(context, html, story, d);
                }
            }
            html.Raw(state.Current is null ? "</td><td class=\"none\">" : "</td><td data-label=\"Sources: \">");
            if (state.Current is { } current)
            {
                WriteCitations(context, html, story, current);
                html.Raw(" <span class=\"muted\">").Text(HtmlBriefingContext.Independent(current.IndependentSources)).Raw("</span>");
                WriteChains(html, story, current);
            }
            html.Raw(before.IsEmpty ? "</td><td class=\"none\">" : "</td><td data-label=\"Before: \">");
            if (before.IsEmpty) html.Raw("<span class=\"muted\">—</span>");
            else
            {
                html.Raw("<ol class=\"before\">");
                foreach (var s in before)
                {
                    html.Raw("<li>").Text(s.Value.Display).Raw(" <span class=\"muted\">").Text(StorySection.When(s)).Raw("</span> ");
                    WriteCitations(context, html, story, s);
                    html.Raw("</li>");
                }
                html.Raw("</ol>");
            }
            html.Raw("</td></tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    /// <summary>Citations of a value: each article's link jumps to the sentence holding that article's claim.</summary>
    internal static void WriteCitations(HtmlBriefingContext context, HtmlWriter html, StoryReport story, StateStep step)
    {
        var claims = step.Claims.Select(story.ClaimById).GroupBy(c => c.Article).ToDictionary(g => g.Key, g => g.First());
        context.WriteCitations(html, step.Articles, n => claims.TryGetValue(n, out var c) ? context.AnchorOf(n, c.Evidence) : HtmlBriefingContext.ArticleId(n));
    }

    /// <summary>"reported as: the monitor → Reuters" when the value reached the articles through a relay.</summary>
    internal static void WriteChains(HtmlWriter html, StoryReport story, StateStep step)
    {
        var chains = StorySection.ChainsOf(story, step);
        if (chains.Count == 0) return;
        html.Raw("<div class=\"chain small muted\">reported as: ").Text(string.Join("; ", chains)).Raw("</div>");
    }
}
