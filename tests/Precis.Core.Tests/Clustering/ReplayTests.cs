using Precis.Clustering;
using Precis.Core.Tests.Evaluation;
using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Clustering;

/// <summary><see cref="OnlineEventClusterer.Replay"/>: a replica that replays another clusterer's decisions (articles,
/// merges, splits, cached norms) holds the state that clusterer holds, so from then on it decides exactly as that one
/// does. This is what shared-database ingest workers rely on (docs/scaling.md).</summary>
public sealed class ReplayTests
{
    /// <summary>A shuffled DUC 2004 sample (30 topics of 10 reports: joins, merges and splits under the default model).</summary>
    private static List<ClusterInput> Stream()
    {
        var path = Path.Combine(RougeSharedData.BenchFolder!, "duc2004.jsonl");
        var inputs = BenchFile.Read(path, new List<Diagnostic>()).Take(30)
            .SelectMany(c => c.Documents)
            .Select(d => ClusterTerms.FromText(d.Id, d.Title, d.Text,
                DateOnly.TryParse(d.Date?[..Math.Min(10, d.Date.Length)], System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : null))
            .ToList();
        var random = new Random(5);
        for (int i = inputs.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (inputs[i], inputs[k]) = (inputs[k], inputs[i]);
        }
        return inputs;
    }

    private static string Describe(ClusterDecision d) =>
        $"{d.ArticleId} -> {d.EventId} (joined {d.JoinedEventId}, p {d.Probability:R}, merges {string.Join(",", d.Merges)}, split {(d.Split is { } s ? $"{s.From}->{s.Into} [{string.Join(",", s.ArticleIds)}]" : "-")})";

    [RougeSharedDataFact]
    public void A_replica_that_replayed_every_decision_decides_the_rest_exactly_as_the_live_clusterer()
    {
        var stream = Stream();
        var live = new OnlineEventClusterer { RecordNorms = true };
        var replica = new OnlineEventClusterer();
        int merges = 0, splits = 0;
        for (int i = 0; i < 200; i++)
        {
            var d = live.Add(stream[i]);
            merges += d.Merges.Count;
            splits += d.Split is null ? 0 : 1;
            replica.Replay(stream[i], d.JoinedEventId, d.Merges, d.Split);
            // As the ingestor logs them: at the end of each batch (here of 5 articles).
            if (i % 5 == 4)
            {
                foreach (var norm in live.TakeNorms()) replica.RestoreNorm(norm);
            }
        }
        Assert.True(merges > 0 && splits > 0, $"the sample must make merges and splits ({merges}, {splits})");
        Assert.Equal(live.EventCount, replica.EventCount);
        Assert.Equal(live.SplitCount, replica.SplitCount);

        // From here both decide: the same decisions, bit for bit.
        for (int i = 200; i < stream.Count; i++)
        {
            Assert.Equal(Describe(live.Add(stream[i])), Describe(replica.Add(stream[i])));
        }
    }

    /// <summary>Two clusterers taking turns by batches of <paramref name="batch"/>, each replaying the other's
    /// decisions and cached norms before deciding its own batch (as two ingest workers on one database do), make
    /// exactly the decisions one clusterer makes over the whole stream.</summary>
    [RougeSharedDataTheory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Two_clusterers_taking_turns_decide_exactly_as_one(int batch)
    {
        var stream = Stream();
        var one = new OnlineEventClusterer();
        var pair = new[] { new OnlineEventClusterer { RecordNorms = true }, new OnlineEventClusterer { RecordNorms = true } };
        int turn = 0;
        foreach (var chunk in stream.Chunk(batch))
        {
            var (decider, other) = (pair[turn % 2], pair[(turn + 1) % 2]);
            turn++;
            var decided = new List<(ClusterInput Input, ClusterDecision Decision)>();
            foreach (var input in chunk)
            {
                var d = decider.Add(input);
                Assert.Equal(Describe(one.Add(input)), Describe(d));
                decided.Add((input, d));
            }
            foreach (var (input, d) in decided) other.Replay(input, d.JoinedEventId, d.Merges, d.Split);
            foreach (var norm in decider.TakeNorms()) other.RestoreNorm(norm);
        }
        Assert.True(one.SplitCount > 0, "the sample must make splits");
    }

    [RougeSharedDataFact]
    public void A_decision_that_does_not_fit_the_replica_is_refused()
    {
        var stream = Stream();
        var live = new OnlineEventClusterer();
        var replica = new OnlineEventClusterer();
        var first = live.Add(stream[0]);
        replica.Replay(stream[0], first.JoinedEventId, first.Merges, first.Split);
        // An event the replica does not hold (nor the next one it would open), a merge of events it does not hold.
        Assert.Throws<ReplayMismatchException>(() => replica.Replay(stream[1], first.JoinedEventId + 5, [], null));
        Assert.Throws<ReplayMismatchException>(() => new OnlineEventClusterer().Replay(stream[1], 1, [new EventMerge(7, 1)], null));
        Assert.Throws<ReplayMismatchException>(() => replica.RestoreNorm(new CachedNorm(99, 1, 1.0)));
    }
}
