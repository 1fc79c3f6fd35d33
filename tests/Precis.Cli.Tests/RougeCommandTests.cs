using Precis.Cli;

namespace Precis.Cli.Tests;

public class RougeCommandTests
{
    // Our own fictional bench cluster and system output.
    private const string Bench = """
        {"id": "c1", "documents": [{"id": "d1", "date": null, "title": null, "text": "The harbour bridge reopened on Monday."}], "references": ["The harbour bridge reopened.\nTraffic returned on Monday."]}
        {"id": "c2", "documents": [{"id": "d2", "date": null, "title": null, "text": "Rain closed the valley road."}], "references": ["Heavy rain closed the valley road."]}
        """;

    private const string System = """
        {"id": "c1", "summary": "The harbour bridge reopened on Monday."}
        {"id": "c2", "summary": "Rain closed the road.\nCrews cleared it."}
        {"id": "c9", "summary": "No such cluster."}
        """;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (string System, string Bench) Files()
    {
        var dir = Directory.CreateTempSubdirectory("precis-rouge-");
        var system = Path.Combine(dir.FullName, "system.jsonl");
        var bench = Path.Combine(dir.FullName, "bench.jsonl");
        File.WriteAllText(system, System);
        File.WriteAllText(bench, Bench);
        return (system, bench);
    }

    [Fact]
    public void Prints_a_table_with_every_metric_and_reports_unknown_clusters()
    {
        var (system, bench) = Files();
        var (code, output, error) = Run("rouge", "--system", system, "--bench", bench, "--stem");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var metric in new[] { "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4" }) Assert.Contains($"| {metric} | ", output, StringComparison.Ordinal);
        Assert.Contains("2 clusters", output, StringComparison.Ordinal);
        Assert.Contains("cluster 'c9' is not in bench.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_per_cluster_scores_as_json_lines()
    {
        var (system, bench) = Files();
        var scores = Path.Combine(Path.GetDirectoryName(system)!, "scores.jsonl");
        var (code, _, _) = Run("rouge", "--system", system, "--bench", bench, "--words", "100", "--scores", scores);
        Assert.Equal(ExitCodes.Success, code);
        var lines = File.ReadAllLines(scores);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"c1\",\"scores\":{\"ROUGE-1\":{\"R\":", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_and_words_together_are_a_usage_error()
    {
        var (system, bench) = Files();
        var (code, _, error) = Run("rouge", "--system", system, "--bench", bench, "--bytes", "665", "--words", "100");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var (_, bench) = Files();
        var (code, _, error) = Run("rouge", "--system", "/nonexistent/system.jsonl", "--bench", bench);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_words_need_a_list()
    {
        var (system, bench) = Files();
        var (code, _, error) = Run("rouge", "--system", system, "--bench", bench, "--stopwords");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--stopword-file", error, StringComparison.Ordinal);
        var list = Path.Combine(Path.GetDirectoryName(system)!, "stop.txt");
        File.WriteAllLines(list, ["the", "on"]);
        Assert.Equal(ExitCodes.Success, Run("rouge", "--system", system, "--bench", bench, "--stopwords", "--stopword-file", list).Code);
    }
}
