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

    /// <summary>Inline markup reduced to its text. Linear in the input: links, images and tags go through
    /// non-backtracking regexes; emphasis and code markers are dropped by a character scan (backtracking patterns with
    /// back-references took minutes on hostile lines such as "*a " repeated).</summary>
    internal static string Inline(string text)
    {
        text = Image().Replace(text, "");
        text = Link().Replace(text, "$1");
        text = ReferenceLink().Replace(text, "$1");
        text = Autolink().Replace(text, "$1");
        text = HtmlTag().Replace(text, "");
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char prev = i > 0 ? text[i - 1] : ' ', next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c == '\\' && i + 1 < text.Length && IsEscapable(next))
            {
                sb.Append(next);
                i++;
                continue;
            }
            // Emphasis and code markers: '*' unless it stands alone between spaces ("5 * 3"); '_' only at a word edge
            // (snake_case keeps its underscores); '`' always; '~~' strikethrough.
            if (c == '*' && !(char.IsWhiteSpace(prev) && char.IsWhiteSpace(next))) continue;
            if (c == '_' && !(char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next))) continue;
            if (c == '`') continue;
            if (c == '~' && (next == '~' || prev == '~')) continue;
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Trim();
    }

    private static bool IsEscapable(char c) => "\\`*_{}[]()#+-.!>~|".Contains(c, StringComparison.Ordinal);

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

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]", RegexOptions.NonBacktracking)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.NonBacktracking)]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]", RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>", RegexOptions.NonBacktracking)]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex HtmlTag();

}
