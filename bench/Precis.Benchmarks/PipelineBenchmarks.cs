using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Benchmarks;

/// <summary>The whole pipeline (parse → furniture → metadata → segmentation → syndication → summary) over generated sets.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private PrecisPipeline _pipeline = null!;
    private SourceDocument[] _sources = [];

    [Params(1, 10, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new PrecisPipelineBuilder().Build();
        _sources = [.. GeneratedArticles.Texts(Articles).Select((t, i) => SourceDocument.PlainText($"generated-{i + 1}.txt", t))];
    }

    [Benchmark]
    public Briefing Brief() => _pipeline.Run(_sources);
}

/// <summary>
/// Deterministic news-shaped articles: a headline, a date line, a caption with a credit, 12–20 paragraphs of
/// 1–3 sentences drawn from a fixed vocabulary, a closing prompt; every fifth article is a cut, lightly edited copy
/// of an earlier one (so syndication has real work to do).
/// </summary>
internal static class GeneratedArticles
{
    private static readonly string[] Nouns =
    [
        "council", "harbour", "ferry", "union", "minister", "port", "warehouse", "police", "residents", "crews",
        "inquiry", "budget", "storm", "river", "bridge", "company", "workers", "court", "mayor", "hospital",
        "election", "school", "market", "airport", "tenants", "fishermen", "engineers", "province", "village", "army",
    ];

    private static readonly string[] Verbs =
    [
        "said", "announced", "denied", "confirmed", "warned", "approved", "rejected", "delayed", "reopened", "closed",
        "reported", "promised", "questioned", "inspected", "evacuated", "repaired", "blocked", "funded", "praised", "criticised",
    ];

    private static readonly string[] Fillers =
    [
        "on Tuesday", "after a long meeting", "according to officials", "in a statement", "earlier this month",
        "despite protests", "for the second time", "near the old quay", "by a narrow margin", "late on Monday",
    ];

    public static List<string> Texts(int count)
    {
        var texts = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            texts.Add(i >= 5 && i % 5 == 0 ? CutCopy(texts[i - 5], i) : Article(i));
        }
        return texts;
    }

    private static string Article(int seed)
    {
        var random = new Random(seed * 7919 + 1);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Cap(Pick(random, Nouns))} {Pick(random, Verbs)} {Pick(random, Fillers)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"March {1 + seed % 28}, 2026 | 9:{10 + seed % 50} AM\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Crews are working near the {Pick(random, Nouns)} on March {1 + seed % 28}, 2026. Photo - Wire\n\n");
        int paragraphs = random.Next(12, 21);
        for (int p = 0; p < paragraphs; p++)
        {
            int sentences = random.Next(1, 4);
            for (int s = 0; s < sentences; s++)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"The {Pick(random, Nouns)} {Pick(random, Verbs)} that the {Pick(random, Nouns)} had {Pick(random, Verbs)} the {Pick(random, Nouns)} {Pick(random, Fillers)}, and {random.Next(2, 500)} {Pick(random, Nouns)} {Pick(random, Verbs)} it {Pick(random, Fillers)}. ");
            }
            sb.Length--;
            sb.Append("\n\n");
        }
        sb.Append("Subscribe to our newsletter for the latest news\n");
        return sb.ToString();
    }

    private static string CutCopy(string original, int seed)
    {
        var paragraphs = original.Split("\n\n");
        var kept = paragraphs.Take(Math.Max(3, paragraphs.Length * 2 / 3)).ToList();
        kept[^1] = kept[^1].Replace(" said ", " told reporters ", StringComparison.Ordinal);
        return string.Join("\n\n", kept) + string.Create(CultureInfo.InvariantCulture, $"\n\n- WIRE {seed}\n");
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
