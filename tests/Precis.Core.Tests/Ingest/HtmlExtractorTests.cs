using System.Text;
using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Ingest;

public class HtmlExtractorTests
{
    private const string Story = "The river authority opened the new flood gates on Tuesday, ahead of the spring melt, officials said.";
    private const string Story2 = "Engineers tested every gate twice, and the town council, which paid for half the work, approved the result.";

    [Fact]
    public void Hostile_html_loses_scripts_handlers_frames_and_forms()
    {
        var html = $"""
            <html><head><script>document.title = 'owned'; fetch('http://evil.example/x');</script>
            <style>@import url(http://evil.example/s.css);</style></head>
            <body onload="alert(1)">
            <article>
              <p>{Story}</p>
              <img src="http://evil.example/pixel.gif" onerror="alert('img')">
              <iframe src="http://evil.example/frame"></iframe>
              <form action="http://evil.example/post"><input name="q" value="secret field"><button>Send now</button></form>
              <p>{Story2}<script>alert('inline')</script></p>
              <svg><script>alert('svg')</script></svg>
              <noscript>Enable scripts please</noscript>
            </article>
            </body></html>
            """;
        var result = HtmlExtractor.Extract(html);
        Assert.Equal($"{Story}\n\n{Story2}", result.Text);
        Assert.DoesNotContain("alert", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Text, StringComparison.Ordinal);
        Assert.Equal("html:article", result.Extraction);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var sb = new StringBuilder("<html><body>");
        const int depth = 20_000;
        for (int i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append("<p>").Append(Story).Append("</p>");
        for (int i = 0; i < depth; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        var result = HtmlExtractor.Extract(sb.ToString());
        Assert.Equal(Story, result.Text);
        Assert.Equal("html:flat", result.Extraction);
        Assert.Contains("nested", result.Repair, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_nesting_is_parsed_as_a_tree()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 600)) + "<p>" + Story + "</p>" + string.Concat(Enumerable.Repeat("</div>", 600)) + "</body></html>";
        var result = HtmlExtractor.Extract(html);
        Assert.Equal(Story, result.Text);
        Assert.Null(result.Repair);
    }

    [Fact]
    public void Deep_hostile_page_still_loses_its_scripts()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>", 3000)) + "<script>alert('x')</script><p>" + Story + "</p><style>p{}</style>" + string.Concat(Enumerable.Repeat("</span>", 3000)) + "</body></html>";
        var result = HtmlExtractor.Extract(html);
        Assert.Equal(Story, result.Text);
    }

    [Fact]
    public void Article_body_is_preferred_and_page_chrome_is_dropped()
    {
        var html = $"""
            <html><body>
            <header><a href="/">Home</a> <a href="/world">World</a></header>
            <nav><ul><li><a href="/a">Sports</a></li><li><a href="/b">Weather</a></li></ul></nav>
            <div class="content">
              <h1>Gates open</h1>
              <div itemprop="articleBody"><p>{Story}</p><h2>Next steps</h2><p>{Story2}</p></div>
              <aside>Most read: ten things about gates</aside>
            </div>
            <footer>Copyright Example Media</footer>
            </body></html>
            """;
        var result = HtmlExtractor.Extract(html);
        Assert.Equal($"{Story}\n\nNext steps\n\n{Story2}", result.Text);
        Assert.Equal("html:articleBody", result.Extraction);
        Assert.Equal("Gates open", result.Metadata.Title);
    }

    [Fact]
    public void Without_semantic_markup_the_densest_text_block_wins_over_link_lists()
    {
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<p><a href=\"/s{i}\">Another headline number {i}, with words, and more</a></p>"));
        var html = $"""
            <html><body>
            <div id="menu">{links}</div>
            <div id="story"><p>{Story}</p><p>{Story2}</p><p>{Story} {Story2}</p></div>
            </body></html>
            """;
        var result = HtmlExtractor.Extract(html);
        Assert.Equal("html:density", result.Extraction);
        Assert.StartsWith(Story, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Another headline", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_comes_from_json_ld_then_open_graph_then_title()
    {
        var html = $$"""
            <html><head>
            <title>Gates open | Valley Post</title>
            <meta property="og:title" content="Gates open on the river">
            <meta property="og:site_name" content="Valley Post">
            <meta property="article:published_time" content="2031-04-02T09:30:00+02:00">
            <meta name="author" content="Ana Lind">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "Flood gates open",
             "datePublished": "2031-04-02T10:00:00Z", "author": [{"@type": "Person", "name": "Ana Lind"}, {"name": "Bo Ek"}],
             "publisher": {"@type": "Organization", "name": "Valley Post Media"} } ] }
            </script>
            </head><body><article><p>{{Story}}</p><p>{{Story2}}</p></article></body></html>
            """;
        var m = HtmlExtractor.Extract(html).Metadata;
        Assert.Equal("Flood gates open", m.Title);
        Assert.Equal("Valley Post Media", m.Outlet);
        Assert.Equal("2031-04-02T10:00:00Z", m.Published);
        Assert.Equal("Ana Lind and Bo Ek", m.Byline);
    }

    [Fact]
    public void Open_graph_and_title_are_used_when_there_is_no_json_ld()
    {
        var html = $"""
            <html><head><title>Gates open - Valley Post</title>
            <meta property="og:site_name" content="Valley Post">
            <meta property="article:published_time" content="2031-04-02">
            <script type="application/ld+json">[ not json</script>
            </head><body><main><p>{Story}</p><p>{Story2}</p></main></body></html>
            """;
        var r = HtmlExtractor.Extract(html);
        Assert.Equal("Gates open", r.Metadata.Title);
        Assert.Equal("Valley Post", r.Metadata.Outlet);
        Assert.Equal("2031-04-02", r.Metadata.Published);
        Assert.Equal("html:main", r.Extraction);
    }

    [Fact]
    public void Parsing_stage_turns_html_into_an_article_with_metadata()
    {
        var html = $"""<html><head><meta property="og:title" content="Gates open"><meta property="og:site_name" content="Valley Post"><meta property="article:published_time" content="2031-04-02T09:30:00+02:00"></head><body><article><h1>Gates open</h1><p>{Story}</p><p>{Story2}</p></article></body></html>""";
        var article = Assert.Single(Pipeline.PipelineTestHost.Parse(new SourceDocument("page.html", html, DocumentFormat.Html, SourceMetadata.Empty)));
        Assert.Equal("Gates open", article.Headline);
        Assert.Equal("Valley Post", article.Outlet);
        Assert.Equal(new DateOnly(2031, 4, 2), article.Published!.Date);
        Assert.Equal(new TimeOnly(9, 30), article.Published.Time);
        Assert.Equal($"{Story}\n\n{Story2}", article.Text);
        Assert.Equal("html:article", article.Extraction);
    }

    [Fact]
    public void Many_paragraphs_are_all_extracted()
    {
        var sb = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 5000; i++) sb.Append("<p>").Append(Story).Append(" <a href=\"#\">link</a></p>");
        sb.Append("</article></body></html>");
        var result = HtmlExtractor.Extract(sb.ToString());
        Assert.Equal(5000, result.Text.Split("\n\n").Length);
    }
}
