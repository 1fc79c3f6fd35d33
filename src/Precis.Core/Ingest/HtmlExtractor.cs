using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Precis.Documents;

namespace Precis.Ingest;

/// <summary>The main text of an HTML page and the metadata found in it.</summary>
/// <param name="Text">Paragraphs separated by blank lines ("\n\n").</param>
/// <param name="Extraction">Which rule chose the content: "html:articleBody", "html:article", "html:main", "html:density", "html:body".</param>
/// <param name="Repair">Set when the page could not be read as a tree (see <see cref="HtmlExtractor.MaxDepth"/>).</param>
internal sealed record HtmlExtraction(string Text, string Extraction, SourceMetadata Metadata, string? Repair = null);

/// <summary>
/// Extracts an article's main content and metadata from HTML. Hostile input is safe: the parser runs without scripting
/// and without resource loaders (nothing is executed or fetched), scripts, styles, frames and forms are dropped, and
/// every walk over the tree is iterative so deep nesting cannot overflow the stack.
/// </summary>
internal static partial class HtmlExtractor
{
    /// <summary>
    /// Deepest element nesting read as a tree. The HTML tree builder checks "in scope" by scanning the stack of open
    /// elements, so parsing time grows with depth²; Blink caps its parser's DOM depth at 512 for the same reason
    /// (kMaximumHTMLParserDOMTreeDepth). Deeper pages are reduced to text by a flat tag stripper instead.
    /// </summary>
    internal const int MaxDepth = 1024;

    // A standalone parser uses AngleSharp's default configuration: no loaders (no network), no scripting engine.
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    /// <summary>Elements that never hold article text: active content, embedded documents, forms and page chrome.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "canvas",
        "svg", "math", "form", "button", "input", "select", "textarea", "option", "label", "dialog", "menu", "link", "meta",
        "nav", "header", "footer", "aside", "figure", "figcaption", "picture", "video", "audio", "img", "base", "head",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar", "toolbar",
    };

    /// <summary>Elements that start a new paragraph.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "br", "address",
        "details", "summary", "body", "center", "hgroup",
    };

    private const int MinContentChars = 140;

    public static HtmlExtraction Extract(string html)
    {
        if (NestingDepth(html) is var depth and > MaxDepth) return Flat(html, depth);
        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        var metadata = ReadMetadata(document);
        var firstH1 = Descendants(document.DocumentElement).FirstOrDefault(e => e.LocalName == "h1") is { } h1 ? TextOf(h1) : null;

        // Drop everything that cannot be content before choosing the content root.
        var junk = Descendants(document.DocumentElement).Where(IsDropped).ToList();
        foreach (var e in junk) e.Remove();

        var body = document.Body ?? document.DocumentElement;
        var (root, how) = ChooseRoot(body);
        var title = metadata.Title ?? (string.IsNullOrWhiteSpace(firstH1) ? null : firstH1);
        var paragraphs = Paragraphs(root, title);
        return new HtmlExtraction(string.Join("\n\n", paragraphs), how, metadata with { Title = title });
    }

    private static bool IsDropped(IElement e) =>
        Dropped.Contains(e.LocalName)
        || e.HasAttribute("hidden")
        || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (e.GetAttribute("role") is { } role && DroppedRoles.Contains(role));

    // ---- Content root -------------------------------------------------------------------------------------------

    private static (IElement Root, string How) ChooseRoot(IElement body)
    {
        // Semantic markup first (schema.org articleBody, HTML5 article, main): when the page says where its article
        // is, believe it, provided it holds a paragraph's worth of text.
        foreach (var (how, match) in new (string, Func<IElement, bool>)[]
        {
            ("html:articleBody", e => string.Equals(e.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)),
            ("html:article", e => e.LocalName == "article"),
            ("html:main", e => e.LocalName == "main" || string.Equals(e.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)),
        })
        {
            var best = Descendants(body).Where(match).Select(e => (Element: e, Length: TextLength(e))).OrderByDescending(c => c.Length).FirstOrDefault();
            if (best.Element is not null && best.Length >= MinContentChars) return (best.Element, how);
        }
        return DensityRoot(body) is { } dense ? (dense, "html:density") : (body, "html:body");
    }

    /// <summary>
    /// Readability's content scoring (arc90 Readability, as in Mozilla's Readability.js <c>_grabArticle</c>): each
    /// paragraph of at least 25 characters scores 1 + its commas + one point per 100 characters (at most 3); the score
    /// goes to its parent and half of it to its grandparent. A candidate's score is scaled by (1 − link density), so
    /// link lists lose to running text. The best candidate is the content root.
    /// </summary>
    private static IElement? DensityRoot(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var e in Descendants(body))
        {
            if (e.LocalName is not ("p" or "pre" or "td" or "blockquote") && !(e.LocalName == "div" && !HasBlockChild(e))) continue;
            var text = TextOf(e);
            if (text.Length < 25) continue;
            double score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100, 3);
            if (e.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent, BaseScore(parent)) + score;
                if (parent.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand, BaseScore(grand)) + score / 2;
            }
        }
        IElement? best = null;
        double bestScore = double.NegativeInfinity;
        // Order by document position so ties resolve deterministically (Dictionary order is not used).
        foreach (var e in Descendants(body))
        {
            if (!scores.TryGetValue(e, out var s)) continue;
            s *= 1 - LinkDensity(e);
            if (s > bestScore)
            {
                best = e;
                bestScore = s;
            }
        }
        return best is not null && TextLength(best) >= MinContentChars ? best : null;
    }

    private static double BaseScore(IElement e) => e.LocalName switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static bool HasBlockChild(IElement e) => e.Children.Any(c => Blocks.Contains(c.LocalName) && c.LocalName != "br");

    private static int TextLength(IElement e) => TextOf(e).Length;

    private static double LinkDensity(IElement e)
    {
        int total = TextLength(e);
        if (total == 0) return 0;
        int links = Descendants(e).Where(a => a.LocalName == "a").Sum(TextLength);
        return Math.Min(1.0, (double)links / total);
    }

    // ---- Paragraphs ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The root's text as paragraphs: block elements and &lt;br&gt; break paragraphs, whitespace collapses as in CSS
    /// <c>white-space: normal</c>. A paragraph that is mostly link text is navigation, not content: boilerpipe's
    /// shallow text features (Kohlschütter et al., WSDM 2010) separate the two by link density; we drop blocks whose
    /// link density exceeds 0.5. A heading equal to the headline is left out (the headline is metadata).
    /// </summary>
    private static List<string> Paragraphs(IElement root, string? headline)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        int linkChars = 0, linkDepth = 0;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                bool block = Blocks.Contains(element.LocalName);
                bool link = element.LocalName == "a";
                if (exit)
                {
                    if (link) linkDepth--;
                    if (block) Flush();
                    continue;
                }
                if (block) Flush();
                if (link) linkDepth++;
                stack.Push((element, true));
                for (int i = element.ChildNodes.Length - 1; i >= 0; i--) stack.Push((element.ChildNodes[i], false));
            }
            else if (node is IText text)
            {
                int before = current.Length;
                AppendCollapsed(current, text.Data);
                if (linkDepth > 0) linkChars += current.Length - before;
            }
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            var p = current.ToString().Trim();
            if (p.Length > 0 && (double)linkChars / p.Length <= 0.5 && !(headline is not null && string.Equals(p, headline, StringComparison.Ordinal)))
            {
                paragraphs.Add(p);
            }
            current.Clear();
            linkChars = 0;
        }
    }

    private static void AppendCollapsed(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }
    }

    internal static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        AppendCollapsed(sb, text);
        return sb.ToString().Trim();
    }

    /// <summary>The element's text, whitespace collapsed (iterative; AngleSharp's TextContent recurses).</summary>
    private static string TextOf(IElement element) => Collapse(RawText(element));

    private static string RawText(IElement element)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                sb.Append(text.Data);
                continue;
            }
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return sb.ToString();
    }

    /// <summary>Pre-order, iterative (deep nesting must not overflow the stack).</summary>
    private static IEnumerable<IElement> Descendants(IElement? root)
    {
        if (root is null) yield break;
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            // ChildNodes is list-backed; Children is a filtered live view whose indexer is linear (quadratic here).
            var children = e.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child) stack.Push(child);
            }
        }
    }

    // ---- Pathological pages -----------------------------------------------------------------------------------

    private static readonly HashSet<string> VoidOrAutoClosed = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // Often left unclosed in real pages; the tree builder closes them implicitly, so they do not nest.
        "p", "li", "dt", "dd", "option", "tr", "td", "th",
    };

    /// <summary>An upper estimate of element nesting from a linear scan of the tags (no tree is built).</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (int i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            char next = html[i + 1];
            if (next == '/')
            {
                if (depth > 0) depth--;
                continue;
            }
            if (!char.IsAsciiLetter(next)) continue;
            int end = i + 1;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-')) end++;
            int close = html.IndexOf('>', end);
            if (close < 0) break;
            if (VoidOrAutoClosed.Contains(html.AsSpan(i + 1, end - i - 1).ToString()) || html[close - 1] == '/') continue;
            max = Math.Max(max, ++depth);
        }
        return max;
    }

    /// <summary>Text of a page too deep to parse as a tree: active content removed, block tags break paragraphs.</summary>
    private static HtmlExtraction Flat(string html, int depth)
    {
        var text = RemoveActiveContent(html);
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        var paragraphs = text.Split("\n\n").Select(Collapse).Where(p => p.Length > 0);
        return new HtmlExtraction(string.Join("\n\n", paragraphs), "html:flat", SourceMetadata.Empty,
            $"HTML nested about {depth} elements deep (limit {MaxDepth}); read as flat text without page structure");
    }

    private static readonly string[] ActiveElements = ["script", "style", "noscript", "template", "iframe", "svg", "object", "textarea", "title"];

    /// <summary>
    /// Removes comments and active or non-text elements with their content, in one linear pass (a back-referencing
    /// regex rescans the rest of the page for every unclosed tag). An unclosed element runs to the end of the page, as
    /// an unclosed &lt;script&gt; does in the HTML tokenizer.
    /// </summary>
    private static string RemoveActiveContent(string html)
    {
        var sb = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }
            sb.Append(html, i, lt - i);
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                sb.Append(' ');
                continue;
            }
            var name = ActiveElements.FirstOrDefault(n => lt + 1 + n.Length <= html.Length
                && html.AsSpan(lt + 1, n.Length).Equals(n, StringComparison.OrdinalIgnoreCase)
                && (lt + 1 + n.Length == html.Length || !char.IsAsciiLetterOrDigit(html[lt + 1 + n.Length])));
            if (name is null)
            {
                sb.Append('<');
                i = lt + 1;
                continue;
            }
            int close = html.IndexOf("</" + name, lt + 1 + name.Length, StringComparison.OrdinalIgnoreCase);
            if (close < 0) break;
            int gt = html.IndexOf('>', close);
            i = gt < 0 ? html.Length : gt + 1;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"</?(?:p|div|section|article|main|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|br|hr|header|footer|nav|aside)\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BlockTag();

    [System.Text.RegularExpressions.GeneratedRegex(@"<[^>]*>", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnyTag();

    // ---- Metadata -----------------------------------------------------------------------------------------------

    /// <summary>JSON-LD (NewsArticle/Article) first, then Open Graph and other &lt;meta&gt; tags, then &lt;title&gt;.</summary>
    private static SourceMetadata ReadMetadata(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? canonical = null, relAuthor = null;
        var jsonLd = new List<string>();
        foreach (var e in Descendants(document.DocumentElement))
        {
            switch (e.LocalName)
            {
                case "meta":
                    var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                    var content = e.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content)) meta.TryAdd(key.Trim(), Collapse(content));
                    break;
                case "link" when string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                    canonical ??= e.GetAttribute("href");
                    break;
                case "a" when string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase):
                    relAuthor ??= TextOf(e);
                    break;
                case "script" when string.Equals(e.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                    jsonLd.Add(RawText(e));
                    break;
                case "time" when e.GetAttribute("datetime") is { } dt && (e.GetAttribute("itemprop") is "datePublished" || e.HasAttribute("pubdate")):
                    meta.TryAdd("time:datePublished", dt.Trim());
                    break;
            }
        }
        var ld = jsonLd.Select(ReadJsonLd).FirstOrDefault(m => m is not null);

        string? Meta(params string[] keys) => keys.Select(k => meta.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var outlet = ld?.Outlet ?? Meta("og:site_name", "application-name", "twitter:site");
        if (outlet is not null && outlet.StartsWith('@')) outlet = outlet[1..];
        var title = ld?.Title ?? Meta("og:title", "twitter:title", "headline", "dc.title") ?? StripSiteName(document.Title, outlet);
        var authorMeta = Meta("author", "article:author", "byl", "dc.creator", "sailthru.author");
        if (authorMeta is not null && authorMeta.StartsWith("http", StringComparison.OrdinalIgnoreCase)) authorMeta = null;
        if (authorMeta is not null && authorMeta.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) authorMeta = authorMeta[3..].Trim();
        return new SourceMetadata(
            Title: string.IsNullOrWhiteSpace(title) ? null : Collapse(title),
            Outlet: outlet,
            Url: Meta("og:url", "twitter:url") ?? canonical ?? ld?.Url,
            Published: ld?.Published ?? Meta("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "time:datePublished"),
            Byline: ld?.Byline ?? authorMeta ?? (string.IsNullOrWhiteSpace(relAuthor) ? null : relAuthor));
    }

    private static string? StripSiteName(string? title, string? outlet)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = Collapse(title);
        if (outlet is null) return title;
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            if (title.EndsWith(sep + outlet, StringComparison.OrdinalIgnoreCase)) return title[..^(sep.Length + outlet.Length)].Trim();
            if (title.StartsWith(outlet + sep, StringComparison.OrdinalIgnoreCase)) return title[(outlet.Length + sep.Length)..].Trim();
        }
        return title;
    }

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.Ordinal)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting",
    };

    /// <summary>schema.org NewsArticle/Article in JSON-LD: headline, datePublished, author(s), publisher.name, url.</summary>
    private static SourceMetadata? ReadJsonLd(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var pending = new Stack<JsonElement>();
            pending.Push(doc.RootElement);
            int visited = 0;
            while (pending.Count > 0 && visited++ < 1000)
            {
                var e = pending.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    for (int i = e.GetArrayLength() - 1; i >= 0; i--) pending.Push(e[i]);
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object) continue;
                if (e.TryGetProperty("@graph", out var graph)) pending.Push(graph);
                if (!IsArticleType(e)) continue;
                return new SourceMetadata(
                    Title: String(e, "headline") ?? String(e, "name"),
                    Outlet: e.TryGetProperty("publisher", out var pub) ? Name(pub) : null,
                    Url: String(e, "url"),
                    Published: String(e, "datePublished") ?? String(e, "dateCreated"),
                    Byline: e.TryGetProperty("author", out var author) ? Name(author) : null);
            }
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the page's other metadata still counts.
        }
        return null;
    }

    private static bool IsArticleType(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString()!);
        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!));
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? Collapse(v.GetString()!) : null;

    /// <summary>A name from a string, an object with "name", or an array of those (joined with " and ").</summary>
    private static string? Name(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : Collapse(e.GetString()!),
        JsonValueKind.Object => String(e, "name"),
        JsonValueKind.Array => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object ? String(x, "name") : x.ValueKind == JsonValueKind.String ? x.GetString() : null)
            .Where(n => !string.IsNullOrWhiteSpace(n)).ToList() is { Count: > 0 } names ? string.Join(" and ", names) : null,
        _ => null,
    };
}
