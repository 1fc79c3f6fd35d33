using System.Collections.Frozen;
using System.Globalization;

namespace Precis.Clustering;

/// <summary>
/// Tells page furniture from news before clustering: web-archive notices, "enable JavaScript" pages, subscription and
/// sign-in prompts, social-media widgets and near-empty scrapes. A small linear classifier over the document's
/// structure (<see cref="DocumentShape"/>): how little text there is, the share of words that name the page, the
/// browser or the reader's actions on them, the share of words addressing the reader, the share of short unpunctuated
/// lines, and whether its opening recurs across unrelated documents. None of these names a particular page; a long
/// report on, say, a social network outweighs its web words with its length. Deterministic; no state.
/// </summary>
public static class BoilerplateDetector
{
    // PRECIS: weights set by hand on the structure of furniture pages (Kohlschütter et al. 2010, "Boilerplate
    // detection using shallow text features", found word counts and link/short-line density to separate furniture
    // from content); a long text needs overwhelming signals to be rejected.
    private const double Bias = -4.0;
    private const double NearEmpty = 3.5;        // fewer than 15 content words: not enough alone (a one-line brief is news)
    private const double Short = 1.5;            // fewer than 40 content words
    private const double Long = -3.0;            // 150 content words or more
    private const double PerWebShare = 30.0;     // times the share of web words among all words
    private const double PerReaderShare = 15.0;  // times the share of second-person words
    private const double PerFurnitureShare = 2.0;// times the share of furniture lines (when there are 3 lines or more)
    private const double RepeatedOpening = 2.5;  // the opening was already seen in other, different documents
    private const double Prose = -1.5;           // four sentences or more of 10 to 40 words on average: reads as running text

    // Words about the medium rather than the world: the page and its technology, the reader's account and actions,
    // archiving and syndication notices. Lower-case normal forms.
    private static readonly FrozenSet<string> WebWords = new[]
    {
        "javascript", "browser", "browsers", "cookie", "cookies", "website", "websites", "webpage", "page", "pages",
        "app", "apps", "download", "click", "clicking", "tap", "enable", "enabled", "disabled", "login", "logged",
        "signup", "subscribe", "subscribed", "subscription", "subscriptions", "subscriber", "subscribers", "newsletter",
        "newsletters", "email", "emails", "inbox", "account", "password", "username", "comment", "comments", "tweet",
        "tweets", "retweet", "replying", "privacy", "advertisement", "advertising", "ads", "reprints", "reprint",
        "copyright", "crawl", "crawls", "crawled", "crawler", "archive", "archived", "archiving", "wayback", "url",
        "urls", "link", "links", "playback", "unsupported", "device", "devices", "loading", "reload", "refresh",
        "settings", "zipcode", "digital", "homepage", "feed", "feeds", "widget", "popup", "faq", "webcrawl",
    }.ToFrozenSet(StringComparer.Ordinal);

    internal static bool IsWebWord(string normal) => WebWords.Contains(normal);

    /// <summary>The reason a document is page furniture rather than news, or null when it reads as news.</summary>
    /// <param name="shape">The document's counts.</param>
    /// <param name="openingRepeated">Whether its opening words were seen in other documents with different texts.</param>
    public static string? Check(DocumentShape shape, bool openingRepeated = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        double web = shape.Words == 0 ? 0 : (double)shape.WebWords / shape.Words;
        double reader = shape.Words == 0 ? 0 : (double)shape.ReaderWords / shape.Words;
        double furniture = shape.Lines >= 3 ? (double)shape.FurnitureLines / shape.Lines : 0;
        var signals = new List<(double Weight, string Reason)>();
        if (shape.ContentWords < 15) signals.Add((NearEmpty, $"near-empty ({shape.ContentWords} content words)"));
        else if (shape.ContentWords < 40) signals.Add((Short, $"short ({shape.ContentWords} content words)"));
        else if (shape.ContentWords >= 150) signals.Add((Long, "long"));
        if (web > 0) signals.Add((PerWebShare * web, string.Create(CultureInfo.InvariantCulture, $"web/page words {web:P0}")));
        if (reader > 0) signals.Add((PerReaderShare * reader, string.Create(CultureInfo.InvariantCulture, $"addresses the reader {reader:P0}")));
        if (furniture > 0) signals.Add((PerFurnitureShare * furniture, string.Create(CultureInfo.InvariantCulture, $"furniture lines {furniture:P0}")));
        if (shape.Sentences >= 4 && shape.Words / (double)shape.Sentences is >= 10 and <= 40) signals.Add((Prose, "prose"));
        if (openingRepeated) signals.Add((RepeatedOpening, "opening repeated across unrelated documents"));
        double score = Bias + signals.Sum(s => s.Weight);
        if (score <= 0) return null;
        // Name the signals that pushed it over, strongest first.
        return string.Join("; ", signals.Where(s => s.Weight > 0.3).OrderByDescending(s => s.Weight).ThenBy(s => s.Reason, StringComparer.Ordinal).Select(s => s.Reason))
            + string.Create(CultureInfo.InvariantCulture, $" (score {score:0.0})");
    }
}
