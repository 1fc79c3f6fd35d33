using System.Globalization;
using Precis.Text;

namespace Precis.Clustering;

/// <summary>EXPERIMENT (issue 14, round 12, not kept): WordNet 3.0 synsets of a clustering term (a Porter2 stem), read at
/// first use from the Debian wordnet-base files (/usr/share/wordnet, or PRECIS_WORDNET): for every one-word lemma of
/// index.noun, index.verb and index.adj, its two most frequent senses, gathered under the lemma's stem (at most 6).</summary>
public static class WordNetSynsets
{
    private static readonly Lazy<Dictionary<string, int[]>> s_table = new(Load);

    public static int[] Of(string term) => s_table.Value.GetValueOrDefault(term) ?? [];

    private static Dictionary<string, int[]> Load()
    {
        var dir = Environment.GetEnvironmentVariable("PRECIS_WORDNET") ?? "/usr/share/wordnet";
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        string[] files = ["index.noun", "index.verb", "index.adj"];
        for (int p = 0; p < files.Length; p++)
        {
            var path = Path.Combine(dir, files[p]);
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line[0] == ' ') continue;
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var lemma = f[0];
                if (lemma.Length < 2 || !lemma.All(char.IsAsciiLetterLower)) continue;
                int pointers = int.Parse(f[3], CultureInfo.InvariantCulture);
                int first = 4 + pointers + 2;
                var stem = EnglishStemmer.Stem(lemma);
                if (!lists.TryGetValue(stem, out var list)) lists[stem] = list = [];
                for (int k = first; k < f.Length && k < first + 2; k++)
                {
                    int id = p * 100_000_000 + int.Parse(f[k], CultureInfo.InvariantCulture);
                    if (list.Count < 6 && !list.Contains(id)) list.Add(id);
                }
            }
        }
        return lists.ToDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal);
    }
}
