using System.Text.Json;
using System.Text.RegularExpressions;
using Precis.Analysis.Entities;
using Xunit.Abstractions;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Entities;

/// <summary>
/// Mention-level precision and recall per entity type on the labelled fictional clusters of <c>examples/entities</c>
/// (issue 11). A truth file lists each entity's type and spellings; every whole-word, case-sensitive occurrence of a
/// spelling in an article body (longest spelling first, the headline line excluded) is one gold mention. A produced
/// mention is right when its span and type both agree. Resolved descriptions ("the monitor") are not names and are not
/// scored.
/// </summary>
public class EntityTruthTests(ITestOutputHelper output)
{
    private static readonly string[] Types = ["person", "organization", "place"];

    private static List<string> Clusters() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "examples", "entities"), "*.truth.json")
            .Select(f => Path.GetFileName(f)[..^".truth.json".Length]).Order(StringComparer.Ordinal)];

    private sealed record Counts(Dictionary<string, int> Gold, Dictionary<string, int> Produced, Dictionary<string, int> Right, int SpanRight);

    private static Counts Measure(string cluster, List<string>? errors = null)
    {
        var folder = Path.Combine(RepositoryRoot, "examples", "entities");
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, cluster + ".truth.json")));
        var spellings = truthDoc.RootElement.GetProperty("entities").EnumerateArray()
            .SelectMany(e => e.GetProperty("variants").EnumerateArray().Select(v => (Text: v.GetString()!, Type: e.GetProperty("type").GetString()!)))
            .OrderByDescending(v => v.Text.Length).ThenBy(v => v.Text, StringComparer.Ordinal).ToList();
        var b = BriefFolder(Path.Combine(folder, cluster));
        var counts = new Counts(Types.ToDictionary(t => t, _ => 0), Types.Append("other").ToDictionary(t => t, _ => 0), Types.ToDictionary(t => t, _ => 0), 0);
        int spanRight = 0;
        foreach (var article in b.Articles)
        {
            var text = article.Text;
            int bodyStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
            var gold = new Dictionary<(int, int), string>();
            var taken = new bool[text.Length];
            foreach (var (spelling, type) in spellings)
            {
                foreach (Match m in Regex.Matches(text, $@"(?<![\w-]){Regex.Escape(spelling)}(?![\w-])"))
                {
                    if (m.Index < bodyStart || taken.AsSpan(m.Index, m.Length).Contains(true)) continue;
                    taken.AsSpan(m.Index, m.Length).Fill(true);
                    gold[(m.Index, m.Index + m.Length)] = type;
                    counts.Gold[type]++;
                }
            }
            foreach (var g in b.Entities)
            {
                var type = g.Kind switch { EntityKind.Person => "person", EntityKind.Organization => "organization", EntityKind.Place => "place", _ => "other" };
                foreach (var m in g.Mentions.Where(m => m.Article == article.Number && !m.IsDescription && m.Span.Start >= bodyStart))
                {
                    counts.Produced[type]++;
                    if (gold.TryGetValue((m.Span.Start, m.Span.End), out var goldType))
                    {
                        spanRight++;
                        if (goldType == type) counts.Right[type]++;
                        else errors?.Add($"{cluster}/{article.Number}: \"{m.Text}\" is {goldType}, produced {type}");
                    }
                    else errors?.Add($"{cluster}/{article.Number}: \"{m.Text}\" ({type}) is no gold mention");
                }
            }
            foreach (var ((s, e), type) in gold)
            {
                if (!b.Entities.Any(g => g.Mentions.Any(m => m.Article == article.Number && m.Span.Start == s && m.Span.End == e)))
                    errors?.Add($"{cluster}/{article.Number}: missed {type} \"{text[s..e]}\"");
            }
        }
        return counts with { SpanRight = spanRight };
    }

    [Fact]
    public void Entity_mentions_meet_the_labelled_truth_per_type()
    {
        var errors = new List<string>();
        var total = new Counts(Types.ToDictionary(t => t, _ => 0), Types.Append("other").ToDictionary(t => t, _ => 0), Types.ToDictionary(t => t, _ => 0), 0);
        int spanRight = 0;
        foreach (var cluster in Clusters())
        {
            var c = Measure(cluster, errors);
            foreach (var t in Types) { total.Gold[t] += c.Gold[t]; total.Right[t] += c.Right[t]; }
            foreach (var t in c.Produced.Keys) total.Produced[t] += c.Produced[t];
            spanRight += c.SpanRight;
        }
        int gold = total.Gold.Values.Sum(), produced = total.Produced.Values.Sum(), right = total.Right.Values.Sum();
        output.WriteLine($"entity truth: {gold} gold mentions, {produced} produced, {spanRight} spans right, {right} spans and types right");
        output.WriteLine("| type | gold | produced | right | P | R | F1 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in Types)
        {
            double p = total.Produced[t] == 0 ? 0 : (double)total.Right[t] / total.Produced[t], r = total.Gold[t] == 0 ? 0 : (double)total.Right[t] / total.Gold[t];
            output.WriteLine(FormattableString.Invariant($"| {t} | {total.Gold[t]} | {total.Produced[t]} | {total.Right[t]} | {p:P1} | {r:P1} | {(p + r == 0 ? 0 : 2 * p * r / (p + r)):P1} |"));
        }
        output.WriteLine($"| other (no type decided) | 0 | {total.Produced["other"]} | 0 | | | |");
        double pAll = (double)right / Math.Max(1, produced), rAll = (double)right / Math.Max(1, gold);
        output.WriteLine(FormattableString.Invariant($"| all | {gold} | {produced} | {right} | {pAll:P1} | {rAll:P1} | {2 * pAll * rAll / Math.Max(1e-9, pAll + rAll):P1} |"));
        foreach (var e in errors) output.WriteLine("  " + e);
        Assert.True(gold >= 100, $"only {gold} gold mentions");
        Assert.True(pAll >= 0.8 && rAll >= 0.8, $"typed mention P {pAll:P1}, R {rAll:P1}");
    }
}
