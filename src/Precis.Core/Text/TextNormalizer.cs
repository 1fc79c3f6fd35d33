
namespace Precis.Text;

/// <summary>Folds typographic variants to one form for matching; never used to rewrite article text.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Maps curly quotes, primes, modifier apostrophes, dashes, Unicode spaces and full-width ASCII forms to ASCII
    /// (the compatibility mappings of NFKC that matter for matching news text); other characters pass through.
    /// </summary>
    public static char FoldChar(char c) => c switch
    {
        '`' => '\'',
        < '\u00A0' => c,
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u2035' or '\u00B4' or '\u02BC' or '\u02B9'
            or '\u2039' or '\u203A' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u2036' or '\u00AB' or '\u00BB' or '\u02BA' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2043' or '\uFE58'
            or '\uFE63' => '-',
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        '\uFF02' => '"',
        '\uFF07' => '\'',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>
    /// Characters invisible in running text that may sit inside a word (soft hyphen, zero-width space and joiners,
    /// word joiner, byte-order mark); the tokenizer keeps them in a word's span and drops them from its Normal form.
    /// </summary>
    public static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>
    /// Writes the matching form of <paramref name="raw"/> (folded, lower-cased, ignorable characters dropped) to
    /// <paramref name="destination"/>, which must be at least as long as <paramref name="raw"/>; returns its length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> raw, Span<char> destination)
    {
        int n = 0;
        foreach (char c in raw)
        {
            if (IsIgnorable(c)) continue;
            destination[n++] = char.ToLowerInvariant(FoldChar(c));
        }
        return n;
    }

    /// <summary>The matching form of <paramref name="raw"/> as a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        return new string(buffer[..Normalize(raw, buffer)]);
    }
}
