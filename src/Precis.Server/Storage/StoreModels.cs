using Precis.Clustering;
using Precis.Documents;

namespace Precis.Server.Storage;

/// <summary>An ingested article as stored.</summary>
/// <param name="Seq">Ingest order (1-based, gap-free per store); the clusterer is replayed in this order on start.</param>
/// <param name="ContentHash">SHA-256 (hex) of the article text with whitespace collapsed; identity with <paramref name="Url"/>.</param>
/// <param name="Published">The publication day the pipeline found, ISO yyyy-MM-dd, or null.</param>
/// <param name="Raw">The content as received (HTML, Markdown or text), re-parsed when the event's briefing is rebuilt.</param>
/// <param name="Metadata">The fields the client supplied (title, source, url, published).</param>
/// <param name="SyndicatedWith">The id of the first article of this one's syndication group when it is a copy, else null.</param>
public sealed record StoredArticle(
    string Id,
    long Seq,
    string? Url,
    string ContentHash,
    string? Outlet,
    string? Headline,
    string? Published,
    string Text,
    string Raw,
    DocumentFormat Format,
    SourceMetadata Metadata,
    DateTimeOffset IngestedAt,
    long EventId,
    string? SyndicatedWith = null)
{
    /// <summary>The event the article was added to when decided, before its decision's merges and split
    /// (<see cref="ClusterDecision.JoinedEventId"/>), which a replica replays it into; null for articles stored before
    /// the change log (schema 3).</summary>
    public long? JoinedEventId { get; init; }

    public DateOnly? PublishedDate =>
        DateOnly.TryParseExact(Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>An event: articles the clusterer found to be about one thing.</summary>
/// <param name="SourceCount">Distinct outlets among the articles (an article with no outlet counts as its own source).</param>
/// <param name="Version">Incremented whenever the event's articles change; a briefing built from an older version is stale.</param>
public sealed record StoredEvent(long Id, string? Headline, int ArticleCount, int SourceCount, DateTimeOffset LastActivity, DateTimeOffset CreatedAt, long Version);

/// <summary>A cached briefing of one event, as rendered JSON and Markdown.</summary>
/// <param name="EventVersion">The <see cref="StoredEvent.Version"/> it was built from.</param>
public sealed record StoredBriefing(long EventId, long EventVersion, string Json, string Markdown, DateTimeOffset ComputedAt)
{
    public bool IsCurrentFor(StoredEvent e) => e is not null && e.Version == EventVersion;
}

/// <summary>One page of events, newest activity first.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, int Total, int Offset, int Limit);

/// <summary>What one ingest commit writes, atomically: new articles (each with the event its decision gave) and then the
/// clusterer's event changes, applied in the order they were made.</summary>
public sealed record IngestBatch(IReadOnlyList<StoredArticle> Articles, IReadOnlyList<EventChange> Changes, DateTimeOffset Time)
{
    /// <summary>The clusterer's centroid norms its decisions cached in this batch and still valid at its end
    /// (<see cref="OnlineEventClusterer.TakeNorms"/>), logged after the batch's last article for replicas; empty when
    /// not recorded.</summary>
    public IReadOnlyList<CachedNorm> Norms { get; init; } = [];
}

/// <summary>One entry of the event change log, in <see cref="Position"/> order (gap-free from 1): a change
/// (<see cref="Kind"/> 'm' merge of <see cref="From"/> into <see cref="Into"/>, 's' split of <see cref="From"/> into
/// <see cref="Into"/> moving <see cref="ArticleIds"/>) made by the decision on the article <see cref="Seq"/>, or
/// ('n') the cached centroid norms at the end of the batch whose last article is <see cref="Seq"/>.</summary>
public sealed record EventLogEntry(long Position, long Seq, char Kind, long From, long Into, IReadOnlyList<string> ArticleIds, IReadOnlyList<CachedNorm> Norms);

/// <summary>One change the clusterer made to events it had already formed: a merge (<see cref="Merge"/>: every article
/// of the absorbed event moves, and the event points to the one it joined) or a split (<see cref="Split"/>: the listed
/// articles move to the new event). Order matters, since a later change may move what an earlier one moved.</summary>
public sealed record EventChange
{
    private EventChange(EventMerge? merge, EventSplit? split) => (Merge, Split) = (merge, split);

    public EventMerge? Merge { get; }

    public EventSplit? Split { get; }

    public static EventChange Of(EventMerge merge) => new(merge, null);

    public static EventChange Of(EventSplit split) => new(null, split ?? throw new ArgumentNullException(nameof(split)));

    /// <summary>The sequence number of the article whose decision made the change (0 when not known); the change log
    /// records it so that a replica replays the change right after that article.</summary>
    public long Seq { get; init; }

    public static implicit operator EventChange(EventMerge merge) => Of(merge);
}
