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
/// too) with ASP.NET Core's web defaults: camelCase names, nulls written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticlesPosted))]
[JsonSerializable(typeof(ArticleView))]
[JsonSerializable(typeof(EventList))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class ApiJson : JsonSerializerContext;
