using System.Globalization;
using System.Text;

namespace Precis.Analysis.Entities;

/// <summary>
/// A spelling-insensitive key for names, so that transliteration and typographic variants of one name meet:
/// "Deir Ezzor" / "Deir al-Zour" / "Deir Al Zor", "Gaddafi" / "Qadhafi" / "al-Qaddafi", "Raqqa" / "Raqa",
/// "Van der Meer" / "Vandermeer".
/// </summary>
/// <remarks>
/// The rules follow the usual romanisation ambiguities of Arabic names (the definite article written al-/el-/Al
/// or assimilated as in "Ez-Zor"/"Ezzor", q/k/g for ق, dh/th/d/z for ذ, doubled letters for shadda, ou/u/oo and
/// ei/ey/ay for long vowels) in the spirit of Soundex-style phonetic keys (Odell and Russell 1918) but keeping vowels
/// as three classes, so that short names stay distinct. Keys compare exactly, or within a small edit distance
/// (<see cref="AreNear"/>) with guards.
/// </remarks>
public static class NameKey
{
    /// <summary>Arabic article spellings that are dropped when they stand alone or before a hyphen.</summary>
    private static readonly string[] ArticlePrefixes = ["al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-", "ash-", "ez-", "es-", "ed-", "er-"];

    /// <summary>The compact key of a whole name: words keyed one by one and joined without separators.</summary>
    public static string Compute(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var word in Words(name)) sb.Append(word);
        return sb.ToString();
    }

    /// <summary>The keys of a name's words, article particles dropped.</summary>
    public static List<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new List<string>();
        foreach (var raw in name.Split([' ', '\u00A0', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Fold(raw);
            // "al-Qaim" → "qaim"; a lone "Al"/"el" is dropped; "Ez-Zor" → "zor"
            foreach (var prefix in ArticlePrefixes)
            {
                if (prefix.EndsWith('-') && word.Length > prefix.Length + 1 && word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    word = word[prefix.Length..];
                    break;
                }
            }
            if (word is "al" or "el") continue;
            word = word.Replace("-", "", StringComparison.Ordinal);
            var key = KeyWord(word);
            if (key.Length > 0) result.Add(key);
        }
        return result;
    }

    /// <summary>Lower case, diacritics removed, apostrophes and dots dropped, dashes folded.</summary>
    private static string Fold(string raw)
    {
        var decomposed = raw.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var f = Text.TextNormalizer.FoldChar(c);
            if (f == '-') { sb.Append('-'); continue; }
            if (char.IsLetterOrDigit(f)) sb.Append(char.ToLowerInvariant(f));
        }
        return sb.ToString();
    }

    private static string KeyWord(string w)
    {
        // An assimilated article fused into the word: "ezzor" (Ez-Zor), "assad" (As-Sad), "arraqqa": a vowel, then
        // a doubled consonant, then at least two more letters. The short word "Assad" keys like "al-Assad".
        if (w.Length >= 5 && IsVowel(w[0]) && !IsVowel(w[1]) && w[1] == w[2]) w = w[2..];
        var sb = new StringBuilder(w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            string mapped;
            switch (c)
            {
                case 'q' or 'k' or 'c' or 'g':
                    mapped = "k";
                    if ((c == 'g' || c == 'k' || c == 'c') && next == 'h') i++; // gh, kh, ch → k
                    break;
                case 'd' or 't' when next == 'h':
                    mapped = "d"; i++; // dh, th → d (ذ/ث)
                    break;
                case 'z':
                    mapped = "d"; // z ~ dh (ذ): "Qadhafi"/"Kazafi"
                    break;
                case 'p': mapped = "b"; break;
                case 'v': mapped = "f"; break;
                case 'y' when i > 0: mapped = "i"; break;
                case 'w' when i > 0: mapped = "u"; break;
                case 'a' or 'e':
                    mapped = (c == 'e' && next is 'i' or 'y') || (c == 'a' && next is 'y' or 'i') ? "e" : "a";
                    if (mapped == "e") i++;
                    else if (c == 'e' && next == 'e') { mapped = "i"; i++; } // "ee" → i ("Meer"/"Mir")
                    break;
                case 'o' or 'u':
                    mapped = "u";
                    if (next is 'o' or 'u') i++; // ou, oo, uu → u
                    break;
                case 'i': mapped = "i"; break;
                case 'h' when i > 0 && !IsVowel(next) && next != '\0':
                    mapped = ""; // a silent h before a consonant ("Rahman" keeps it, "Ahmed" → "Amed")
                    break;
                default: mapped = c.ToString(); break;
            }
            // collapse doubled letters (shadda written or not): "Raqqa" / "Raqa"
            if (mapped.Length == 1 && sb.Length > 0 && sb[^1] == mapped[0]) continue;
            sb.Append(mapped);
        }
        // a final h is silent ("Abdullah" / "Abdulla")
        if (sb.Length > 2 && sb[^1] == 'h') sb.Length--;
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// True when two keys differ by at most one edit (two for keys of 10 or more characters), both are at least
    /// 5 characters long and they start with the same letter. The guards keep short names ("Iran"/"Iraq") apart.
    /// </summary>
    public static bool AreNear(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length < 5 || b.Length < 5 || a[0] != b[0]) return false;
        int max = Math.Min(a.Length, b.Length) >= 10 ? 2 : 1;
        return EditDistance(a, b, max) <= max;
    }

    /// <summary>Levenshtein distance, cut off at <paramref name="max"/> + 1.</summary>
    public static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> prev = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> cur = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            var t = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }
}
