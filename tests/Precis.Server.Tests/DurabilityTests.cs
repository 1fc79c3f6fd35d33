using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests;

/// <summary>Kills the real server process (no graceful shutdown) in the middle of a stream of POSTs and checks that
/// every acknowledged article survived and the store opens cleanly.</summary>
public sealed class DurabilityTests
{
    private const string Key = "durability-key";

    [Fact]
    public async Task Every_acknowledged_article_survives_a_kill_mid_batch()
    {
        var data = TestEnvironment.NewTempFolder();
        try
        {
            var acknowledged = new List<string>();
            var first = await StartAsync(data);
            try
            {
                using var client = new HttpClient { BaseAddress = first.Address, Timeout = TimeSpan.FromSeconds(30) };
                const int total = 40, killAfter = 15;
                Task? posting = null;
                for (int i = 0; i < total; i++)
                {
                    var send = PostAsync(client, i);
                    if (i == killAfter)
                    {
                        // Kill while this request (and the ones after it) are in flight.
                        posting = send;
                        first.Process.Kill(entireProcessTree: true);
                    }
                    try
                    {
                        var id = await send;
                        if (id is not null) acknowledged.Add(id);
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    if (posting is not null && first.Process.HasExited && i > killAfter + 2) break;
                }
            }
            finally
            {
                if (!first.Process.HasExited) first.Process.Kill(entireProcessTree: true);
                await first.Process.WaitForExitAsync();
                first.Process.Dispose();
            }
            Assert.InRange(acknowledged.Count, 15, 16);

            var second = await StartAsync(data);
            try
            {
                using var client = new HttpClient { BaseAddress = second.Address };
                foreach (var id in acknowledged)
                {
                    var response = await client.GetAsync($"api/articles/{id}");
                    Assert.True(response.IsSuccessStatusCode, $"acknowledged article {id} is missing after the kill");
                }
                Assert.True((await client.GetAsync("api/events")).IsSuccessStatusCode);
                // The restarted server still takes writes.
                Assert.Equal(System.Net.HttpStatusCode.Created, (await PostResponseAsync(client, 1000)).StatusCode);
            }
            finally
            {
                second.Process.Kill(entireProcessTree: true);
                await second.Process.WaitForExitAsync();
                second.Process.Dispose();
            }

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "precis.db")};Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }
        finally
        {
            TestEnvironment.DeleteQuietly(data);
        }
    }

    private static async Task<string?> PostAsync(HttpClient client, int i)
    {
        using var response = await PostResponseAsync(client, i);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("articles")[0].GetProperty("id").GetString();
    }

    private static async Task<HttpResponseMessage> PostResponseAsync(HttpClient client, int i)
    {
        // Generated, fictional reports: each one distinct so none is a duplicate of another.
        string[] towns = ["Ashford Vale", "Brindle Cove", "Corrow Heights", "Dunmere", "Elkstone"];
        var town = towns[i % towns.Length];
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles")
        {
            Content = JsonContent.Create(new
            {
                id = $"report-{i}",
                title = $"Council of {town} publishes report number {i}",
                source = $"Outlet {i % 7}",
                text = $"The council of {town} published report number {i} on road repairs. Councillors said report {i} lists {i + 3} streets to resurface this year.",
            }),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await client.SendAsync(request);
    }

    private sealed record Started(Process Process, Uri Address);

    private static async Task<Started> StartAsync(string data)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "precis.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", cli, "serve", "--urls", "http://127.0.0.1:0", "--data", data, "--api-key", Key }) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + cli);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null) throw new InvalidOperationException("the server exited before listening");
            const string prefix = "Precis listening on ";
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return new Started(process, new Uri(line[prefix.Length..]));
        }
    }
}
