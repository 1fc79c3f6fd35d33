using System.Text;
using System.Text.RegularExpressions;

namespace Precis.Ingest;

/// <summary>
/// Reduces Markdown to plain paragraphs (separated by blank lines) and takes a leading level-1 heading as the headline.
/// Block rules follow CommonMark 0.31 loosely: §4.2 ATX headings, §4.3 setext headings, §4.1 thematic breaks,
/// §4.5 fenced code, §4.7 link reference definitions, §5.1 block quotes, §5.2 list items; inline markup
/// (emphasis, code spans, links, images, autolinks, raw HTML, backslash escapes) is reduced to its text.
/// </summary>
internal static partial class MarkdownStripper
{
    public static (string Text, string? Headline) Strip(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var paragraphs = new List<string>();
        var current = new List<string>();
        string? headline = null;
        string? fence = null;

        for (int i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (fence is not null)
            {
                if (line.StartsWith(fence, StringComparison.Ordinal)) { fence = null; Flush(); }
                else current.Add(line);
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                fence = line[..3];
                continue;
            }
            // §5.1 block quotes: strip the markers, keep the text.
            while (line.StartsWith('>')) line = line[1..].TrimStart();
            if (line.Length == 0) { Flush(); continue; }

            // §4.3 setext heading underline under a one-line paragraph.
            if (current.Count == 1 && (SetextH1().IsMatch(line) || SetextH2().IsMatch(line)))
            {
                Heading(current[0], SetextH1().IsMatch(line) ? 1 : 2);
                current.Clear();
                continue;
            }
            if (ThematicBreak().IsMatch(line)) { Flush(); continue; }
            if (AtxHeading().Match(line) is { Success: true } atx)
            {
                Flush();
                Heading(ClosingHashes().Replace(atx.Groups[2].Value, ""), atx.Groups[1].Length);
                continue;
            }
            if (ReferenceDefinition().IsMatch(line)) continue;
            if (ListItem().Match(line) is { Success: true } item)
            {
                Flush();
                line = item.Groups[1].Value;
            }
            current.Add(line);
        }
        Flush();
        return (string.Join("\n\n", paragraphs), headline);

        void Heading(string text, int level)
        {
            var plain = Inline(text);
            if (plain.Length == 0) return;
            // A level-1 heading before any paragraph is the article's headline, which is metadata, not content.
            if (level == 1 && headline is null && paragraphs.Count == 0) headline = plain;
            else paragraphs.Add(plain);
        }

        void Flush()
        {
            if (current.Count == 0) return;
            var text = Inline(string.Join(' ', current));
            if (text.Length > 0) paragraphs.Add(text);
            current.Clear();
        }
    }

    /// <summary>Inline markup reduced to its text.</summary>
    internal static string Inline(string text)
    {
        text = Image().Replace(text, "");
        text = Link().Replace(text, "$1");
        text = ReferenceLink().Replace(text, "$1");
        text = Autolink().Replace(text, "$1");
        text = HtmlTag().Replace(text, "");
        text = CodeSpan().Replace(text, "$2");
        text = Strong().Replace(text, "$2");
        text = Emphasis().Replace(text, "$2");
        text = Strike().Replace(text, "$1");
        text = Escape().Replace(text, "$1");
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"^(#{1,6})(?:[ \t]+(.*))?$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"[ \t]+#+[ \t]*$|^#+$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"^=+$")]
    private static partial Regex SetextH1();

    [GeneratedRegex(@"^-+$")]
    private static partial Regex SetextH2();

    [GeneratedRegex(@"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(`+)(.+?)\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(\*\*|__)(\S(?:.*?\S)?)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(\S(?:.*?\S)?)\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(.+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!>~|])")]
    private static partial Regex Escape();
}
