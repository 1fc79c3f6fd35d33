using System.Text;
using BenchmarkDotNet.Attributes;
using Precis.Documents;
using Precis.Text;

namespace Precis.Benchmarks;

/// <summary>
/// Throughput and allocations of the Text stage on generated newswire-like text (abbreviations, quotes, numbers,
/// hyphens), sized in characters. Run: dotnet run -c Release --project bench/Precis.Benchmarks -- --filter *TextBenchmarks*
/// </summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private static readonly string[] Words =
    [
        "the", "army", "said", "on", "Monday", "that", "rebels", "had", "retreated", "from", "the", "city", "after",
        "heavy", "fighting", "U.S.", "officials", "Gen.", "Hale", "told", "reporters", "in", "a", "statement", "about",
        "1,500", "troops", "and", "3.5", "percent", "of", "self-styled", "militants", "don't", "Hezbollah's",
        "negotiations", "international", "generously", "Jan.", "5", "Mr.", "Ruiz", "committee", "villages", "were",
    ];

    private string _text = "";
    private TextSpan _all;
    private List<TextSpan> _sentences = [];
    private string[] _vocabulary = [];
    private Article _article = null!;

    [Params(2_000, 200_000)]
    public int Characters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var sb = new StringBuilder(Characters + 200);
        var paragraphs = new List<TextSpan>();
        int paragraphStart = 0;
        while (sb.Length < Characters)
        {
            int n = rng.Next(8, 30);
            bool quoted = rng.Next(5) == 0;
            if (quoted) sb.Append('"');
            for (int i = 0; i < n; i++)
            {
                var w = Words[rng.Next(Words.Length)];
                sb.Append(i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(i == n - 1 ? "" : " ");
            }
            sb.Append(quoted ? ",\" he said. " : ". ");
            if (rng.Next(4) == 0)
            {
                paragraphs.Add(TextSpan.FromBounds(paragraphStart, sb.Length - 1));
                sb.Append('\n');
                paragraphStart = sb.Length;
            }
        }
        if (sb.Length > paragraphStart) paragraphs.Add(TextSpan.FromBounds(paragraphStart, sb.Length));
        _text = sb.ToString();
        _all = new TextSpan(0, _text.Length);
        _sentences = SentenceSegmenter.Split(_text, _all);
        _vocabulary = [.. Tokenizer.Tokenize(_text, _all).Where(t => t.Kind == TokenKind.Word).Select(t => t.Normal).Distinct()];
        _article = new Article { Number = 1, Id = "bench", Origin = "generated", Text = _text, Paragraphs = [.. paragraphs] };
    }

    [Benchmark]
    public int Segment() => SentenceSegmenter.Split(_text, _all).Count;

    [Benchmark]
    public int Tokenize()
    {
        int count = 0;
        var tokens = new List<Token>();
        foreach (var s in _sentences)
        {
            tokens.Clear();
            Tokenizer.Tokenize(_text, s, tokens);
            count += tokens.Count;
        }
        return count;
    }

    [Benchmark]
    public int StemVocabulary()
    {
        int length = 0;
        foreach (var w in _vocabulary) length += EnglishStemmer.Stem(w).Length;
        return length;
    }

    [Benchmark]
    public int SegmentationStageArticle() => SegmentationStage.Segment(_article).Sentences.Length;
}
