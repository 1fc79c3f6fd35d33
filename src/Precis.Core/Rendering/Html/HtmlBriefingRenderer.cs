using System.Collections.Immutable;
using System.Globalization;
using Precis.Documents;

namespace Precis.Rendering.Html;

/// <summary>
/// Renders a briefing as HTML for a reader: the Markdown briefing's sections, laid out (a drawn timeline, tables,
/// quotes by speaker), with every citation jumping to the cited sentence in the article's text. Everything from the
/// articles is escaped; the standalone document loads nothing (inline CSS allowed by hash, a CSP that forbids every
/// request and every script).
/// </summary>
public sealed class HtmlBriefingRenderer(HtmlBriefingOptions options) : IBriefingRenderer
{
    public static HtmlBriefingRenderer Default { get; } = new(HtmlBriefingOptions.Document);

    /// <summary>The sections in page order. A new kind of briefing content is one more <see cref="IHtmlSection"/> here.</summary>
    public static ImmutableArray<IHtmlSection> Sections { get; } =
    [
        new ChangesHtmlSection(),
        new StoryHtmlSection(),
        new SummaryHtmlSection(),
        new TimelineHtmlSection(),
        new FactsHtmlSection(),
        new QuotesHtmlSection(),
        new EntitiesHtmlSection(),
        new SourcesHtmlSection(),
        new ArticlesHtmlSection(),
    ];

    /// <summary>The policy of the standalone document: no request of any kind, no script, only its own style.</summary>
    public static string DocumentCsp { get; } =
        $"default-src 'none'; style-src {HtmlBriefingStyle.CspHash}; img-src data:; base-uri 'none'; form-action 'none'";

    public HtmlBriefingOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public string Format => "html";

    public void Render(Briefing briefing, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(writer);
        var context = new HtmlBriefingContext(briefing, Options);
        var html = new HtmlWriter(writer);
        var title = TitleOf(briefing, Options);
        if (Options.Standalone)
        {
            html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .Raw("<meta http-equiv=\"Content-Security-Policy\"").Attr("content", DocumentCsp).Raw(">\n")
                .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .Raw("<title>").Text(title).Raw(" — Precis briefing</title>\n")
                .Raw("<style>").Raw(HtmlBriefingStyle.Css).Raw("</style>\n</head>\n<body><main>\n");
        }
        html.Raw("<header class=\"briefing-head\"><h1>").Text(title).Raw("</h1>\n");
        html.Raw("<p class=\"meta\">").Text(Overview(briefing)).Raw("</p>\n");
        if (Options.NewSince is { } since && Options.AddedAt is { } added)
        {
            var fresh = briefing.Articles.Count(a => added.TryGetValue(a.Id, out var t) && t > since);
            html.Raw("<p class=\"new-since\">").Text(fresh == 0
                ? "Nothing new since " + Stamp(since) + "."
                : $"{fresh} new article{(fresh == 1 ? "" : "s")} since {Stamp(since)}: new items are marked.").Raw("</p>\n");
        }
        var sections = Sections.Where(s => s.AppliesTo(context)).ToList();
        html.Raw("<nav class=\"toc\" aria-label=\"sections\">");
        foreach (var s in sections) html.Raw("<a").Attr("href", "#" + s.Id).Raw(">").Text(s.Title).Raw("</a>");
        html.Raw("</nav></header>\n");
        foreach (var s in sections)
        {
            html.Raw("<section").Attr("id", s.Id).Raw("><h2>").Text(s.Title).Raw("</h2>\n");
            s.Write(context, html);
            html.Raw("</section>\n");
        }
        html.Raw("<footer>Every sentence above is quoted verbatim from the articles it cites; reworded copies are listed, not cited. ")
            .Text(FormattableString.Invariant($"Summary: {briefing.Summary.Method}, {briefing.Summary.Budget}.")).Raw(" Made by Precis.</footer>\n");
        if (Options.Standalone) html.Raw("</main></body></html>\n");
    }

    /// <summary>The page title: the caller's, else the headline of the article the summary starts from.</summary>
    public static string TitleOf(Briefing briefing, HtmlBriefingOptions options)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Title is { Length: > 0 } t) return t;
        var lead = briefing.Summary.Sentences.IsEmpty ? null : briefing.Articles.FirstOrDefault(a => a.Number == briefing.Summary.Sentences[0].Origin.Article);
        return lead?.Headline ?? briefing.Articles.Select(a => a.Headline).FirstOrDefault(h => h is not null) ?? (briefing.Id is null ? "Briefing" : "Briefing " + briefing.Id);
    }

    private static string Overview(Briefing briefing)
    {
        var n = briefing.Articles.Length;
        var outlets = briefing.Articles.Select(a => a.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).Count();
        var independent = briefing.SyndicationGroups.Length;
        var dates = briefing.Articles.Where(a => a.Published is { Inferred: false }).Select(a => a.Published!.Date).Order().ToList();
        var text = $"{n} article{(n == 1 ? "" : "s")} from {outlets} outlet{(outlets == 1 ? "" : "s")} ({independent} independent stor{(independent == 1 ? "y" : "ies")})";
        if (dates.Count > 0) text += ", published " + Precis.Analysis.Dates.DateFormat.Range(dates[0], dates[^1]);
        return text + ".";
    }

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
