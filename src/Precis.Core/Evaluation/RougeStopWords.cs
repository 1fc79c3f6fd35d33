namespace Precis.Evaluation;

/// <summary>Stop lists for ROUGE's <c>-s</c>.</summary>
/// <remarks>
/// PRECIS: ROUGE-1.5.5 removes the words of its <c>smart_common_words.txt</c> (the SMART stop list). That file is
/// third-party data and is not shipped here, so <c>-s</c> needs a list from the caller; with ROUGE's own file the
/// behaviour is ROUGE's: each token (lower-cased, punctuation already turned into spaces) is dropped when it equals
/// a line of the file, before the first-character check and before stemming, after the length limit.
/// </remarks>
public static class RougeStopWords
{
    /// <summary>Reads a stop list in the format of ROUGE's <c>smart_common_words.txt</c>: one word per line,
    /// taken as is after removing the line end (ROUGE <c>chomp</c>s each line and matches tokens exactly).</summary>
    public static IReadOnlySet<string> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path)) words.Add(line);
        return words;
    }
}
