using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class BenchClusterCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "precis-benchcluster-" + Guid.NewGuid().ToString("N"));

    public BenchClusterCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Four fictional stories, two or three reports each, in the shared/bench format.
    private string WriteBench()
    {
        static string Cluster(string id, params string[] docs) => JsonSerializer.Serialize(new
        {
            id,
            documents = docs.Select((t, i) => new { id = $"{id}-{i}", date = (string?)null, title = (string?)null, text = t }),
            references = new[] { "unused" },
        });
        var path = Path.Combine(_dir, "bench.jsonl");
        File.WriteAllLines(path,
        [
            Cluster("bridge",
                "Engineers closed the Harlow river bridge after finding cracks in two piers; commuters must take the Dunmore ferry.",
                "The Harlow river bridge is closed: engineers found cracks in its piers and the Dunmore ferry carries commuters.",
                "Cracks in two piers of the Harlow river bridge keep it closed, engineers said; the Dunmore ferry runs extra trips."),
            Cluster("storm",
                "A storm cut power to nine thousand valley homes on Friday; utility crews restored most lines by Saturday.",
                "Nine thousand homes in the valley lost power in Friday's storm, and utility crews worked through Saturday on the lines."),
            Cluster("orchard",
                "Hailstones stripped apple orchards in Milbrook and growers lost most of the harvest.",
                "Milbrook apple growers counted hail damage to orchards; most of the harvest is lost."),
            Cluster("museum",
                "The Calder museum reopened its glass gallery after a two-year restoration of the roof.",
                "After two years of roof restoration the Calder museum glass gallery opened again to visitors."),
        ]);
        return path;
    }

    [Fact]
    public void The_benchmark_scores_both_halves_and_the_whole_stream()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--seed", "1", "--no-scale"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString());
        var lines = stdout.ToString().Split('\n');
        var all = Assert.Single(lines, l => l.StartsWith("all ", StringComparison.Ordinal));
        var fields = all.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", fields[1]); // seed
        Assert.Equal("9", fields[2]); // articles
        // Four clearly separate stories: the words alone recover them.
        Assert.Equal("4", fields[3]);
        Assert.Equal("1.000", fields[6]); // B-cubed F1
        Assert.Contains(lines, l => l.StartsWith("held-out half (odd)", StringComparison.Ordinal));
    }

    [Fact]
    public void Copies_of_one_furniture_page_sent_with_different_stories_are_scored_apart_not_as_an_event()
    {
        // The same script prompt scraped with three stories: the first copy is rejected as furniture and the later
        // ones are stored as its duplicates; each is kept out of events, so none shares an event with another.
        const string Prompt = "Please enable JavaScript in your browser settings to view this page. Reload the page once you have enabled it.";
        var lines = File.ReadAllLines(WriteBench()).Take(3).Select(line =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            var docs = node["documents"]!.AsArray();
            docs.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = node["id"] + "-prompt", ["date"] = null, ["title"] = null, ["text"] = Prompt });
            return node.ToJsonString();
        });
        var path = Path.Combine(_dir, "furniture.jsonl");
        File.WriteAllLines(path, lines);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", path, "--seed", "1", "--no-scale"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString());
        var all = stdout.ToString().Split('\n').Single(l => l.StartsWith("all ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("10", all[2]); // articles: 7 reports and 3 copies of the prompt
        Assert.Equal("6", all[3]);  // events: the three stories, and each copy alone
        Assert.Equal("1.000", all[4]); // B-cubed precision: no copy is counted in another's event
        // The truth puts each copy inside a story, so keeping them apart costs recall; over the seven reports the
        // store keeps in events (the "news" columns) the grouping is perfect.
        Assert.NotEqual("1.000", all[5]);
        Assert.Equal("7", all[8]);
        Assert.Equal("1.000", all[9]);
    }

    [Fact]
    public void The_retrieval_scale_row_times_three_replays_and_reports_the_garbage_collector()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--seed", "1", "--scale-to", "1000"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString());
        var lines = stdout.ToString().Split('\n');
        int header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("stored before", StringComparison.Ordinal));
        Assert.True(header >= 0, stdout.ToString());
        Assert.EndsWith("gen0  gen1  gen2 GC pause ms KB/article", lines[header].TrimEnd(), StringComparison.Ordinal);
        var fields = lines[header + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(11, fields.Length);
        // Nine articles a replay: the first mark is passed after 112 replays (1,008 stored), then three are timed.
        Assert.Equal(1008, fields[0]);
        Assert.Equal(27, fields[1]);
        Assert.True(fields[2] > 0 && fields[3] > 0, lines[header + 1]);
        // Fresh ids and dates each replay: the four stories again in every replay's own time span.
        Assert.Equal(4 * 113, fields[4]);
        Assert.All(fields[6..10], f => Assert.True(f >= 0, lines[header + 1]));
        Assert.True(fields[10] > 0, "every article allocates: " + lines[header + 1]);
    }

    [Fact]
    public void Bounds_print_one_row_per_weighting_and_set()
    {
        var stdout = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--bounds"], TextReader.Null, stdout, new StringWriter());
        Assert.Equal(ExitCodes.Success, code);
        var rows = stdout.ToString().Split('\n').Where(l => l.StartsWith("all ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("1.000", r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2]));
    }

    [Fact]
    public void Training_with_a_further_dagger_round_writes_a_model_that_reads_back()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", model, "--dagger-rounds", "1", "--trees", "8", "--depth", "2"],
            TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var text = stdout.ToString();
        Assert.Contains("Boosted trees: 8 trees of depth 2", text, StringComparison.Ordinal);
        Assert.Contains("Round 3 (clusterer run with the trees)", text, StringComparison.Ordinal);
        var read = Precis.Clustering.JoinModel.Parse(File.ReadAllText(model), model);
        Assert.InRange(read.JoinCut, 0.25, 0.75);
    }

    [Fact]
    public void Training_with_event_splitting_writes_the_settings_and_the_command_into_the_model_and_without_it_none()
    {
        var bench = WriteBench();
        Precis.Clustering.JoinModel Train(string name, params string[] extra)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var model = Path.Combine(_dir, name);
            int code = Program.Run(["bench", "cluster", "--bench", bench, "--train", "--out", model, "--trees", "8", .. extra], TextReader.Null, stdout, stderr);
            Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
            return Precis.Clustering.JoinModel.Parse(File.ReadAllText(model), model);
        }
        var split = Train("split.json", "--split-cut", "0.2", "--split-min", "12");
        Assert.Equal(new Precis.Clustering.EventSplitting(0.2, 4, 12), split.Split);
        Assert.Contains($"reproduce: precis bench cluster --train --bench {bench} --trees 8 --split-cut 0.2 --split-min 12", split.TrainedOn, StringComparison.Ordinal);
        Assert.Contains("event splitting (cut 0.2, every 4, min 12)", split.TrainedOn, StringComparison.Ordinal);
        // Without the flags the model trains, and is written, without splitting, whatever the committed model carries.
        var plain = Train("plain.json");
        Assert.Null(plain.Split);
        Assert.DoesNotContain("\"split", File.ReadAllText(Path.Combine(_dir, "plain.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Training_pairs_from_more_shuffles_and_weighted_positives_are_named_in_the_model()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "seeds-model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", model, "--trees", "8", "--pair-seeds", "4", "--positive-weight", "2.5"],
            TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var read = Precis.Clustering.JoinModel.Parse(File.ReadAllText(model), model);
        Assert.NotNull(read.TrainedOn);
        Assert.Contains("shuffle seeds 1,2,3,4,", read.TrainedOn, StringComparison.Ordinal);
        Assert.Contains("Boosted trees: 8 trees of depth 3, learning rate 0.1, L2 1, same-event pairs weighted 2.5.", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_validation_trains_on_one_topic_fold_and_scores_the_other_without_writing_a_model()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "cv-model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--cv", "--out", model, "--trees", "8"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var lines = stdout.ToString().Split('\n');
        // The fictional bench has two tuning clusters (even lines): one per fold.
        Assert.Equal(2, lines.Count(l => l.StartsWith("Fold ", StringComparison.Ordinal) && l.Contains("trained on 1 tuning clusters", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Cross-validated tuning F1", StringComparison.Ordinal));
        Assert.False(File.Exists(model));
    }

    // Six fictional stories: three tuning clusters (even lines), so three topic folds hold one each.
    private string WriteSixStoryBench()
    {
        var path = WriteBench();
        static string Cluster(string id, params string[] docs) => JsonSerializer.Serialize(new
        {
            id,
            documents = docs.Select((t, i) => new { id = $"{id}-{i}", date = (string?)null, title = (string?)null, text = t }),
            references = new[] { "unused" },
        });
        File.AppendAllLines(path,
        [
            Cluster("ferry",
                "The Dunmore ferry added a night crossing for hospital staff while the Harlow bridge stays shut.",
                "Hospital staff can take a new night crossing of the Dunmore ferry, the operator said, while the bridge is shut."),
            Cluster("choir",
                "The Brenton youth choir won the regional festival with a programme of folk songs.",
                "Folk songs carried the Brenton youth choir to first place at the regional festival."),
        ]);
        return path;
    }

    [Fact]
    public void K_fold_cross_validation_trains_each_fold_on_the_others_and_writes_no_model()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "kfold-model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteSixStoryBench(), "--train", "--cv-folds", "3", "--cv-seed", "2", "--out", model, "--trees", "8"],
            TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var lines = stdout.ToString().Split('\n');
        var folds = lines.Where(l => l.StartsWith("Fold ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, folds.Count);
        Assert.All(folds, l => Assert.Contains("trained on 2 tuning clusters", l, StringComparison.Ordinal));
        Assert.All(folds, l => Assert.Contains("this fold (1 clusters)", l, StringComparison.Ordinal));
        // One story per fold clustered alone cannot be split wrongly by these clearly separate texts.
        Assert.All(folds, l => Assert.EndsWith("mean 1.000", l.TrimEnd(), StringComparison.Ordinal));
        var summary = Assert.Single(lines, l => l.StartsWith("Cross-validated tuning F1 (3 topic folds, assignment 2)", StringComparison.Ordinal));
        Assert.Contains("± 0.000", summary, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Dense_cross_validation_scores_each_folds_articles_in_the_whole_tuning_stream()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteSixStoryBench(), "--train", "--cv-folds", "3", "--cv-dense", "--out", Path.Combine(_dir, "dense.json"), "--trees", "8"],
            TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var lines = stdout.ToString().Split('\n');
        // The ordinary judge is printed as before: each fold's one story clustered alone is never split or mixed.
        Assert.Single(lines, l => l.StartsWith("Cross-validated tuning F1 (3 topic folds, assignment 0)", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("Fold ", StringComparison.Ordinal)), l => Assert.EndsWith("mean 1.000", l.TrimEnd(), StringComparison.Ordinal));
        // The dense judge, from the same fold models, clusters the three tuning stories (bridge, orchard, ferry; file
        // order deals one to each fold) in one stream. The bridge story (3 reports) and the ferry story (2), which share
        // the names Harlow bridge and Dunmore ferry, end in one event: precision 3/5 and 2/5 for their folds' articles.
        var dense = lines.Where(l => l.StartsWith("Dense fold ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, dense.Count);
        Assert.Contains("P 0.600 R 1.000 F1 0.750", dense[0], StringComparison.Ordinal);
        Assert.EndsWith("P 1.000 R 1.000 F1 1.000, mean F1 1.000", dense[1].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("P 0.400 R 1.000 F1 0.571", dense[2], StringComparison.Ordinal);
        // Pooled: every article once, (3 × 3/5 + 2 × 2/5 + 2 × 1) / 7 = 0.657.
        var summary = Assert.Single(lines, l => l.StartsWith("Dense cross-validated tuning F1 (3 topic folds, assignment 0;", StringComparison.Ordinal));
        Assert.Contains("P 0.657 R 1.000 F1 0.793", summary, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "dense.json")));
    }

    [Fact]
    public void Fold_assignment_zero_keeps_file_order_and_a_seed_shuffles_the_same_topics()
    {
        var path = WriteSixStoryBench();
        var bench = Precis.Cli.Commands.BenchClusterTraining.Load(path, new Precis.Pipeline.PrecisPipelineBuilder().Build(),
            new CliIO(TextReader.Null, new StringWriter(), new StringWriter()));
        var inOrder = Precis.Cli.Commands.BenchClusterTraining.FoldOrder(bench, 0);
        Assert.Equal(["bridge", "orchard", "ferry"], inOrder);
        var orders = Enumerable.Range(1, 6).Select(seed => Precis.Cli.Commands.BenchClusterTraining.FoldOrder(bench, seed)).ToList();
        Assert.All(orders, o => Assert.Equal(inOrder.Order(StringComparer.Ordinal), o.Order(StringComparer.Ordinal)));
        Assert.Contains(orders, o => !o.SequenceEqual(inOrder));
        Assert.Equal(orders[0], Precis.Cli.Commands.BenchClusterTraining.FoldOrder(bench, 1));
    }

    [Fact]
    public void The_trees_l2_penalty_is_named_in_the_progress()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "l2-model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", model, "--trees", "8", "--l2", "3"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        Assert.Contains("Boosted trees: 8 trees of depth 3, learning rate 0.1, L2 3.", stdout.ToString(), StringComparison.Ordinal);
        // Four stories keep the logistic regressions here; the trees' note is checked where they are kept.
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void Smoothed_cuts_are_judged_with_their_neighbouring_join_cuts_and_named_in_the_model()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var model = Path.Combine(_dir, "smooth-model.json");
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", model, "--trees", "8", "--smooth-cuts"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var chosen = stdout.ToString().Split('\n').Where(l => l.StartsWith("Chosen cuts for the", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chosen.Count);
        Assert.All(chosen, l => Assert.Contains("with its neighbouring join cuts", l, StringComparison.Ordinal));
        var read = Precis.Clustering.JoinModel.Parse(File.ReadAllText(model), model);
        Assert.Contains("each grid point judged with its neighbouring join cuts", read.TrainedOn, StringComparison.Ordinal);
    }

    [Fact]
    public void Halves_with_show_missed_list_no_missed_join_for_four_clearly_separate_stories()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--halves", "--show-missed", "5"], TextReader.Null, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
        var text = stdout.ToString();
        Assert.Contains("Decisions by outcome", text, StringComparison.Ordinal);
        // Every report of a story joins it, so there is no missed join to list.
        Assert.DoesNotContain("Missed joins on the tuning halves", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Halves_with_event_splitting_print_the_same_rows_for_small_separate_stories_and_reject_a_bad_cut()
    {
        var bench = WriteBench();
        string Rows(params string[] extra)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(["bench", "cluster", "--bench", bench, "--halves", .. extra], TextReader.Null, stdout, stderr);
            Assert.True(code == ExitCodes.Success, stderr.ToString() + stdout);
            return string.Join('\n', stdout.ToString().Split('\n').Where(l => l.Contains(" half ", StringComparison.Ordinal)));
        }
        // No event keeps enough members for a split check: the same figures with splitting on.
        Assert.Equal(Rows(), Rows("--split-cut", "0.2", "--split-every", "1", "--split-min", "6"));
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["bench", "cluster", "--bench", bench, "--halves", "--split-cut", "1.5"], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("--split-cut", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_up_grid_scores_clearly_separate_stories_perfectly_at_every_point()
    {
        var stdout = new StringWriter();
        int code = Program.Run(["bench", "cluster", "--bench", WriteBench(), "--runner-up-grid"], TextReader.Null, stdout, new StringWriter());
        Assert.Equal(ExitCodes.Success, code);
        var rows = stdout.ToString().Split('\n').Where(l => l.Contains(" mean ", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.EndsWith("mean 1.000", r.TrimEnd(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--depth", "0")]
    [InlineData("--trees", "0")]
    [InlineData("--learning-rate", "0")]
    [InlineData("--dagger-rounds", "-1")]
    [InlineData("--pair-seeds", "0")]
    [InlineData("--positive-weight", "0")]
    [InlineData("--cv-folds", "2")]
    [InlineData("--cv-folds", "11")]
    [InlineData("--l2", "-1")]
    public void Bad_training_settings_are_a_usage_error(string option, string value)
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", Path.Combine(_dir, "m.json"), option, value],
            TextReader.Null, new StringWriter(), stderr));
        Assert.Contains(option, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fold_seed_without_k_folds_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--cv", "--out", Path.Combine(_dir, "m.json"), "--cv-seed", "1"],
            TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("--cv-seed", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dense_judge_without_k_folds_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["bench", "cluster", "--bench", WriteBench(), "--train", "--out", Path.Combine(_dir, "m.json"), "--cv-dense"],
            TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("--cv-dense", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_bench_file_is_a_usage_error_naming_it()
    {
        var stderr = new StringWriter();
        var missing = Path.Combine(_dir, "nope.jsonl");
        Assert.Equal(ExitCodes.Usage, Program.Run(["bench", "cluster", "--bench", missing], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains(missing, stderr.ToString(), StringComparison.Ordinal);
    }
}
