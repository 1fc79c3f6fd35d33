using System.Text.Json;
using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

/// <summary>Runs the segmenter and tokenizer over the real articles in ../shared (never copied into the repository).</summary>
public sealed class SharedCorpusSegmentationTests
{
    private static IEnumerable<(string Id, string Text, List<TextSpan> Paragraphs)> Documents()
    {
        var root = TextSharedData.Root!;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            yield return (Path.GetFileName(file), text, Lines(text));
        }
        foreach (var line in File.ReadLines(Path.Combine(root, "bench", "duc2004.jsonl")))
        {
            using var cluster = JsonDocument.Parse(line);
            foreach (var doc in cluster.RootElement.GetProperty("documents").EnumerateArray())
            {
                var text = doc.GetProperty("text").GetString() ?? "";
                yield return (doc.GetProperty("id").GetString() ?? "?", text, Lines(text));
            }
        }
    }

    private static List<TextSpan> Lines(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (text.AsSpan(start, i - start).Trim().Length > 0) spans.Add(TextSpan.FromBounds(start, i));
            start = i + 1;
        }
        return spans;
    }

    private static int FirstLetter(string text, TextSpan s)
    {
        int k = s.Start;
        while (k < s.End && !char.IsLetterOrDigit(text[k])) k++;
        return k;
    }

    [TextSharedDataFact]
    public void Seed_and_duc_documents_keep_every_contract()
    {
        int documents = 0, sentences = 0, words = 0;
        foreach (var (id, text, paragraphs) in Documents())
        {
            documents++;
            foreach (var paragraph in paragraphs)
            {
                var spans = TextInvariants.Check(text, paragraph);
                sentences += spans.Count;
                for (int n = 0; n < spans.Count; n++)
                {
                    var s = spans[n];
                    int k = FirstLetter(text, s);
                    if (k >= s.End) Assert.Fail($"{id}: sentence {s} has no letter or digit");
                    words += Tokenizer.Tokenize(text, s).Count(t => t.Kind is TokenKind.Word or TokenKind.Number);
                    if (n == 0) continue;
                    if (char.IsLower(text[k])) Assert.Fail($"{id}: sentence {s} starts in lower case after {spans[n - 1]}");
                    var previous = spans[n - 1].Slice(text);
                    if (previous.EndsWith("U.S.", StringComparison.Ordinal) && char.IsLower(text[k])) Assert.Fail($"{id}: split after U.S.");
                }
            }
        }
        if (documents < 505) Assert.Fail($"read {documents} documents");
        // Newswire averages roughly 20-25 words a sentence; far outside that band means systematic over- or
        // under-splitting rather than a few odd sentences.
        double mean = (double)words / sentences;
        Assert.InRange(mean, 15.0, 35.0);
    }

    [TextSharedDataFact]
    public void Titles_in_duc_end_a_sentence_only_before_a_function_word()
    {
        foreach (var (id, text, paragraphs) in Documents())
        {
            foreach (var paragraph in paragraphs)
            {
                var spans = SentenceSegmenter.Split(text, paragraph);
                for (int n = 0; n < spans.Count; n++)
                {
                    var sentence = spans[n].AsSpan(text);
                    foreach (var title in (string[])[" Mr.", " Mrs.", " Ms.", " Dr."])
                    {
                        if (sentence.EndsWith(title, StringComparison.Ordinal)) Assert.Fail($"{id}: sentence {spans[n]} ends with a title");
                    }
                    foreach (var rank in (string[])[" Sen.", " Gen.", " Gov.", " Rep.", " Col."])
                    {
                        if (!sentence.EndsWith(rank, StringComparison.Ordinal) || n + 1 == spans.Count) continue;
                        var next = spans[n + 1].AsSpan(text).TrimStart("`\"'(");
                        int w = 0;
                        while (w < next.Length && char.IsLetter(next[w])) w++;
                        if (!StopWords.Contains(next[..w])) Assert.Fail($"{id}: sentence {spans[n]} ends with a rank before a name");
                    }
                }
            }
        }
    }
}
