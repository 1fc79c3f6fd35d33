using System.Diagnostics;
using System.Text;
using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Ingest;

/// <summary>Issue 12's input reproductions: only regular files are read, and every limit holds while reading.</summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Story = "Flood gates open\n\nThe river authority opened the new flood gates on Tuesday, officials said.";
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-hostile-").FullName;

    public void Dispose()
    {
        foreach (var d in Directory.EnumerateDirectories(_dir, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static (List<SourceDocument> Docs, List<Diagnostic> Diags) Read(string path, long max = 1 << 20)
    {
        var diags = new List<Diagnostic>();
        return (new InputReader(max).Read(path, diags), diags);
    }

    /// <summary>A stream that never ends (like /dev/zero or a pipe that keeps writing).</summary>
    private sealed class EndlessStream(byte fill) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, fill, offset, count);
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Symlink_to_dev_zero_is_skipped_as_not_a_regular_file()
    {
        if (!File.Exists("/dev/zero")) return; // Unix only: Windows has no /dev/zero to link to
        File.WriteAllText(Path.Combine(_dir, "a.txt"), Story);
        File.CreateSymbolicLink(Path.Combine(_dir, "zero.txt"), "/dev/zero");
        var (docs, diags) = Read(_dir);
        Assert.Single(docs);
        var d = Assert.Single(diags);
        Assert.EndsWith("zero.txt", d.Origin, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Skipped, d.Severity);
        Assert.Contains("not a regular file: a device", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_in_a_folder_is_skipped_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs in the Windows file system
        File.WriteAllText(Path.Combine(_dir, "a.txt"), Story);
        var fifo = Path.Combine(_dir, "pipe.txt");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        // Before: reading the FIFO blocked forever. The read runs on a task so a regression fails instead of hanging.
        var read = Task.Run(() => Read(_dir));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == read, "reading a folder with a FIFO did not finish");
        var (docs, diags) = await read;
        Assert.Single(docs);
        Assert.Contains(diags, d => d.Origin.EndsWith("pipe.txt", StringComparison.Ordinal) && d.Message.Contains("FIFO", StringComparison.Ordinal));
    }

    [Fact]
    public void Endless_stream_stops_at_the_size_limit()
    {
        var endless = new EndlessStream((byte)'a');
        var diags = new List<Diagnostic>();
        var docs = new InputReader(1 << 20).ReadStream("stdin", endless, diags);
        Assert.Empty(docs);
        Assert.Contains("too large", Assert.Single(diags).Message, StringComparison.Ordinal);
        Assert.True(endless.Served <= (1 << 20) + 64 * 1024, $"read {endless.Served} bytes past a 1 MiB limit");
    }

    [Fact]
    public void Random_bytes_on_stdin_are_skipped_as_binary()
    {
        var bytes = new byte[100_000];
        new Random(12).NextBytes(bytes);
        var diags = new List<Diagnostic>();
        var docs = new InputReader().ReadStream("stdin", new MemoryStream(bytes), diags);
        Assert.Empty(docs);
        Assert.Contains("binary", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_bytes_are_read_like_a_file()
    {
        var diags = new List<Diagnostic>();
        var docs = new InputReader().ReadStream("stdin", new MemoryStream(Encoding.UTF8.GetBytes(Story)), diags);
        Assert.Empty(diags);
        Assert.Equal(Story, Assert.Single(docs).Content);
    }

    [Theory]
    [InlineData("{\"text\": 12345}", "field 'text' must be a string, not a number")]
    [InlineData("{\"title\": [\"a\"], \"text\": \"The gates opened on Tuesday.\"}", "field 'title' must be a string, not an array")]
    [InlineData("{\"source\": {\"name\": \"x\"}, \"text\": \"The gates opened on Tuesday.\"}", "field 'source' must be a string, not an object")]
    [InlineData("{\"id\": true, \"text\": \"The gates opened on Tuesday.\"}", "field 'id' must be a string or a number, not a boolean")]
    public void Wrongly_typed_json_field_is_named(string record, string message)
    {
        File.WriteAllText(Path.Combine(_dir, "records.jsonl"), "{\"id\": 7, \"text\": \"The river authority opened the gates.\"}\n" + record + "\n");
        var (docs, diags) = Read(_dir);
        Assert.Single(docs);
        var d = Assert.Single(diags);
        Assert.EndsWith("records.jsonl:2", d.Origin, StringComparison.Ordinal);
        Assert.Equal(message, d.Message);
    }

    [NonRootUnixFact]
    public void Unreadable_sub_folder_gets_a_line()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), Story);
        var locked = Directory.CreateDirectory(Path.Combine(_dir, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "b.txt"), Story);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        var (docs, diags) = Read(_dir);
        Assert.Single(docs);
        Assert.Contains(diags, d => d.Origin.EndsWith("locked", StringComparison.Ordinal) && d.Message.StartsWith("cannot read folder", StringComparison.Ordinal));
    }
}

/// <summary>Skipped on Windows and for root (root reads every folder whatever its mode).</summary>
public sealed class NonRootUnixFactAttribute : FactAttribute
{
    public NonRootUnixFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") Skip = "needs a non-root Unix user (root can read a folder with mode 000)";
    }
}
