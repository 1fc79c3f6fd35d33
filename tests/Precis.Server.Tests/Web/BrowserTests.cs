using Microsoft.Playwright;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering.Html;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Web;

/// <summary>Drives Debian's Chromium (never a downloaded browser) through the web pages on a loopback server.</summary>
public sealed class BrowserTests
{
    // A report of the same story whose fields carry markup: it must show as text and never run.
    private static readonly object Hostile = new
    {
        title = "Alder Bridge ferry <script>window.__precisPwned = 1</script> update",
        source = "Evil <b>Gazette</b>",
        url = "javascript:window.__precisPwned=1",
        published = "2026-04-03",
        text = "Engineers said the Alder Bridge pier damaged by the ferry in Westhaven fog would be braced. <img src=x onerror=\"window.__precisPwned=1\"> Divers inspected the bridge pier again.",
    };

    // Arrives after the reader's first visit: the page must mark it (and what it brings) as new.
    private static readonly object Later = new
    {
        title = "Alder Bridge reopens after ferry damage repaired",
        source = "Westhaven Post",
        url = "https://westhaven.example/alder-reopens",
        published = "2026-04-09",
        text = "The Alder Bridge in Westhaven reopened to traffic on Thursday after engineers braced the pier a ferry struck in fog. The ferry operator said its captain had been suspended. Divers will inspect the braced bridge pier again next month.",
    };

    private static readonly string[] Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-extensions", "--disable-sync", "--no-first-run", "--mute-audio"];

    [SkippableFact]
    public async Task A_reader_searches_opens_an_event_follows_a_citation_and_sees_what_is_new()
    {
        TestEnvironment.RequireUnlessBuildServer(!File.Exists(TestEnvironment.ChromiumPath), $"Chromium ({TestEnvironment.ChromiumPath})");
        await using var server = await LoopbackServer.StartAsync();
        var posted = await server.PostAsync(FictionalArticles.Bridge.Append(Hostile).Concat(FictionalArticles.Orchard).ToArray());
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Timeout = 60_000, Args = Args });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        // Generous: under CI the test assemblies share the cores, and a cold first briefing build in Debug is slow.
        page.SetDefaultTimeout(90_000);
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(m.Text); };

        // The events list, then a search by a word of the text (not of the headline).
        await page.GotoAsync(server.Address.ToString());
        Assert.Equal(2, await page.Locator("ol.events li").CountAsync());
        await page.Locator("input[name=q]").FillAsync("hailstones");
        await page.Locator("form.search button").ClickAsync();
        await page.WaitForURLAsync("**/?q=hailstones*");
        Assert.Equal(1, await page.Locator("ol.events li").CountAsync());
        Assert.Contains("Milbrook", await page.Locator("ol.events").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(server.Address + "?outlet=Coast+Radio");
        Assert.Equal(1, await page.Locator("ol.events li").CountAsync());
        Assert.Contains("Alder Bridge", await page.Locator("ol.events").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(server.Address + "?from=2026-06-01&to=2026-06-30");
        Assert.Contains("Milbrook", await page.Locator("ol.events").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("ol.events li").CountAsync());
        await page.GotoAsync(server.Address.ToString());
        await Shot(page, "events-list.png", fullPage: false);

        var link = page.Locator("ol.events a", new PageLocatorOptions { HasText = "Ferry strikes Alder Bridge" });
        // The first request for an event builds its briefing (cold pipeline): build it through the API first, bounded,
        // so that the page navigation below measures the page and not the first build.
        Assert.True(await BriefingServedAsync(server, new Uri(server.Address, await link.GetAttributeAsync("href")), current: false, attempts: 240),
            "the event's first briefing was not served within two minutes");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/events/*");
        var eventUrl = page.Url;

        Assert.Equal("Ferry strikes Alder Bridge pier in Westhaven", await page.Locator("h1").InnerTextAsync());
        foreach (var id in new[] { "state", "summary", "timeline", "facts", "quotes", "entities", "sources", "articles" })
        {
            Assert.True(await page.Locator($"section#{id} h2").IsVisibleAsync(), $"section {id}");
        }
        Assert.True(await page.Locator("ul.summary li").CountAsync() > 0);
        Assert.Equal(4, await page.Locator("ol.sources li").CountAsync());
        Assert.Contains("Westhaven Post", await page.Locator("ol.sources").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("ol.timeline li").CountAsync() > 0);
        Assert.True(await page.Locator("svg.axis").IsVisibleAsync());
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var raw in new[] { "independentSources", "precision", "\"start\"", "weekday-past", "rule" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        // The hostile article: its markup is visible as text, nothing of it ran or became an element or a link.
        var sources = await page.Locator("ol.sources").InnerTextAsync();
        Assert.Contains("<script>window.__precisPwned = 1</script>", sources, StringComparison.Ordinal);
        Assert.Contains("Evil <b>Gazette</b>", sources, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__precisPwned === undefined"));

        // A citation jumps to its sentence in the article's text, which opens and is highlighted.
        var cite = page.Locator("ul.summary a.cite").First;
        var target = await cite.GetAttributeAsync("href");
        Assert.Matches("^#a[1-4]-s\\d+$", target);
        await cite.ClickAsync();
        var sentence = page.Locator(target!);
        Assert.True(await sentence.IsVisibleAsync());
        Assert.True(await sentence.EvaluateAsync<bool>("e => e.matches(':target') && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)'"));
        Assert.Equal(0, await page.Locator(".new").CountAsync()); // first visit: nothing is "new"

        // A new article arrives; on the next visit it is marked, with a note at the top.
        var beforeLater = DateTimeOffset.UtcNow.AddSeconds(-1);
        var later = await server.PostAsync(Later);
        Assert.Equal(System.Net.HttpStatusCode.Created, later.StatusCode);
        await page.GotoAsync(server.Address.ToString());
        Assert.Equal(1, await page.Locator("ol.events li.updated").CountAsync());
        // The event's briefing is rebuilt in the background and the last good one is served meanwhile, marked stale:
        // wait (bounded) until the API serves the rebuilt briefing, then visit the page once.
        await BriefingServedAsync(server, new Uri(eventUrl), current: true, attempts: 40);
        await page.GotoAsync(eventUrl);
        await page.Locator("#visit").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var visit = await page.Locator("#visit").InnerTextAsync();
        Assert.StartsWith("1 new article since your last visit", visit, StringComparison.Ordinal);
        var fresh = page.Locator("ol.sources li.new");
        Assert.Equal(1, await fresh.CountAsync());
        Assert.Contains("Alder Bridge reopens", await fresh.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "event-page.png", fullPage: true);
        // The same without script, by link: ?since=
        var noScript = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync(eventUrl + "?since=2000-01-01T00:00:00Z");
        Assert.Equal(5, await plain.Locator("ol.sources li.new").CountAsync());
        Assert.Contains("5 new articles since", await plain.Locator("p.new-since:not([hidden])").InnerTextAsync(), StringComparison.Ordinal);
        // What the new article changed in the story (the bridge closed, now open), by link since the moment before it arrived.
        await plain.GotoAsync(eventUrl + "?since=" + beforeLater.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await plain.Locator("ol.sources li.new").CountAsync());
        var changes = await plain.Locator("section#changes").InnerTextAsync();
        Assert.Contains("changed", changes, StringComparison.Ordinal);
        Assert.Contains("closed", changes, StringComparison.Ordinal);
        Assert.Contains("open", await plain.Locator("section#state table").InnerTextAsync(), StringComparison.Ordinal);

        // A phone: one column, nothing wider than the screen.
        var phone = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(eventUrl);
        Assert.True(await small.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        Assert.Equal("1", await small.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.columns')).gridTemplateColumns.split(' ').length.toString()"));
        await Shot(small, "event-page-phone.png", fullPage: false);
        Assert.Empty(blocked);
    }

    [SkippableFact]
    public async Task The_html_file_renders_every_section_and_requests_nothing()
    {
        TestEnvironment.RequireUnlessBuildServer(!File.Exists(TestEnvironment.ChromiumPath), $"Chromium ({TestEnvironment.ChromiumPath})");
        var pipeline = new PrecisPipelineBuilder().Build();
        var sources = new InputReader(pipeline.Options.MaxInputBytes).Read(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "harbour-fire"), new List<Diagnostic>());
        var file = Path.Combine(TestEnvironment.NewTempFolder(), "briefing.html");
        await using (var w = new StreamWriter(file)) HtmlBriefingRenderer.Default.Render(pipeline.Run(sources), w);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Timeout = 60_000, Args = Args });
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        foreach (var id in new[] { "state", "summary", "timeline", "facts", "quotes", "entities", "sources", "articles" })
        {
            Assert.True(await page.Locator($"section#{id} h2").IsVisibleAsync(), $"section {id}");
        }
        Assert.True(await page.Locator("ol.timeline li.inferred").CountAsync() > 0);
        Assert.True(await page.Locator("table").CountAsync() > 0);
        var cite = page.Locator("ol.timeline a.cite").First;
        await cite.ClickAsync();
        Assert.True(await page.Locator((await cite.GetAttributeAsync("href"))!).IsVisibleAsync());
        // The only request is the file itself: no style sheet, font, image or script from anywhere.
        Assert.Equal([new Uri(file).AbsoluteUri], requests.Distinct());
        TestEnvironment.DeleteQuietly(Path.GetDirectoryName(file)!);
    }

    /// <summary>
    /// Polls the API for the event's briefing (every half second, bounded) until it is served, or with
    /// <paramref name="current"/> until the served one is no longer marked stale; true when that happened.
    /// </summary>
    private static async Task<bool> BriefingServedAsync(LoopbackServer server, Uri eventPage, bool current, int attempts)
    {
        var api = new Uri(server.Address, "/api/events/" + eventPage.Segments[^1]);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var probe = await server.Client.GetAsync(api);
            if (probe.IsSuccessStatusCode && !(current && probe.Headers.Contains("X-Precis-Briefing"))) return true;
            await Task.Delay(500);
        }
        return false;
    }

    /// <summary>
    /// The committed screenshots under docs/screenshots are refreshed only on request (PRECIS_UPDATE_SCREENSHOT=1), so a
    /// test run leaves the working tree clean; otherwise the page is still captured, to a temporary file.
    /// </summary>
    private static async Task Shot(IPage page, string name, bool fullPage)
    {
        var shot = Environment.GetEnvironmentVariable("PRECIS_UPDATE_SCREENSHOT") == "1"
            ? Path.Combine(TestEnvironment.RepositoryRoot, "docs", "screenshots", name)
            : Path.Combine(Path.GetTempPath(), $"precis-{Environment.ProcessId}-{name}");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = fullPage });
        Assert.True(new FileInfo(shot).Length > 1000);
    }
}
