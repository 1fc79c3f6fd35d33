using System.Text;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private const string Story = "Flood gates open\n\nThe river authority opened the new flood gates on Tuesday, officials said. Engineers tested every gate twice.";

    private readonly string _dir = Directory.CreateTempSubdirectory("precis-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int Code, string Out, string[] Err) Run(string[] args, string stdin = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Good_and_bad_files_brief_with_one_stderr_line_per_bad_file()
    {
        Write("1-good.txt", Encoding.UTF8.GetBytes(Story));
        Write("2-empty.txt", []);
        Write("3-binary.txt", [0, 1, 2, 3, 0, 9]);
        Write("4-broken.txt", [.. Encoding.UTF8.GetBytes("Gates hold\n\nThe gates held on Wednesday. "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" More text follows here.")]);
        Write("5-bad.jsonl", Encoding.UTF8.GetBytes("{\"text\": \"Fine record text.\"}\nnot json\n"));
        var (code, stdout, stderr) = Run(["brief", _dir]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("## Sources", stdout, StringComparison.Ordinal);
        Assert.Single(stderr, l => l.Contains("2-empty.txt: skipped: empty", StringComparison.Ordinal));
        Assert.Single(stderr, l => l.Contains("3-binary.txt: skipped: binary", StringComparison.Ordinal));
        Assert.Single(stderr, l => l.Contains("4-broken.txt: repaired: invalid UTF-8 at byte", StringComparison.Ordinal));
        Assert.Single(stderr, l => l.Contains("5-bad.jsonl:2: skipped: invalid JSON on line 2", StringComparison.Ordinal));
        Assert.Equal(4, stderr.Length);
    }

    [Fact]
    public void Only_bad_inputs_exit_with_no_usable_article()
    {
        Write("empty.txt", []);
        var (code, stdout, stderr) = Run(["brief", _dir]);
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Empty(stdout);
        Assert.Contains(stderr, l => l.Contains("empty.txt: skipped: empty", StringComparison.Ordinal));
        Assert.Contains(stderr, l => l.Contains("no usable article: every input was skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_path_is_a_usage_error()
    {
        var (code, _, stderr) = Run(["brief", Path.Combine(_dir, "nope")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no such file or folder", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_at_all_is_a_usage_error()
    {
        var (code, _, _) = Run(["brief"]);
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Standard_input_is_briefed_with_its_format_detected()
    {
        var html = "<!doctype html><html><head><meta property=\"og:title\" content=\"Flood gates open\"></head><body><script>alert(1)</script><article><p>The river authority opened the new flood gates on Tuesday, officials said, after weeks of tests by engineers.</p><p>Engineers tested every gate twice, and the council approved the result.</p></article></body></html>";
        var (code, stdout, stderr) = Run(["brief", "-", "--format", "json"], html);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stderr);
        Assert.Contains("Flood gates open", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_standard_input_has_no_usable_article()
    {
        var (code, _, stderr) = Run(["brief", "-"], "  \n");
        Assert.Equal(ExitCodes.NoUsableArticle, code);
        Assert.Contains("stdin: skipped: empty input", stderr);
    }
}
