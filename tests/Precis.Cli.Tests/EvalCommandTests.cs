using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "precis-eval-" + Guid.NewGuid().ToString("N"));

    public EvalCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A fictional two-cluster bench file in the shared/bench format.
    private string WriteBench()
    {
        static string Cluster(string id, string[] docs, string reference) => JsonSerializer.Serialize(new
        {
            id,
            documents = docs.Select((t, i) => new { id = $"{id}-{i}", date = "2024-03-0" + (i + 1), title = (string?)null, text = t }),
            references = new[] { reference },
        });
        var lines = new[]
        {
            Cluster("c1",
            [
                "The Harlow river bridge was closed on Monday after engineers found deep cracks in two piers. Commuters were told to use the ferry at Dunmore for at least six weeks.",
                "Engineers found deep cracks in the Harlow river bridge, which the county closed on Monday. Residents demanded a temporary footbridge at a meeting on Tuesday evening.",
            ], "The Harlow river bridge was closed after engineers found deep cracks.\nResidents want a footbridge."),
            Cluster("c2",
            [
                "A storm knocked out power to nine thousand homes in the valley on Friday night. Crews restored most lines by Saturday afternoon, the utility said.",
                "Nine thousand homes in the valley lost power when a storm swept through on Friday night. The utility said repairs on the last lines would finish by Sunday.",
            ], "A Friday storm cut power to nine thousand valley homes; most lines were restored by Saturday."),
        };
        var path = Path.Combine(_dir, "bench.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Eval_scores_every_cluster_and_writes_summaries_and_scores()
    {
        var bench = WriteBench();
        var summaries = Path.Combine(_dir, "out.jsonl");
        var scores = Path.Combine(_dir, "scores.jsonl");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Program.Run(["eval", "--bench", bench, "--words", "30", "--out", summaries, "--scores", scores], TextReader.Null, stdout, stderr);

        Assert.Equal(ExitCodes.Success, code);
        var text = stdout.ToString();
        Assert.Contains("| ROUGE-1 |", text, StringComparison.Ordinal);
        Assert.Contains("| ROUGE-L |", text, StringComparison.Ordinal);
        Assert.Contains("| ROUGE-SU4 |", text, StringComparison.Ordinal);
        Assert.Contains("wall time", text, StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString()); // no progress indicator when stderr is not a terminal
        var lines = File.ReadAllLines(summaries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("c1", first.RootElement.GetProperty("id").GetString());
        var summary = first.RootElement.GetProperty("summary").GetString()!;
        Assert.True(summary.Split(' ', '\n').Length <= 30);
        Assert.Contains("deep cracks", summary, StringComparison.Ordinal);
        var scoreLines = File.ReadAllLines(scores);
        Assert.Equal(2, scoreLines.Length);
        using var score = JsonDocument.Parse(scoreLines[0]);
        Assert.InRange(score.RootElement.GetProperty("ROUGE-1").GetProperty("R").GetDouble(), 0.01, 1.0);
    }

    [Fact]
    public void Eval_all_prints_one_comparison_row_per_method()
    {
        var bench = WriteBench();
        var stdout = new StringWriter();
        int code = Program.Run(["eval", "--bench", bench, "--bytes", "120", "--method", "all"], TextReader.Null, stdout, new StringWriter());
        Assert.Equal(ExitCodes.Success, code);
        var text = stdout.ToString();
        Assert.Contains("comparison (recall", text, StringComparison.Ordinal);
        foreach (var name in new[] { "concept", "lead", "firstsent", "lexrank", "textrank", "centroid" })
        {
            Assert.Contains($"| {name} | ", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("ROUGE-L", text, StringComparison.Ordinal); // DUC settings: -x
    }

    [Fact]
    public void Eval_needs_exactly_one_budget()
    {
        var bench = WriteBench();
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["eval", "--bench", bench], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("--words N or --bytes N", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Program.Run(["eval", "--bench", bench, "--words", "5", "--bytes", "5"], TextReader.Null, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Eval_removes_stop_words_from_a_given_list()
    {
        var bench = WriteBench();
        var list = Path.Combine(_dir, "stop.txt");
        File.WriteAllLines(list, ["the", "a", "of", "on", "in", "was", "by"]);
        var stdout = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["eval", "--bench", bench, "--words", "30", "--stopwords"], TextReader.Null, new StringWriter(), new StringWriter()));
        Assert.Equal(ExitCodes.Success, Program.Run(["eval", "--bench", bench, "--words", "30", "--stopwords", "--stopword-file", list], TextReader.Null, stdout, new StringWriter()));
        Assert.Contains(" -s ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_rejects_an_unknown_method_and_a_missing_file()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, Program.Run(["eval", "--bench", WriteBench(), "--words", "5", "--method", "magic"], TextReader.Null, new StringWriter(), stderr));
        Assert.Equal(ExitCodes.Usage, Program.Run(["eval", "--bench", Path.Combine(_dir, "none.jsonl"), "--words", "5"], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("not found", stderr.ToString(), StringComparison.Ordinal);
    }
}

public sealed class EvalTimexCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "precis-timex-" + Guid.NewGuid().ToString("N"));

    public EvalTimexCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A fictional two-article bench in the format of ../shared/bench/tempeval3.
    private string WriteBench()
    {
        static string Doc(string id, string dct, string text, params (string Phrase, string Type, string Value)[] timexes) => JsonSerializer.Serialize(new
        {
            id,
            corpus = "Test",
            dct,
            text,
            timexes = timexes.Select(t => new { start = text.IndexOf(t.Phrase, StringComparison.Ordinal), end = text.IndexOf(t.Phrase, StringComparison.Ordinal) + t.Phrase.Length, text = t.Phrase, type = t.Type, value = t.Value }),
        });
        var path = Path.Combine(_dir, "gold.jsonl");
        File.WriteAllLines(path,
        [
            Doc("d1", "2001-03-14", "The ferry company said on Monday that profit fell 4% in the fourth quarter.", ("Monday", "DATE", "2001-03-12"), ("the fourth quarter", "DATE", "2000-Q4")),
            Doc("d2", "2001-03-15", "Repairs will take three weeks, the harbour master said yesterday.", ("three weeks", "DURATION", "P3W"), ("yesterday", "DATE", "2001-03-14")),
        ]);
        return path;
    }

    [Fact]
    public void Eval_timex_tags_scores_and_writes_the_system_output()
    {
        var bench = WriteBench();
        var output = Path.Combine(_dir, "sys.jsonl");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["eval", "timex", "--bench", bench, "--out", output, "--errors"], TextReader.Null, stdout, stderr);
        Assert.Equal(0, code);
        Assert.Contains("counts: G = 4, S = 4, Mr = 4, Ms = 4, Mv = 4, Mt = 4", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("| value F1 | | | 100.00 |", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(output).Length);

        // The written output scores the same when read back with --system.
        var again = new StringWriter();
        Assert.Equal(0, Program.Run(["eval", "timex", "--bench", bench, "--system", output], TextReader.Null, again, new StringWriter()));
        Assert.Contains("counts: G = 4, S = 4, Mr = 4, Ms = 4, Mv = 4, Mt = 4", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_timex_names_a_missing_file_and_a_bad_line()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["eval", "timex", "--bench", Path.Combine(_dir, "none.jsonl")], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("none.jsonl: no such file", stderr.ToString(), StringComparison.Ordinal);

        var bench = WriteBench();
        File.AppendAllText(bench, "{not json\n");
        stderr = new StringWriter();
        Assert.Equal(0, Program.Run(["eval", "timex", "--bench", bench], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("gold.jsonl:3: skipped", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_summary_is_the_same_command_as_eval_with_bench()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["eval", "summary", "--bench", Path.Combine(_dir, "none.jsonl"), "--words", "20"], TextReader.Null, new StringWriter(), stderr));
        Assert.Contains("precis eval: bench file not found", stderr.ToString(), StringComparison.Ordinal);
    }
}
