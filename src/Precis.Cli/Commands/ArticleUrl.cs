using Precis.Documents;
using Precis.Server.Feeds;

namespace Precis.Cli.Commands;

/// <summary><c>precis brief URL</c>: fetches one article page (the feeds' fetcher: timeout, retries, size limit) for the HTML extraction.</summary>
internal static class ArticleUrl
{
    public static List<SourceDocument> Fetch(Uri url, long maxBytes, CliIO io)
    {
        using var fetcher = new FeedFetcher(new FeedOptions { MaxBytes = maxBytes, PerHostDelay = TimeSpan.Zero });
        try
        {
            var page = fetcher.GetAsync(url).GetAwaiter().GetResult();
            return [new SourceDocument(url.AbsoluteUri, page.Body ?? "", DocumentFormat.Html, new SourceMetadata(Url: url.AbsoluteUri))];
        }
        catch (FetchException e)
        {
            io.Error.WriteLine(e.Message);
            return [];
        }
    }
}
