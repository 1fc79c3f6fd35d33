using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Server.Endpoints;

/// <summary>One submitted article's outcome in the answer to POST /api/articles.</summary>
internal sealed record ArticleOutcome(string? Id, string Status, long? EventId, string? Error, string? Rejection, string? Url);

/// <summary>The answer to POST /api/articles: one outcome per submitted article, in order.</summary>
internal sealed record ArticlesPosted(IReadOnlyList<ArticleOutcome> Articles);

/// <summary>GET /api/articles/{id}: one stored article.</summary>
internal sealed record ArticleView(string Id, string? Url, string? Headline, string? Outlet, string? Published, long EventId,
    DateTimeOffset IngestedAt, string? SyndicatedWith, string Format, string Text);

/// <summary>One event of GET /api/events.</summary>
internal sealed record EventListItem(long Id, string? Headline, int ArticleCount, int SourceCount, DateTimeOffset LastActivity, string Url);

/// <summary>GET /api/events: one page of events, newest activity first.</summary>
internal sealed record EventList(int Total, int Offset, int Limit, IReadOnlyList<EventListItem> Events);

/// <summary>GET /health when the store answers.</summary>
internal sealed record HealthReport(string Status, int Events, int BriefingsPending);

/// <summary>
/// The JSON API's answers, serialized from source-generated metadata (no reflection, so the native build serves them
/// too) with the options of ASP.NET Core's HTTP JSON defaults (<see cref="Http"/>). The last types are those the OpenAPI
/// document describes (route and query parameters, the request body, validation problems): the native build's
/// HTTP JSON options have no reflection-based metadata to describe them with (<see cref="PrecisServer"/> adds this
/// context after the default resolver, so the JIT build's document is unchanged).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticlesPosted))]
[JsonSerializable(typeof(ArticleView))]
[JsonSerializable(typeof(EventList))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>
    /// What ASP.NET Core writes results with by default (its HTTP JSON options): web defaults (camelCase names, nulls
    /// written) and the relaxed encoder (quotes as \", no \u escapes for apostrophes or non-ASCII text: the body is
    /// JSON, not HTML).
    /// </summary>
    public static ApiJson Http { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
