using Precis.Clustering;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Ingestion;

/// <summary>Event splits in the store path: what the clusterer splits, the store moves, and a restart keeps. The model
/// here is made for the test (every article joins, halves far apart in words split), so that two stories chained
/// into one event are certain; the texts are fictional.</summary>
public sealed class EventSplitIngestTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    public void Dispose() => TestEnvironment.DeleteQuietly(_folder);

    // A shared closing line gives every article a candidate in every event.
    private const string Tail = " Reporting by the Dunmore Gazette county desk.";

    private static readonly string[] Quarry =
    [
        "Ferry crews on the Orrin estuary walked out on Monday over night shifts, stranding commuters at Tollby pier. The ferry company said talks with the crews would resume.",
        "Commuters queued at Tollby pier for buses on Monday evening as the Orrin estuary ferry crews stayed on strike over night shifts, the ferry company said.",
        "Talks between the ferry company and striking Orrin estuary crews broke down on Tuesday; no ferry will leave Tollby pier before Thursday, union officials said.",
        "The Orrin estuary ferry strike ended on Wednesday when crews accepted a shorter night shift roster, and the first ferry left Tollby pier at noon.",
        "Ferries ran to the normal timetable from Tollby pier on Thursday after the strike by Orrin estuary crews over night shifts ended, the company said.",
        "Union officials said the Orrin estuary ferry crews would review the night shift roster with the company in six months, after the strike at Tollby pier.",
    ];

    private static readonly string[] Festival =
    [
        "A chess tournament in the Vennick town hall drew two hundred players on Saturday. The youngest entrant, aged nine, beat a former county champion.",
        "The nine-year-old who beat a former county champion at the Vennick chess tournament reached the final rounds in the town hall on Sunday.",
        "Organisers of the Vennick chess tournament said the town hall would host it again next spring after record entries and a nine-year-old finalist.",
        "The Vennick chess tournament ended in the town hall on Sunday night with a draw in the final; the nine-year-old finalist shared the trophy.",
        "Chess clubs across the county reported new members after the Vennick town hall tournament, where a nine-year-old shared the trophy, organisers said.",
    ];

    /// <summary>Every pair joins (p ≈ 1); a merge, or keeping a split's halves together, needs a body cosine above 0.5.</summary>
    internal static ClusteringOptions Options()
    {
        var zeros = new double[JoinFeatures.Count];
        var ones = Enumerable.Repeat(1.0, JoinFeatures.Count).ToArray();
        var bodyOnly = new double[JoinFeatures.Count];
        bodyOnly[0] = 20; // JoinFeatures.Names[0] is the body cosine
        var model = new JoinModel(new LogisticScorer(zeros, ones, zeros, 10), 0.5, new LogisticScorer(zeros, ones, bodyOnly, -10), 0.5, "test");
        return new ClusteringOptions { Model = model, SplitCut = 0.2, SplitEvery = 1, SplitMinMembers = 6 };
    }

    internal static List<SourceDocument> Stream()
    {
        var docs = new List<SourceDocument>();
        for (int i = 0; i < Math.Max(Quarry.Length, Festival.Length); i++)
        {
            if (i < Quarry.Length) docs.Add(SourceDocument.PlainText($"q{i}.txt", Quarry[i] + Tail, new SourceMetadata(Id: $"q{i}", Outlet: $"Outlet {i}", Published: "2026-03-02")));
            if (i < Festival.Length) docs.Add(SourceDocument.PlainText($"f{i}.txt", Festival[i] + Tail, new SourceMetadata(Id: $"f{i}", Outlet: $"Outlet {i}", Published: "2026-03-02")));
        }
        return docs;
    }

    private static async Task<Dictionary<string, long>> StoredEventsAsync(IPrecisStore store)
    {
        var events = new Dictionary<string, long>();
        await foreach (var a in store.GetAllArticlesAsync()) events[a.Id] = a.EventId;
        return events;
    }

    /// <summary>What the clusterer alone decides, article by article: each article's event at the end (checking each
    /// split on the way).</summary>
    internal static Dictionary<string, long> Decide(List<SourceDocument> docs, ClusteringOptions options)
    {
        var reference = new OnlineEventClusterer(options);
        var decided = new List<(string Id, long Event)>();
        int splits = 0;
        foreach (var d in docs)
        {
            var decision = reference.Add(ArticleIngestor.Read(Pipeline, d).Terms! with { Id = d.Metadata.Id! });
            decided.Add((decision.ArticleId, decision.EventId));
            if (decision.Split is { } split)
            {
                splits++;
                Assert.Contains(decision.ArticleId, decided.Select(x => x.Id));
                Assert.All(split.ArticleIds, id => Assert.Equal(split.Into, reference.EventOf(id, decided.Single(x => x.Id == id).Event)));
            }
        }
        Assert.True(splits > 0, "the test's stream must make the clusterer split");
        var expected = decided.ToDictionary(x => x.Id, x => reference.EventOf(x.Id, x.Event));
        Assert.Contains(expected, x => x.Key[0] == 'f' && x.Value != expected["q0"]);
        return expected;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(11)]
    public async Task The_store_holds_the_events_the_clusterer_split(int batchSize)
    {
        var options = Options();
        var docs = Stream();

        var expected = Decide(docs, options);

        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline, options);
        var results = new List<IngestResult>();
        foreach (var chunk in docs.Chunk(batchSize)) results.AddRange(await ingestor.IngestAsync(chunk));

        Assert.Equal(expected, await StoredEventsAsync(store));
        // Each result names the article's event as of its batch's end: the last batch's are final.
        foreach (var r in results.TakeLast(batchSize)) Assert.Equal(expected[r.ArticleId!], r.EventId);
        // Event rows: one per live event, with the right counts.
        var page = await store.ListEventsAsync(0, 100);
        Assert.Equal(expected.Values.Distinct().Order(), page.Events.Select(e => e.Id).Order());
        foreach (var e in page.Events) Assert.Equal(expected.Count(x => x.Value == e.Id), e.ArticleCount);

        // A restart rebuilds from the store and goes on from the same events.
        var restarted = await ArticleIngestor.CreateAsync(store, Pipeline, options);
        var more = await restarted.IngestAsync([SourceDocument.PlainText("q9.txt", "Ferry crews on the Orrin estuary signed the new night shift roster at Tollby pier on Friday." + Tail, new SourceMetadata(Id: "q9", Published: "2026-03-06"))]);
        var after = await StoredEventsAsync(store);
        Assert.Equal(expected, after.Where(x => x.Key != "q9").ToDictionary());
        Assert.Contains(Assert.Single(more).EventId!.Value, after.Values);
    }
}
