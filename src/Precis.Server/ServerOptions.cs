namespace Precis.Server;

/// <summary>How to run the service. Exactly one store: <see cref="PostgresConnectionString"/> when set, else SQLite in <see cref="DataDirectory"/>.</summary>
public sealed record ServerOptions
{
    /// <summary>Addresses to listen on, e.g. "http://127.0.0.1:5080" (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public string DataDirectory { get; init; } = "data";

    public string? PostgresConnectionString { get; init; }

    /// <summary>Required in the X-Api-Key header of every write; null leaves writes open (a warning is logged).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Structured JSON request and error logs on standard error (the <c>serve</c> command turns it on).</summary>
    public bool JsonConsoleLog { get; init; }

    /// <summary>Files or folders ingested once at start (like <c>precis ingest</c>).</summary>
    public IReadOnlyList<string> Ingest { get; init; } = [];

    /// <summary>RSS/Atom feed URLs to follow (added to the store at start; <c>precis feeds add</c> adds more).</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Poll the store's feeds on a timer while serving.</summary>
    public bool PollFeeds { get; init; } = true;

    public Feeds.FeedOptions FeedOptions { get; init; } = new();
}
