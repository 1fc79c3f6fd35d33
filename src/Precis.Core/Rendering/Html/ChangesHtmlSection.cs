using Precis.Analysis.Facts;
using Precis.Rendering.Sections;

namespace Precis.Rendering.Html;

/// <summary>
/// "What changed": what a reader who last looked at a time has not seen — new claims, changed values, new conflicts.
/// The time is the briefing's <see cref="Documents.Briefing.Since"/> (articles published after it, as in the Markdown
/// briefing), else the page's "new since" time (articles that arrived after it: the server's "since your last visit").
/// </summary>
internal sealed class ChangesHtmlSection : IHtmlSection
{
    public string Id => "changes";

    public string Title => "What changed";

    public bool AppliesTo(HtmlBriefingContext context) =>
        context.Briefing.Story is not null && (context.Briefing.Since is not null || (context.Options.NewSince is not null && context.Options.AddedAt is not null));

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var briefing = context.Briefing;
        var story = briefing.Story!;
        IReadOnlyList<StoryChange> changes;
        string since;
        if (briefing.Since is { } published)
        {
            changes = StoryChanges.Since(story, briefing.Articles, published);
            since = "published after " + SinceSection.Stamp(published);
        }
        else
        {
            var cut = context.Options.NewSince!.Value;
            changes = StoryChanges.Of(story, n => (context.AddedAt([n]) is { } t && t > cut, false));
            since = "that arrived after " + SinceSection.Stamp(cut.ToUniversalTime());
        }
        html.Raw("<p class=\"muted\">From the reports ").Text(since).Raw(".</p>\n");
        if (changes.Count == 0)
        {
            html.Raw("<p class=\"empty\">Nothing new: no later report changes a claim.</p>\n");
            return;
        }
        html.Raw("<ul class=\"changes\">\n");
        foreach (var c in changes)
        {
            var frame = story.FrameById(c.Frame);
            html.Raw("<li");
            context.WriteItemAttributes(html, c.Step.Articles);
            html.Raw(">");
            switch (c.Kind)
            {
                case ChangeKind.NewFrame:
                    html.Raw("<span class=\"badge\">new</span> <strong>").Text(frame.Label).Raw("</strong>: ")
                        .Text(c.Step.Value.Display).Raw(" <span class=\"muted\">").Text(StorySection.When(c.Step)).Raw("</span> ");
                    break;
                case ChangeKind.Changed:
                    html.Raw("<span class=\"badge update\">changed</span> <strong>").Text(frame.Label).Raw("</strong>: ").Text(c.Relation!.Note).Raw(" ");
                    break;
                default:
                    html.Raw("<span class=\"badge conflict\">new conflict</span> <strong>").Text(frame.Label).Raw("</strong>: ").Text(c.Relation!.Note).Raw(" ");
                    break;
            }
            StoryHtmlSection.WriteCitations(context, html, story, c.Step);
            if (c.Uncertain) html.Raw(" <span class=\"muted\">(undated report: may be earlier)</span>");
            html.Raw("</li>\n");
        }
        html.Raw("</ul>\n");
    }
}
