using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Briefings;
using Precis.Server.Endpoints;
using Precis.Server.Feeds;
using Precis.Server.Ingestion;
using Precis.Server.Storage;
using Precis.Server.Storage.Postgres;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Web;

namespace Precis.Server;

/// <summary>Builds the service: a thin ASP.NET Core shell over the store, the ingestor and the pipeline.</summary>
public static class PrecisServer
{
    /// <summary>Opens (and migrates) the store the options name.</summary>
    public static async Task<IPrecisStore> OpenStoreAsync(string? postgres, string dataDirectory, CancellationToken cancellationToken = default)
    {
        IPrecisStore store = postgres is { Length: > 0 } ? new PostgresStore(postgres) : new SqliteStore(dataDirectory);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Builds the web application (not started). The caller disposes it; the store is disposed with it.</summary>
    public static async Task<WebApplication> BuildAsync(ServerOptions options, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = await OpenStoreAsync(options.PostgresConnectionString, options.DataDirectory, cancellationToken).ConfigureAwait(false);
        var pipeline = new PrecisPipelineBuilder().Build();
        var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, cancellationToken: cancellationToken).ConfigureAwait(false);

        foreach (var path in options.Ingest)
        {
            var diagnostics = new List<Diagnostic>();
            var sources = new InputReader(pipeline.Options.MaxInputBytes).Read(path, diagnostics);
            var results = await ingestor.IngestAsync(sources, cancellationToken).ConfigureAwait(false);
            foreach (var d in diagnostics) log?.WriteLine(d);
            log?.WriteLine($"{path}: {results.Count(r => r.Status == IngestStatus.Created)} new, {results.Count(r => r.Status == IngestStatus.Duplicate)} already stored, {results.Count(r => r.Status == IngestStatus.Rejected)} rejected");
        }

        if (store is IFeedStore feedStore)
        {
            foreach (var url in options.Feeds) await feedStore.AddFeedAsync(url, cancellationToken).ConfigureAwait(false);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Logging.ClearProviders();
        if (options.JsonConsoleLog)
        {
            // Structured request and error logs: one JSON object per line on standard error (stdout stays for the CLI).
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft.AspNetCore", Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton(ingestor);
        builder.Services.AddSingleton<EventBriefings>();
        if (store is IFeedStore feeds)
        {
            builder.Services.AddSingleton(feeds);
            builder.Services.AddSingleton(options.FeedOptions);
            builder.Services.AddSingleton(_ => new FeedFetcher(options.FeedOptions));
            builder.Services.AddSingleton(sp => new FeedPoller(feeds, ingestor, sp.GetRequiredService<FeedFetcher>(), options.FeedOptions, log));
            if (options.PollFeeds) builder.Services.AddHostedService(sp => new FeedService(sp.GetRequiredService<FeedPoller>(), options.FeedOptions, log));
        }
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(ApiJson.Default));
        builder.Services.AddOpenApi();

        var app = builder.Build();
        Hosting.ErrorHandling.Use(app);
        app.MapGet("/health", async (IPrecisStore health, EventBriefings briefings, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var page = await health.ListEventsAsync(0, 1, timeout.Token).ConfigureAwait(false);
                return Results.Json(new HealthReport(Status: "ok", Events: page.Total, BriefingsPending: briefings.Pending), Endpoints.ApiJson.Http.HealthReport);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return Results.Problem(title: "Unhealthy", detail: $"the store did not answer: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithSummary("Liveness and store reachability.");
        app.Use(async (context, next) =>
        {
            // Defence in depth: whatever an article contains, pages run only the one local script and their own styles.
            context.Response.Headers["Content-Security-Policy"] = HtmlPages.Csp;
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await next(context).ConfigureAwait(false);
        });
        app.MapOpenApi();
        ArticlesEndpoints.Map(app, options);
        EventsEndpoints.Map(app);
        PagesEndpoints.Map(app);
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        if (options.ApiKey is null) log?.WriteLine("warning: no API key set (--api-key or PRECIS_API_KEY): anyone who can reach the server can add articles.");
        return app;
    }

    /// <summary>The addresses the started app listens on (resolves port 0).</summary>
    public static IReadOnlyCollection<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
