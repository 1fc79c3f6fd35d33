using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;

namespace Precis.Server.Tests.Fixtures;

/// <summary>The real app on Kestrel at 127.0.0.1 on a free port, over a fresh SQLite data folder.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "test-key-123";

    private readonly WebApplication _app;
    private readonly string _folder;

    private LoopbackServer(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<LoopbackServer> StartAsync(long maxBody = 256 * 1024)
    {
        var folder = TestEnvironment.NewTempFolder();
        var app = await PrecisServer.BuildAsync(new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = folder,
            ApiKey = ApiKey,
            MaxRequestBodyBytes = maxBody,
        });
        await app.StartAsync();
        var address = PrecisServer.Addresses(app).Single();
        return new LoopbackServer(app, folder, new Uri(address + "/"));
    }

    public async Task<HttpResponseMessage> PostAsync(object body, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        TestEnvironment.DeleteQuietly(_folder);
    }
}
