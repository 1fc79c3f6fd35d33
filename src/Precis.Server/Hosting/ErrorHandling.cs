using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Precis.Server.Hosting;

/// <summary>
/// Every request is logged (method, path, status, time), and every unhandled error is logged with its exception and
/// answered with problem details: a full disk or a read-only store is a 503 that says writes are refused (reads go
/// on), a briefing still being built is a 503 with Retry-After, anything else a 500 naming the request id.
/// </summary>
internal static partial class ErrorHandling
{
    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Precis.Server");
        app.Use(async (context, next) =>
        {
            long started = Stopwatch.GetTimestamp();
            await next(context).ConfigureAwait(false);
            LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, title, detail) = Classify(exception);
            if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable) LogError(logger, exception, context.Request.Method, context.Request.Path.Value ?? "", status);
            else LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? "", status, exception?.Message ?? "");
            if (exception is BriefingPendingException pending) context.Response.Headers.RetryAfter = pending.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = status;
            await Results.Problem(title: title, detail: detail, statusCode: status,
                extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier }).ExecuteAsync(context).ConfigureAwait(false);
        }));
    }

    /// <summary>Status, title and detail for an exception that escaped an endpoint.</summary>
    internal static (int Status, string Title, string Detail) Classify(Exception? e) => e switch
    {
        BriefingPendingException p => (StatusCodes.Status503ServiceUnavailable, "Briefing being built", p.Message),
        _ when IsStorageFull(e) => (StatusCodes.Status503ServiceUnavailable, "Storage full",
            "The server cannot write (disk full or read-only store); nothing was stored. Reads keep working; retry later."),
        BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", "The error was logged with this request's trace id."),
    };

    /// <summary>Disk full, quota exceeded or a read-only database: SQLite codes 13 (FULL) and 8 (READONLY), PostgreSQL
    /// 53100 (disk_full) and 25006 (read_only_sql_transaction), or an IOException for ENOSPC/EDQUOT.</summary>
    internal static bool IsStorageFull(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case Microsoft.Data.Sqlite.SqliteException s when s.SqliteErrorCode is 13 or 8:
                    return true;
                case DbException d when d.SqlState is "53100" or "25006":
                    return true;
                case IOException io when (io.HResult & 0xFFFF) is 28 or 122 || io.Message.Contains("No space left", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {ElapsedMs:F1} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed with {Status}")]
    private static partial void LogError(ILogger logger, Exception? exception, string method, string path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}

/// <summary>An event's first briefing is still being built in the background.</summary>
public sealed class BriefingPendingException(long eventId, int retryAfterSeconds)
    : Exception($"The briefing of event {eventId} is being built; retry in {retryAfterSeconds} s.")
{
    public long EventId { get; } = eventId;

    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
