using System.Globalization;
using Precis.Rendering.Html;
using Precis.Server.Briefings;
using Precis.Server.Storage;

namespace Precis.Server.Web;

/// <summary>
/// GET / (events list: q, from, to, outlet, sort, offset), GET /events/{id} (the briefing; since=ISO time marks what
/// is new), GET /events/{id}/brief.html (the self-contained file), GET /assets/precis.js (the pages' one script).
/// </summary>
internal static class PagesEndpoints
{
    public const int PageSize = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (IPrecisStore store, CancellationToken ct, string? q, string? from, string? to, string? outlet, string? sort, int offset = 0) =>
        {
            var query = new EventQuery(
                EventQuery.WordsOf(q),
                Day(from),
                Day(to),
                string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(),
                Enum.TryParse<EventSort>(sort, ignoreCase: true, out var s) ? s : EventSort.Activity,
                Math.Max(0, offset),
                PageSize);
            EventPage page;
            IReadOnlyList<string> outlets = [];
            if (store is IEventSearch search)
            {
                page = await search.SearchEventsAsync(query, ct).ConfigureAwait(false);
                outlets = await search.ListOutletsAsync(500, ct).ConfigureAwait(false);
            }
            else
            {
                page = await store.ListEventsAsync(query.Offset, PageSize, ct).ConfigureAwait(false);
            }
            return Page(HtmlPages.EventList(page, query, q, outlets, DateTimeOffset.UtcNow));
        }).ExcludeFromDescription();

        app.MapGet("/events/{id:long}", async (long id, EventBriefings briefings, IPrecisStore store, CancellationToken ct, string? since) =>
        {
            var found = await briefings.GetModelAsync(id, ct).ConfigureAwait(false);
            if (found is not { } f) return Page(HtmlPages.Message("No such event", $"There is no event {id}."), StatusCodes.Status404NotFound);
            var articles = await store.GetEventArticlesAsync(f.Event.Id, ct).ConfigureAwait(false);
            var added = articles.ToDictionary(a => a.Id, a => a.IngestedAt, StringComparer.Ordinal);
            DateTimeOffset? sinceTime = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
            return Page(HtmlPages.EventPage(f.Event, f.Model, added, sinceTime, DateTimeOffset.UtcNow));
        }).ExcludeFromDescription();

        app.MapGet("/events/{id:long}/brief.html", async (long id, EventBriefings briefings, CancellationToken ct) =>
        {
            var found = await briefings.GetModelAsync(id, ct).ConfigureAwait(false);
            if (found is not { } f) return Page(HtmlPages.Message("No such event", $"There is no event {id}."), StatusCodes.Status404NotFound);
            var w = new StringWriter(CultureInfo.InvariantCulture);
            new HtmlBriefingRenderer(HtmlBriefingOptions.Document with { Title = f.Event.Headline }).Render(f.Model, w);
            return Page(w.ToString());
        }).WithSummary("The event's briefing as one self-contained HTML file (no external requests).");

        app.MapGet("/feeds", async (IServiceProvider services, CancellationToken ct) =>
        {
            var feeds = services.GetService<Feeds.IFeedStore>();
            var list = feeds is null ? [] : await feeds.ListFeedsAsync(ct).ConfigureAwait(false);
            return Page(HtmlPages.FeedsPage(list));
        }).ExcludeFromDescription();

        app.MapGet("/assets/precis.js", () => Results.Text(HtmlPages.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
