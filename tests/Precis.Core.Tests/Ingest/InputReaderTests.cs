using System.Text;
using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Ingest;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (List<SourceDocument> Docs, List<Diagnostic> Diags) Read(string path, long max = 1 << 20)
    {
        var diags = new List<Diagnostic>();
        return (new InputReader(max).Read(path, diags), diags);
    }

    [Fact]
    public void Folder_is_read_recursively_in_ordinal_order_skipping_hidden_files()
    {
        Write("b.txt", "Second story text.");
        Write("a/z.txt", "Nested story text.");
        Write("B.txt", "Capital story text.");
        Write(".hidden.txt", "Hidden text.");
        Write(".git/config.txt", "Hidden folder text.");
        var (docs, diags) = Read(_dir);
        Assert.Empty(diags);
        Assert.Equal(["B.txt", "a/z.txt", "b.txt"], docs.Select(d => Path.GetRelativePath(_dir, d.Origin).Replace('\\', '/')));
    }

    [Theory]
    [InlineData("x.txt", DocumentFormat.PlainText)]
    [InlineData("x.md", DocumentFormat.Markdown)]
    [InlineData("x.html", DocumentFormat.Html)]
    [InlineData("x.htm", DocumentFormat.Html)]
    public void Extension_picks_the_format(string name, DocumentFormat format)
    {
        var (docs, _) = Read(Write(name, "Some words of an article."));
        Assert.Equal(format, Assert.Single(docs).Format);
    }

    [Fact]
    public void Html_content_in_a_txt_file_is_read_as_html()
    {
        var (docs, _) = Read(Write("page.txt", "<!DOCTYPE html><html><body><p>Words.</p></body></html>"));
        Assert.Equal(DocumentFormat.Html, Assert.Single(docs).Format);
    }

    [Theory]
    [InlineData("<!doctype html><html><body><p>Hello there.</p></body></html>", DocumentFormat.Html)]
    [InlineData("# A title\n\nSome text.", DocumentFormat.Markdown)]
    [InlineData("A plain title\n\nSome text.", DocumentFormat.PlainText)]
    [InlineData("{\"title\":\"T\",\"text\":\"Body text.\"}", DocumentFormat.PlainText)]
    [InlineData("{\"html\":\"<p>Body text.</p>\"}\n{\"html\":\"<p>More.</p>\"}", DocumentFormat.Html)]
    public void Standard_input_format_is_detected_from_content(string input, DocumentFormat format)
    {
        var diags = new List<Diagnostic>();
        var docs = new InputReader().ReadText("stdin", new StringReader(input), diags);
        Assert.Empty(diags);
        Assert.All(docs, d => Assert.Equal(format, d.Format));
        Assert.NotEmpty(docs);
    }

    [Fact]
    public void Json_array_gives_one_document_per_record_with_metadata()
    {
        var (docs, diags) = Read(Write("set.json", """
            [{"id": "a1", "title": "Dam opens", "source": "Valley Post", "url": "https://example.org/a1", "published": "2031-04-02", "text": "The dam opened."},
             {"id": 7, "html": "<article><p>Second record.</p></article>"}]
            """));
        Assert.Empty(diags);
        Assert.Equal(2, docs.Count);
        Assert.Equal(new SourceMetadata("a1", "Dam opens", "Valley Post", "https://example.org/a1", "2031-04-02"), docs[0].Metadata);
        Assert.Equal(DocumentFormat.Html, docs[1].Format);
        Assert.Equal("7", docs[1].Metadata.Id);
        Assert.EndsWith("set.json[1]", docs[1].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_jsonl_line_is_reported_with_its_line_number_and_the_other_lines_are_kept()
    {
        var (docs, diags) = Read(Write("feed.jsonl", "{\"text\": \"First.\"}\n{\"text\": broken\n\n{\"title\": \"no body\"}\n{\"text\": \"Fourth.\"}\n"));
        Assert.Equal(["First.", "Fourth."], docs.Select(d => d.Content));
        Assert.Equal(2, diags.Count);
        Assert.EndsWith("feed.jsonl:2", diags[0].Origin, StringComparison.Ordinal);
        Assert.Contains("line 2", diags[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("feed.jsonl:4", diags[1].Origin, StringComparison.Ordinal);
        Assert.Contains("neither 'text' nor 'html'", diags[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparseable_json_file_is_one_diagnostic()
    {
        var (docs, diags) = Read(Write("bad.json", "{\"text\": \"unterminated"));
        Assert.Empty(docs);
        var d = Assert.Single(diags);
        Assert.Equal(DiagnosticSeverity.Skipped, d.Severity);
        Assert.Contains("invalid JSON", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20 })]
    public void Empty_file_is_skipped(byte[] bytes)
    {
        var (docs, diags) = Read(WriteBytes("empty.txt", bytes));
        Assert.Empty(docs);
        Assert.Contains("empty", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_skipped()
    {
        var bytes = new byte[600];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 % 256);
        var (docs, diags) = Read(WriteBytes("image.txt", bytes));
        Assert.Empty(docs);
        Assert.Contains("binary", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_without_nul_are_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray();
        var (docs, diags) = Read(WriteBytes("ctrl.txt", bytes));
        Assert.Empty(docs);
        Assert.Contains("binary", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_repaired_and_reported_with_the_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("Caf\u00e9 owners met on Monday. ").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(" The end.")).ToArray();
        var (docs, diags) = Read(WriteBytes("broken.txt", bytes));
        var doc = Assert.Single(docs);
        Assert.Contains('\uFFFD', doc.Content);
        var d = Assert.Single(diags);
        Assert.Equal(DiagnosticSeverity.Repaired, d.Severity);
        Assert.Contains("invalid UTF-8 at byte 28", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mostly_invalid_utf8_is_skipped()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)(i % 3 == 0 ? 0x41 : 0xE9)).ToArray();
        var (docs, diags) = Read(WriteBytes("latin.txt", bytes));
        Assert.Empty(docs);
        Assert.Contains("not UTF-8", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_file_is_skipped_without_reading_it()
    {
        var path = Write("big.txt", new string('a', 5000));
        var (docs, diags) = Read(path, max: 1000);
        Assert.Empty(docs);
        Assert.Contains("too large (5000 bytes; limit 1000)", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_standard_input_is_skipped()
    {
        var diags = new List<Diagnostic>();
        var docs = new InputReader(100).ReadText("stdin", new StringReader(new string('x', 1000)), diags);
        Assert.Empty(docs);
        Assert.Contains("too large", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Utf16_with_bom_is_decoded(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Bridge reopens\n\nThe bridge reopened on Tuesday.")).ToArray();
        var (docs, diags) = Read(WriteBytes("wide.txt", bytes));
        Assert.Equal("Bridge reopens\n\nThe bridge reopened on Tuesday.", Assert.Single(docs).Content);
        Assert.Equal(DiagnosticSeverity.Note, Assert.Single(diags).Severity);
    }

    [Fact]
    public void Utf8_bom_is_stripped_silently()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Text.")).ToArray();
        var (docs, diags) = Read(WriteBytes("bom.txt", bytes));
        Assert.Equal("Text.", Assert.Single(docs).Content);
        Assert.Empty(diags);
    }

    [Fact]
    public void Good_files_survive_bad_neighbours()
    {
        Write("1.txt", "First good article.");
        WriteBytes("2.txt", [0, 1, 2, 3]);
        WriteBytes("3.txt", []);
        Write("4.json", "{oops");
        Write("5.md", "# Title\n\nFifth good article.");
        var (docs, diags) = Read(_dir);
        Assert.Equal(2, docs.Count);
        Assert.Equal(3, diags.Count);
        Assert.Equal(3, diags.Select(d => d.Origin).Distinct().Count());
    }

    [Fact]
    public void Missing_path_is_a_diagnostic()
    {
        var (docs, diags) = Read(Path.Combine(_dir, "nope"));
        Assert.Empty(docs);
        Assert.Contains("no such file", Assert.Single(diags).Message, StringComparison.Ordinal);
    }
}
