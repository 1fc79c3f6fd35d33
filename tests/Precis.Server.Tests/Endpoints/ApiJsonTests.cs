using System.Text.Json;
using Precis.Server.Endpoints;

namespace Precis.Server.Tests.Endpoints;

/// <summary>
/// The API's answers are serialized from source-generated metadata (the native build has no reflection); they must be
/// written exactly as ASP.NET Core writes a result with its default HTTP JSON options (names, nulls, escaping).
/// </summary>
public sealed class ApiJsonTests
{
    // ASP.NET Core's defaults for results (reflection-based metadata in this JIT test run).
    private static readonly JsonSerializerOptions Http = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;

    private const string Text = "\"We heard a scrape,\" said Mara Jensen of Aarvik's café <b>&</b> — 12 % \u00e9\u4e2d\ud83d\ude00.";

    [Fact]
    public void Answers_are_written_as_with_the_default_http_json_options()
    {
        var time = new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));
        var posted = new ArticlesPosted([new ArticleOutcome("a/1", "created", 3, null, null, "/api/articles/a%2F1"), new ArticleOutcome(null, "rejected", null, Text, "script", null)]);
        Assert.Equal(JsonSerializer.Serialize(posted, Http), JsonSerializer.Serialize(posted, ApiJson.Http.ArticlesPosted));
        var article = new ArticleView("a/1", null, Text, "Coast Daily", "2026-03-02", 3, time, null, "PlainText", Text);
        Assert.Equal(JsonSerializer.Serialize(article, Http), JsonSerializer.Serialize(article, ApiJson.Http.ArticleView));
        var list = new EventList(2, 0, 20, [new EventListItem(3, Text, 2, 1, time, "/api/events/3"), new EventListItem(4, null, 1, 1, time, "/api/events/4")]);
        Assert.Equal(JsonSerializer.Serialize(list, Http), JsonSerializer.Serialize(list, ApiJson.Http.EventList));
        var health = new HealthReport("ok", 2, 0);
        Assert.Equal(JsonSerializer.Serialize(health, Http), JsonSerializer.Serialize(health, ApiJson.Http.HealthReport));
        // The relaxed encoder: quotes as \", apostrophes and non-ASCII text as is.
        Assert.Contains("\\\"We heard a scrape,\\\" said Mara Jensen of Aarvik's café", JsonSerializer.Serialize(article, ApiJson.Http.ArticleView), StringComparison.Ordinal);
    }
}
