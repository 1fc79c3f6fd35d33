namespace Precis.Server.Feeds;

/// <summary>A followed feed and the state of its last poll.</summary>
/// <param name="ETag">The validator of the last 200 response, sent back as If-None-Match.</param>
/// <param name="LastModified">The Last-Modified of the last 200 response, sent back as If-Modified-Since.</param>
/// <param name="LastStatus">"ok", "not modified" or "failed", null before the first poll.</param>
/// <param name="LastError">What went wrong on the last poll (the feed or any of its items), or null.</param>
public sealed record FeedState(
    string Url,
    string? ETag,
    string? LastModified,
    DateTimeOffset? LastPolled,
    string? LastStatus,
    string? LastError,
    int ItemsIngested);

/// <summary>Followed feeds and the items already taken from each. Implemented by the SQL stores.</summary>
public interface IFeedStore
{
    Task AddFeedAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>True when the feed was followed.</summary>
    Task<bool> RemoveFeedAsync(string url, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FeedState>> ListFeedsAsync(CancellationToken cancellationToken = default);

    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken = default);

    /// <summary>Whether an item (by its guid or link) of this feed was already taken.</summary>
    Task<bool> IsFeedItemSeenAsync(string feedUrl, string itemKey, CancellationToken cancellationToken = default);

    Task MarkFeedItemSeenAsync(string feedUrl, string itemKey, CancellationToken cancellationToken = default);
}

/// <summary>The limits of feed and page fetching.</summary>
public sealed record FeedOptions
{
    /// <summary>How often every feed is polled.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Wall-clock limit of one request attempt, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest feed or page body read; a larger one fails (it is never read past this).</summary>
    public long MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Attempts after the first, on network errors, timeouts and 5xx, with exponential backoff from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Politeness: the pause between two requests to one host (requests to one host never overlap).</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>New items taken per feed per poll (the rest wait for the next poll).</summary>
    public int MaxItemsPerPoll { get; init; } = 50;
}
