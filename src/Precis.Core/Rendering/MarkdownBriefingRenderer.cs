using System.Globalization;
using Precis.Documents;

namespace Precis.Rendering;

/// <summary>Renders a briefing as GitHub-flavoured Markdown.</summary>
public sealed class MarkdownBriefingRenderer : IBriefingRenderer
{
    public static MarkdownBriefingRenderer Default { get; } = new();

    public string Format => "markdown";

    public void Render(Briefing briefing, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(writer);
        var title = briefing.Id is null ? "Briefing" : $"Briefing: {briefing.Id}";
        writer.WriteLine($"# {title}");
        writer.WriteLine();
        Sections.SinceSection.WriteMarkdown(briefing, writer);
        Sections.StorySection.WriteStateMarkdown(briefing, writer);
        writer.WriteLine("## What happened");
        writer.WriteLine();
        if (briefing.Summary.Sentences.IsEmpty) writer.WriteLine("_No summary: no usable sentences._");
        foreach (var s in briefing.Summary.Sentences)
        {
            var reworded = s.Equivalents.IsEmpty ? "" : $" (also, reworded: {string.Join(", ", s.Equivalents.Select(e => e.Article).Distinct().Order())})";
            writer.WriteLine($"- {Escape(s.Text)} [{string.Join(", ", s.Citations)}]{reworded}");
        }
        Sections.TimelineSection.WriteMarkdown(briefing, writer);
        Sections.FactsSection.WriteMarkdown(briefing, writer);
        Sections.QuotesSection.WriteMarkdown(briefing, writer);
        Sections.EntitiesSection.WriteMarkdown(briefing, writer);

        // Sources last: the numbered list every citation above refers to.
        writer.WriteLine();
        writer.WriteLine("## Sources");
        writer.WriteLine();
        foreach (var a in briefing.Articles)
        {
            var group = briefing.GroupOf(a.Number);
            var date = a.Published is null ? "undated" : FormatDate(a.Published);
            var syndication = group.IsSyndicated ? $" — syndication group {group.Id} (with {string.Join(", ", group.Articles.Where(n => n != a.Number))})" : "";
            writer.WriteLine($"{a.Number}. **{Escape(a.Headline ?? a.Id)}** — {Escape(a.Outlet ?? "unknown outlet")}, {date}{syndication}");
        }
    }

    internal static string FormatDate(PublicationDate d)
    {
        var text = d.Precision switch
        {
            DatePrecision.Year => d.Date.ToString("yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => d.Date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            _ => d.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
        };
        if (d.Time is { } t && d.Precision == DatePrecision.Minute) text += " " + t.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (d.Inferred && d.Precision == DatePrecision.Unknown) return Sections.InferredDate.Describe(d);
        return d.Inferred ? text + " (inferred)" : text;
    }

    /// <summary>Escapes characters that Markdown would read as markup or that a renderer could treat as HTML.</summary>
    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal)
        .Replace("]", "\\]", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal);
}
