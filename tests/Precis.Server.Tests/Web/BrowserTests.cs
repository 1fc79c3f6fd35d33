using Microsoft.Playwright;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Web;

/// <summary>Drives Debian's Chromium (never a downloaded browser) through the web page on a loopback server.</summary>
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

    [SkippableFact]
    public async Task The_event_page_shows_the_cited_summary_and_renders_hostile_articles_as_text()
    {
        TestEnvironment.RequireUnlessBuildServer(!File.Exists(TestEnvironment.ChromiumPath), $"Chromium ({TestEnvironment.ChromiumPath})");
        await using var server = await LoopbackServer.StartAsync();
        var posted = await server.PostAsync(FictionalArticles.Bridge.Append(Hostile).Concat(FictionalArticles.Orchard).ToArray());
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-extensions", "--disable-sync", "--no-first-run", "--mute-audio"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(server.Address.ToString());
        Assert.Equal(2, await page.Locator("ol.events li").CountAsync());
        await page.Locator("ol.events a", new PageLocatorOptions { HasText = "Ferry strikes Alder Bridge" }).ClickAsync();
        await page.WaitForURLAsync("**/events/*");

        Assert.Equal("Ferry strikes Alder Bridge pier in Westhaven", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("ul.summary li").CountAsync() > 0);
        var cite = page.Locator("a.cite").First;
        var target = await cite.GetAttributeAsync("href");
        Assert.Matches("^#source-[1-4]$", target);
        Assert.Equal(1, await page.Locator(target!).CountAsync());
        Assert.Equal(4, await page.Locator("ol.sources li").CountAsync());
        Assert.Contains("Westhaven Post", await page.Locator("ol.sources").InnerTextAsync(), StringComparison.Ordinal);

        // The hostile article: its markup is visible as text, nothing of it ran or became an element or a link.
        var sources = await page.Locator("ol.sources").InnerTextAsync();
        Assert.Contains("<script>window.__precisPwned = 1</script>", sources, StringComparison.Ordinal);
        Assert.Contains("Evil <b>Gazette</b>", sources, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__precisPwned === undefined"));

        // The committed screenshot under docs/ is refreshed only on request (PRECIS_UPDATE_SCREENSHOT=1), so a test run
        // leaves the working tree clean; otherwise the page is still captured, to a temporary file.
        var shot = Environment.GetEnvironmentVariable("PRECIS_UPDATE_SCREENSHOT") == "1"
            ? Path.Combine(TestEnvironment.RepositoryRoot, "docs", "screenshots", "event-page.png")
            : Path.Combine(Path.GetTempPath(), $"precis-event-page-{Environment.ProcessId}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 1000);
    }
}
