namespace Precis.Rendering.Html;

/// <summary>
/// One section of the HTML briefing. A new kind of briefing content is one new implementation, added to
/// <see cref="HtmlBriefingRenderer.Sections"/>.
/// </summary>
public interface IHtmlSection
{
    /// <summary>The element id of the section (stable: links and tests use it).</summary>
    string Id { get; }

    /// <summary>The heading shown to the reader and in the table of contents.</summary>
    string Title { get; }

    /// <summary>False when the briefing has nothing for this section and it should be left out entirely.</summary>
    bool AppliesTo(HtmlBriefingContext context);

    /// <summary>Writes the section's body (the renderer writes the surrounding &lt;section&gt; and heading).</summary>
    void Write(HtmlBriefingContext context, HtmlWriter html);
}
