using System.Text;
using Precis.Cli;

namespace Precis.Cli.Tests;

/// <summary>Issue 12: `ingest` says why it exits 3, counts skipped files, and opens a bad data folder with one line.</summary>
public sealed class IngestInputTests : IDisposable
{
    private const string Story = "Flood gates open\n\nThe river authority opened the new flood gates on Tuesday, officials said. Engineers tested every gate twice.";

    private readonly string _dir = Directory.CreateTempSubdirectory("precis-ingest-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string[] Err) Run(string[] args, string stdin = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Empty_folder_says_why_it_exits_3()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var (code, stdout, stderr) = Run(["ingest", empty, "--data", Path.Combine(_dir, "data")]);
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Contains(stderr, l => l.Contains("no usable article: the folder holds no files", StringComparison.Ordinal));
        Assert.Contains("0 new, 0 already stored, 0 skipped", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_counts_skipped_files()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "good.txt"), Story);
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "binary.txt"), [0, 1, 2, 0]);
        var (code, stdout, stderr) = Run(["ingest", input, "--data", Path.Combine(_dir, "data")]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("1 new, 0 already stored, 2 skipped", stdout, StringComparison.Ordinal);
        Assert.Equal(2, stderr.Count(l => l.Contains(": skipped: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_skipped_files_say_so_and_exit_3()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        var (code, stdout, stderr) = Run(["ingest", input, "--data", Path.Combine(_dir, "data")]);
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Contains(stderr, l => l.Contains("no usable article: every input was skipped (1 skipped", StringComparison.Ordinal));
        Assert.Contains("0 new, 0 already stored, 1 skipped", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_gets_the_binary_check_of_a_file()
    {
        // Before: `ingest -` stored whatever came in. (Tests pass text; the process's own stdin is read as bytes.)
        var (code, _, stderr) = Run(["ingest", "-", "--data", Path.Combine(_dir, "data")], "\0\u0001\u0002binary\0\0");
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Contains(stderr, l => l.StartsWith("stdin: skipped: binary", StringComparison.Ordinal));
    }

    [Fact]
    public void Uncreatable_data_folder_is_one_line_not_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(_dir, "story.txt"), Story);
        var blocker = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(blocker, "a file where the data folder's parent should be");
        var (code, _, stderr) = Run(["ingest", Path.Combine(_dir, "story.txt"), "--data", Path.Combine(blocker, "data")]);
        Assert.Equal(ExitCodes.Usage, code);
        var line = Assert.Single(stderr, l => l.StartsWith("precis: cannot open the store", StringComparison.Ordinal));
        Assert.Contains("not-a-folder", line, StringComparison.Ordinal);
        Assert.DoesNotContain(stderr, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void Serve_with_an_uncreatable_data_folder_is_one_line()
    {
        var blocker = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(blocker, "x");
        var (code, _, stderr) = Run(["serve", "--data", Path.Combine(blocker, "data"), "--urls", "http://127.0.0.1:0"]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Single(stderr, l => l.StartsWith("precis: cannot open the store", StringComparison.Ordinal));
    }
}
