namespace Precis.Evaluation;

/// <summary>Stop lists for ROUGE's <c>-s</c>.</summary>
public static class RougeStopWords
{
    /// <summary>The stop list used when <see cref="RougeOptions.StopWords"/> is not set.</summary>
    public static IReadOnlySet<string> Default { get; } = new HashSet<string>(StringComparer.Ordinal);

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
