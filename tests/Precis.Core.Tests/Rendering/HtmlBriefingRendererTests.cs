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
        foreach (var id in new[] { "state", "summary", "timeline", "facts", "quotes", "entities", "sources", "articles" })
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
        // The attribute is HTML-encoded (quotes, and '+' or '/' of the base64 hash): compare it decoded.
        var csp = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value);
        Assert.StartsWith($"default-src 'none'; style-src {hash};", csp, StringComparison.Ordinal);
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

    /// <summary>The text of one section, tags removed and whitespace collapsed, as a reader sees it.</summary>
    private static string SectionText(string html, string id)
    {
        var m = Regex.Match(html, $"<section id=\"{id}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(m.Success, $"section '{id}' is missing");
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, " ")), "\\s+", " ");
    }

    [Fact]
    public void Where_things_stand_leads_and_shows_each_current_value_its_sources_and_what_came_before()
    {
        var b = ExampleCorpus.Get().Briefing;
        var story = b.Story!;
        var html = Render(b);
        Assert.True(html.IndexOf("<section id=\"state\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"summary\">", StringComparison.Ordinal));
        var text = SectionText(html, "state");
        var lines = Precis.Rendering.Sections.StorySection.StateLines(story);
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => !l.Before.IsEmpty);
        foreach (var line in lines)
        {
            Assert.Contains(line.Frame.Label, text, StringComparison.Ordinal);
            var shown = line.State.Current is { } c ? [c] : line.State.Disputed;
            foreach (var step in shown.Concat(line.Before)) Assert.Contains(step.Value.Display, text, StringComparison.Ordinal);
            if (line.State.Current is { } cur)
            {
                Assert.Contains($"{Precis.Rendering.Sections.StorySection.When(cur)} {string.Join(" ", cur.Articles)} {HtmlBriefingContext.Independent(cur.IndependentSources)}", text, StringComparison.Ordinal);
            }
        }
        // A relayed value says through whom it came, as the Markdown briefing does.
        Assert.Contains("reported as: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_agrees_shows_each_update_as_a_table_of_values_with_dates_and_evidence()
    {
        var b = ExampleCorpus.Get().Briefing;
        var story = b.Story!;
        var text = SectionText(Render(b), "facts");
        var tables = Precis.Rendering.Sections.StorySection.ChangeTables(story);
        Assert.NotEmpty(tables);
        foreach (var t in tables)
        {
            Assert.Contains(t.Frame.Label, text, StringComparison.Ordinal);
            foreach (var row in t.Rows)
            {
                var evidence = story.ClaimById(row.Claims[0]).EvidenceText;
                Assert.Contains($"{row.Value.Display} {Precis.Rendering.Sections.StorySection.When(row)} {string.Join(" ", row.Articles)}", text, StringComparison.Ordinal);
                Assert.Contains(Regex.Replace(evidence, "\\s+", " "), text, StringComparison.Ordinal);
            }
        }
        foreach (var c in Precis.Rendering.Sections.StorySection.Corroborations(story)) Assert.Contains(c.Step.Value.Display, text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_changed_lists_the_story_changes_after_a_time_by_publication_or_by_arrival()
    {
        var b = ExampleCorpus.Get().Briefing;
        var story = b.Story!;
        Assert.DoesNotContain("<section id=\"changes\">", Render(b), StringComparison.Ordinal);

        // By publication (brief --since): the same changes as the Markdown briefing's section.
        var since = new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
        var expected = Precis.Analysis.Facts.StoryChanges.Since(story, b.Articles, since);
        Assert.NotEmpty(expected);
        var html = Render(b with { Since = since });
        var text = SectionText(html, "changes");
        Assert.Contains("published after Wed 4 Mar 2026", text, StringComparison.Ordinal);
        Assert.Equal(expected.Length, Regex.Matches(Regex.Match(html, "<ul class=\"changes\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value, "<li").Count);
        foreach (var c in expected) Assert.Contains(story.FrameById(c.Frame).Label, text, StringComparison.Ordinal);

        // By arrival (the server's "since your last visit"): only what the last article to arrive changed.
        var t0 = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var last = b.Articles.Length;
        var added = b.Articles.ToDictionary(a => a.Id, a => a.Number == last ? t0.AddHours(1) : t0, StringComparer.Ordinal);
        var visit = Render(b, HtmlBriefingOptions.Fragment with { AddedAt = added, NewSince = t0.AddMinutes(30) });
        var byArrival = Precis.Analysis.Facts.StoryChanges.Of(story, n => (n == last, false));
        var items = Regex.Match(visit, "<ul class=\"changes\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("that arrived after Tue 10 Mar 2026 12:30 UTC", SectionText(visit, "changes"), StringComparison.Ordinal);
        Assert.Equal(byArrival.Length, Regex.Matches(items, "<li").Count);
        Assert.All(byArrival, c => Assert.Contains(last, c.Step.Articles));
    }

    [Fact]
    public void Quotes_are_grouped_by_speaker_partial_quotes_are_marked_and_quoted_terms_left_out()
    {
        var b = ExampleCorpus.Get().Briefing;
        var text = SectionText(Render(b), "quotes");
        var groups = Precis.Rendering.Sections.QuotesSection.BySpeaker(b);
        Assert.NotEmpty(groups);
        foreach (var g in groups) Assert.Contains(g.Speaker.Name, text, StringComparison.Ordinal);
        foreach (var q in b.Quotes.Where(q => q.IsTerm)) Assert.DoesNotContain("in part: " + q.Text, text, StringComparison.Ordinal);
        var partial = b.Quotes.FirstOrDefault(q => q.Kind == Precis.Analysis.Quotes.QuoteKind.Partial && !q.IsTerm);
        Assert.NotNull(partial);
        Assert.Contains("in part: " + Regex.Replace(partial.Text, "\\s+", " "), text, StringComparison.Ordinal);
        Assert.Contains(b.Quotes, q => q.Kind == Precis.Analysis.Quotes.QuoteKind.Reported);
        Assert.Contains("reported: ", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex LocalLinkPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
