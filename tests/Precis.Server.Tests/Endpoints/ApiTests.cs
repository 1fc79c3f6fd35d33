using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Endpoints;

/// <summary>The HTTP API against the real server on loopback.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Posted_articles_of_one_story_form_one_event_with_a_cited_briefing()
    {
        var posted = await _server.PostAsync(FictionalArticles.Bridge.Concat(FictionalArticles.Orchard).ToArray());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var results = (await Json(posted)).GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal("created", r.GetProperty("status").GetString()));
        var bridgeEvents = results.Take(3).Select(r => r.GetProperty("eventId").GetInt64()).Distinct().ToList();
        var orchardEvents = results.Skip(3).Select(r => r.GetProperty("eventId").GetInt64()).Distinct().ToList();
        Assert.Single(bridgeEvents);
        Assert.Single(orchardEvents);
        Assert.NotEqual(bridgeEvents[0], orchardEvents[0]);

        var list = await Json(await _server.Client.GetAsync("api/events"));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var bridge = list.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetInt64() == bridgeEvents[0]);
        Assert.Equal(3, bridge.GetProperty("sourceCount").GetInt32());
        Assert.Equal("Ferry strikes Alder Bridge pier in Westhaven", bridge.GetProperty("headline").GetString());

        var briefing = await Json(await _server.Client.GetAsync($"api/events/{bridgeEvents[0]}"));
        Assert.Equal(3, briefing.GetProperty("sources").GetArrayLength());
        var sentences = briefing.GetProperty("summary").GetProperty("sentences").EnumerateArray().ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.All(s.GetProperty("citations").EnumerateArray(), c => Assert.InRange(c.GetInt32(), 1, 3)));

        var markdown = await _server.Client.GetStringAsync($"api/events/{bridgeEvents[0]}/brief.md");
        Assert.Contains("## Sources", markdown, StringComparison.Ordinal);
        Assert.Contains("Westhaven Post", markdown, StringComparison.Ordinal);

        var articleId = results[0].GetProperty("id").GetString();
        var article = await Json(await _server.Client.GetAsync($"api/articles/{articleId}"));
        Assert.Equal("https://westhaven.example/ferry-bridge", article.GetProperty("url").GetString());
        Assert.Equal(bridgeEvents[0], article.GetProperty("eventId").GetInt64());
    }

    [Fact]
    public async Task Reposting_an_article_is_a_no_op()
    {
        Assert.Equal(HttpStatusCode.Created, (await _server.PostAsync(FictionalArticles.Orchard[0])).StatusCode);
        var again = await _server.PostAsync(FictionalArticles.Orchard[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await Json(again)).GetProperty("articles")[0].GetProperty("status").GetString());
        Assert.Equal(1, (await Json(await _server.Client.GetAsync("api/events"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_briefing_is_rebuilt_when_its_event_gains_an_article()
    {
        await _server.PostAsync(FictionalArticles.Bridge.Take(2).ToArray());
        var before = await Json(await _server.Client.GetAsync("api/events/1"));
        Assert.Equal(2, before.GetProperty("sources").GetArrayLength());
        Assert.Equal(before.GetRawText(), (await Json(await _server.Client.GetAsync("api/events/1"))).GetRawText());
        await _server.PostAsync(FictionalArticles.Bridge[2]);
        // The rebuild runs in the background: meanwhile the last good briefing is served, marked stale.
        JsonElement after;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await _server.Client.GetAsync("api/events/1");
            after = await Json(response);
            bool stale = response.Headers.TryGetValues("X-Precis-Briefing", out var marks) && marks.Any(m => m.StartsWith("stale", StringComparison.Ordinal));
            if (!stale) break;
            Assert.Equal(2, after.GetProperty("sources").GetArrayLength());
            Assert.True(DateTime.UtcNow < deadline, "the rebuild did not finish in 60 s");
            await Task.Delay(100);
        }
        Assert.Equal(3, after.GetProperty("sources").GetArrayLength());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Writes_without_the_api_key_are_unauthorized(string? key)
    {
        var response = await _server.PostAsync(FictionalArticles.Orchard[0], key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await Json(await _server.Client.GetAsync("api/events"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_with_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent("{\"title\": \"x\", \"text\": ", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LoopbackServer.ApiKey);
        var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Malformed JSON", (await Json(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named_in_the_problem()
    {
        var response = await _server.PostAsync(new object[] { FictionalArticles.Orchard[0], new { title = 42, text = "Some text." } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].title", out _), errors.GetRawText());
        Assert.Equal(0, (await Json(await _server.Client.GetAsync("api/events"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_article_without_text_is_a_bad_request_naming_text()
    {
        var response = await _server.PostAsync(new { title = "Only a title" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task An_oversized_body_is_rejected_with_413()
    {
        var response = await _server.PostAsync(new { title = "Big", text = new string('x', 300 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_paging_is_validated()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Client.GetAsync("api/events/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Client.GetAsync("api/articles/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client.GetAsync("api/events?limit=1000")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var doc = await Json(await _server.Client.GetAsync("openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/articles", out _));
        Assert.True(paths.TryGetProperty("/api/events/{id}", out _));
    }

    [Fact]
    public async Task Events_are_listed_newest_activity_first_and_paged()
    {
        await _server.PostAsync(FictionalArticles.Bridge[0]);
        await _server.PostAsync(FictionalArticles.Orchard[0]);
        var page = await Json(await _server.Client.GetAsync("api/events?limit=1"));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("Hailstorm flattens Milbrook apple orchards", page.GetProperty("events")[0].GetProperty("headline").GetString());
        var next = await Json(await _server.Client.GetAsync("api/events?offset=1&limit=1"));
        Assert.Equal("Ferry strikes Alder Bridge pier in Westhaven", next.GetProperty("events")[0].GetProperty("headline").GetString());
    }
}
