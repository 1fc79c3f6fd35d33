using System.Security.Cryptography;
using System.Text;
using Precis.Clustering;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Storage;

namespace Precis.Server.Ingestion;

public enum IngestStatus
{
    /// <summary>Stored and assigned to an event.</summary>
    Created,
    /// <summary>Already stored (same id, URL or content hash); nothing changed.</summary>
    Duplicate,
    /// <summary>Not usable (e.g. no text); see <see cref="IngestResult.Error"/>.</summary>
    Rejected,
}

/// <summary>The outcome for one submitted document.</summary>
public sealed record IngestResult(string Origin, IngestStatus Status, string? ArticleId, long? EventId, string? Error = null)
{
    /// <summary>Why a stored document was kept out of events as page furniture (web-archive notice, script or
    /// subscription prompt, near-empty scrape; see <see cref="BoilerplateDetector"/>), or null for a news article.
    /// Such a document is stored (<see cref="IngestStatus.Created"/>, nothing is lost) in an event of its own that no
    /// other article joins.</summary>
    public string? Rejection { get; init; }
}

/// <summary>
/// Writes articles into the store: parses each with the pipeline's parsing and metadata stages, drops re-submissions
/// (identity by id, URL or content hash), assigns each new article to an event with the
/// <see cref="OnlineEventClusterer"/>, and commits the articles and the clusterer's decisions in one transaction.
/// One writer at a time (an internal lock); briefings are not built here but lazily when read.
/// <para>Several processes may ingest into one shared database (PostgreSQL): each batch's decide-and-write section
/// runs inside the store's writer transaction, which holds a database-wide lock. Inside it the ingestor first catches
/// up: it replays into its clusterer and identity index every decision the other writers committed since the last one
/// it saw — their articles, and the merges, splits and cached norms of the store's event change log, in the order they
/// were made (see <see cref="ReplayAsync"/>; a rebuild from the store only when that does not add up) — then numbers,
/// deduplicates and clusters the batch against that shared state and commits. The events found are exactly those one
/// writer would find taking the batches in the order the lock granted them, whichever process got an article.</para>
/// </summary>
public sealed class ArticleIngestor
{
    private readonly IPrecisStore _store;
    private readonly PrecisPipeline _pipeline;
    private readonly ClusteringOptions _options;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly TimeProvider _time;
    private OnlineEventClusterer _clusterer;

    // What the clusterer and _known reflect: articles up to _lastSeq, events up to _maxEventId,
    private long _lastSeq;
    private long _maxEventId;
    // ... and the event change log up to position _logPos.
    private long _logPos;
    // Set once the ingestor's first restore is done (later ones count as Rebuilds).
    private bool _created;

    // Whether other processes may write the store (learned from its transactions): only a store owned by this process
    // lets a stream decide the next batch while the previous one is being committed.
    private bool _sharedWriters = true;

    // The commits a stream has started and not yet seen finish, chained in order (each waits for the one before and
    // fails when it failed). Guarded by _writer; whoever begins a transaction or rebuilds settles it first.
    private Task? _committing;

    // Ids, content hashes and URLs of every stored article -> its id. The ingestor is the store's only writer, so this
    // mirror stays exact and spares a database round trip per article.
    private Dictionary<Identity, string> _known = [];

    /// <summary>A key of the identity index: an article id, a content hash or a URL (<paramref name="Kind"/> 'i', '#'
    /// or '@'), compared by kind and ordinal text, so no prefixed string is built per lookup.</summary>
    private readonly record struct Identity(char Kind, string Value);

    private ArticleIngestor(IPrecisStore store, PrecisPipeline pipeline, ClusteringOptions options, TimeProvider time)
    {
        _store = store;
        _pipeline = pipeline;
        _options = options;
        _time = time;
        _clusterer = new OnlineEventClusterer(options);
    }

    public IPrecisStore Store => _store;

    /// <summary>How often this ingestor rebuilt its clusterer from the whole store (<see cref="RestoreAsync(IIngestTransaction, CancellationToken)"/>)
    /// after its creation: because it could not replay what other writers committed from the change log (a gap, an
    /// unknown event or article; see <see cref="CatchUpAsync"/>), or after a failed commit.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Creates an ingestor and replays the stored articles into its clusterer.</summary>
    public static async Task<ArticleIngestor> CreateAsync(IPrecisStore store, PrecisPipeline pipeline, ClusteringOptions? options = null,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        var ingestor = new ArticleIngestor(store, pipeline, options ?? new ClusteringOptions(), time ?? TimeProvider.System);
        await ingestor.RestoreAsync(cancellationToken).ConfigureAwait(false);
        ingestor._created = true;
        return ingestor;
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await using var tx = await _store.BeginIngestAsync(cancellationToken).ConfigureAwait(false);
        await RestoreAsync(tx, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the clusterer and the identity index from everything the store holds, read in
    /// <paramref name="tx"/> (under the writer lock where writers are shared, so nothing moves meanwhile): by replaying
    /// every decision from the change log (<see cref="ReplayAsync"/>), so that the clusterer goes on exactly as the one
    /// that made them would have; or, where the log does not cover the store (articles stored before it), by
    /// replaying each article into its event now (<see cref="OnlineEventClusterer.Restore"/>: the same events, but not
    /// the live clusterer's order of recent members and split stamps).</summary>
    private async Task RestoreAsync(IIngestTransaction tx, CancellationToken cancellationToken)
    {
        _sharedWriters = tx.SharedWriters;
        if (_created) Rebuilds++;
        var mark = await tx.GetWatermarkAsync(cancellationToken).ConfigureAwait(false);
        Reset(new OnlineEventClusterer(_options) { RecordNorms = _sharedWriters });
        if (await ReplayAsync(tx, mark, cancellationToken).ConfigureAwait(false)) return;

        var clusterer = new OnlineEventClusterer(_options, mark.EventId + 1) { RecordNorms = _sharedWriters };
        var known = new Dictionary<Identity, string>();
        long lastSeq = 0;
        await foreach (var a in tx.GetArticlesAfterAsync(0, cancellationToken).ConfigureAwait(false))
        {
            clusterer.Restore(ClusterTerms.FromText(a.Id, a.Headline, a.Text, a.PublishedDate), a.EventId);
            Remember(known, a.Id, a.Url, a.ContentHash);
            lastSeq = a.Seq;
        }
        Reset(clusterer);
        _known = known;
        _lastSeq = lastSeq;
        _maxEventId = mark.EventId;
        _logPos = mark.LogPosition;
    }

    /// <summary>Starts again from an empty state with <paramref name="clusterer"/>.</summary>
    private void Reset(OnlineEventClusterer clusterer)
    {
        _clusterer = clusterer;
        _known = [];
        _lastSeq = _maxEventId = _logPos = 0;
    }

    /// <summary>Brings the clusterer and identity index up to what other writers committed: replays their decisions
    /// from the change log (<see cref="ReplayAsync"/>). Only when that does not add up (a gap in the log, an article
    /// stored without its joined event, an event or article the log names that this clusterer does not hold) does it
    /// fall back to rebuilding from the store, which is linear in the stored articles and not exact.</summary>
    private async Task CatchUpAsync(IIngestTransaction tx, CancellationToken cancellationToken)
    {
        if (!tx.SharedWriters) return;
        var mark = await tx.GetWatermarkAsync(cancellationToken).ConfigureAwait(false);
        if (mark.Seq == _lastSeq && mark.EventId == _maxEventId && mark.LogPosition == _logPos) return;
        if (mark.Seq >= _lastSeq && mark.LogPosition >= _logPos && await ReplayAsync(tx, mark, cancellationToken).ConfigureAwait(false)) return;
        // The fallback: the log cannot be replayed onto this state (see above); start again from the store, still
        // under the lock.
        await RestoreAsync(tx, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replays the decisions committed after this ingestor's state (articles after <see cref="_lastSeq"/>, change log
    /// entries after <see cref="_logPos"/>) interleaved in the order they were made: each article into the event it
    /// joined then, followed by the merges and split its decision made, and after a batch's last article that batch's
    /// cached centroid norms (<see cref="OnlineEventClusterer.Replay"/>, <see cref="OnlineEventClusterer.RestoreNorm"/>).
    /// The clusterer then holds exactly the state of the writer that committed last, so it decides as that one would
    /// have. Returns false, with the state partly replayed (the caller rebuilds), when something does not add up.
    /// </summary>
    private async Task<bool> ReplayAsync(IIngestTransaction tx, IngestWatermark mark, CancellationToken cancellationToken)
    {
        var log = await tx.GetLogAfterAsync(_logPos, cancellationToken).ConfigureAwait(false);
        if (log.Count != mark.LogPosition - _logPos) return false;
        for (int j = 0; j < log.Count; j++)
        {
            if (log[j].Position != _logPos + 1 + j) return false;
        }
        int next = 0;
        var merges = new List<EventMerge>();
        try
        {
            await foreach (var a in tx.GetArticlesAfterAsync(_lastSeq, cancellationToken).ConfigureAwait(false))
            {
                if (a.JoinedEventId is not long joined || (next < log.Count && log[next].Seq < a.Seq)) return false;
                merges.Clear();
                EventSplit? split = null;
                for (; next < log.Count && log[next].Seq == a.Seq && log[next].Kind != 'n'; next++)
                {
                    var change = log[next];
                    if (split is not null) return false;
                    if (change.Kind == 'm') merges.Add(new EventMerge(change.From, change.Into));
                    else if (change.Kind == 's') split = new EventSplit(change.From, change.Into, change.ArticleIds);
                    else return false;
                }
                _clusterer.Replay(ClusterTerms.FromText(a.Id, a.Headline, a.Text, a.PublishedDate), joined, merges, split);
                for (; next < log.Count && log[next].Seq == a.Seq && log[next].Kind == 'n'; next++)
                {
                    foreach (var norm in log[next].Norms) _clusterer.RestoreNorm(norm);
                }
                Remember(_known, a.Id, a.Url, a.ContentHash);
                _lastSeq = a.Seq;
                // As Decide counts its own decisions.
                _maxEventId = Math.Max(_maxEventId, _clusterer.EventOf(a.Id, joined));
                if (split is not null) _maxEventId = Math.Max(_maxEventId, split.Into);
            }
        }
        catch (ReplayMismatchException)
        {
            return false;
        }
        _logPos = mark.LogPosition;
        return next == log.Count && _lastSeq == mark.Seq && _maxEventId == mark.EventId;
    }

    /// <summary>Ingests documents in order; returns once the new ones are durably committed.</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return await DecideAndCommitAsync(ReadBatch(_pipeline, documents, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ingests a stream of batches in order, each batch one commit, and yields each batch's results once it is
    /// committed. While one batch is clustered (serial work), a reader reads the next batches ahead (at most
    /// <see cref="ReadAhead"/> waiting) on the other cores, and on a store owned by this process (SQLite) the previous
    /// batch is committed at the same time: the clusterer's decisions depend only on its memory, so batch k+1 is
    /// decided while batch k is written. The decisions, and so the events, are exactly those of calling
    /// <see cref="IngestAsync"/> batch after batch.
    /// <para>Stopping early (an error, a break) keeps every batch already committed: a batch is handed out only after
    /// its commit, and the one batch decided ahead of the last one handed out is still committed, whole, before the
    /// enumeration ends (batches only read ahead are dropped). A failed commit stores nothing of its batch or of any
    /// later one; the clusterer is rebuilt from the store and the error reaches the caller. A source that fails while
    /// giving a batch: the batches it gave before are stored first, then the error reaches the caller.</para>
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<IngestResult>> IngestBatchesAsync(IEnumerable<IReadOnlyList<SourceDocument>> batches,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        using var batch = batches.GetEnumerator();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = System.Threading.Channels.Channel.CreateBounded<ReadItem>(
            new System.Threading.Channels.BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        // One reader walks the source and reads the batches ahead (see ReadAheadAsync).
        var reader = Task.Run(() => ReadAheadAsync(batch, read, stop.Token), CancellationToken.None);
        // The batch decided and being committed whose results are not handed out yet.
        Task<IReadOnlyList<IngestResult>>? pending = null;
        // The source failed while giving the next batch: those it gave before are stored first, then this is thrown.
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? broken = null;
        try
        {
            while (await read.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!read.Reader.TryRead(out var item)) continue;
                if (item.Broken is not null)
                {
                    broken = item.Broken;
                    break;
                }
                // A commit that already failed stops the stream before anything more is decided.
                if (pending is { IsFaulted: true } || pending is { IsCanceled: true }) await AwaitCommitAsync(pending).ConfigureAwait(false);
                var decided = await DecideAheadAsync(item.Parsed!, cancellationToken).ConfigureAwait(false);
                if (pending is not null) yield return await AwaitCommitAsync(pending).ConfigureAwait(false);
                pending = decided;
                if (_sharedWriters)
                {
                    // Already committed where writers are shared: nothing to overlap it with.
                    pending = null;
                    yield return await AwaitCommitAsync(decided).ConfigureAwait(false);
                }
            }
            // The reader stopped without an item for the error (cancelled): its failure reaches the caller.
            await reader.ConfigureAwait(false);
            if (pending is not null)
            {
                var last = pending;
                pending = null;
                yield return await AwaitCommitAsync(last).ConfigureAwait(false);
            }
            broken?.Throw();
        }
        finally
        {
            // Stopped early (an error, a cancelled or abandoned enumeration): stop the reader and let it finish before
            // the source goes; what it read ahead is not needed, and nothing of it was stored. A batch already decided
            // is committed (whole) before the enumeration ends; a failure of that commit is settled (the clusterer
            // rebuilt) by the next writer.
            await stop.CancelAsync().ConfigureAwait(false);
            try { await reader.ConfigureAwait(false); }
            catch (Exception) when (reader.IsFaulted || reader.IsCanceled) { }
            if (pending is not null)
            {
                try { await pending.ConfigureAwait(false); }
                catch (Exception) when (pending.IsFaulted || pending.IsCanceled) { }
            }
        }
    }

    /// <summary>How many read batches may wait for their decisions in <see cref="IngestBatchesAsync"/>.</summary>
    private const int ReadAhead = 2;

    /// <summary>A batch read ahead, or the error the source gave instead of the next batch.</summary>
    private readonly record struct ReadItem(Parsed[]? Parsed, System.Runtime.ExceptionServices.ExceptionDispatchInfo? Broken);

    /// <summary>Reads the source's batches in order into <paramref name="read"/>. A batch is read on all cores while
    /// nothing read waits for its decisions (the start of a stream, or documents slower to read than to decide, such as
    /// web pages), else on all cores but one: then the serial decisions are what the stream waits for, and they need a
    /// core of their own (a reader that took every core for one batch and then waited on a full queue left a core idle
    /// whenever it finished before the decisions did: on two cores about a quarter of the machine).</summary>
    private async Task ReadAheadAsync(IEnumerator<IReadOnlyList<SourceDocument>> batch, System.Threading.Channels.Channel<ReadItem> read, CancellationToken stop)
    {
        var writer = read.Writer;
        try
        {
            while (true)
            {
                stop.ThrowIfCancellationRequested();
                IReadOnlyList<SourceDocument> next;
                try
                {
                    if (!batch.MoveNext()) break;
                    next = batch.Current;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await writer.WriteAsync(new ReadItem(null, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e)), stop).ConfigureAwait(false);
                    break;
                }
                int degree = read.Reader.Count == 0 ? -1 : Math.Max(1, Environment.ProcessorCount - 1);
                var parsed = ReadBatch(_pipeline, next, stop, degree);
                await writer.WriteAsync(new ReadItem(parsed, null), stop).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Reads a batch (parse, content hash, clustering terms). This needs no lock (the pipeline is immutable
    /// and thread-safe), so a batch is read on all cores; only the clusterer's decisions and the commit are serial.</summary>
    private static Parsed[] ReadBatch(PrecisPipeline pipeline, IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken, int degree = -1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var parsed = new Parsed[documents.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = documents.Count < 8 ? 1 : degree };
        Parallel.For(0, documents.Count, parallel, i => parsed[i] = Read(pipeline, documents[i], cancellationToken));
        return parsed;
    }

    /// <summary>Waits for a batch's commit started by <see cref="DecideAheadAsync"/>; when it failed, rebuilds the
    /// clusterer from the store (which holds no part of that batch or any later one) and rethrows.</summary>
    private async Task<IReadOnlyList<IngestResult>> AwaitCommitAsync(Task<IReadOnlyList<IngestResult>> commit)
    {
        try
        {
            return await commit.ConfigureAwait(false);
        }
        catch
        {
            await _writer.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await SettleAsync().ConfigureAwait(false);
            }
            finally
            {
                _writer.Release();
            }
            throw;
        }
    }

    /// <summary>Waits for the stream's commits in flight (under <see cref="_writer"/>); when one failed, the clusterer
    /// holds decisions the store does not, so it is rebuilt from the store (and, with <paramref name="rethrow"/>, the
    /// commit's error is thrown).</summary>
    private async Task SettleAsync(bool rethrow = false)
    {
        if (_committing is not { } committing) return;
        _committing = null;
        try
        {
            await committing.ConfigureAwait(false);
        }
        catch (Exception)
        {
            await RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            if (rethrow) throw;
        }
    }

    /// <summary>Decides a batch and starts its commit without waiting for it: on a store owned by this process the
    /// decisions need no transaction, so the next batch can be decided while this one is written. The returned task
    /// completes with the batch's results once it is committed. Where writers are shared, decides and commits inside
    /// the writer transaction as <see cref="IngestAsync"/> does.</summary>
    private async Task<Task<IReadOnlyList<IngestResult>>> DecideAheadAsync(Parsed[] parsed, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A commit before this batch that failed: nothing more is decided; the clusterer is rebuilt from the store
            // and the failure reaches the caller.
            if (_committing is { IsCompleted: true }) await SettleAsync(rethrow: true).ConfigureAwait(false);
            if (_sharedWriters)
            {
                await SettleAsync().ConfigureAwait(false);
                return Task.FromResult(await DecideAndCommitLockedAsync(parsed, cancellationToken).ConfigureAwait(false));
            }
            var (batch, results) = Decide(parsed);
            var previous = _committing;
            var commit = Task.Run(async () =>
            {
                if (previous is not null) await previous.ConfigureAwait(false);
                if (batch.Articles.Count == 0 && batch.Changes.Count == 0) return;
                await using var tx = await _store.BeginIngestAsync(CancellationToken.None).ConfigureAwait(false);
                await tx.CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }, CancellationToken.None);
            _committing = commit;
            return ResultsAfter(commit, results);
        }
        finally
        {
            _writer.Release();
        }

        static async Task<IReadOnlyList<IngestResult>> ResultsAfter(Task commit, IReadOnlyList<IngestResult> results)
        {
            await commit.ConfigureAwait(false);
            return results;
        }
    }

    private async Task<IReadOnlyList<IngestResult>> DecideAndCommitAsync(Parsed[] parsed, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SettleAsync().ConfigureAwait(false);
            return await DecideAndCommitLockedAsync(parsed, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<IReadOnlyList<IngestResult>> DecideAndCommitLockedAsync(Parsed[] parsed, CancellationToken cancellationToken)
    {
        await using var tx = await _store.BeginIngestAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(tx, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A catch-up that stopped half way leaves the clusterer partly replayed: rebuild before anything else
            // (after releasing this transaction's lock, which the rebuild takes again).
            await tx.DisposeAsync().ConfigureAwait(false);
            await RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        var (batch, results) = Decide(parsed);
        try
        {
            await tx.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await tx.DisposeAsync().ConfigureAwait(false);
            // The clusterer already holds the uncommitted decisions: rebuild it from what the store has.
            await RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return results;
    }

    /// <summary>Numbers, deduplicates and clusters a batch against the ingestor's state (under <see cref="_writer"/>),
    /// and takes the batch into that state as if committed; a failed commit must rebuild it from the store. Returns
    /// the rows to write and the results, with final event ids (a later article of the batch may have merged an
    /// earlier one's event away or split it).</summary>
    private (IngestBatch Batch, IReadOnlyList<IngestResult> Results) Decide(Parsed[] parsed)
    {
        long nextSeq = _lastSeq + 1;
        var results = new List<IngestResult>(parsed.Length);
        var rows = new List<StoredArticle>();
        var changes = new List<EventChange>();
        var seenIds = new Dictionary<Identity, string>();
        var now = _time.GetUtcNow();
        foreach (var (source, article, hash, terms, error) in parsed)
        {
            if (article is null || hash is null || terms is null)
            {
                results.Add(new IngestResult(source.Origin, IngestStatus.Rejected, null, null, error));
                continue;
            }
            var url = string.IsNullOrWhiteSpace(article.Url) ? null : article.Url.Trim();
            var id = source.Metadata.Id is { Length: > 0 } given ? given : "a" + hash[..15];
            var existing = FindInBatch(seenIds, id, url, hash) ?? FindInBatch(_known, id, url, hash);
            if (existing is not null)
            {
                results.Add(new IngestResult(source.Origin, IngestStatus.Duplicate, existing, null));
                continue;
            }
            var decision = _clusterer.Add(terms with { Id = id });
            long seq = nextSeq;
            foreach (var merge in decision.Merges) changes.Add(EventChange.Of(merge) with { Seq = seq });
            if (decision.Split is { } split)
            {
                changes.Add(EventChange.Of(split) with { Seq = seq });
                _maxEventId = Math.Max(_maxEventId, split.Into);
            }
            rows.Add(new StoredArticle(id, nextSeq++, url, hash, article.Outlet, article.Headline,
                article.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                article.Text, source.Content, source.Format, source.Metadata, now, decision.EventId) { JoinedEventId = decision.JoinedEventId });
            Remember(seenIds, id, url, hash);
            results.Add(new IngestResult(source.Origin, IngestStatus.Created, id, decision.EventId) { Rejection = decision.Rejection });
        }

        foreach (var row in rows)
        {
            Remember(_known, row.Id, row.Url, row.ContentHash);
            _maxEventId = Math.Max(_maxEventId, row.EventId);
        }
        _lastSeq = nextSeq - 1;
        // The centroid norms the decisions cached (recorded only where writers are shared), logged after the batch's
        // last article; the store writes the log in this order, so its last position is known here.
        var norms = rows.Count > 0 ? _clusterer.TakeNorms() : [];
        _logPos += changes.Count + (norms.Count > 0 ? 1 : 0);
        // Final events: a later article of the batch may have merged an earlier one's event away or split it off.
        return (new IngestBatch(rows, changes, now) { Norms = norms },
            [.. results.Select(r => r.EventId is long e ? r with { EventId = r.ArticleId is { } id ? _clusterer.EventOf(id, e) : _clusterer.Resolve(e) } : r)]);
    }

    /// <summary>A document as ingest reads it: the article, its content hash and clustering terms, or why it is unusable.</summary>
    public readonly record struct Parsed(SourceDocument Source, Article? Article, string? Hash, ClusterInput? Terms, string? Error);

    /// <summary>Reads one document the way <see cref="IngestAsync"/> does, without storing it (benchmarks use this to
    /// see exactly the terms the clusterer sees).</summary>
    public static Parsed Read(PrecisPipeline pipeline, SourceDocument source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(source);
        Article? article;
        if (source.Format == DocumentFormat.PlainText)
        {
            // PRECIS: plain text needs no extraction, so it skips the per-article pipeline run (segmentation and
            // summarization are the costly part); the full pipeline runs when the event's briefing is built.
            article = ReadPlainText(source);
            if (article is null) return new Parsed(source, null, null, null, "no text");
        }
        else
        {
            var briefing = pipeline.Run([source], cancellationToken: cancellationToken);
            if (briefing.Articles.IsEmpty)
            {
                return new Parsed(source, null, null, null, briefing.Diagnostics.FirstOrDefault()?.Message ?? "no usable text");
            }
            article = briefing.Articles[0];
        }
        return new Parsed(source, article, ContentHash(article.Text), ClusterTerms.FromArticle(article), null);
    }

    /// <summary>The article fields the store lists, read the way the pipeline's parsing and metadata stages read
    /// plain text: text with line endings normalised; headline from the record, else the first line when more follow.</summary>
    private static Article? ReadPlainText(SourceDocument source)
    {
        var text = source.Content.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text)) return null;
        var headline = source.Metadata.Title;
        if (headline is null)
        {
            var trimmed = text.AsSpan().Trim();
            int newline = trimmed.IndexOf('\n');
            if (newline > 0 && trimmed[(newline + 1)..].Trim().Length > 0) headline = trimmed[..newline].Trim().ToString();
        }
        PublicationDate? published = source.Metadata.Published is { Length: >= 10 } p
            && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? new PublicationDate(day, null, DatePrecision.Day, "supplied: " + p)
            : null;
        return new Article
        {
            Number = 1,
            Id = source.Metadata.Id ?? source.Origin,
            Origin = source.Origin,
            Text = text,
            Headline = headline,
            Outlet = source.Metadata.Outlet,
            Url = source.Metadata.Url,
            Byline = source.Metadata.Byline,
            Published = published,
        };
    }

    private static void Remember(Dictionary<Identity, string> index, string id, string? url, string hash)
    {
        index[new Identity('i', id)] = id;
        index[new Identity('#', hash)] = id;
        if (url is not null) index[new Identity('@', url)] = id;
    }

    private static string? FindInBatch(Dictionary<Identity, string> seen, string id, string? url, string hash) =>
        seen.TryGetValue(new Identity('i', id), out var a) ? a
        : seen.TryGetValue(new Identity('#', hash), out var b) ? b
        : url is not null && seen.TryGetValue(new Identity('@', url), out var c) ? c
        : null;

    /// <summary>SHA-256 (lower-case hex) of the text with runs of white space collapsed to one space.</summary>
    public static string ContentHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, trimmed.Length));
        byte[]? bytes = null;
        try
        {
            int n = 0;
            bool space = false;
            foreach (var c in trimmed)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }
                if (space) chars[n++] = ' ';
                space = false;
                chars[n++] = c;
            }
            var collapsed = chars.AsSpan(0, n);
            bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(n)));
            int length = Encoding.UTF8.GetBytes(collapsed, bytes);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null) System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
