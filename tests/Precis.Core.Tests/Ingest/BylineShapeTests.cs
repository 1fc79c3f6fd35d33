using Precis.Documents;
using Precis.Ingest;
using Precis.Core.Tests.Ingest.Pipeline;

namespace Precis.Core.Tests.Ingest;

/// <summary>Byline shapes of real news pages, on hand-written (fictional) articles.</summary>
public class BylineShapeTests
{
    private const string Body1 = "The river authority opened the new flood gates, ahead of the spring melt, officials said.";
    private const string Body2 = "Engineers tested every gate twice before the opening.";

    private static Article Detect(string text, DocumentFormat format = DocumentFormat.PlainText) =>
        PipelineTestHost.Ingest(new SourceDocument("a.txt", text, format, SourceMetadata.Empty)).Single();

    private static string[] Paragraphs(Article a) => [.. a.Paragraphs.Select(p => p.Slice(a.Text))];

    [Theory]
    [InlineData("By Ana Lind, Valley Courier", "Ana Lind", "Valley Courier")]
    [InlineData("By Ana Lind | Valley Courier", "Ana Lind", "Valley Courier")]
    [InlineData("By Ana van der Berg, The Kestova Chronicle", "Ana van der Berg", "The Kestova Chronicle")]
    [InlineData("By Rivermouth Wire Service | Valley Daily", "Rivermouth Wire Service", "Valley Daily")]
    [InlineData("By AP | Valley News", "AP", "Valley News")]
    [InlineData("By Valley Daily staff", "Valley Daily staff", "Valley Daily")]
    public void Byline_line_is_split_into_author_and_publishing_outlet(string line, string byline, string outlet)
    {
        var a = Detect($"Flood gates open on the Vell river\n{line}\n\n{Body1}\n\n{Body2}");
        Assert.Equal(byline, a.Byline);
        Assert.Equal(outlet, a.Outlet);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Publisher_after_a_bar_outweighs_the_wire_agency_tag_at_the_end()
    {
        var a = Detect($"Flood gates open on the Vell river\nBy Rivermouth Wire Service | Valley Daily\n\n{Body1}\n\n{Body2}\n\n- RWS");
        Assert.Equal("Valley Daily", a.Outlet);
    }

    [Theory]
    [InlineData("By Ana Lind, Valley Courier — 2031-03-05", "Ana Lind", "Valley Courier")]
    [InlineData("Ana Lind, Valley Courier — March 5, 2031", "Ana Lind", "Valley Courier")]
    [InlineData("By Ana Lind — 5 March 2031", "Ana Lind", null)]
    public void Byline_with_a_date_gives_author_outlet_and_day(string line, string byline, string? outlet)
    {
        var a = Detect($"Flood gates open on the Vell river\n{line}\n\n{Body1}\n\n{Body2}");
        Assert.Equal(byline, a.Byline);
        Assert.Equal(outlet, a.Outlet);
        Assert.Equal(new DateOnly(2031, 3, 5), a.Published!.Date);
        Assert.Equal(DatePrecision.Day, a.Published.Precision);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Fact]
    public void Emphasised_markdown_byline_under_the_headline_is_metadata()
    {
        var a = Detect($"# Flood gates open on the Vell river\n\n*By Ana Lind, Valley Courier — 2031-03-05*\n\n{Body1}\n\n{Body2}", DocumentFormat.Markdown);
        Assert.Equal("Flood gates open on the Vell river", a.Headline);
        Assert.Equal("Ana Lind", a.Byline);
        Assert.Equal("Valley Courier", a.Outlet);
        Assert.Equal(new DateOnly(2031, 3, 5), a.Published!.Date);
        Assert.Equal([Body1, Body2], Paragraphs(a));
    }

    [Theory]
    [InlineData("Port Kestova, March 5, 2031")]
    [InlineData("By Thursday, the river had fallen two metres.")]
    public void Place_with_a_date_or_a_sentence_starting_with_by_is_no_byline(string line)
    {
        var a = Detect($"Flood gates open on the Vell river\n\n{line}\n\n{Body1}\n\n{Body2}");
        Assert.Null(a.Byline);
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void Outlet_that_people_told_is_the_fallback_outlet()
    {
        var a = Detect($"Flood gates open on the Vell river\n\n{Body1} The chief engineer told Valley Radio the gates held.\n\n{Body2}");
        Assert.Equal("Valley Radio", a.Outlet);
    }

    [Fact]
    public void A_person_people_told_is_no_outlet()
    {
        var a = Detect($"Flood gates open on the Vell river\n\n{Body1} The chief engineer told Ana Lind the gates held.\n\n{Body2}");
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void Byline_evidence_outweighs_an_outlet_people_told()
    {
        var a = Detect($"Flood gates open on the Vell river\nBy Ana Lind, Valley Courier\n\n{Body1} The chief engineer told Valley Radio the gates held.\n\n{Body2}");
        Assert.Equal("Valley Courier", a.Outlet);
    }
}
