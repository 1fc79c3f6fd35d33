using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

/// <summary>Checks the contracts of the segmenter and the tokenizer on any text.</summary>
internal static class TextInvariants
{
    /// <summary>Segments and tokenizes <paramref name="range"/> of <paramref name="text"/>, asserting every contract.</summary>
    public static List<TextSpan> Check(string text, TextSpan range)
    {
        var sentences = SentenceSegmenter.Split(text, range);
        int start = Math.Clamp(range.Start, 0, text.Length);
        int end = Math.Clamp(range.End, start, text.Length);
        var owner = new int[end - start];
        int previousEnd = start;
        for (int n = 0; n < sentences.Count; n++)
        {
            var s = sentences[n];
            if (s.Length <= 0) Assert.Fail($"empty sentence {s}");
            if (s.Start < previousEnd) Assert.Fail($"sentence {s} overlaps or precedes the one before (ends {previousEnd})");
            if (s.End > end) Assert.Fail($"sentence {s} runs past the range end {end}");
            if (char.IsWhiteSpace(text[s.Start])) Assert.Fail($"sentence {s} starts with white space");
            if (char.IsWhiteSpace(text[s.End - 1])) Assert.Fail($"sentence {s} ends with white space");
            for (int i = s.Start; i < s.End; i++) owner[i - start]++;
            previousEnd = s.End;
            CheckTokens(text, s);
        }
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && owner[i - start] != 1) Assert.Fail($"character {i} (U+{(int)text[i]:X4}) is in {owner[i - start]} sentences");
        }
        return sentences;
    }

    public static void CheckTokens(string text, TextSpan sentence)
    {
        var tokens = Tokenizer.Tokenize(text, sentence);
        var covered = new bool[sentence.Length];
        int previousEnd = sentence.Start;
        foreach (var t in tokens)
        {
            if (t.Span.Length <= 0) Assert.Fail("empty token");
            if (t.Span.Start < previousEnd || t.Span.End > sentence.End) Assert.Fail($"token {t.Span} outside {sentence} or out of order");
            // A pair may only be cut where the caller's range cuts it.
            if (char.IsLowSurrogate(text[t.Span.Start]) && t.Span.Start > sentence.Start && char.IsHighSurrogate(text[t.Span.Start - 1]))
            {
                Assert.Fail($"token {t.Span} starts inside a surrogate pair");
            }
            if (TextNormalizer.Normalize(t.Span.AsSpan(text)) != t.Normal) Assert.Fail($"token {t.Span} normal '{t.Normal}'");
            if ((t.Kind == TokenKind.Word ? EnglishStemmer.Stem(t.Normal) : t.Normal) != t.Stem) Assert.Fail($"token {t.Span} stem '{t.Stem}'");
            if ((t.Kind == TokenKind.Word && StopWords.Contains(t.Normal)) != t.IsStopWord) Assert.Fail($"token {t.Span} stop flag");
            for (int i = t.Span.Start; i < t.Span.End; i++) covered[i - sentence.Start] = true;
            previousEnd = t.Span.End;
        }
        for (int i = sentence.Start; i < sentence.End; i++)
        {
            char c = text[i];
            if (!covered[i - sentence.Start] && !char.IsWhiteSpace(c) && !TextNormalizer.IsIgnorable(c)) Assert.Fail($"character {i} (U+{(int)c:X4}) is in no token");
        }
    }
}
