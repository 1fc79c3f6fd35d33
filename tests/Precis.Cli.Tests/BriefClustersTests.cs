using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class BriefClustersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-clusters-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Cluster(string id, params string[] texts) => JsonSerializer.Serialize(new
    {
        id,
        documents = texts.Select((t, i) => new { id = $"{id}-{i}", date = "2031-03-0" + (i + 1), title = (string?)null, text = t }),
        references = new[] { "A reference summary." },
    });

    private string WriteBench(params string[] lines)
    {
        var path = Path.Combine(_dir, "bench.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int Code, string Out, string[] Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private const string A = "The river authority opened the new flood gates on Tuesday, officials said. Engineers tested every gate twice.";
    private const string B = "Farmers downstream welcomed the gates. They had lost crops to floods in two of the last five years.";

    [Fact]
    public void Each_cluster_gets_one_json_line()
    {
        var path = WriteBench(Cluster("c1", A, B), "{broken", Cluster("c2", B));
        var (code, stdout, stderr) = Run("brief", "--clusters", path, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["c1", "c2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Contains(stderr, l => l.Contains("bench.jsonl:2: skipped", StringComparison.Ordinal));
        Assert.Single(stderr);
    }

    [Fact]
    public void Markdown_briefings_are_separated()
    {
        var path = WriteBench(Cluster("c1", A), Cluster("c2", B));
        var (code, stdout, _) = Run("brief", "--clusters", path);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("c1", stdout, StringComparison.Ordinal);
        Assert.Contains("c2", stdout, StringComparison.Ordinal);
        Assert.Contains("\n---\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_dates_become_day_precision_publication_dates()
    {
        var path = WriteBench(Cluster("c1", A, B));
        var (_, stdout, _) = Run("brief", "--clusters", path, "--format", "json");
        Assert.Contains("2031-03-01", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_usable_clusters_exits_3()
    {
        var path = WriteBench("{broken", Cluster("c1", "   "));
        var (code, _, stderr) = Run("brief", "--clusters", path);
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Contains(stderr, l => l.Contains("no usable article", StringComparison.Ordinal));
    }

    [Fact]
    public void Clusters_and_an_input_together_are_a_usage_error()
    {
        var path = WriteBench(Cluster("c1", A));
        Assert.Equal(ExitCodes.Usage, Run("brief", _dir, "--clusters", path).Code);
        Assert.Equal(ExitCodes.Usage, Run("brief", "--clusters", Path.Combine(_dir, "missing.jsonl")).Code);
    }
}
