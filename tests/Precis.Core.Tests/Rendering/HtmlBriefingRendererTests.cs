using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Precis.Core.Tests.Timeline;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Rendering.Html;

namespace Precis.Core.Tests.Rendering;

public sealed partial class HtmlBriefingRendererTests
{
    private static string Render(Briefing briefing, HtmlBriefingOptions? options = null)
    {
        var w = new StringWriter();
        new HtmlBriefingRenderer(options ?? HtmlBriefingOptions.Document).Render(briefing, w);
        return w.ToString();
    }

    [Fact]
    public void The_example_file_has_every_section_and_every_link_lands_on_an_element()
    {
        var html = Render(ExampleCorpus.Get().Briefing);
        foreach (var id in new[] { "summary", "timeline", "facts", "quotes", "entities", "sources", "articles" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }
        var ids = IdPattern().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var links = LocalLinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, target => Assert.Contains(target, ids));
        // Citations of the summary jump to sentences, not just to articles.
        Assert.Matches("<ul class=\"summary\">\\s*<li[^>]*>[^<]+<span class=\"cites\"><a class=\"cite\" href=\"#a\\d+-s\\d+\"", html);
    }

    [Fact]
    public void The_example_file_shows_no_field_names_offsets_or_rule_ids()
    {
        var b = ExampleCorpus.Get().Briefing;
        var text = TagPattern().Replace(Render(b), " ");
        var rules = b.Timeline!.Entries.SelectMany(e => e.Reports).Select(r => r.When.Rule)
            .Where(r => r.Contains('-', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList(); // "yesterday" is also a word
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.DoesNotContain(rule, text, StringComparison.Ordinal));
        foreach (var field in new[] { "independentSources", "precision", "\"start\"", "syndicationGroup", "evidence:" })
        {
            Assert.DoesNotContain(field, text, StringComparison.Ordinal);
        }
        Assert.Contains("inferred", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_requests_nothing_and_its_style_is_allowed_by_hash()
    {
        var html = Render(ExampleCorpus.Get().Briefing);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'";
        Assert.Contains($"content=\"default-src &#x27;none&#x27;; style-src {hash.Replace("'", "&#x27;", StringComparison.Ordinal)}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_articles_is_shown_as_text()
    {
        var source = SourceDocument.PlainText("hostile.txt",
            "The quay at Lindholm closed on Friday after a crane collapsed, the port said. \"It was <img src=x onerror=alert(1)> loud,\" said Ada Brenn, a dock worker. Repairs will take a week, the port said.",
            new SourceMetadata(Title: "Quay <script>alert(1)</script> closes", Outlet: "Evil <b>Gazette</b>", Url: "javascript:alert(1)", Published: "2026-04-03"));
        var b = new PrecisPipelineBuilder().Build().Run([source]);
        var html = Render(b);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_from_articles_added_after_the_last_visit_are_marked_new()
    {
        var b = ExampleCorpus.Get().Briefing;
        var t0 = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        // Every article arrived at t0 except the last, an hour later.
        var added = b.Articles.ToDictionary(a => a.Id, a => a.Number == b.Articles.Length ? t0.AddHours(1) : t0, StringComparer.Ordinal);
        var html = Render(b, HtmlBriefingOptions.Fragment with { AddedAt = added, NewSince = t0.AddMinutes(30) });
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("1 new article since 10 Mar 2026 12:30 UTC", html, StringComparison.Ordinal);
        Assert.Matches($"<li id=\"source-{b.Articles.Length}\" value=\"{b.Articles.Length}\" class=\"new\"", html);
        Assert.Matches("<li id=\"source-1\" value=\"1\" data-added", html);
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex LocalLinkPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
