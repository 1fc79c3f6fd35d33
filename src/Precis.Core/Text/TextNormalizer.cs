namespace Precis.Text;

/// <summary>Folds typographic variants to one form for matching; never used to rewrite article text.</summary>
public static class TextNormalizer
{
    /// <summary>Maps curly quotes, primes and dashes to ASCII; other characters pass through.</summary>
    public static char FoldChar(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        _ => c,
    };
}
