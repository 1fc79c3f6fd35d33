using System.Text.RegularExpressions;

namespace Precis.Analysis.Facts;

/// <summary>
/// The matches of a pattern every match of which starts with one of a known set of words followed by white space
/// ("in Baghdad", "seized the town of ..."), found by trying the pattern only where such a word starts instead of at
/// every character.
/// </summary>
/// <remarks>
/// Gives the same matches as <c>Regex.Matches</c> of the unanchored pattern: the candidates are every position where
/// a set word runs up to white space and no letter or digit comes before it (a superset of the positions where the
/// pattern's leading <c>\b</c> word can start), tried left to right with the pattern anchored by <c>\G</c> (which
/// still sees the text before the candidate, for <c>\b</c> and look-behinds), each after the end of the last match.
/// A pattern whose match can start otherwise must not use this. <c>LeadWordScanTests</c> compare it with the full
/// scan.
/// </remarks>
internal sealed class LeadWordScan
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly int _shortest, _longest;
    private readonly Regex _anchored;

    /// <param name="leadWords">Every word a match can start with (case-sensitive, as the pattern is).</param>
    /// <param name="anchored">The pattern with <c>\G</c> in front.</param>
    public LeadWordScan(IEnumerable<string> leadWords, Regex anchored)
    {
        var words = new HashSet<string>(leadWords, StringComparer.Ordinal);
        if (words.Count == 0 || words.Any(w => w.Length == 0 || w.Any(char.IsWhiteSpace))) throw new ArgumentException("Lead words must be non-empty single words.", nameof(leadWords));
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortest = words.Min(w => w.Length);
        _longest = words.Max(w => w.Length);
        _anchored = anchored;
    }

    public List<Match> Matches(string text)
    {
        var found = new List<Match>();
        int from = 0, i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && char.IsWhiteSpace(text[i])) i++;
            int a = i;
            while (i < n && !char.IsWhiteSpace(text[i])) i++;
            // A lead word ends where this run ends, and white space must follow it.
            if (i >= n) break;
            for (int length = Math.Min(_longest, i - a); length >= _shortest; length--)
            {
                int s = i - length;
                if (s < from || (s > a && char.IsLetterOrDigit(text[s - 1])) || !_words.Contains(text.AsSpan(s, length))) continue;
                var m = _anchored.Match(text, s);
                if (!m.Success) continue;
                found.Add(m);
                from = m.Index + Math.Max(1, m.Length);
            }
        }
        return found;
    }
}
