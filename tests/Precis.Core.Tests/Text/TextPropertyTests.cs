using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

/// <summary>A text with a range inside (or partly outside) it, built from adversarial fragments.</summary>
public sealed record TextSample(string Text, TextSpan Range)
{
    public override string ToString()
    {
        var escaped = string.Concat(Text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
        return $"\"{escaped}\" {Range}";
    }
}

public static class TextArbitraries
{
    // Pieces that stress the rules: abbreviations, initials, numbers, quotes in every style, terminators, closers,
    // list markers, URLs, invisible and control characters, surrogate pairs (paired and lone), combining marks.
    private static readonly string[] Fragments =
    [
        "The", "he", "said", "U.S.", "U.K.", "Gen.", "Mr.", "Jan.", "No.", "St.", "Inc.", "J.", "R.", "p.m.", "e.g.",
        "3.5", "1,500", "1,", ",500", "9/11", "10:30", "al-Assad", "don't", "O'Brien", "\u2019s", ".", "..", "...", "\u2026",
        "?", "!", "?!", "\"", "'", "``", "''", "\u201C", "\u201D", "\u2018", "\u2019", "(", ")", "[", "]", "-", "--",
        "\u2013", "\u2014", "\u2022", "*", "1.", "2)", "a.", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00A0",
        "\u2009", "\u00AD", "\u200B", "\uFEFF", "\u0000", "\u0007", "\u001B", "\u007F", "\U0001F600", "\U0001D400",
        "\uD800", "\uDC00", "e\u0301", "\u0645\u062F", "\u4E2D\u6587", "\uFF21", "http://a.example/x?y=1).", "www.b.example.",
        "x@y.example", "@", "&", "AT&T", "$", "%", "Caf\u00E9", "iPhone", "a", "I", "B", "ok", "Then", "it",
    ];

    public static Arbitrary<TextSample> Samples()
    {
        var fragment = Gen.Elements(Fragments);
        var anyChar = Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString());
        var longWord = Gen.Choose(100, 400).Select(n => new string('w', n));
        var piece = Gen.Frequency((8, fragment), (2, anyChar), (1, longWord));
        var text = Gen.ListOf(piece).Select(parts => string.Concat(parts));
        var sample =
            from t in text
            from a in Gen.Choose(-2, t.Length + 2)
            from b in Gen.Choose(-2, t.Length + 2)
            from whole in Gen.Elements(true, true, false)
            select whole ? new TextSample(t, new TextSpan(0, t.Length))
                : new TextSample(t, TextSpan.FromBounds(Math.Max(0, Math.Min(a, b)), Math.Max(0, Math.Max(a, b))));
        return sample.ToArbitrary();
    }
}

public sealed class TextPropertyTests
{
    [Property(Arbitrary = [typeof(TextArbitraries)], MaxTest = 300)]
    public void Segmenter_and_tokenizer_keep_their_contracts_on_any_text(TextSample sample) =>
        TextInvariants.Check(sample.Text, sample.Range);

    [Property(Arbitrary = [typeof(TextArbitraries)], MaxTest = 200)]
    public void Sentences_after_the_first_never_start_with_lower_case(TextSample sample)
    {
        var sentences = SentenceSegmenter.Split(sample.Text, sample.Range);
        for (int n = 1; n < sentences.Count; n++)
        {
            var s = sentences[n];
            // Only a line break or a bullet may start a sentence that opens with a lower-case letter.
            // A piece cut from an over-long run by the length cap may too: the cap cuts at white space past half its length.
            bool afterBreak = sample.Text.AsSpan(sentences[n - 1].End, s.Start - sentences[n - 1].End).Contains('\n')
                || sample.Text[s.Start] is '\u2022' or '\u25AA' or '\u25CF' or '\u25E6' or '\u2023' or '\u2043'
                || sentences[n - 1].Length > SentenceSegmenter.MaxSentenceChars / 2;
            int k = s.Start;
            while (k < s.End && sample.Text[k] is '"' or '\'' or '`' or '(' or '[' or '{' or '\u201C' or '\u2018') k++;
            if (!afterBreak && k < s.End) Assert.False(char.IsLower(sample.Text[k]), $"sentence {s} starts in lower case");
        }
    }

    [Property(MaxTest = 300)]
    public void Stemmer_never_throws_and_never_lengthens_ascii_words(NonNull<string> input)
    {
        var word = input.Get.ToLowerInvariant();
        var stem = EnglishStemmer.Stem(word);
        Assert.True(stem.Length <= word.Length, $"'{word}' -> '{stem}'");
    }

    [Property(MaxTest = 300)]
    public void Stemmer_keeps_a_prefix_shape_on_letter_words(PositiveInt seed)
    {
        // Random lower-case letter strings, with apostrophes: the stem is never empty and never longer.
        var rng = new Random(seed.Get);
        var chars = new char[rng.Next(1, 30)];
        for (int i = 0; i < chars.Length; i++) chars[i] = rng.Next(12) == 0 ? '\'' : (char)('a' + rng.Next(26));
        var word = new string(chars);
        var stem = EnglishStemmer.Stem(word);
        Assert.True(stem.Length <= word.Length && (word.Trim('\'').Length == 0 || stem.Length > 0), $"'{word}' -> '{stem}'");
    }
}
