using System.Collections.Frozen;
using System.Globalization;
using Precis.Documents;

namespace Precis.Rendering.Html;

/// <summary>What every section reads while rendering one briefing: the model, the options and the anchors it links to.</summary>
public sealed class HtmlBriefingContext
{
    private readonly FrozenDictionary<int, Article> _articles;
    // Per article: sentence text → index of its first sentence with that exact text (for citations of copies).
    private readonly Dictionary<int, Dictionary<string, int>> _sentenceByText = [];

    public HtmlBriefingContext(Briefing briefing, HtmlBriefingOptions options)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(options);
        Briefing = briefing;
        Options = options;
        _articles = briefing.Articles.ToFrozenDictionary(a => a.Number);
    }

    public Briefing Briefing { get; }

    public HtmlBriefingOptions Options { get; }

    public Article? Article(int number) => _articles.GetValueOrDefault(number);

    /// <summary>The element id of an article's full text.</summary>
    public static string ArticleId(int article) => "article-" + article.ToString(CultureInfo.InvariantCulture);

    /// <summary>The element id of one sentence of an article's full text.</summary>
    public static string SentenceId(int article, int sentence) =>
        FormattableString.Invariant($"a{article}-s{sentence}");

    /// <summary>The anchor of the sentence of <paramref name="article"/> containing <paramref name="span"/>'s start, else the article's.</summary>
    public string AnchorOf(int article, TextSpan span)
    {
        if (Article(article) is not { } a) return ArticleId(article);
        foreach (var s in a.Sentences)
        {
            if (span.Start >= s.Span.Start && span.Start < s.Span.End) return SentenceId(article, s.Index);
        }
        return ArticleId(article);
    }

    /// <summary>The anchor of the sentence of <paramref name="article"/> whose text is exactly <paramref name="text"/>, else the article's.</summary>
    public string AnchorOf(int article, string text)
    {
        if (Article(article) is not { } a) return ArticleId(article);
        if (!_sentenceByText.TryGetValue(article, out var map))
        {
            map = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in a.Sentences) map.TryAdd(s.Text, s.Index);
            _sentenceByText[article] = map;
        }
        return map.TryGetValue(text, out var index) ? SentenceId(article, index) : ArticleId(article);
    }

    /// <summary>The earliest time any of these articles became available, when the caller said.</summary>
    public DateTimeOffset? AddedAt(IEnumerable<int> articles)
    {
        if (Options.AddedAt is not { } added) return null;
        DateTimeOffset? first = null;
        foreach (var n in articles)
        {
            if (Article(n) is { } a && added.TryGetValue(a.Id, out var t) && (first is null || t < first)) first = t;
        }
        return first;
    }

    /// <summary>Writes the data-added attribute and the class list (with "new" when after <see cref="HtmlBriefingOptions.NewSince"/>).</summary>
    public void WriteItemAttributes(HtmlWriter html, IEnumerable<int> articles, string? cssClass = null)
    {
        var added = AddedAt(articles);
        var isNew = added is { } t && Options.NewSince is { } since && t > since;
        var classes = isNew ? (cssClass is null ? "new" : cssClass + " new") : cssClass;
        html.Attr("class", classes);
        if (added is { } at) html.Attr("data-added", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>Citation links: <c>[1, 3]</c>, each jumping to the sentence (via <paramref name="anchor"/>) in that article's text.</summary>
    public void WriteCitations(HtmlWriter html, IEnumerable<int> articles, Func<int, string> anchor)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(anchor);
        html.Raw("<span class=\"cites\">");
        bool first = true;
        foreach (var n in articles.Distinct().Order())
        {
            html.Raw(first ? "" : " ");
            first = false;
            var a = Article(n);
            var title = a is null ? null : $"{a.Outlet ?? "unknown outlet"}: {a.Headline ?? a.Id}";
            html.Raw("<a class=\"cite\"").Attr("href", "#" + anchor(n)).Attr("title", title).Raw(">").Raw(n).Raw("</a>");
        }
        html.Raw("</span>");
    }

    /// <summary>"1 independent source" / "3 independent sources".</summary>
    public static string Independent(int count) =>
        count == 1 ? "1 independent source" : count.ToString(CultureInfo.InvariantCulture) + " independent sources";
}
