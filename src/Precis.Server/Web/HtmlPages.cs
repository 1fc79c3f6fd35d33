using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Precis.Documents;
using Precis.Rendering.Html;
using Precis.Server.Storage;

namespace Precis.Server.Web;

/// <summary>
/// Server-rendered HTML for people: the events list (search, filters, sort) and an event's whole briefing, laid out by
/// Core's <see cref="HtmlBriefingRenderer"/> (the same sections as <c>precis brief --format html</c>). Everything from
/// articles is escaped. Pages read without script; the one small local script (<see cref="Script"/>) only marks what is
/// new since the reader's last visit, kept in the browser's localStorage.
/// </summary>
internal static class HtmlPages
{
    public static string EventList(EventPage page, EventQuery query, string? q, IReadOnlyList<string> outlets, DateTimeOffset now)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var h = new HtmlWriter(w);
        Start(h, "Precis — events", null, now);
        h.Raw("<header class=\"site\"><a href=\"/\" class=\"brand\">Precis</a> <span class=\"muted\">events as they develop, with every claim cited</span></header>\n");
        h.Raw("<h1>Events</h1>\n");
        h.Raw("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
            .Raw("<div class=\"row\"><label class=\"grow\">Search<input type=\"search\" name=\"q\"").Attr("value", q).Raw(" placeholder=\"words in headlines and text\"></label><button type=\"submit\">Search</button></div><div class=\"row\">")
            .Raw("<label>From<input type=\"date\" name=\"from\"").Attr("value", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>To<input type=\"date\" name=\"to\"").Attr("value", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>Outlet<select name=\"outlet\"><option value=\"\">all outlets</option>");
        foreach (var o in outlets) h.Raw("<option").Attr("value", o).Raw(o == query.Outlet ? " selected" : "").Raw(">").Text(o).Raw("</option>");
        h.Raw("</select></label><label>Sort<select name=\"sort\">");
        foreach (var (value, label) in new[] { (EventSort.Activity, "latest activity"), (EventSort.Created, "newest"), (EventSort.Sources, "most sources") })
        {
            h.Raw("<option").Attr("value", value.ToString().ToLowerInvariant()).Raw(value == query.Sort ? " selected" : "").Raw(">").Text(label).Raw("</option>");
        }
        h.Raw("</select></label></div></form>\n");
        var filtered = query.Words.Count > 0 || query.From is not null || query.To is not null || query.Outlet is not null;
        h.Raw("<p class=\"meta\">").Text(filtered
            ? $"{page.Total} event{(page.Total == 1 ? "" : "s")} match."
            : $"{page.Total} event{(page.Total == 1 ? "" : "s")}.").Raw(filtered ? " <a href=\"/\">Clear</a>" : "").Raw("</p>\n");
        if (page.Total == 0 && !filtered) h.Raw("<p class=\"empty\">No events yet. POST articles to <code>/api/articles</code>, or follow feeds.</p>\n");
        h.Raw("<ol class=\"events\">\n");
        foreach (var e in page.Events)
        {
            h.Raw("<li").Attr("data-event-id", e.Id.ToString(CultureInfo.InvariantCulture)).Attr("data-activity", Iso(e.LastActivity)).Raw(">")
                .Raw("<a class=\"headline\"").Attr("href", $"/events/{e.Id.ToString(CultureInfo.InvariantCulture)}").Raw(">").Text(e.Headline ?? $"Event {e.Id}").Raw("</a>")
                .Raw("<span class=\"meta\">").Text($"{e.SourceCount} source{(e.SourceCount == 1 ? "" : "s")} · {e.ArticleCount} article{(e.ArticleCount == 1 ? "" : "s")} · updated {e.LastActivity.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}").Raw("</span></li>\n");
        }
        h.Raw("</ol>\n<nav class=\"pages\">");
        if (page.Offset > 0) h.Raw("<a").Attr("href", ListLink(q, query, Math.Max(0, page.Offset - page.Limit))).Raw(">← Newer</a> ");
        if (page.Offset + page.Limit < page.Total) h.Raw("<a").Attr("href", ListLink(q, query, page.Offset + page.Limit)).Raw(">Older →</a>");
        h.Raw("</nav>\n");
        return End(h, w);
    }

    /// <param name="addedAt">Article id → when it was ingested (what "new since" compares).</param>
    /// <param name="since">The reader's last visit given as <c>?since=</c>, or null (the script then uses localStorage).</param>
    public static string EventPage(StoredEvent e, Briefing briefing, IReadOnlyDictionary<string, DateTimeOffset> addedAt, DateTimeOffset? since, DateTimeOffset now)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var h = new HtmlWriter(w);
        var options = HtmlBriefingOptions.Fragment with { Title = e.Headline, AddedAt = addedAt, NewSince = since };
        Start(h, $"{HtmlBriefingRenderer.TitleOf(briefing, options)} — Precis", e, now, since);
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        h.Raw("<header class=\"site\"><a href=\"/\" class=\"brand\">Precis</a> <a href=\"/\">All events</a>")
            .Raw("<span class=\"downloads\">Download: <a").Attr("href", $"/events/{id}/brief.html").Raw(" download>HTML file</a> · <a").Attr("href", $"/api/events/{id}/brief.md").Raw(">Markdown</a> · <a")
            .Attr("href", $"/api/events/{id}").Raw(">JSON</a></span></header>\n");
        h.Raw("<p id=\"visit\" class=\"new-since\" hidden></p>\n");
        new HtmlBriefingRenderer(options).Render(briefing, w);
        return End(h, w);
    }

    /// <summary>The followed feeds and how their last poll went (failures shown in full).</summary>
    public static string FeedsPage(IReadOnlyList<Feeds.FeedState> feeds)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var h = new HtmlWriter(w);
        Start(h, "Precis — feeds", null, DateTimeOffset.UtcNow);
        h.Raw("<header class=\"site\"><a href=\"/\" class=\"brand\">Precis</a> <a href=\"/\">All events</a></header>\n<h1>Feeds</h1>\n");
        if (feeds.Count == 0) h.Raw("<p class=\"empty\">No feeds followed. Start with <code>precis serve --feeds FILE</code> or run <code>precis feeds add URL</code>.</p>\n");
        else
        {
            h.Raw("<div class=\"table\"><table class=\"feeds\"><thead><tr><th>Feed</th><th>Last poll</th><th>Status</th><th>Articles</th><th>Problem</th></tr></thead><tbody>\n");
            foreach (var f in feeds)
            {
                h.Raw("<tr").Attr("class", f.LastStatus == "failed" ? "failed" : null).Raw("><td>").Text(f.Url).Raw("</td><td>")
                    .Text(f.LastPolled is { } p ? p.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "not yet").Raw("</td><td>")
                    .Text(f.LastStatus ?? "waiting").Raw("</td><td>").Raw(f.ItemsIngested).Raw("</td><td class=\"error\">").Text(f.LastError ?? "").Raw("</td></tr>\n");
            }
            h.Raw("</tbody></table></div>\n");
        }
        return End(h, w);
    }

    public static string Message(string title, string text)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var h = new HtmlWriter(w);
        Start(h, title, null, DateTimeOffset.UtcNow);
        h.Raw("<h1>").Text(title).Raw("</h1><p>").Text(text).Raw("</p><p><a href=\"/\">All events</a></p>\n");
        return End(h, w);
    }

    private static string ListLink(string? q, EventQuery query, int offset)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q)) parts.Add("q=" + Uri.EscapeDataString(q));
        if (query.From is { } f) parts.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (query.To is { } t) parts.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (query.Outlet is { } o) parts.Add("outlet=" + Uri.EscapeDataString(o));
        if (query.Sort != EventSort.Activity) parts.Add("sort=" + query.Sort.ToString().ToLowerInvariant());
        parts.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        return "/?" + string.Join("&", parts);
    }

    internal static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Start(HtmlWriter h, string title, StoredEvent? e, DateTimeOffset now, DateTimeOffset? since = null)
    {
        h.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">")
            .Raw("<title>").Text(title).Raw("</title>\n")
            .Raw("<style>").Raw(HtmlBriefingStyle.Css).Raw("</style>\n<style>").Raw(PageCss).Raw("</style>\n")
            .Raw("<script src=\"/assets/precis.js\" defer></script></head>\n<body")
            .Attr("data-now", Iso(now))
            .Attr("data-event", e?.Id.ToString(CultureInfo.InvariantCulture))
            .Attr("data-since", since is { } s ? Iso(s) : null)
            .Raw("><main>\n");
    }

    private static string End(HtmlWriter h, StringWriter w)
    {
        h.Raw("</main></body></html>\n");
        return w.ToString();
    }

    /// <summary>The pages' own layout (site header, search form, events list), on top of the briefing's style.</summary>
    public const string PageCss =
        "header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 1rem;font-size:.9rem;padding-bottom:.6rem;border-bottom:1px solid var(--line);margin-bottom:.8rem}" +
        ".brand{font:700 1.15rem Georgia,serif;color:var(--ink);text-decoration:none}.downloads{margin-left:auto;color:var(--muted)}" +
        "form.search{background:#f8f7f3;border:1px solid var(--line);border-radius:.5rem;padding:.7rem;display:flex;flex-direction:column;gap:.6rem}" +
        "form.search .row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end}form.search .row label{flex:1 1 8rem}" +
        "form.search label{display:flex;flex-direction:column;font-size:.78rem;color:var(--muted);gap:.15rem}form.search .row .grow{flex:1 1 14rem}" +
        "form.search input,form.search select,form.search button{font:inherit;font-size:.95rem;padding:.35rem .5rem;border:1px solid #c9c6bd;border-radius:.35rem;background:#fff;color:var(--ink)}" +
        "form.search button{background:var(--ink);color:#fff;border-color:var(--ink);cursor:pointer}" +
        "ol.events{list-style:none;padding:0}ol.events li{padding:.7rem 0;border-bottom:1px solid var(--line)}" +
        "ol.events .headline{display:block;font:600 1.12rem/1.3 Georgia,serif;text-decoration:none;color:var(--ink)}ol.events .headline:hover{color:var(--accent)}" +
        "ol.events .meta{display:block;margin:.15rem 0 0;font-size:.85rem}" +
        "ol.events li.updated .headline::after{content:'updated';margin-left:.5rem;font:700 .68rem system-ui,sans-serif;color:#fff;background:var(--new);padding:0 .35rem;border-radius:.5rem;vertical-align:middle}" +
        "nav.pages{margin-top:1rem;display:flex;gap:1rem}tr.failed td{background:#fdf0ee}td.error{color:#a2281a;font-size:.85rem}" +
        "@media (max-width:700px){.downloads{margin-left:0}form.search .row label{flex:1 1 40%}}" +
        "@media print{header.site,form.search,nav.pages,#visit{display:none}}";

    /// <summary>
    /// The only script: marks items added since the reader's last visit to this event (kept per browser in localStorage;
    /// a <c>?since=</c> link wins), then records this visit. On the events list it marks events updated since.
    /// </summary>
    public const string Script = """
        (function () {
          "use strict";
          var body = document.body, store;
          try { store = window.localStorage; } catch (e) { return; }
          if (!store) return;
          var now = body.getAttribute("data-now"), ev = body.getAttribute("data-event");
          if (ev) {
            var key = "precis.visit." + ev, last = store.getItem(key);
            if (last && !body.hasAttribute("data-since")) {
              var fresh = 0;
              document.querySelectorAll("[data-added]").forEach(function (el) {
                if (el.getAttribute("data-added") > last) {
                  el.classList.add("new");
                  if (el.id && el.id.indexOf("source-") === 0) fresh++;
                }
              });
              var note = document.getElementById("visit");
              if (note) {
                var when = last.slice(0, 16).replace("T", " ") + " UTC";
                note.textContent = fresh === 0 ? "Nothing new since your last visit (" + when + ")."
                  : fresh + " new article" + (fresh === 1 ? "" : "s") + " since your last visit (" + when + "): new items are marked.";
                note.hidden = false;
              }
            }
            if (now) store.setItem(key, now);
          } else {
            document.querySelectorAll("[data-event-id]").forEach(function (li) {
              var seen = store.getItem("precis.visit." + li.getAttribute("data-event-id"));
              if (seen && li.getAttribute("data-activity") > seen) li.classList.add("updated");
            });
          }
        })();
        """;

    /// <summary>The Content-Security-Policy of every response: the two style sheets by hash, the one local script, nothing else.</summary>
    public static string Csp { get; } =
        $"default-src 'none'; style-src {HtmlBriefingStyle.CspHash} 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageCss)))}'; " +
        "script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
