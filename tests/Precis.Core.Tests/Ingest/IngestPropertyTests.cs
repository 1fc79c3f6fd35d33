using System.Collections.Immutable;
using System.Text;
using FsCheck.Xunit;
using Precis.Documents;
using Precis.Ingest;
using Precis.Core.Tests.Ingest.Pipeline;

namespace Precis.Core.Tests.Ingest;

/// <summary>Random and adversarial input (Lucene's TestRandomStrings habit): stages never throw and keep their invariants.</summary>
public class IngestPropertyTests
{
    [Property(MaxTest = 300)]
    public void Arbitrary_bytes_give_documents_or_diagnostics_and_never_throw(byte[]? bytes, bool asJson)
    {
        bytes ??= [];
        var diagnostics = new List<Diagnostic>();
        var docs = new InputReader(1 << 20).ReadBytes(asJson ? "x.jsonl" : "x.txt", bytes, diagnostics);
        Assert.True(docs.Count > 0 || diagnostics.Count > 0);
        Assert.All(docs, d => Assert.False(string.IsNullOrWhiteSpace(d.Content)));
    }

    private static readonly string[] Lines =
    [
        "", "Flood gates open on the Vell river", "March 3, 2031 | 9:05 AM", "04/05/2031 10:00 by editor", "by Valley News",
        "By Ana Lind", "Rivermouth Wire, KESTOVA", "• Published", "KESTOVA: The gates opened on Tuesday, officials said.",
        "The river authority opened the gates, officials said.", "Engineers tested every gate twice.", "- VNA", "(VNA)",
        "Workers at the gate. / VNA PHOTO / STAFF", "A farmer told VNA the water fell.", "WASHINGTON (AP) — Officials met.",
        "Image source, VNA", "By Thursday, the river had fallen.", "2031-03-03T10:00:00Z", "\t  ", "Ω 雨 🙂 text with symbols.",
    ];

    [Property(MaxTest = 300)]
    public void Metadata_detection_keeps_paragraph_spans_valid_and_only_trims_the_ends(int[]? picks)
    {
        picks ??= [];
        var text = string.Join('\n', picks.Select(p => Lines[(int)((uint)p % (uint)Lines.Length)]));
        var parsed = PipelineTestHost.Run([SourceDocument.PlainText("p.txt", text)], withMetadata: false, out _);
        if (parsed.IsEmpty) return; // whitespace only: a diagnostic, no article
        var before = PipelineTestHost.AfterFurniture(parsed).Single();
        var after = MetadataDetectionStage.Detect(before).Article;

        int previousEnd = 0;
        foreach (var p in after.Paragraphs)
        {
            Assert.True(p.Start >= previousEnd && p.End <= after.Text.Length && p.Length > 0);
            Assert.Contains(before.Paragraphs, q => q.Contains(p));
            previousEnd = p.End;
        }
        // Everything between the first 8 and the last 3 input paragraphs is still there.
        var kept = before.Paragraphs.Skip(8).Take(Math.Max(0, before.Paragraphs.Length - 11));
        Assert.All(kept, q => Assert.Contains(after.Paragraphs, p => q.Contains(p) && p.End == q.End));
    }

    private static readonly string[] Tags =
    [
        "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<script>ALERT(1)", "</script>", "<style>", "</style>", "<a href='x'>",
        "</a>", "<br>", "<img src=x onerror=ALERT(2)>", "<iframe src='http://x'>", "</iframe>", "<table><tr><td>", "</td></tr></table>",
        "The gates opened, officials said, on Tuesday.", "&amp;", "&#0;", "<!--", "-->", "<", ">", "<svg><script>ALERT(3)</script></svg>",
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":", "\"H\"}", "<meta property='og:title' content='T'>",
    ];

    [Property(MaxTest = 300)]
    public void Tag_soup_never_throws_and_never_yields_script_text(int[]? picks)
    {
        picks ??= [];
        var html = new StringBuilder();
        foreach (var p in picks) html.Append(Tags[(int)((uint)p % (uint)Tags.Length)]);
        var result = HtmlExtractor.Extract(html.ToString());
        Assert.DoesNotContain("ALERT", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", result.Text, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void Date_parser_never_throws_on_arbitrary_text(string? text)
    {
        text ??= "";
        foreach (var match in PublicationDateParser.FindAll(text, withTime: true))
        {
            Assert.NotEmpty(match.Readings);
            var date = PublicationDateParser.Resolve(match, DateEvidence.FromText(text));
            Assert.False(string.IsNullOrEmpty(date.Evidence));
        }
    }

    [Property(MaxTest = 200)]
    public void Markdown_stripping_never_throws(string? text)
    {
        var (plain, _) = MarkdownStripper.Strip(text ?? "");
        Assert.DoesNotContain("\n\n\n", plain, StringComparison.Ordinal);
    }
}
