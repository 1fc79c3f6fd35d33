using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Precis.Server.Feeds;

/// <summary>Why a fetch failed for good (after any retries).</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A fetched body, or a 304.</summary>
public sealed record FetchResult(HttpStatusCode Status, string? Body, string? ETag, string? LastModified, string? ContentType)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>
/// HTTP GET for feeds and article pages: conditional requests, a size limit (bodies are never read past it), a
/// per-attempt timeout, retries with exponential backoff on network errors, timeouts and 5xx (Polly), and politeness:
/// one request at a time per host, with a pause between them. Thread-safe; share one instance.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly FeedOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConcurrentDictionary<string, (SemaphoreSlim Gate, DateTimeOffset[] Last)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public FeedFetcher(FeedOptions options, HttpMessageHandler? handler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = true, MaxAutomaticRedirections = 5 })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // the pipeline's timeout strategy governs each attempt
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Precis", "1.0"));
        var builder = new ResiliencePipelineBuilder();
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<TransientStatusException>(),
            });
        }
        // Inside the retry: each attempt gets its own timeout.
        _pipeline = builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>GETs <paramref name="url"/> (http or https only). Throws <see cref="FetchException"/> when it fails for good.</summary>
    public async Task<FetchResult> GetAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) throw new FetchException($"{url}: only http and https URLs can be fetched");
        var host = _hosts.GetOrAdd(url.Authority, _ => (new SemaphoreSlim(1, 1), [DateTimeOffset.MinValue]));
        await host.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = host.Last[0] + _options.PerHostDelay - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            try
            {
                return await _pipeline.ExecuteAsync(async ct => await AttemptAsync(url, etag, lastModified, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException e)
            {
                throw new FetchException($"{url}: timed out after {_options.Timeout.TotalSeconds:0.#} s", e);
            }
            catch (HttpRequestException e)
            {
                throw new FetchException($"{url}: {e.Message}", e);
            }
            catch (TransientStatusException e)
            {
                throw new FetchException($"{url}: HTTP {(int)e.Status} {e.Status}", e);
            }
        }
        finally
        {
            host.Last[0] = DateTimeOffset.UtcNow;
            host.Gate.Release();
        }
    }

    private async Task<FetchResult> AttemptAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified) return new FetchResult(HttpStatusCode.NotModified, null, etag, lastModified, null);
        if ((int)response.StatusCode >= 500) throw new TransientStatusException(response.StatusCode);
        if (!response.IsSuccessStatusCode) throw new FetchException($"{url}: HTTP {(int)response.StatusCode} {response.StatusCode}");
        if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
        {
            throw new FetchException($"{url}: {declared} bytes is over the limit of {_options.MaxBytes} bytes");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes) throw new FetchException($"{url}: body is over the limit of {_options.MaxBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        var charset = response.Content.Headers.ContentType?.CharSet;
        var encoding = Encoding.UTF8;
        try
        {
            if (!string.IsNullOrEmpty(charset)) encoding = Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown charset label: read as UTF-8 (the ingest path repairs invalid sequences).
        }
        return new FetchResult(response.StatusCode, encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _http.Dispose();

    private sealed class TransientStatusException(HttpStatusCode status) : Exception($"HTTP {(int)status}")
    {
        public HttpStatusCode Status { get; } = status;
    }
}
