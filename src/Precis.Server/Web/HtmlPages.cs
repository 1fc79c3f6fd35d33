using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Precis.Server.Storage;

namespace Precis.Server.Web;

/// <summary>
/// Server-rendered HTML for people: the events list and an event's briefing, read from the briefing JSON so that any
/// section the pipeline adds (timeline, quotes, conflicts, …) shows up without a change here. Every piece of article
/// content goes through <see cref="HtmlEncoder"/>; pages carry no script and a CSP that forbids any.
/// </summary>
internal static class HtmlPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    // Sections this renderer lays out itself; any other top-level property of the briefing JSON is shown generically.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "schemaVersion", "id", "summary", "sources", "syndicationGroups", "diagnostics" };

    public static string EventList(EventPage page)
    {
        var b = Start("Precis — events");
        b.Append("<h1>Events</h1>\n");
        if (page.Events.Count == 0) b.Append("<p>No events yet. POST articles to <code>/api/articles</code>.</p>\n");
        b.Append("<ol class=\"events\">\n");
        foreach (var e in page.Events)
        {
            b.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/events/{e.Id}\">{E(e.Headline ?? $"Event {e.Id}")}</a> ")
             .Append(CultureInfo.InvariantCulture, $"<span class=\"meta\">{e.SourceCount} source{(e.SourceCount == 1 ? "" : "s")}, {e.ArticleCount} article{(e.ArticleCount == 1 ? "" : "s")}, updated {E(e.LastActivity.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</span></li>\n");
        }
        b.Append("</ol>\n");
        if (page.Offset > 0) b.Append(CultureInfo.InvariantCulture, $"<a href=\"/?offset={Math.Max(0, page.Offset - page.Limit)}\">Newer</a> ");
        if (page.Offset + page.Limit < page.Total) b.Append(CultureInfo.InvariantCulture, $"<a href=\"/?offset={page.Offset + page.Limit}\">Older</a>");
        return End(b);
    }

    /// <param name="suppliedDates">Article id → the publication date the client supplied, shown when the pipeline found none.</param>
    public static string EventPage(StoredEvent e, StoredBriefing briefing, IReadOnlyDictionary<string, string?> suppliedDates)
    {
        ArgumentNullException.ThrowIfNull(suppliedDates);
        using var doc = JsonDocument.Parse(briefing.Json);
        var root = doc.RootElement;
        var b = Start($"Precis — {e.Headline ?? $"Event {e.Id}"}");
        b.Append("<p><a href=\"/\">All events</a></p>\n");
        b.Append(CultureInfo.InvariantCulture, $"<h1>{E(e.Headline ?? $"Event {e.Id}")}</h1>\n");
        b.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{e.SourceCount} sources, {e.ArticleCount} articles · <a href=\"/api/events/{e.Id}\">JSON</a> · <a href=\"/api/events/{e.Id}/brief.md\">Markdown</a></p>\n");

        b.Append("<section id=\"summary\"><h2>What happened</h2>\n<ul class=\"summary\">\n");
        var sentences = root.TryGetProperty("summary", out var summary) && summary.TryGetProperty("sentences", out var s) ? s.EnumerateArray().ToList() : [];
        if (sentences.Count == 0) b.Append("<li><em>No summary: no usable sentences.</em></li>\n");
        foreach (var sentence in sentences)
        {
            b.Append("<li>").Append(E(Str(sentence, "text"))).Append(' ');
            if (sentence.TryGetProperty("citations", out var cites))
            {
                b.Append("<span class=\"cites\">[");
                bool first = true;
                foreach (var c in cites.EnumerateArray())
                {
                    if (!first) b.Append(", ");
                    first = false;
                    var n = c.GetRawText();
                    b.Append(CultureInfo.InvariantCulture, $"<a class=\"cite\" href=\"#source-{E(n)}\">{E(n)}</a>");
                }
                b.Append("]</span>");
            }
            b.Append("</li>\n");
        }
        b.Append("</ul></section>\n");

        b.Append("<section id=\"sources\"><h2>Sources</h2>\n<ol class=\"sources\">\n");
        if (root.TryGetProperty("sources", out var sources))
        {
            foreach (var src in sources.EnumerateArray())
            {
                var number = src.TryGetProperty("number", out var num) ? num.GetRawText() : "";
                var headline = Str(src, "headline") ?? Str(src, "id") ?? "(untitled)";
                var url = Str(src, "url");
                var date = src.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.Object ? Str(p, "date") : null;
                date ??= Str(src, "id") is { } sid && suppliedDates.TryGetValue(sid, out var supplied) ? supplied : null;
                b.Append(CultureInfo.InvariantCulture, $"<li id=\"source-{E(number)}\" value=\"{E(number)}\">");
                b.Append(SafeUrl(url) is { } href ? $"<a href=\"{E(href)}\" rel=\"noopener noreferrer nofollow\">{E(headline)}</a>" : $"<strong>{E(headline)}</strong>");
                b.Append(CultureInfo.InvariantCulture, $" — <span class=\"outlet\">{E(Str(src, "outlet") ?? "unknown outlet")}</span>, <span class=\"date\">{E(date ?? "undated")}</span>");
                b.Append("</li>\n");
            }
        }
        b.Append("</ol></section>\n");

        if (root.TryGetProperty("syndicationGroups", out var groups))
        {
            var copies = groups.EnumerateArray().Where(g => g.TryGetProperty("articles", out var a) && a.GetArrayLength() > 1).ToList();
            if (copies.Count > 0)
            {
                b.Append("<section id=\"syndication\"><h2>Copies of one story</h2>\n<ul>\n");
                foreach (var g in copies)
                {
                    var links = g.GetProperty("articles").EnumerateArray().Select(n => $"<a href=\"#source-{E(n.GetRawText())}\">{E(n.GetRawText())}</a>");
                    b.Append("<li>Articles ").Append(string.Join(", ", links)).Append(" count as one source.</li>\n");
                }
                b.Append("</ul></section>\n");
            }
        }

        // Hook for sections added by later pipeline stages: rendered generically from their JSON.
        foreach (var property in root.EnumerateObject())
        {
            if (Known.Contains(property.Name)) continue;
            b.Append(CultureInfo.InvariantCulture, $"<section class=\"extra\" id=\"section-{E(property.Name)}\"><h2>{E(Title(property.Name))}</h2>\n");
            Generic(property.Value, b);
            b.Append("</section>\n");
        }
        return End(b);
    }

    public static string Message(string title, string text)
    {
        var b = Start(title);
        b.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1><p>{E(text)}</p><p><a href=\"/\">All events</a></p>\n");
        return End(b);
    }

    private static void Generic(JsonElement value, StringBuilder b)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                b.Append("<ul>\n");
                foreach (var item in value.EnumerateArray())
                {
                    b.Append("<li>");
                    Generic(item, b);
                    b.Append("</li>\n");
                }
                b.Append("</ul>\n");
                break;
            case JsonValueKind.Object:
                b.Append("<dl>");
                foreach (var p in value.EnumerateObject())
                {
                    b.Append(CultureInfo.InvariantCulture, $"<dt>{E(p.Name)}</dt><dd>");
                    Generic(p.Value, b);
                    b.Append("</dd>");
                }
                b.Append("</dl>");
                break;
            case JsonValueKind.String:
                b.Append(E(value.GetString()));
                break;
            case JsonValueKind.Null:
                b.Append('—');
                break;
            default:
                b.Append(E(value.GetRawText()));
                break;
        }
    }

    private static string Title(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Only absolute http(s) links are rendered as links (no javascript: or data: URLs).</summary>
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u.AbsoluteUri : null;

    private static string E(string? text) => Html.Encode(text ?? "");

    private static StringBuilder Start(string title)
    {
        var b = new StringBuilder(8192);
        b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>\n<style>{Style}</style></head>\n<body><main>\n");
        return b;
    }

    private static string End(StringBuilder b) => b.Append("</main></body></html>\n").ToString();

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f5f1;color:#1d1d1d}" +
        "main{max-width:52rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;background:#fff;min-height:100vh}" +
        "h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.15rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:1.6rem}" +
        ".meta{color:#666;font-size:.9rem}.summary li{margin:.45rem 0;line-height:1.45}.cites{font-size:.85rem;color:#555}" +
        ".cite{text-decoration:none;color:#0b57d0}.sources li{margin:.3rem 0}.outlet{font-weight:600}.date{color:#555}" +
        ".events li{margin:.5rem 0}a{color:#0b57d0}:target{background:#fff3c4}dt{font-weight:600}dd{margin:0 0 .3rem 1rem}";
}
