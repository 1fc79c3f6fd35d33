using System.IO.Compression;
using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

/// <summary><c>precis eval quotes</c> on a fictional two-article attribution bench (issue 11).</summary>
public sealed class EvalQuotesCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "precis-evalquotes-" + Guid.NewGuid().ToString("N"));

    public EvalQuotesCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Article(string id, string text, params (string Quote, string Speaker)[] quotes) => JsonSerializer.Serialize(new
    {
        id,
        publisher = "gazette",
        text,
        quotes = quotes.Select(q =>
        {
            int s = text.IndexOf(q.Quote, StringComparison.Ordinal), k = text.IndexOf(q.Speaker, s + q.Quote.Length, StringComparison.Ordinal);
            return new { start = s, end = s + q.Quote.Length, kind = "direct", speaker = q.Speaker, speaker_start = k, speaker_end = k + q.Speaker.Length };
        }),
    });

    private string WriteBench(bool gzip)
    {
        var lines = new[]
        {
            Article("a1", "Bridge closed\n\n\u201CWe found cracks in two piers,\u201D said Ilona Kert, the county engineer.",
                ("\u201CWe found cracks in two piers,\u201D", "Ilona Kert")),
            Article("a2", "Storm cuts power\n\nCrews worked all night. \u201CMost lines are back,\u201D Tomas Varga told reporters.",
                ("\u201CMost lines are back,\u201D", "Tomas Varga")),
        };
        var path = Path.Combine(_dir, gzip ? "bench.jsonl.gz" : "bench.jsonl");
        if (!gzip) File.WriteAllLines(path, lines);
        else
        {
            using var file = File.Create(path);
            using var z = new GZipStream(file, CompressionLevel.Optimal);
            using var w = new StreamWriter(z);
            foreach (var l in lines) w.WriteLine(l);
        }
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Scores_precis_quotes_and_writes_the_system_file()
    {
        var bench = WriteBench(gzip: true);
        var system = Path.Combine(_dir, "system.jsonl");
        var (code, output, error) = Run("eval", "quotes", "--bench", bench, "--out", system);
        Assert.True(code == 0, error);
        Assert.Contains("| (i)/(ii) direct | 2 | 2 | 0 |", output, StringComparison.Ordinal);
        Assert.Contains("stage time over 2 articles", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(system).Length);

        // the written system file scores the same when given back with --system
        var (again, output2, _) = Run("eval", "quotes", "--bench", bench, "--system", system);
        Assert.Equal(0, again);
        Assert.Contains("| (i)/(ii) direct | 2 | 2 | 0 |", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_bench_file_is_a_usage_error_naming_the_file()
    {
        var (code, _, error) = Run("eval", "quotes", "--bench", Path.Combine(_dir, "nope.jsonl"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("nope.jsonl", error, StringComparison.Ordinal);
    }
}
