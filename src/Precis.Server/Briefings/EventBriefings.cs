using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Rendering;
using Precis.Server.Hosting;
using Precis.Server.Storage;

namespace Precis.Server.Briefings;

/// <summary>How briefings are built in the background.</summary>
public sealed record BriefingBuildOptions
{
    /// <summary>Briefings built at the same time (each is CPU-bound).</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Most events waiting for a build; beyond it a stale briefing is served and the build is asked again later.</summary>
    public int QueueLimit { get; init; } = 64;

    /// <summary>Time one build may take before it is abandoned (its event keeps its last good briefing).</summary>
    public TimeSpan BuildBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a read of an event that has no briefing yet waits for its first build before a 503.</summary>
    public TimeSpan FirstBuildWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After a failed build, how long before the same event version is tried again.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Keeps each event's briefing current without making readers wait: a read gets the cached briefing at once; when the
/// event's articles changed since it was built, a rebuild is queued in the background (bounded queue, a few workers,
/// a time budget per build) and the last good briefing is served meanwhile, marked stale. Only an event that never
/// had a briefing waits, for its own build and at most <see cref="BriefingBuildOptions.FirstBuildWait"/>. A build that
/// fails or runs out of time fails its event alone, is logged, and is retried later. A briefing that cannot be saved
/// (disk full) is still served from memory.
/// </summary>
public sealed partial class EventBriefings
{
    private readonly IPrecisStore _store;
    private readonly PrecisPipeline _pipeline;
    private readonly BriefingBuildOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _workers;
    private readonly ConcurrentDictionary<long, Task<StoredBriefing>> _building = new();
    private readonly ConcurrentDictionary<long, (long Version, DateTimeOffset At)> _failed = new();
    private readonly ConcurrentDictionary<long, StoredBriefing> _unsaved = new();

    public EventBriefings(IPrecisStore store, PrecisPipeline pipeline, BriefingBuildOptions? options = null, ILogger<EventBriefings>? logger = null)
    {
        _store = store;
        _pipeline = pipeline;
        _options = options ?? new BriefingBuildOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _workers = new SemaphoreSlim(_options.Workers, _options.Workers);
    }

    // The last briefings built, as models, for the HTML pages (which render from the model, not the JSON). Bounded:
    // an evicted or pre-restart event's model is rebuilt, under the same worker limit and time budget, when its page
    // is next shown.
    private const int ModelCacheSize = 32;
    private readonly Lock _modelsLock = new();
    private readonly Dictionary<long, (long Version, Briefing Model)> _models = [];
    private readonly Queue<long> _modelOrder = new();

    /// <summary>
    /// The event (following merges) and the model of the briefing <see cref="GetAsync"/> serves (current, or stale
    /// while a rebuild runs), or null when there is no such event.
    /// </summary>
    public async Task<(StoredEvent Event, Briefing Model)?> GetModelAsync(long eventId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (found is not { } f) return null;
        lock (_modelsLock)
        {
            if (_models.TryGetValue(f.Event.Id, out var m) && m.Version >= f.Briefing.EventVersion) return (f.Event, m.Model);
        }
        var model = await BuildNowAsync(f.Event.Id, cancellationToken).ConfigureAwait(false);
        Remember(f.Event.Id, f.Event.Version, model);
        return (f.Event, model);
    }

    /// <summary>
    /// The event's briefing with a "What changed since" section for reports after <paramref name="since"/>, as JSON or
    /// Markdown; null when there is no such event. Built fresh (not cached: the section depends on the client's time),
    /// under the same worker limit and time budget as background builds.
    /// </summary>
    public async Task<string?> RenderSinceAsync(long eventId, DateTimeOffset since, bool markdown, CancellationToken cancellationToken)
    {
        var e = await _store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (e is null) return null;
        var briefing = await BuildNowAsync(e.Id, cancellationToken).ConfigureAwait(false) with { Since = since };
        var writer = new StringWriter();
        if (markdown) MarkdownBriefingRenderer.Default.Render(briefing, writer);
        else JsonBriefingRenderer.Default.Render(briefing, writer);
        return writer.ToString();
    }

    /// <summary>Builds an event's briefing for a request, under the background builds' worker limit and time budget.</summary>
    private async Task<Briefing> BuildNowAsync(long eventId, CancellationToken cancellationToken)
    {
        await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(_options.BuildBudget);
            var articles = await _store.GetEventArticlesAsync(eventId, budget.Token).ConfigureAwait(false);
            return Run(eventId, articles, budget.Token);
        }
        finally
        {
            _workers.Release();
        }
    }

    private Briefing Run(long eventId, IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken)
    {
        var sources = articles.Select(a => new SourceDocument($"article:{a.Id}", a.Raw, a.Format, a.Metadata with { Id = a.Id })).ToList();
        return _pipeline.Run(sources, eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    private void Remember(long eventId, long version, Briefing model)
    {
        lock (_modelsLock)
        {
            if (!_models.ContainsKey(eventId)) _modelOrder.Enqueue(eventId);
            _models[eventId] = (version, model);
            while (_models.Count > ModelCacheSize && _modelOrder.TryDequeue(out var oldest)) _models.Remove(oldest);
        }
    }

    /// <summary>Builds waiting or running now.</summary>
    public int Pending => _building.Count;

    /// <summary>
    /// The event (following merges) and its last good briefing — current, or stale while a rebuild runs (compare
    /// <see cref="StoredBriefing.IsCurrentFor"/>) — or null when there is no such event. Throws
    /// <see cref="BriefingPendingException"/> when the event has no briefing yet and its first build is not done.
    /// </summary>
    public async Task<(StoredEvent Event, StoredBriefing Briefing)?> GetAsync(long eventId, CancellationToken cancellationToken)
    {
        var e = await _store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (e is null) return null;
        var cached = await _store.GetBriefingAsync(e.Id, cancellationToken).ConfigureAwait(false);
        if (_unsaved.TryGetValue(e.Id, out var memory) && (cached is null || memory.EventVersion > cached.EventVersion)) cached = memory;
        if (cached is not null && cached.IsCurrentFor(e)) return (e, cached);

        var build = Ensure(e);
        if (cached is not null) return (e, cached); // stale, served while the rebuild runs
        if (build is null) throw new BriefingPendingException(e.Id, (int)Math.Ceiling(_options.RetryAfterFailure.TotalSeconds));
        try
        {
            var built = await build.WaitAsync(_options.FirstBuildWait, cancellationToken).ConfigureAwait(false);
            return (e, built);
        }
        catch (TimeoutException)
        {
            throw new BriefingPendingException(e.Id, 5);
        }
    }

    /// <summary>The running or newly queued build of the event's current version, or null when the queue is full or
    /// this version failed recently.</summary>
    private Task<StoredBriefing>? Ensure(StoredEvent e)
    {
        if (_building.TryGetValue(e.Id, out var running)) return running;
        if (_failed.TryGetValue(e.Id, out var failed) && failed.Version == e.Version && DateTimeOffset.UtcNow - failed.At < _options.RetryAfterFailure) return null;
        if (_building.Count >= _options.QueueLimit)
        {
            LogQueueFull(_logger, e.Id, _building.Count);
            return null;
        }
        var started = new TaskCompletionSource<StoredBriefing>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_building.TryAdd(e.Id, started.Task)) return _building.TryGetValue(e.Id, out var other) ? other : null;
        _ = Task.Run(async () =>
        {
            try
            {
                started.SetResult(await BuildAsync(e.Id).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                _failed[e.Id] = (e.Version, DateTimeOffset.UtcNow);
                LogBuildFailed(_logger, ex, e.Id, e.Version);
                started.SetException(ex);
            }
            finally
            {
                _building.TryRemove(e.Id, out _);
            }
        });
        // Nobody may await a failed build; observe it so it never becomes an unobserved exception.
        _ = started.Task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        return started.Task;
    }

    private async Task<StoredBriefing> BuildAsync(long eventId)
    {
        await _workers.WaitAsync().ConfigureAwait(false);
        try
        {
            using var budget = new CancellationTokenSource(_options.BuildBudget);
            var e = await _store.GetEventAsync(eventId, budget.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"event {eventId} disappeared");
            var articles = await _store.GetEventArticlesAsync(e.Id, budget.Token).ConfigureAwait(false);
            var briefing = Run(e.Id, articles, budget.Token);
            Remember(e.Id, e.Version, briefing);

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
            try
            {
                await _store.SaveBriefingAsync(stored, syndicatedWith, CancellationToken.None).ConfigureAwait(false);
                _unsaved.TryRemove(e.Id, out _);
            }
            catch (Exception ex) when (ErrorHandling.IsStorageFull(ex))
            {
                // Disk full: the briefing is still good; serve it from memory until it can be saved.
                LogUnsaved(_logger, e.Id, ex.Message);
                _unsaved[e.Id] = stored;
            }
            _failed.TryRemove(e.Id, out _);
            return stored;
        }
        finally
        {
            _workers.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "briefing of event {EventId} (version {Version}) failed; its last good briefing is served")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception, long eventId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "briefing queue full ({Pending} builds); event {EventId} is served stale for now")]
    private static partial void LogQueueFull(ILogger logger, long eventId, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "briefing of event {EventId} could not be saved ({Reason}); served from memory")]
    private static partial void LogUnsaved(ILogger logger, long eventId, string reason);
}
