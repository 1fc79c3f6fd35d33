using Precis.Server.Briefings;
using Precis.Server.Storage;

namespace Precis.Server.Endpoints;

/// <summary>GET /api/events (paged), /api/events/{id} (briefing JSON), /api/events/{id}/brief.md.</summary>
internal static class EventsEndpoints
{
    public const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", ListAsync).WithSummary("Events, newest activity first (offset, limit ≤ 100).");
        app.MapGet("/api/events/{id:long}", async (long id, EventBriefings briefings, HttpContext http, CancellationToken ct, string? since = null) =>
        {
            if (since is not null) return await SinceAsync(id, since, markdown: false, briefings, ct).ConfigureAwait(false);
            var found = await briefings.GetAsync(id, ct).ConfigureAwait(false);
            if (found is { } f) MarkStale(http, f.Event, f.Briefing);
            return found is { } g
                ? Results.Text(g.Briefing.Json, "application/json; charset=utf-8")
                : NotFound(id);
        }).WithSummary("The event's briefing as JSON (docs/briefing-schema.md); rebuilt only when its articles changed.");
        app.MapGet("/api/events/{id:long}/brief.md", async (long id, EventBriefings briefings, HttpContext http, CancellationToken ct, string? since = null) =>
        {
            if (since is not null) return await SinceAsync(id, since, markdown: true, briefings, ct).ConfigureAwait(false);
            var found = await briefings.GetAsync(id, ct).ConfigureAwait(false);
            if (found is { } f) MarkStale(http, f.Event, f.Briefing);
            return found is { } g
                ? Results.Text(g.Briefing.Markdown, "text/markdown; charset=utf-8")
                : NotFound(id);
        }).WithSummary("The event's briefing as Markdown.");
    }

    /// <summary>A briefing older than its event's articles (a rebuild is running) says so in headers.</summary>
    internal static void MarkStale(HttpContext http, StoredEvent e, StoredBriefing b)
    {
        if (b.IsCurrentFor(e)) return;
        http.Response.Headers["X-Precis-Briefing"] = $"stale; built-from-version={b.EventVersion}; event-version={e.Version}";
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>?since=TIME (YYYY-MM-DD or ISO 8601): the briefing with its "What changed since" section.</summary>
    private static async Task<IResult> SinceAsync(long id, string since, bool markdown, EventBriefings briefings, CancellationToken ct)
    {
        if (Precis.Analysis.Facts.SinceTime.Parse(since) is not { } time)
        {
            return Problems.BadRequest("Invalid since", new Dictionary<string, string[]>(StringComparer.Ordinal) { ["since"] = ["must be a date (YYYY-MM-DD) or an ISO 8601 date and time"] });
        }
        var text = await briefings.RenderSinceAsync(id, time, markdown, ct).ConfigureAwait(false);
        return text is null ? NotFound(id) : Results.Text(text, markdown ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8");
    }

    private static IResult NotFound(long id) =>
        Results.Problem(title: "No such event", detail: id.ToString(System.Globalization.CultureInfo.InvariantCulture), statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ListAsync(IPrecisStore store, CancellationToken ct, int offset = 0, int limit = 20)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (offset < 0) errors["offset"] = ["must be 0 or more"];
        if (limit is < 1 or > MaxPageSize) errors["limit"] = [$"must be between 1 and {MaxPageSize}"];
        if (errors.Count > 0) return Problems.BadRequest("Invalid paging", errors);
        var page = await store.ListEventsAsync(offset, limit, ct).ConfigureAwait(false);
        return Results.Json(new EventList(
            Total: page.Total,
            Offset: page.Offset,
            Limit: page.Limit,
            Events: [.. page.Events.Select(e => new EventListItem(
                Id: e.Id,
                Headline: e.Headline,
                ArticleCount: e.ArticleCount,
                SourceCount: e.SourceCount,
                LastActivity: e.LastActivity,
                Url: $"/api/events/{e.Id}"))]), ApiJson.Http.EventList);
    }
}
