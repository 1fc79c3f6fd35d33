using System.Collections.Frozen;
using Precis.Documents;

namespace Precis.Cleaning;

/// <summary>
/// Lines that recur across several articles of one set: site navigation, sign-offs, prompts the rules did not
/// name. Site-level repetition is the oldest boilerplate signal (template detection, Bar-Yossef and Rajagopalan 2002;
/// jusText's "seen on other pages" feature). Syndicated copies also repeat lines, but those are sentences; so only
/// short lines that do not end a sentence count.
/// </summary>
internal sealed class BoilerplateIndex
{
    // A line must appear in this many different articles. Two would flag the shared sentences of any pair of
    // syndicated copies; three sources carrying the same short non-sentence line is a template, not reporting.
    public const int MinArticles = 3;

    // Menus, prompts and sign-offs are short; a heading repeated by three copies of a wire story can be too, which is
    // why headline lines are protected before this rule is applied.
    public const int MaxWords = 10;

    private readonly FrozenSet<string> _repeated;

    private BoilerplateIndex(FrozenSet<string> repeated) => _repeated = repeated;

    public static BoilerplateIndex Empty { get; } = new(FrozenSet<string>.Empty);

    public static BoilerplateIndex Build(IEnumerable<Article> articles) =>
        FromLines(articles.Select(a => (IReadOnlyList<TextLine>)TextLine.Split(a.Text)));

    /// <summary>Builds the index from each article's lines, already split (the stage splits each article once).</summary>
    internal static BoilerplateIndex FromLines(IEnumerable<IReadOnlyList<TextLine>> articleLines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lines in articleLines)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                if (!IsCandidate(line)) continue;
                var key = Markup.Key(line.Core);
                if (key.Length > 0 && seen.Add(key)) counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return new(counts.Where(kv => kv.Value >= MinArticles).Select(kv => kv.Key).ToFrozenSet(StringComparer.Ordinal));
    }

    public int Count => _repeated.Count;

    public bool IsBoilerplate(TextLine line) => IsCandidate(line) && _repeated.Contains(Markup.Key(line.Core));

    private static bool IsCandidate(TextLine line) =>
        line.WordCount is > 0 and <= MaxWords && !FurnitureRules.EndsSentence(line.Core);
}
