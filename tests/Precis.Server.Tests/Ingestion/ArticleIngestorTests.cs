using System.Text.Json;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Ingestion;

public sealed class ArticleIngestorTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    public void Dispose() => TestEnvironment.DeleteQuietly(_folder);

    /// <summary>A batch large enough to be parsed in parallel: the fictional stories as JSON records and as plain
    /// text, an HTML copy, an empty document and an exact re-submission, shuffled.</summary>
    private static List<SourceDocument> MixedBatch()
    {
        var docs = new List<SourceDocument>();
        int i = 0;
        foreach (var record in FictionalArticles.Bridge.Concat(FictionalArticles.Orchard))
        {
            var json = JsonSerializer.Serialize(record);
            docs.Add(new SourceDocument($"record-{i}.json", json, DocumentFormat.JsonRecord, SourceMetadata.Empty));
            using var parsed = JsonDocument.Parse(json);
            var text = parsed.RootElement.GetProperty("text").GetString()!;
            // The same story rewritten by hand would be a new article; a plain-text copy with a note appended is one too.
            docs.Add(SourceDocument.PlainText($"plain-{i}.txt", text + " Reporting continues."));
            i++;
        }
        docs.Add(new SourceDocument("page.html", "<html><body><h1>Hail hits Milbrook</h1><p>Hailstones stripped apple orchards in Milbrook valley and growers asked for relief funds after the apple harvest was lost.</p></body></html>", DocumentFormat.Html, SourceMetadata.Empty));
        docs.Add(SourceDocument.PlainText("empty.txt", "   \n  "));
        docs.Add(SourceDocument.PlainText("again.txt", docs[1].Content));
        var random = new Random(7);
        return [.. docs.OrderBy(_ => random.Next())];
    }

    [Fact]
    public async Task A_parallel_batch_reports_results_in_input_order()
    {
        var batch = MixedBatch();
        Assert.True(batch.Count >= 8, "the batch must be large enough for the parallel path");
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);

        var results = (await ingestor.IngestAsync(batch)).ToList();

        Assert.Equal(batch.Select(d => d.Origin), results.Select(r => r.Origin));
        Assert.Equal(IngestStatus.Rejected, Assert.Single(results, r => r.Origin == "empty.txt").Status);
        var again = Assert.Single(results, r => r.Origin == "again.txt");
        var original = Assert.Single(results, r => r.Origin == "plain-0.txt");
        Assert.Equal(IngestStatus.Duplicate, results.IndexOf(again) < results.IndexOf(original) ? original.Status : again.Status);
        Assert.Equal(original.ArticleId, again.ArticleId);
        Assert.Equal(batch.Count - 2, results.Count(r => r.Status == IngestStatus.Created));
    }

    [Fact]
    public async Task A_boilerplate_page_is_stored_but_listed_as_rejected_from_events_with_a_reason()
    {
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);
        // Written for this test: a script prompt, and a news report.
        var results = await ingestor.IngestAsync([
            SourceDocument.PlainText("prompt.txt", "Please enable JavaScript in your browser settings to view this page. Reload the page once you have enabled it."),
            SourceDocument.PlainText("news.txt", "Hailstones stripped apple orchards in Milbrook valley on Monday, and growers asked the county for relief funds after most of the harvest was lost."),
        ]);

        var prompt = Assert.Single(results, r => r.Origin == "prompt.txt");
        Assert.Equal(IngestStatus.Created, prompt.Status);       // stored: nothing is lost
        Assert.NotNull(prompt.ArticleId);
        Assert.False(string.IsNullOrWhiteSpace(prompt.Rejection));
        var news = Assert.Single(results, r => r.Origin == "news.txt");
        Assert.Null(news.Rejection);
        Assert.NotEqual(prompt.EventId, news.EventId);
    }

    [Fact]
    public async Task One_batch_and_one_article_at_a_time_make_the_same_decisions()
    {
        var batch = MixedBatch();
        await using var whole = new SqliteStore(Path.Combine(_folder, "whole"));
        await whole.MigrateAsync();
        var together = await (await ArticleIngestor.CreateAsync(whole, Pipeline)).IngestAsync(batch);

        await using var single = new SqliteStore(Path.Combine(_folder, "single"));
        await single.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(single, Pipeline);
        var oneByOne = new List<IngestResult>();
        foreach (var document in batch) oneByOne.AddRange(await ingestor.IngestAsync([document]));

        Assert.Equal(together.Select(r => (r.Origin, r.Status, r.ArticleId)), oneByOne.Select(r => (r.Origin, r.Status, r.ArticleId)));
        // The stored partition into events (merges applied) must be the same either way.
        Assert.Equal(await PartitionAsync(whole), await PartitionAsync(single));
    }

    private static async Task<List<string>> PartitionAsync(SqliteStore store)
    {
        var events = new Dictionary<long, List<string>>();
        await foreach (var a in store.GetAllArticlesAsync())
        {
            if (!events.TryGetValue(a.EventId, out var ids)) events.Add(a.EventId, ids = []);
            ids.Add(a.Id);
        }
        return [.. events.Values.Select(ids => string.Join(",", ids.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }
}
