using System.Text.Json;
using System.Text.RegularExpressions;

namespace Precis.Ingest;

/// <summary>
/// Decides how to read an input from its extension and its first bytes, in the spirit of the WHATWG MIME sniffing
/// standard (§7.1 "identifying a resource with an unknown MIME type"): a document that opens with
/// <c>&lt;!doctype html</c> or <c>&lt;html</c> is HTML whatever its name says; otherwise the extension decides, and
/// without one the content does.
/// </summary>
internal static partial class FormatSniffer
{
    public static InputKind Resolve(InputKind? byExtension, string text)
    {
        var head = text.AsSpan().TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Html;
        }
        if (byExtension is { } kind) return kind;
        return Sniff(text);
    }

    public static InputKind Sniff(string text)
    {
        var head = text.AsSpan().TrimStart();
        if (head.IsEmpty) return InputKind.PlainText;
        if (head[0] is '{' or '[')
        {
            if (ParsesAsJson(text)) return InputKind.Json;
            var firstLine = head[..(head.IndexOf('\n') is >= 0 and var nl ? nl : head.Length)].Trim();
            if (firstLine.Length > 1 && firstLine[0] == '{' && ParsesAsJson(firstLine.ToString())) return InputKind.JsonLines;
        }
        var start = head[..Math.Min(head.Length, 1024)];
        if (start[0] == '<' && HtmlTag().IsMatch(start)) return InputKind.Html;
        if (LooksLikeMarkdown(text)) return InputKind.Markdown;
        return InputKind.PlainText;
    }

    private static bool ParsesAsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>An ATX heading on the first line, or a setext underline under it, or several Markdown constructs.</summary>
    private static bool LooksLikeMarkdown(string text)
    {
        int lineIndex = 0, signals = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd();
            if (lineIndex == 0 && line.IsWhiteSpace()) continue;
            if (lineIndex == 0 && AtxHeading().IsMatch(line)) return true;
            if (lineIndex == 1 && line.Length >= 3 && (line.TrimStart('=').IsEmpty || line.TrimStart('-').IsEmpty)) return true;
            if (AtxHeading().IsMatch(line) || MarkdownLink().IsMatch(line) || line.StartsWith("```", StringComparison.Ordinal) || line.Contains("**", StringComparison.Ordinal) || line.Contains("__", StringComparison.Ordinal)) signals++;
            if (signals >= 2) return true;
            if (++lineIndex > 200) break;
        }
        return false;
    }

    [GeneratedRegex(@"^<(head|body|article|main|div|section|p|meta|title|h[1-6]|table|span|a|header|nav)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^#{1,6} \S")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"!?\[[^\]\n]+\]\([^)\s]+\)", RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownLink();
}
