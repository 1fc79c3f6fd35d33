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

    // The last briefings built, as models, for the HTML pages (which render from the model, not the JSON). Bounded:
    // an evicted or pre-restart event is rebuilt by the pipeline when its page is next shown.
    private const int ModelCacheSize = 32;
    private readonly object _modelsLock = new();
    private readonly Dictionary<long, (long Version, Briefing Model)> _models = [];
    private readonly Queue<long> _modelOrder = new();

    /// <summary>The event (following merges) and its current briefing as a model, or null when there is no such event.</summary>
    public async Task<(StoredEvent Event, Briefing Model)?> GetModelAsync(long eventId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (found is not { } f) return null;
        lock (_modelsLock)
        {
            if (_models.TryGetValue(f.Event.Id, out var m) && m.Version == f.Event.Version) return (f.Event, m.Model);
        }
        var articles = await store.GetEventArticlesAsync(f.Event.Id, cancellationToken).ConfigureAwait(false);
        var model = Run(f.Event, articles, cancellationToken);
        Remember(f.Event, model);
        return (f.Event, model);
    }

    private Briefing Run(StoredEvent e, IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken)
    {
        var sources = articles.Select(a => new SourceDocument($"article:{a.Id}", a.Raw, a.Format, a.Metadata with { Id = a.Id })).ToList();
        return pipeline.Run(sources, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    private void Remember(StoredEvent e, Briefing model)
    {
        lock (_modelsLock)
        {
            if (!_models.ContainsKey(e.Id)) _modelOrder.Enqueue(e.Id);
            _models[e.Id] = (e.Version, model);
            while (_models.Count > ModelCacheSize && _modelOrder.TryDequeue(out var oldest)) _models.Remove(oldest);
        }
    }

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

    private async Task<StoredBriefing> BuildAsync(StoredEvent e, CancellationToken cancellationToken)
    {
        var articles = await store.GetEventArticlesAsync(e.Id, cancellationToken).ConfigureAwait(false);
        var briefing = Run(e, articles, cancellationToken);
        Remember(e, briefing);

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
