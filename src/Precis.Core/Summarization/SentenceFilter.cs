using Precis.Documents;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>
/// Decides which sentences may appear in an extractive summary at all. The rules follow the sentence pruning of
/// Gillick &amp; Favre (2009) and most DUC/TAC systems: drop fragments that read badly out of context.
/// </summary>
internal static class SentenceFilter
{
    /// <summary>
    /// Sentences with fewer word tokens are skipped (Gillick &amp; Favre 2009 drop sentences under 10 words;
    /// 8 keeps the short but complete news sentences of the benchmarks' lower-cased tokenised text).
    /// </summary>
    public const int MinWords = 8;

    // Auxiliaries, copulas and the reporting verbs of news prose: a sentence without any of them and without an
    // -ed/-ing form is almost always a headline, a caption, a dateline or a list item.
    private static readonly HashSet<string> VerbLike = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
        "will", "would", "can", "could", "may", "might", "must", "shall", "should", "'s", "'re", "'ve", "'ll", "'d",
        "said", "says", "say", "told", "tells", "tell", "asked", "asks", "added", "adds", "called", "calls", "went", "goes",
        "came", "comes", "took", "takes", "made", "makes", "gave", "gives", "got", "gets", "found", "finds", "left", "leaves",
        "began", "begins", "won", "wins", "lost", "loses", "saw", "sees", "knew", "knows", "thought", "thinks", "held",
        "holds", "kept", "keeps", "met", "meets", "put", "puts", "set", "sets", "ran", "runs", "led", "leads", "fell",
        "falls", "rose", "rises", "hit", "hits", "killed", "kills", "sent", "sends", "spent", "built", "brought", "bought",
        "sold", "paid", "fled", "struck", "shot", "chose", "drove", "flew", "wrote", "wants", "needs", "seems", "remains",
        "plans", "expects", "includes", "shows", "believes", "appears", "faces", "hopes", "reports", "claims",
    };

    public static bool IsCandidate(Sentence sentence, int wordTokens)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (wordTokens < MinWords) return false;
        var text = sentence.Text.AsSpan().Trim();
        if (!EndsLikeSentence(text, out char terminal)) return false; // headline, caption or truncated fragment
        if (terminal == '?') return false;                           // questions rarely inform
        if (IsQuoteOnly(text)) return false;                          // unattributed quote: who says it is lost
        return HasVerbLikeToken(sentence);
    }

    /// <summary>The text ends with . ! or ? possibly followed by closing quotes or brackets.</summary>
    private static bool EndsLikeSentence(ReadOnlySpan<char> text, out char terminal)
    {
        int i = text.Length - 1;
        while (i >= 0 && (IsClosing(text[i]) || text[i] == ' ')) i--;
        terminal = i >= 0 ? text[i] : '\0';
        return terminal is '.' or '!' or '?';
    }

    private static bool IsClosing(char c) => TextNormalizer.FoldChar(c) is '"' or '\'' or ')' or ']';

    private static bool IsOpening(char c) => TextNormalizer.FoldChar(c) is '"' or '\'';

    /// <summary>Starts with an opening quote and ends with a closing one: the whole sentence is a quotation.</summary>
    private static bool IsQuoteOnly(ReadOnlySpan<char> text) =>
        text.Length > 2 && IsOpening(text[0]) && TextNormalizer.FoldChar(text[^1]) is '"' or '\'';

    private static bool HasVerbLikeToken(Sentence sentence)
    {
        foreach (var t in sentence.Tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            var w = t.Normal;
            if (VerbLike.Contains(w)) return true;
            if (w.Length > 4 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal))) return true;
            if (w.EndsWith("n't", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
