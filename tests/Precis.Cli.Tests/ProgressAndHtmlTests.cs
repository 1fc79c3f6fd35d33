using System.Text.Json;
using Precis.Cli;

namespace Precis.Cli.Tests;

/// <summary>Progress stays off standard output (and off entirely away from a terminal); --format html writes one file.</summary>
public sealed class ProgressAndHtmlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-progress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Bench()
    {
        var path = Path.Combine(_dir, "bench.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(new
        {
            id = $"c{i}",
            documents = new[] { new { id = $"c{i}-0", date = "2031-03-01", title = "Gates open", text = $"The river authority opened flood gate number {i} on Tuesday, officials said. Engineers tested it twice." } },
            references = new[] { "The authority opened a gate." },
        })));
        return path;
    }

    [Theory]
    [InlineData("brief", "--clusters", "{0}", "--format", "json", "--quiet")]
    [InlineData("brief", "--clusters", "{0}", "--format", "json", "-q")]
    [InlineData("eval", "--bench", "{0}", "--words", "20", "--quiet")]
    public void Quiet_is_accepted_and_standard_output_is_the_result_alone(params string[] template)
    {
        var bench = Bench();
        var (code, output, error) = Run([.. template.Select(a => a.Replace("{0}", bench, StringComparison.Ordinal))]);
        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
        if (template[0] == "brief") Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Html_format_writes_one_self_contained_document_and_refuses_clusters()
    {
        var (code, output, _) = Run("brief", Path.Combine(RepositoryRoot(), "examples", "harbour-fire"), "--format", "html");
        Assert.Equal(0, code);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", output, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var (refused, _, error) = Run("brief", "--clusters", Bench(), "--format", "html");
        Assert.Equal(ExitCodes.Usage, refused);
        Assert.Contains("--format html", error, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Precis.slnx not found");
    }
}
