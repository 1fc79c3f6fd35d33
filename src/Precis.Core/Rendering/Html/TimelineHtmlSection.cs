using System.Globalization;
using Precis.Analysis.Dates;
using Precis.Timeline;

namespace Precis.Rendering.Html;

/// <summary>
/// "When": the timeline drawn on a date axis (an inline SVG, no script), then the entries in date order. Dates worked
/// out from a relative phrase ("on Monday") are marked inferred, with the reasoning behind a disclosure.
/// </summary>
internal sealed class TimelineHtmlSection : IHtmlSection
{
    private const int AxisWidth = 1000;

    public string Id => "timeline";

    public string Title => "When";

    public bool AppliesTo(HtmlBriefingContext context) => context.Briefing.Timeline is not null;

    public void Write(HtmlBriefingContext context, HtmlWriter html)
    {
        var entries = context.Briefing.Timeline!.Entries;
        if (entries.IsEmpty)
        {
            html.Raw("<p class=\"empty\">No dated events found.</p>\n");
            return;
        }
        WriteAxis(entries, html);
        html.Raw("<ol class=\"timeline\">\n");
        int index = 0;
        foreach (var e in entries)
        {
            index++;
            var inferred = IsInferred(e.When);
            html.Raw("<li");
            context.WriteItemAttributes(html, e.Sources, inferred ? "tl-entry inferred" : "tl-entry");
            html.Attr("id", "when-" + index.ToString(CultureInfo.InvariantCulture)).Raw(">");
            html.Raw("<time").Attr("datetime", DateFormat.Iso(e.When.Start)).Raw(">").Text(DateFormat.Of(e.When)).Raw("</time>");
            if (inferred) html.Raw(" <span class=\"badge inferred\" title=\"worked out from a relative date in the text\">inferred</span>");
            html.Raw("<p class=\"tl-text\">").Text(e.Text).Raw(" ");
            var firstReport = e.Reports.GroupBy(r => r.Article).ToDictionary(g => g.Key, g => g.First());
            context.WriteCitations(html, e.Sources, n => firstReport.TryGetValue(n, out var r)
                ? context.AnchorOf(n, r.Span)
                : context.AnchorOf(n, e.Text));
            if (e.IndependentSources < e.Sources.Length)
            {
                html.Raw(" <span class=\"muted\">(").Text(HtmlBriefingContext.Independent(e.IndependentSources)).Raw(")</span>");
            }
            html.Raw("</p>");
            html.Raw("<details class=\"evidence\"><summary>How this date was found</summary><ul>");
            foreach (var evidence in e.Reports.Select(r => (r.Article, r.When.Evidence)).Distinct().Take(5))
            {
                html.Raw("<li>").Text(evidence.Evidence).Raw(" <span class=\"muted\">(article ").Raw(evidence.Article).Raw(")</span></li>");
            }
            html.Raw("</ul></details></li>\n");
        }
        html.Raw("</ol>\n");
    }

    /// <summary>
    /// A date worked out rather than stated in full: resolved against a publication date (a weekday, "last week"), or
    /// bounded from the readings of an article whose own date was inferred.
    /// </summary>
    internal static bool IsInferred(DateResolution when) =>
        when.Anchor is not null || when.Rule.EndsWith("-bounded", StringComparison.Ordinal);

    private static void WriteAxis(IReadOnlyList<TimelineEntry> entries, HtmlWriter html)
    {
        var lo = entries.Min(e => e.When.Start).DayNumber;
        var hi = entries.Max(e => e.When.End).DayNumber;
        var span = Math.Max(1, hi - lo);
        // Margins keep the end labels inside the drawing.
        double X(int day) => 60 + (AxisWidth - 120) * (double)(day - lo) / span;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        html.Raw(FormattableString.Invariant($"<svg class=\"axis\" viewBox=\"0 0 {AxisWidth} 64\" role=\"img\" aria-label=\"timeline from "))
            .Text(DateFormat.Day(DateOnly.FromDayNumber(lo))).Raw(" to ").Text(DateFormat.Day(DateOnly.FromDayNumber(hi))).Raw("\">");
        html.Raw(FormattableString.Invariant($"<line x1=\"{F(X(lo))}\" y1=\"30\" x2=\"{F(X(hi))}\" y2=\"30\" class=\"axis-line\"/>"));
        int index = 0;
        foreach (var e in entries)
        {
            index++;
            var inferred = IsInferred(e.When);
            var (s, t) = (e.When.Start.DayNumber, e.When.End.DayNumber);
            html.Raw("<a").Attr("href", "#when-" + index.ToString(CultureInfo.InvariantCulture)).Raw("><title>").Text(DateFormat.Of(e.When) + " — " + e.Text).Raw("</title>");
            if (t > s)
            {
                html.Raw(FormattableString.Invariant($"<rect x=\"{F(X(s))}\" y=\"24\" width=\"{F(Math.Max(4, X(t) - X(s)))}\" height=\"12\" rx=\"6\" class=\"{(inferred ? "mark inferred" : "mark")}\"/>"));
            }
            else
            {
                html.Raw(FormattableString.Invariant($"<circle cx=\"{F(X(s))}\" cy=\"30\" r=\"7\" class=\"{(inferred ? "mark inferred" : "mark")}\"/>"));
            }
            html.Raw("</a>");
        }
        // Labels: the first and last day, and the start of each month in between when the range spans months.
        var labels = new SortedSet<int> { lo, hi };
        var first = DateOnly.FromDayNumber(lo);
        for (var m = new DateOnly(first.Year, first.Month, 1).AddMonths(1); m.DayNumber < hi && labels.Count < 8; m = m.AddMonths(1)) labels.Add(m.DayNumber);
        foreach (var day in labels)
        {
            var d = DateOnly.FromDayNumber(day);
            var anchor = day == lo && lo != hi ? "start" : day == hi && lo != hi ? "end" : "middle";
            html.Raw(FormattableString.Invariant($"<text x=\"{F(X(day))}\" y=\"58\" text-anchor=\"{anchor}\" class=\"axis-label\">"))
                .Text(d.ToString(span > 700 ? "MMM yyyy" : "d MMM", CultureInfo.InvariantCulture)).Raw("</text>");
        }
        html.Raw("</svg>\n");
        html.Raw("<p class=\"legend muted\"><span class=\"key stated\"></span> date stated in the text <span class=\"key inferred\"></span> date inferred from a relative phrase (\u201Con Monday\u201D)</p>\n");
    }
}
