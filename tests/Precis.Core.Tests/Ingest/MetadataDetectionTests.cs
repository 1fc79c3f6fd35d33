using Precis.Documents;
using Precis.Ingest;
using Precis.Core.Tests.Ingest.Pipeline;

namespace Precis.Core.Tests.Ingest;

/// <summary>Metadata detection on hand-written (fictional) articles.</summary>
public class MetadataDetectionTests
{
    private const string Body1 = "The river authority opened the new flood gates, ahead of the spring melt, officials said.";
    private const string Body2 = "Engineers tested every gate twice before the opening.";

    private static Article Detect(string text) => PipelineTestHost.Ingest(SourceDocument.PlainText("a.txt", text)).Single();

    private static string[] Paragraphs(Article a) => [.. a.Paragraphs.Select(p => p.Slice(a.Text))];

    [Fact]
    public void Headline_date_and_agency_byline_are_metadata_not_content()
    {
        var a = Detect($"Flood gates open on the Vell river\nMarch 3, 2031 | 9:05 AM\nby Reuters\n\n{Body1}\n\n{Body2}");
        Assert.Equal("Flood gates open on the Vell river", a.Headline);
        Assert.Equal("Reuters", a.Outlet);
        Assert.Null(a.Byline);
        Assert.Equal(new DateOnly(2031, 3, 3), a.Published!.Date);
        Assert.Equal(new TimeOnly(9, 5), a.Published.Time);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Person_byline_is_a_byline_and_an_agency_after_it_is_the_outlet()
    {
        var a = Detect($"Flood gates open\n\nBy Ana Lind and Bo Ek, Valley News\n\n{Body1}\n\n{Body2}");
        Assert.Equal("Ana Lind and Bo Ek", a.Byline);
        Assert.Equal("Valley News", a.Outlet);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Unknown_outlet_in_an_outlet_place_line_is_detected()
    {
        var a = Detect($"Rivermouth Wire, KESTOVA\n\n{Body1}\n\n{Body2}");
        Assert.Equal("Rivermouth Wire", a.Outlet);
        Assert.Equal("KESTOVA", a.Dateline);
        Assert.Null(a.Headline);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Theory]
    [InlineData("KESTOVA (Valley Press) — ", "KESTOVA", "Valley Press")]
    [InlineData("KESTOVA, Norland (VNA) - ", "KESTOVA", "VNA")]
    [InlineData("NEW KESTOVA: ", "NEW KESTOVA", null)]
    [InlineData("Kestova: ", "Kestova", null)]
    [InlineData("KESTOVA — ", "KESTOVA", null)]
    public void Dateline_forms_are_recognised_and_trimmed_from_the_first_paragraph(string prefix, string place, string? outlet)
    {
        var a = Detect($"Flood gates open\n\n{prefix}{Body1}\n\n{Body2}");
        Assert.Equal(place, a.Dateline);
        Assert.Equal(outlet, a.Outlet);
        Assert.Equal(Body1, Paragraphs(a)[0]);
    }

    [Fact]
    public void Label_before_a_colon_is_not_a_dateline()
    {
        var a = Detect($"Flood gates open\n\nUpdate: {Body1}\n\n{Body2}");
        Assert.Null(a.Dateline);
    }

    [Fact]
    public void Trailing_agency_tag_is_the_outlet_and_not_content()
    {
        var a = Detect($"Flood gates open\n\n{Body1}\n\n{Body2}\n\n- VNA");
        Assert.Equal("VNA", a.Outlet);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Date_stub_with_user_byline_is_metadata()
    {
        var a = Detect($"Flood gates open\n\n21/03/2031 14:40 by editor\n\n{Body1}\n\n{Body2}");
        Assert.Equal("editor", a.Byline);
        Assert.Equal(new DateOnly(2031, 3, 21), a.Published!.Date);
        Assert.Equal(new TimeOnly(14, 40), a.Published.Time);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Agency_photo_credit_with_quotes_to_the_agency_makes_the_outlet()
    {
        var a = Detect($"Flood gates open\n\nWorkers at the gate. / VNA PHOTO / STAFF\n\n{Body1} An engineer told VNA the gates held.\n\n{Body2}");
        Assert.Equal("VNA", a.Outlet);
    }

    [Fact]
    public void Picture_credits_of_the_image_source_kind_and_citations_are_not_the_outlet()
    {
        var a = Detect($"Flood gates open\n\nImage source, VNA\n\n{Body1} The VNA news agency reported the opening.\n\n{Body2}");
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void A_sentence_is_not_a_headline()
    {
        var a = Detect($"{Body1}\n\n{Body2}");
        Assert.Null(a.Headline);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void A_single_paragraph_is_never_taken_as_a_headline()
    {
        var a = Detect("Flood gates open on the Vell river");
        Assert.Null(a.Headline);
        Assert.Single(a.Paragraphs);
    }

    [Fact]
    public void A_byline_sentence_is_content()
    {
        var a = Detect($"Flood gates open\n\nBy Thursday, the river had fallen two metres.\n\n{Body2}");
        Assert.Null(a.Byline);
        Assert.Equal(2, a.Paragraphs.Length);
    }

    [Fact]
    public void Supplied_metadata_is_kept_and_a_repeated_headline_line_is_removed()
    {
        var meta = new SourceMetadata(Title: "Flood gates open", Outlet: "Valley Post", Published: "2031-03-03");
        var a = PipelineTestHost.Ingest(SourceDocument.PlainText("a.txt", $"Flood gates open\n\n{Body1}\n\n{Body2}", meta)).Single();
        Assert.Equal("Valley Post", a.Outlet);
        Assert.Equal(new DateOnly(2031, 3, 3), a.Published!.Date);
        Assert.Equal(DatePrecision.Day, a.Published.Precision);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Ambiguous_date_line_is_settled_by_the_other_articles_and_noted()
    {
        var first = SourceDocument.PlainText("a.txt", $"Gates open\n\n2031-11-10\n\n{Body1}\n\n{Body2}");
        var second = SourceDocument.PlainText("b.txt", $"Gates hold\n\n09/11/2031 08:00\n\n{Body1}\n\n{Body2}");
        var articles = PipelineTestHost.Run([first, second], withMetadata: true, out var diagnostics);
        Assert.Equal(new DateOnly(2031, 11, 9), articles[1].Published!.Date);
        Assert.Contains(diagnostics, d => d.Origin == "b.txt" && d.Message.Contains("day-first", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_heading_is_the_headline()
    {
        var a = PipelineTestHost.Ingest(new SourceDocument("a.md", $"# Flood *gates* open\n\n{Body1}\nStill the first paragraph with a [link](http://example.org).\n\n- {Body2}", DocumentFormat.Markdown, SourceMetadata.Empty)).Single();
        Assert.Equal("Flood gates open", a.Headline);
        Assert.Equal($"{Body1} Still the first paragraph with a link.\n\n{Body2}", a.Text);
        Assert.Equal("markdown", a.Extraction);
    }

    [Fact]
    public void Json_record_source_is_parsed_with_its_metadata()
    {
        var json = """{"id": "r1", "title": "Gates", "source": "Valley Post", "published": "2031-03-03T10:00:00Z", "text": "Line one.\r\nLine two."}""";
        var a = PipelineTestHost.Parse(new SourceDocument("in.json", json, DocumentFormat.JsonRecord, SourceMetadata.Empty)).Single();
        Assert.Equal("r1", a.Id);
        Assert.Equal("Valley Post", a.Outlet);
        Assert.Equal("Line one.\nLine two.", a.Text);
        Assert.Equal("json:plain", a.Extraction);
    }

    [Fact]
    public void Record_ids_come_from_origins_when_missing()
    {
        Assert.Equal("feed:3", ParsingStage.IdFromOrigin("dir/feed.jsonl:3"));
        Assert.Equal("set[1]", ParsingStage.IdFromOrigin("dir/set.json[1]"));
        Assert.Equal("story", ParsingStage.IdFromOrigin("dir/story.txt"));
    }
}
