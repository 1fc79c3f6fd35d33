using System.Net;
using System.Net.Sockets;
using System.Text;
using Precis.Cli;

namespace Precis.Cli.Tests;

/// <summary><c>precis feeds add|list|remove</c> on a store, and <c>precis brief URL</c> against a loopback page.</summary>
public sealed class FeedsAndUrlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-feeds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Feeds_are_added_listed_and_removed_in_the_store()
    {
        var data = Path.Combine(_dir, "data");
        Assert.Equal(0, Run("feeds", "add", "http://127.0.0.1:9/feed.xml", "--data", data).Code);
        Assert.Equal(0, Run("feeds", "add", "http://127.0.0.1:9/feed.xml", "--data", data).Code); // idempotent
        Assert.Equal(ExitCodes.Usage, Run("feeds", "add", "ftp://127.0.0.1/x", "--data", data).Code);
        var (_, list, _) = Run("feeds", "list", "--data", data);
        Assert.Equal(["http://127.0.0.1:9/feed.xml\twaiting\tnever polled\t0 articles"], list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, Run("feeds", "remove", "http://127.0.0.1:9/feed.xml", "--data", data).Code);
        Assert.Equal(ExitCodes.Usage, Run("feeds", "remove", "http://127.0.0.1:9/feed.xml", "--data", data).Code);
        Assert.Equal("", Run("feeds", "list", "--data", data).Out);
    }

    [Fact]
    public async Task Brief_accepts_an_article_url()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var ctx = await listener.GetContextAsync();
            var html = "<!DOCTYPE html><html><head><title>Gull Point lighthouse relit</title><meta property=\"og:site_name\" content=\"Gull Point Gazette\"></head><body><article><h1>Gull Point lighthouse relit</h1>" +
                "<p>The lighthouse at Gull Point was relit on Saturday evening after a year of repairs, the harbour trust said.</p><p>Hundreds of residents watched from the cliffs as the lamp turned for the first time since the storm.</p></article></body></html>";
            var bytes = Encoding.UTF8.GetBytes(html);
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        });
        var (code, output, error) = Run("brief", $"http://127.0.0.1:{port}/lighthouse.html", "--quiet");
        await serve;
        Assert.True(code == 0, error);
        Assert.Contains("lighthouse at Gull Point was relit", output, StringComparison.Ordinal);
        Assert.Contains("Gull Point Gazette", output, StringComparison.Ordinal);
    }
}
