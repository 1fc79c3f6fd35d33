using System.Globalization;
using System.Text;

namespace Precis.Clustering;

/// <summary>
/// Document frequencies of clustering terms in background news text that is not a clustering stream (issue 14, round
/// 12): Timeline17's articles, PolNeAR's and TempEval-3's training text, read through <see cref="ClusterTerms"/>. A
/// stream's own document frequencies say little early on, so a word common in all news ("official", "report") looks as
/// rare as a name in a small stream; the <c>bg_cos</c> feature weighs terms by an idf that adds these counts to the
/// stream's. The table holds word statistics only (term, count; terms in at least <see cref="MinDocuments"/> documents),
/// written by <c>precis bench background</c> into Clustering/Background.tsv and embedded.
/// </summary>
public static class BackgroundFrequencies
{
    /// <summary>Terms in fewer background documents are left out of the table (they read as 0).</summary>
    public const int MinDocuments = 3;

    private static readonly Lazy<(int Documents, Dictionary<string, int> Frequencies)> s_table = new(Load);

    /// <summary>Documents the table was counted over (0 when no table is embedded).</summary>
    public static int Documents => s_table.Value.Documents;

    /// <summary>How many background documents hold <paramref name="term"/> (0 for a term not in the table).</summary>
    public static int Of(string term) => s_table.Value.Frequencies.GetValueOrDefault(term);

    /// <summary>The table's text for <paramref name="texts"/>: a first line <c>documents N</c>, then <c>term df</c> lines
    /// (tab-separated, terms in ordinal order) for terms in at least <see cref="MinDocuments"/> documents.</summary>
    public static string Build(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int documents = 0;
        foreach (var text in texts)
        {
            documents++;
            seen.Clear();
            foreach (var term in ClusterTerms.FromText("", null, text).Terms)
            {
                if (seen.Add(term)) df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"documents\t{documents}\n");
        foreach (var (term, n) in df.Where(x => x.Value >= MinDocuments).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{term}\t{n}\n");
        }
        return sb.ToString();
    }

    private static (int, Dictionary<string, int>) Load()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = typeof(BackgroundFrequencies).Assembly.GetManifestResourceStream("Precis.Clustering.Background.tsv");
        if (stream is null) return (0, table);
        using var reader = new StreamReader(stream);
        int documents = 0;
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            int n = int.Parse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (documents == 0 && line.AsSpan(0, tab).SequenceEqual("documents")) documents = n;
            else table[line[..tab]] = n;
        }
        return (documents, table);
    }
}
