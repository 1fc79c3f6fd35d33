using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class TimelineCommandTests
{
    private static string Example()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Precis.slnx not found"), "examples", "harbour-fire");
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Timeline_of_the_example_lists_dates_with_cited_verbatim_sentences_and_evidence()
    {
        var (code, output, _) = Run("timeline", Example(), "--dates", "3", "--sentences", "2");
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# Timeline", output, StringComparison.Ordinal);
        int dates = output.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal) && !l.StartsWith("## Sources", StringComparison.Ordinal));
        Assert.InRange(dates, 1, 3);
        Assert.Contains("_Evidence:", output, StringComparison.Ordinal);
        Assert.Contains("## Sources", output, StringComparison.Ordinal);
        Assert.Matches(@"\n- .+ \[\d+\] — (dated by|published that day)", output);
    }

    [Fact]
    public void Timeline_json_sentences_are_verbatim_slices_of_their_articles()
    {
        var (code, output, _) = Run("timeline", Example(), "--format", "json", "--dates", "4");
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(output);
        var entries = doc.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        Assert.InRange(entries.Count, 1, 4);
        var dates = entries.Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        foreach (var e in entries)
        {
            Assert.True(e.GetProperty("evidence").GetProperty("published").GetInt32() + e.GetProperty("evidence").GetProperty("references").GetInt32() > 0);
            Assert.InRange(e.GetProperty("sentences").GetArrayLength(), 0, 2);
        }
    }

    [Fact]
    public void Timeline_of_a_missing_path_is_a_usage_error()
    {
        var (code, _, err) = Run("timeline", Path.Combine(Path.GetTempPath(), "precis-no-such-folder-" + Guid.NewGuid()));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no such file or folder", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dates", "0")]
    [InlineData("--sentences", "-1")]
    public void Timeline_rejects_non_positive_sizes(string option, string value)
    {
        var (code, _, _) = Run("timeline", Example(), option, value);
        Assert.Equal(ExitCodes.Usage, code);
    }
}

public sealed class EvalTlsCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "precis-tls-" + Guid.NewGuid().ToString("N"));

    public EvalTlsCommandTests()
    {
        Directory.CreateDirectory(_dir);
        // A fictional two-day topic (written for this test).
        var articles = new[]
        {
            new { topic = "flood", id = "f/2024-03-04/1", date = "2024-03-04", text = "Flooding closed the Orrin bridge on Monday after the river rose four metres.\nEngineers said the bridge deck was sound." },
            new { topic = "flood", id = "f/2024-03-09/1", date = "2024-03-09", text = "The Orrin bridge reopened to traffic on Saturday, five days after the flooding closed it on Monday.\nThe council thanked the engineers." },
        };
        using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "articles.jsonl.gz")), CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            foreach (var a in articles) w.WriteLine(JsonSerializer.Serialize(a));
        }
        var gold = new
        {
            id = "t/flood",
            topic = "flood",
            keywords = new[] { "bridge" },
            timeline = new[]
            {
                new { date = "2024-03-04", sentences = new[] { "Flooding closes the Orrin bridge." } },
                new { date = "2024-03-09", sentences = new[] { "The Orrin bridge reopens." } },
            },
        };
        File.WriteAllText(Path.Combine(_dir, "timelines.jsonl"), JsonSerializer.Serialize(gold) + "\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Eval_tls_makes_scores_and_writes_timelines()
    {
        var output = Path.Combine(_dir, "system.jsonl");
        var (code, stdout, _) = Run("eval", "tls", "--bench", _dir, "--out", output);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("| t/flood | 2 | 1 |", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllLines(output).Single());
        Assert.Equal("t/flood", doc.RootElement.GetProperty("id").GetString());
        var dates = doc.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("date").GetString()).ToList();
        Assert.InRange(dates.Count, 1, 2);
        Assert.Contains("2024-03-04", dates);
    }

    [Fact]
    public void Eval_tls_scores_a_system_file_and_a_perfect_one_scores_one()
    {
        var system = Path.Combine(_dir, "perfect.jsonl");
        File.WriteAllText(system, """{"id": "t/flood", "timeline": [{"date": "2024-03-04", "sentences": ["Flooding closes the Orrin bridge."]}, {"date": "2024-03-09", "sentences": ["The Orrin bridge reopens."]}]}""" + "\n");
        var (code, stdout, _) = Run("eval", "tls", "--bench", _dir, "--system", system);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("| t/flood | 2 | 1 | 2 | 1.0000 | 1.0000 | 1.0000 |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_tls_names_a_bad_system_line_and_scores_the_task_as_empty()
    {
        var system = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(system, "{\"id\": \"t/flood\", \"timeline\": [{\"date\": \"March\"}]}\n");
        var (code, stdout, stderr) = Run("eval", "tls", "--bench", _dir, "--system", system);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("bad.jsonl:1: skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("| t/flood | 2 | 1 | 0 | 0.0000 | 0.0000 | 0.0000 |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_tls_without_the_bench_files_is_a_usage_error()
    {
        var (code, _, stderr) = Run("eval", "tls", "--bench", Path.Combine(_dir, "missing"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("timelines.jsonl", stderr, StringComparison.Ordinal);
    }
}
