using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Rendering;
using Precis.Server.Storage;

namespace Precis.Server.Briefings;

/// <summary>
/// Keeps each event's briefing current lazily: a read finds the cached briefing, and rebuilds it with the pipeline only
/// when the event's articles changed since it was built (version check). Reads never rebuild a current briefing.
/// </summary>
public sealed class EventBriefings(IPrecisStore store, PrecisPipeline pipeline)
{
    // One rebuild at a time: concurrent readers of a stale event wait for the first rebuild instead of repeating it.
    private readonly SemaphoreSlim _rebuild = new(1, 1);

    /// <summary>The event (following merges) and its current briefing, or null when there is no such event.</summary>
    public async Task<(StoredEvent Event, StoredBriefing Briefing)?> GetAsync(long eventId, CancellationToken cancellationToken)
    {
        var e = await store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (e is null) return null;
        var cached = await store.GetBriefingAsync(e.Id, cancellationToken).ConfigureAwait(false);
        if (cached is not null && cached.IsCurrentFor(e)) return (e, cached);

        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            e = await store.GetEventAsync(e.Id, cancellationToken).ConfigureAwait(false);
            if (e is null) return null;
            cached = await store.GetBriefingAsync(e.Id, cancellationToken).ConfigureAwait(false);
            if (cached is not null && cached.IsCurrentFor(e)) return (e, cached);
            var built = await BuildAsync(e, cancellationToken).ConfigureAwait(false);
            return (e, built);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// The event's briefing with a "What changed since" section for reports after <paramref name="since"/>, as JSON or
    /// Markdown; null when there is no such event. Built fresh (not cached): the section depends on the client's time.
    /// </summary>
    public async Task<string?> RenderSinceAsync(long eventId, DateTimeOffset since, bool markdown, CancellationToken cancellationToken)
    {
        var e = await store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (e is null) return null;
        var articles = await store.GetEventArticlesAsync(e.Id, cancellationToken).ConfigureAwait(false);
        var sources = articles.Select(a => new SourceDocument($"article:{a.Id}", a.Raw, a.Format, a.Metadata with { Id = a.Id })).ToList();
        var briefing = pipeline.Run(sources, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken) with { Since = since };
        var writer = new StringWriter();
        if (markdown) MarkdownBriefingRenderer.Default.Render(briefing, writer);
        else JsonBriefingRenderer.Default.Render(briefing, writer);
        return writer.ToString();
    }

    private async Task<StoredBriefing> BuildAsync(StoredEvent e, CancellationToken cancellationToken)
    {
        var articles = await store.GetEventArticlesAsync(e.Id, cancellationToken).ConfigureAwait(false);
        var sources = articles.Select(a => new SourceDocument($"article:{a.Id}", a.Raw, a.Format, a.Metadata with { Id = a.Id })).ToList();
        var briefing = pipeline.Run(sources, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonBriefingRenderer.Write(briefing, json);
        }
        var markdown = new StringWriter();
        MarkdownBriefingRenderer.Default.Render(briefing, markdown);

        var syndicatedWith = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var a in briefing.Articles)
        {
            var group = briefing.GroupOf(a.Number);
            var first = briefing.Articles.First(x => x.Number == group.Articles[0]);
            syndicatedWith[a.Id] = group.IsSyndicated && first.Number != a.Number ? first.Id : null;
        }
        var stored = new StoredBriefing(e.Id, e.Version, Encoding.UTF8.GetString(stream.ToArray()), markdown.ToString(), DateTimeOffset.UtcNow);
        await store.SaveBriefingAsync(stored, syndicatedWith, cancellationToken).ConfigureAwait(false);
        return stored;
    }
}
