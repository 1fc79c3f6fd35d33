using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Precis.Server;

namespace Precis.Cli.Commands;

/// <summary><c>precis serve</c>: the HTTP service (API + web page) over a SQLite data folder or PostgreSQL.</summary>
internal static class ServeCommand
{
    public static Command Create(CliIO io)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string>("--data") { Description = "Data folder for the SQLite store.", DefaultValueFactory = _ => "data" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (instead of --data)." };
        var apiKey = new Option<string?>("--api-key") { Description = "Key required in X-Api-Key for writes (or set PRECIS_API_KEY)." };
        var ingest = new Option<string[]>("--ingest") { Description = "Files or folders to ingest before serving.", AllowMultipleArgumentsPerToken = true };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest accepted request body.", DefaultValueFactory = _ => 8 * 1024 * 1024 };
        var feeds = new Option<FileInfo?>("--feeds") { Description = "A file of RSS/Atom feed URLs (one per line, # comments) to follow; polled every --feed-minutes." };
        var feedMinutes = new Option<double>("--feed-minutes") { Description = "Minutes between feed polls.", DefaultValueFactory = _ => 10 };
        var command = new Command("serve", "Run the Precis service: POST articles, read each event's current briefing.") { urls, data, postgres, apiKey, ingest, maxBody, feeds, feedMinutes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var feedUrls = new List<string>();
            if (parse.GetValue(feeds) is { } feedFile)
            {
                if (!feedFile.Exists)
                {
                    io.Error.WriteLine($"precis serve: no such feeds file: {feedFile.FullName}");
                    return ExitCodes.Usage;
                }
                int lineNumber = 0;
                foreach (var raw in File.ReadLines(feedFile.FullName))
                {
                    lineNumber++;
                    var line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith('#')) continue;
                    if (Uri.TryCreate(line, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)) feedUrls.Add(u.AbsoluteUri);
                    else io.Error.WriteLine($"{feedFile.Name}:{lineNumber}: skipped: not an http(s) URL: {line}");
                }
            }
            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDirectory = parse.GetValue(data)!,
                PostgresConnectionString = parse.GetValue(postgres),
                ApiKey = parse.GetValue(apiKey) ?? NullIfEmpty(Environment.GetEnvironmentVariable("PRECIS_API_KEY")),
                Ingest = parse.GetValue(ingest) ?? [],
                MaxRequestBodyBytes = parse.GetValue(maxBody),
                Feeds = feedUrls,
                FeedOptions = new Precis.Server.Feeds.FeedOptions { Interval = TimeSpan.FromMinutes(Math.Max(0.1, parse.GetValue(feedMinutes))) },
                JsonConsoleLog = true,
            };
            Microsoft.AspNetCore.Builder.WebApplication built;
            try
            {
                built = await PrecisServer.BuildAsync(options, io.Error, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (CliInput.IsStoreOpenFailure(e))
            {
                // A read-only or uncreatable data folder, a refused database: one line, not a stack trace.
                io.Error.WriteLine($"precis: cannot open the store ({(options.PostgresConnectionString is { Length: > 0 } ? "PostgreSQL" : "data folder " + options.DataDirectory)}): {e.Message}");
                return ExitCodes.Usage;
            }
            await using var app = built;
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            foreach (var address in PrecisServer.Addresses(app)) io.Out.WriteLine($"Precis listening on {address}/");
            io.Out.Flush();
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
