using CodeHollow.FeedReader;
using Precis.Documents;
using Precis.Server.Ingestion;

namespace Precis.Server.Feeds;

/// <summary>What one poll of one feed did.</summary>
public sealed record FeedPollResult(string Url, string Status, int NewArticles, IReadOnlyList<string> Errors);

/// <summary>
/// Polls followed feeds: a conditional GET per feed (304: nothing else is fetched), then each new item's page, read by
/// the ordinary ingest path (HTML extraction, metadata, clustering). A failing feed or item is recorded on the feed's
/// state and never stops the others.
/// </summary>
public sealed class FeedPoller(IFeedStore feeds, ArticleIngestor ingestor, FeedFetcher fetcher, FeedOptions options, TextWriter? log = null)
{
    /// <summary>Polls every followed feed once, feeds in parallel (requests to one host still go one at a time).</summary>
    public async Task<IReadOnlyList<FeedPollResult>> PollAllAsync(CancellationToken cancellationToken = default)
    {
        var list = await feeds.ListFeedsAsync(cancellationToken).ConfigureAwait(false);
        var results = await Task.WhenAll(list.Select(f => PollAsync(f, cancellationToken))).ConfigureAwait(false);
        return results;
    }

    public async Task<FeedPollResult> PollAsync(FeedState feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var errors = new List<string>();
        int added = 0;
        string status;
        FeedState next = feed with { LastPolled = DateTimeOffset.UtcNow };
        try
        {
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url)) throw new FetchException($"{feed.Url}: not an absolute URL");
            var response = await fetcher.GetAsync(url, feed.ETag, feed.LastModified, cancellationToken).ConfigureAwait(false);
            if (response.NotModified)
            {
                status = "not modified";
            }
            else
            {
                next = next with { ETag = response.ETag, LastModified = response.LastModified };
                Feed parsed;
                try
                {
                    parsed = FeedReader.ReadFromString(response.Body ?? "");
                }
                catch (Exception e) when (e is System.Xml.XmlException or FormatException or ArgumentException or InvalidOperationException or CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException)
                {
                    throw new FetchException($"{feed.Url}: not an RSS or Atom feed ({e.Message})", e);
                }
                var outlet = string.IsNullOrWhiteSpace(parsed.Title) ? url.Host : parsed.Title.Trim();
                foreach (var item in parsed.Items.Take(options.MaxItemsPerPoll * 4))
                {
                    if (added >= options.MaxItemsPerPoll) break;
                    var key = item.Id is { Length: > 0 } id ? id : item.Link;
                    if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(item.Link)) continue;
                    if (await feeds.IsFeedItemSeenAsync(feed.Url, key, cancellationToken).ConfigureAwait(false)) continue;
                    try
                    {
                        var link = new Uri(url, item.Link);
                        var page = await fetcher.GetAsync(link, cancellationToken: cancellationToken).ConfigureAwait(false);
                        var metadata = new SourceMetadata(
                            Title: string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim(),
                            Outlet: outlet,
                            Url: link.AbsoluteUri,
                            Published: item.PublishingDate?.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                        var source = new SourceDocument(link.AbsoluteUri, page.Body ?? "", DocumentFormat.Html, metadata);
                        var result = (await ingestor.IngestAsync([source], cancellationToken).ConfigureAwait(false))[0];
                        if (result.Status == IngestStatus.Rejected) errors.Add($"{link}: {result.Error}");
                        else if (result.Status == IngestStatus.Created) added++;
                        await feeds.MarkFeedItemSeenAsync(feed.Url, key, cancellationToken).ConfigureAwait(false);
                    }
                    catch (FetchException e)
                    {
                        // The item is retried on the next poll.
                        errors.Add(e.Message);
                    }
                }
                status = "ok";
            }
        }
        catch (FetchException e)
        {
            status = "failed";
            errors.Insert(0, e.Message);
        }
        next = next with
        {
            LastStatus = status,
            LastError = errors.Count == 0 ? null : string.Join(" | ", errors.Take(5)),
            ItemsIngested = feed.ItemsIngested + added,
        };
        await feeds.SaveFeedStateAsync(next, cancellationToken).ConfigureAwait(false);
        foreach (var e in errors) log?.WriteLine($"feed {feed.Url}: {e}");
        return new FeedPollResult(feed.Url, status, added, errors);
    }
}
