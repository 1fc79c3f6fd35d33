using Microsoft.Extensions.Hosting;

namespace Precis.Server.Feeds;

/// <summary>Polls the followed feeds every <see cref="FeedOptions.Interval"/> while the server runs.</summary>
internal sealed class FeedService(FeedPoller poller, FeedOptions options, TextWriter? log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                var results = await poller.PollAllAsync(stoppingToken).ConfigureAwait(false);
                var added = results.Sum(r => r.NewArticles);
                if (added > 0) log?.WriteLine($"feeds: {added} new article(s) from {results.Count} feed(s)");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A store outage must not end the loop: it is logged and the next tick tries again.
                log?.WriteLine($"feeds: poll failed: {e.Message}");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
