using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Cleaning;

/// <summary>One non-blank line of an article's text.</summary>
/// <param name="Index">0-based position among the article's non-blank lines.</param>
/// <param name="Span">The line in <see cref="Article.Text"/>, surrounding white space excluded.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Core">The line with light markup (emphasis, heading marks, bullets, Markdown links) removed; what rules read.</param>
/// <param name="BlankBefore">True when one or more blank lines precede it (or it is the first line).</param>
internal sealed record TextLine(int Index, TextSpan Span, string Text, string Core, bool BlankBefore)
{
    public int WordCount { get; } = CountWords(Core);

    /// <summary>The non-blank lines of <paramref name="text"/>, in order.</summary>
    public static ImmutableArray<TextLine> Split(string text)
    {
        var lines = ImmutableArray.CreateBuilder<TextLine>();
        bool blankBefore = true;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            int s = start, e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s)
            {
                var raw = text.Substring(s, e - s);
                lines.Add(new TextLine(lines.Count, TextSpan.FromBounds(s, e), raw, Markup.Strip(raw), blankBefore));
                blankBefore = false;
            }
            else
            {
                blankBefore = true;
            }
            start = i + 1;
        }
        return lines.ToImmutable();
    }

    internal static int CountWords(ReadOnlySpan<char> s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
