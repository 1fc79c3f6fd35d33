using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Precis.Documents;
using Precis.Server.Ingestion;
using Precis.Server.Storage;

namespace Precis.Server.Endpoints;

/// <summary>POST /api/articles (one JSON object or an array of them) and GET /api/articles/{id}.</summary>
internal static class ArticlesEndpoints
{
    private static readonly string[] Fields = ["id", "title", "source", "url", "published", "text", "html"];

    public static void Map(IEndpointRouteBuilder app, ServerOptions options)
    {
        app.MapPost("/api/articles", (HttpContext http, ArticleIngestor ingestor, CancellationToken ct) => PostAsync(http, ingestor, options, ct))
            .WithSummary("Adds one article or a batch; answers once they are durably stored. Needs X-Api-Key.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status201Created).Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem().Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status413PayloadTooLarge);
        // A catch-all, unescaped: ids may hold '/' (sent as %2F) and still reach their article.
        app.MapGet("/api/articles/{**id}", (string id, IPrecisStore store, CancellationToken ct) => GetAsync(Uri.UnescapeDataString(id), store, ct))
            .WithSummary("One stored article (the id percent-encoded).");
        app.MapGet("/api/articles", (string? id, IPrecisStore store, CancellationToken ct) => id is null
            ? Task.FromResult(Problems.BadRequest("Missing id", new Dictionary<string, string[]> { ["id"] = ["give ?id=ARTICLE_ID"] }))
            : GetAsync(id, store, ct)).WithSummary("One stored article, by ?id= (any id, including '.' and '..').");
    }

    internal static bool Authorized(HttpContext http, ServerOptions options)
    {
        if (options.ApiKey is null) return true;
        var given = http.Request.Headers["X-Api-Key"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.ApiKey));
    }

    private static async Task<IResult> PostAsync(HttpContext http, ArticleIngestor ingestor, ServerOptions options, CancellationToken ct)
    {
        if (!Authorized(http, options))
            return Results.Problem(title: "Missing or wrong API key", detail: "Send the key in the X-Api-Key header.", statusCode: StatusCodes.Status401Unauthorized);
        if (http.Request.ContentLength > options.MaxRequestBodyBytes)
            return TooLarge(options);

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? p : "$";
            return Problems.BadRequest("Malformed JSON", new Dictionary<string, string[]>
            {
                [where] = [$"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"],
            });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }

        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                _ => null,
            };
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (items is null)
            {
                errors["$"] = ["expected an article object or an array of them"];
                return Problems.BadRequest("Invalid request body", errors);
            }
            if (items.Count == 0) errors["$"] = ["the array is empty"];
            var sources = new List<SourceDocument>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                var prefix = root.ValueKind == JsonValueKind.Array ? $"[{i}]." : "";
                if (Read(items[i], prefix, i, errors) is { } source) sources.Add(source);
            }
            if (errors.Count > 0) return Problems.BadRequest("Invalid article", errors);

            var results = await ingestor.IngestAsync(sources, ct).ConfigureAwait(false);
            var body = new ArticlesPosted(results.Select(r => new ArticleOutcome(
                Id: r.ArticleId,
                Status: r.Status.ToString().ToLowerInvariant(),
                EventId: r.EventId,
                Error: r.Error,
                Rejection: r.Rejection,
                Url: r.ArticleId is null ? null : ArticleUrl(r.ArticleId))).ToList());
            bool created = results.Any(r => r.Status == IngestStatus.Created);
            return Results.Json(body, ApiJson.Http.ArticlesPosted, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
    }

    /// <summary>
    /// Where an article can be read back. Ids are percent-encoded into the path ('/' as %2F); an id that is or holds
    /// a dot segment ("." or ".."), which clients and servers collapse as a path, goes in the query instead.
    /// </summary>
    internal static string ArticleUrl(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        bool dotSegment = id.Split('/').Any(part => part is "." or "..") || id.Length == 0;
        return dotSegment ? $"/api/articles?id={Uri.EscapeDataString(id)}" : $"/api/articles/{Uri.EscapeDataString(id)}";
    }

    private static IResult TooLarge(ServerOptions options) =>
        Results.Problem(title: "Request body too large", detail: $"The limit is {options.MaxRequestBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static SourceDocument? Read(JsonElement item, string prefix, int index, Dictionary<string, string[]> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.Length > 0 ? prefix.TrimEnd('.') : "$"] = ["expected an object"];
            return null;
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var field in Fields)
        {
            if (!item.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                values[field] = null;
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                try
                {
                    values[field] = v.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Invalid UTF-8 bytes or an unpaired surrogate escape ("\ud800"): not text.
                    errors[prefix + field] = [$"'{field}' is not valid text: invalid UTF-8 or an unpaired surrogate (such as \\ud800)"];
                    ok = false;
                }
            }
            else
            {
                errors[prefix + field] = [$"'{field}' must be a string"];
                ok = false;
            }
        }
        if (!ok) return null;
        var text = values["text"];
        var html = values["html"];
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
        {
            errors[prefix + "text"] = ["give the article's 'text' or 'html'"];
            return null;
        }
        var metadata = new SourceMetadata(Id: NullIfBlank(values["id"]), Title: NullIfBlank(values["title"]), Outlet: NullIfBlank(values["source"]),
            Url: NullIfBlank(values["url"]), Published: NullIfBlank(values["published"]));
        var origin = $"request[{index}]";
        return string.IsNullOrWhiteSpace(text)
            ? new SourceDocument(origin, html!, DocumentFormat.Html, metadata)
            : new SourceDocument(origin, text, DocumentFormat.PlainText, metadata);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<IResult> GetAsync(string id, IPrecisStore store, CancellationToken ct)
    {
        var a = await store.GetArticleAsync(id, ct).ConfigureAwait(false);
        if (a is null) return Results.Problem(title: "No such article", detail: id, statusCode: StatusCodes.Status404NotFound);
        return Results.Json(new ArticleView(
            Id: a.Id,
            Url: a.Url,
            Headline: a.Headline,
            Outlet: a.Outlet,
            Published: a.Published ?? a.Metadata.Published,
            EventId: a.EventId,
            IngestedAt: a.IngestedAt,
            SyndicatedWith: a.SyndicatedWith,
            Format: a.Format.ToString(),
            Text: a.Text), ApiJson.Http.ArticleView);
    }
}
