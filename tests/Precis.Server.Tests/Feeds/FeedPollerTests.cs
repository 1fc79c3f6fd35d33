using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Precis.Pipeline;
using Precis.Server.Feeds;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;
using Precis.Server.Web;

namespace Precis.Server.Tests.Feeds;

/// <summary>
/// Feeds served from a loopback server (127.0.0.1 only): new items become articles in an event, a 304 fetches
/// nothing more, and a feed that errors, times out or is 50 MB is reported without stopping the others.
/// </summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private WebApplication? _site;
    private Uri _base = null!;
    private volatile bool _withThirdItem;

    private static readonly FeedOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(4), // generous: a loaded 2-core CI machine
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        PerHostDelay = TimeSpan.Zero,
        MaxBytes = 1024 * 1024,
    };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.Use(async (ctx, next) =>
        {
            _hits.AddOrUpdate(ctx.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(ctx);
        });
        _site.MapGet("/good.xml", (HttpContext ctx) =>
        {
            var etag = _withThirdItem ? "\"v2\"" : "\"v1\"";
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            ctx.Response.Headers.ETag = etag;
            return Results.Text(Rss(_withThirdItem), "application/rss+xml; charset=utf-8");
        });
        _site.MapGet("/error.xml", () => Results.StatusCode(500));
        _site.MapGet("/slow.xml", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Text(Rss(false), "application/rss+xml");
        });
        _site.MapGet("/huge.xml", async (HttpContext ctx) =>
        {
            // 50 MB, streamed without a length: the fetcher must stop reading at its limit.
            ctx.Response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                for (int sent = 0; sent < 50 * 1024 * 1024; sent += chunk.Length) await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the client stopped reading
            }
        });
        _site.MapGet("/pages/{name}", (string name) => Results.Content(Page(name), "text/html; charset=utf-8"));
        await _site.StartAsync();
        _base = new Uri(PrecisServer.Addresses(_site).Single() + "/");
        Assert.Equal("127.0.0.1", _base.Host);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
        TestEnvironment.DeleteQuietly(_folder);
    }

    private string Rss(bool third)
    {
        var items = new List<(string Id, string Title, string Page, string Date)>
        {
            ("tern-1", "Storm surge floods Tern Island harbour", "tern-1.html", "Mon, 06 Apr 2026 09:00:00 GMT"),
            ("tern-2", "Tern Island ferries cancelled after storm surge", "tern-2.html", "Mon, 06 Apr 2026 15:00:00 GMT"),
        };
        if (third) items.Add(("tern-3", "Tern Island harbour reopens after storm surge", "tern-3.html", "Wed, 08 Apr 2026 10:00:00 GMT"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Tern Island Courier</title><link>{_base}</link><description>News</description>
            {string.Concat(items.Select(i => $"<item><guid isPermaLink=\"false\">{i.Id}</guid><title>{i.Title}</title><link>{_base}pages/{i.Page}</link><pubDate>{i.Date}</pubDate></item>"))}
            </channel></rss>
            """;
    }

    private static string Page(string name)
    {
        var body = name switch
        {
            "tern-1.html" => "A storm surge flooded the harbour on Tern Island on Monday morning, the island council said. Fishing boats were torn from their moorings and the harbour road was closed. Nobody was hurt, the council said.",
            "tern-2.html" => "Ferries to Tern Island were cancelled on Monday after a storm surge flooded the island harbour. The ferry company said sailings would resume once the harbour road reopened.",
            _ => "The harbour on Tern Island reopened on Wednesday after the storm surge that flooded it on Monday. Ferries to Tern Island resumed sailing, the ferry company said.",
        };
        return $"<!DOCTYPE html><html><head><title>{name}</title><meta property=\"og:site_name\" content=\"Tern Island Courier\"></head><body><nav>Home | News</nav><article><h1>Tern Island storm surge</h1>{string.Concat(body.Split(". ").Select(s => $"<p>{s.TrimEnd('.')}.</p>"))}</article></body></html>";
    }

    private async Task<(SqliteStore Store, FeedPoller Poller, FetchCounter Count)> CreateAsync(params string[] feeds)
    {
        var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        foreach (var f in feeds) await store.AddFeedAsync(new Uri(_base, f).AbsoluteUri);
        var pipeline = new PrecisPipelineBuilder().Build();
        var ingestor = await ArticleIngestor.CreateAsync(store, pipeline);
        var poller = new FeedPoller(store, ingestor, new FeedFetcher(Options), Options);
        return (store, poller, new FetchCounter(_hits));
    }

    [Fact]
    public async Task New_items_become_articles_of_one_event_and_a_304_fetches_nothing_more()
    {
        var (store, poller, _) = await CreateAsync("good.xml");
        await using var _ = store;
        var first = Assert.Single(await poller.PollAllAsync());
        Assert.Equal("ok", first.Status);
        Assert.Equal(2, first.NewArticles);
        Assert.Empty(first.Errors);
        Assert.Equal(2, await store.CountArticlesAsync());
        var events = await store.ListEventsAsync(0, 10);
        var e = Assert.Single(events.Events);
        Assert.Equal(2, e.ArticleCount);
        var articles = await store.GetEventArticlesAsync(e.Id);
        Assert.All(articles, a => Assert.Equal("Tern Island Courier", a.Outlet));
        Assert.Contains(articles, a => a.Text.Contains("storm surge flooded the harbour", StringComparison.Ordinal));

        var pagesBefore = _hits.Where(h => h.Key.StartsWith("/pages/", StringComparison.Ordinal)).Sum(h => h.Value);
        var second = Assert.Single(await poller.PollAllAsync());
        Assert.Equal("not modified", second.Status);
        Assert.Equal(0, second.NewArticles);
        Assert.Equal(2, _hits["/good.xml"]);
        Assert.Equal(pagesBefore, _hits.Where(h => h.Key.StartsWith("/pages/", StringComparison.Ordinal)).Sum(h => h.Value));

        // A changed feed: only the new item's page is fetched, and it joins the same event.
        _withThirdItem = true;
        var third = Assert.Single(await poller.PollAllAsync());
        Assert.Equal(1, third.NewArticles);
        Assert.Equal(1, _hits["/pages/tern-3.html"]);
        Assert.Equal(1, _hits["/pages/tern-1.html"]);
        Assert.Equal(3, (await store.GetEventArticlesAsync(e.Id)).Count);
    }

    [Fact]
    public async Task A_feed_that_errors_times_out_or_is_too_big_is_reported_and_the_others_still_poll()
    {
        var (store, poller, _) = await CreateAsync("error.xml", "slow.xml", "huge.xml", "good.xml");
        await using var _ = store;
        var results = (await poller.PollAllAsync()).ToDictionary(r => new Uri(r.Url).AbsolutePath, StringComparer.Ordinal);
        Assert.Equal("ok", results["/good.xml"].Status);
        Assert.Equal(2, results["/good.xml"].NewArticles);
        Assert.Equal("failed", results["/error.xml"].Status);
        Assert.Contains("HTTP 500", results["/error.xml"].Errors[0], StringComparison.Ordinal);
        Assert.Equal(2, _hits["/error.xml"]); // one retry
        Assert.Equal("failed", results["/slow.xml"].Status);
        Assert.Contains("timed out", results["/slow.xml"].Errors[0], StringComparison.Ordinal);
        Assert.Equal("failed", results["/huge.xml"].Status);
        Assert.Contains("over the limit", results["/huge.xml"].Errors[0], StringComparison.Ordinal);
        Assert.Equal(2, await store.CountArticlesAsync());

        // The status page shows every feed and each failure in words.
        var html = HtmlPages.FeedsPage(await store.ListFeedsAsync());
        Assert.Contains("HTTP 500", html, StringComparison.Ordinal);
        Assert.Contains("timed out", html, StringComparison.Ordinal);
        Assert.Contains("over the limit", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<tr class=\"failed\">").Length - 1);
    }

    private sealed record FetchCounter(ConcurrentDictionary<string, int> Hits);
}
