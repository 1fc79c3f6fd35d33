using System.Text;
using System.Text.RegularExpressions;

namespace Precis.Cleaning;

/// <summary>
/// Reduces a line to the words a reader sees, so furniture rules need not care whether a Markdown or plain-text
/// source wrapped it in emphasis, a heading mark, a bullet or a link.
/// </summary>
internal static partial class Markup
{
    public static string Strip(string line)
    {
        var s = line.Contains('[', StringComparison.Ordinal) ? MarkdownLink().Replace(line, "$1") : line; // the link pattern needs a '['
        int start = 0, end = s.Length;
        while (start < end && IsEdgeMark(s[start])) start++;
        while (end > start && IsEdgeMark(s[end - 1])) end--;
        // tabs become spaces; runs of spaces are kept, since navigation rows are often separated by them
        return s[start..end].Replace('\t', ' ');
    }

    /// <summary>A key for comparing lines across articles: lower case, letters and digits only, single spaces.</summary>
    public static string Key(string core)
    {
        var sb = new StringBuilder(core.Length);
        bool space = false;
        foreach (char c in core)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>True for a line that is only a Markdown image (<c>![alt](src)</c>) or an HTML image tag.</summary>
    public static bool IsImageOnly(string line) =>
        (line.Contains('[', StringComparison.Ordinal) || line.Contains('<', StringComparison.Ordinal)) && ImageOnly().IsMatch(line); // both shapes need '[' or '<'

    // Edge marks: Markdown emphasis/heading/quote marks and list bullets. Not quotes or brackets: those are content.
    private static bool IsEdgeMark(char c) => c is '*' or '_' or '#' or '>' or '•' or '·' or '▪' or '►' or '=' or '~' || char.IsWhiteSpace(c);

    [GeneratedRegex(@"(?<!!)\[([^\]]*)\]\([^)\s]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\s*(!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ImageOnly();
}
