using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Quotes;

/// <summary>
/// Finds how the articles describe a person: a title inside the name's run ("Foreign Minister Sergei Lavrov"),
/// a pre-modifier ("Observatory chief Rami Abdel Rahman"), an appositive after the name (", a tribal leader in touch
/// with relatives") or before it ("the UN's coordinator for ... in Syria, Ali al-Zaatari,"). Mentions of the same
/// article are searched first, earliest first, then the other articles of the set.
/// </summary>
internal sealed class RoleFinder(IReadOnlyDictionary<int, Article> articles)
{
    private readonly Dictionary<(int, int), string?> _cache = [];

    public string? Find(int article, EntityGroup person)
    {
        if (_cache.TryGetValue((article, person.Id), out var cached)) return cached;
        string? role = null;
        foreach (var m in person.Mentions.Where(m => m.Article == article).Concat(person.Mentions.Where(m => m.Article != article)))
        {
            if (m.IsDescription) continue;
            role = m.Title ?? Around(articles[m.Article], m);
            if (role is not null) break;
        }
        _cache[(article, person.Id)] = role;
        return role;
    }

    internal static string? Around(Article article, EntityMention mention)
    {
        if (mention.Sentence < 0 || mention.Sentence >= article.Sentences.Length) return null;
        var text = article.Text;
        var tokens = article.Sentences[mention.Sentence].Tokens;
        int before = -1, after = tokens.Length;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Span.End <= mention.Span.Start) before = i;
            if (tokens[i].Span.Start >= mention.Span.End) { after = i; break; }
        }
        // pre-modifier: "Observatory chief", "operations director"
        int k = before;
        bool roleNoun = false;
        while (k >= 0)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word) break;
            bool upper = char.IsUpper(text[t.Span.Start]);
            if (EntityCues.PersonRoleNouns.Contains(t.Normal)) roleNoun = true;
            else if (!upper && !(roleNoun && t.Normal is not ("the" or "a" or "an") && !EntityCues.FunctionWords.Contains(t.Normal) && k == before - 1)) break;
            else if (EntityCues.FunctionWords.Contains(t.Normal)) break;
            k--;
        }
        if (roleNoun && k < before) return TextSpan.FromBounds(tokens[k + 1].Span.Start, tokens[before].Span.End).Slice(text);

        // appositive after: ", a spokesman for the Port Calder Fire Service"
        if (after < tokens.Length && tokens[after].Normal == "," && after + 1 < tokens.Length)
        {
            var span = Segment(text, tokens, after + 1, forward: true);
            if (span is { } s && LooksLikeRole(text, tokens, s)) return TextSpan.FromBounds(tokens[s.Start].Span.Start, tokens[s.End].Span.End).Slice(text);
        }
        // appositive before: "the UN's coordinator for ... in Syria, Ali al-Zaatari,"
        if (before >= 0 && tokens[before].Normal == "," && before - 1 >= 0)
        {
            var span = Segment(text, tokens, before - 1, forward: false);
            if (span is { } s && LooksLikeRole(text, tokens, s) && tokens[s.Start].Normal is "the" or "a" or "an" or "its" or "his" or "her")
                return TextSpan.FromBounds(tokens[s.Start].Span.Start, tokens[s.End].Span.End).Slice(text);
        }
        return null;
    }

    private static (int Start, int End)? Segment(string text, System.Collections.Immutable.ImmutableArray<Token> tokens, int from, bool forward)
    {
        int i = from, last = from;
        int step = forward ? 1 : -1;
        for (int n = 0; i >= 0 && i < tokens.Length && n < 16; i += step, n++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation && t.Normal is "," or ";" or ":" or "\"" or "(" or ")" or "'") break;
            if (t.Kind == TokenKind.Punctuation && t.Normal == "." && (i == tokens.Length - 1 || t.Span.End >= text.Length || char.IsWhiteSpace(text[t.Span.End]))) break;
            if (forward && t.Normal is "said" or "says" or "told" or "who" or "which" or "adding" or "saying") break;
            last = i;
        }
        if (forward) return last >= from && tokens[from].Kind == TokenKind.Word ? (from, last) : null;
        return last <= from && tokens[last].Kind == TokenKind.Word ? (last, from) : null;
    }

    private static bool LooksLikeRole(string text, System.Collections.Immutable.ImmutableArray<Token> tokens, (int Start, int End) s)
    {
        for (int i = s.Start; i <= s.End; i++)
        {
            if (EntityCues.PersonRoleNouns.Contains(tokens[i].Normal)) return true;
            if (EntityCues.Titles.Contains(text.Substring(tokens[i].Span.Start, tokens[i].Span.Length))) return true;
        }
        return false;
    }
}
