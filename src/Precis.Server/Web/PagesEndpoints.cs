using Precis.Server.Briefings;
using Precis.Server.Storage;

namespace Precis.Server.Web;

/// <summary>GET / (events list) and GET /events/{id} (an event's briefing), as HTML.</summary>
internal static class PagesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (IPrecisStore store, CancellationToken ct, int offset = 0) =>
        {
            var page = await store.ListEventsAsync(Math.Max(0, offset), 50, ct).ConfigureAwait(false);
            return Page(HtmlPages.EventList(page));
        }).ExcludeFromDescription();
        app.MapGet("/events/{id:long}", async (long id, EventBriefings briefings, IPrecisStore store, CancellationToken ct) =>
        {
            var found = await briefings.GetAsync(id, ct).ConfigureAwait(false);
            if (found is not { } f) return Page(HtmlPages.Message("No such event", $"There is no event {id}."), StatusCodes.Status404NotFound);
            var articles = await store.GetEventArticlesAsync(f.Event.Id, ct).ConfigureAwait(false);
            var dates = articles.ToDictionary(a => a.Id, a => a.Metadata.Published, StringComparer.Ordinal);
            return Page(HtmlPages.EventPage(f.Event, f.Briefing, dates));
        }).ExcludeFromDescription();
    }

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
