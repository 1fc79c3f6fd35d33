using System.Text.RegularExpressions;

namespace Precis.Evaluation;

/// <summary>
/// The Porter stemmer exactly as ROUGE-1.5.5 ships it: Martin Porter's reference rules (Porter 1980,
/// "An algorithm for suffix stripping") in the regular-expression form of his Perl version, with ROUGE's one
/// change to step 4 (Chin-Yew Lin, 2004-02-14): a word ending in -ement is tried against -ement first, then
/// -ment and -ent are tried again on the result. The patterns below are the reference ones (m = measure,
/// [C](VC)^m[V]); .NET and Perl regexes agree on these constructs (leftmost match, ordered alternation).
/// Input: lower-case ASCII letters and digits. Thread-safe.
/// </summary>
internal static partial class RougePorterStemmer
{
    private const string c = "[^aeiou]";          // consonant (y and upper-case Y included)
    private const string v = "[aeiouy]";          // vowel
    private const string C = c + "[^aeiouy]*";    // consonant sequence
    private const string V = v + "[aeiou]*";      // vowel sequence
    private const string Mgr0 = "^(" + C + ")?" + V + C;                 // m > 0
    private const string Meq1 = "^(" + C + ")?" + V + C + "(" + V + ")?$"; // m = 1
    private const string Mgr1 = "^(" + C + ")?" + V + C + V + C;         // m > 1
    private const string VowelInStem = "^(" + C + ")?" + v;
    private const string Cvc = "^" + C + v + "[^aeiouwxy]$";             // *o: short syllable

    [GeneratedRegex(Mgr0, RegexOptions.CultureInvariant)] private static partial Regex MeasureAbove0();
    [GeneratedRegex(Meq1, RegexOptions.CultureInvariant)] private static partial Regex MeasureIs1();
    [GeneratedRegex(Mgr1, RegexOptions.CultureInvariant)] private static partial Regex MeasureAbove1();
    [GeneratedRegex(VowelInStem, RegexOptions.CultureInvariant)] private static partial Regex HasVowel();
    [GeneratedRegex(Cvc, RegexOptions.CultureInvariant)] private static partial Regex ShortSyllable();
    [GeneratedRegex("(ss|i)es$", RegexOptions.CultureInvariant)] private static partial Regex Step1aEs();
    [GeneratedRegex("([^s])s$", RegexOptions.CultureInvariant)] private static partial Regex Step1aS();
    [GeneratedRegex("(at|bl|iz)$", RegexOptions.CultureInvariant)] private static partial Regex Step1bRestoreE();
    [GeneratedRegex("([^aeiouylsz])\\1$", RegexOptions.CultureInvariant)] private static partial Regex Step1bDouble();
    [GeneratedRegex("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$", RegexOptions.CultureInvariant)]
    private static partial Regex Step2Suffix();
    [GeneratedRegex("(icate|ative|alize|iciti|ical|ful|ness)$", RegexOptions.CultureInvariant)] private static partial Regex Step3Suffix();
    [GeneratedRegex("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$", RegexOptions.CultureInvariant)]
    private static partial Regex Step4Suffix();
    [GeneratedRegex("(s|t)(ion)$", RegexOptions.CultureInvariant)] private static partial Regex Step4Ion();

    private static readonly Dictionary<string, string> Step2 = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize", ["bli"] = "ble",
        ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous", ["ization"] = "ize", ["ation"] = "ate",
        ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive", ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al",
        ["iviti"] = "ive", ["biliti"] = "ble", ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3 = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "", ["ness"] = "",
    };

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3) return word;
        string w = word;
        bool initialY = w[0] == 'y';
        // Initial y is a consonant: mark it upper-case so the vowel patterns never see it.
        if (initialY) w = string.Concat("Y", w.AsSpan(1));

        // Step 1a
        Match m;
        if ((m = Step1aEs().Match(w)).Success) w = w[..m.Index] + m.Groups[1].Value;
        else if ((m = Step1aS().Match(w)).Success) w = w[..m.Index] + m.Groups[1].Value;

        // Step 1b
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (MeasureAbove0().IsMatch(w.AsSpan(0, w.Length - 3))) w = w[..^1];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal))
        {
            string stem = w[..^(w.EndsWith("ed", StringComparison.Ordinal) ? 2 : 3)];
            if (HasVowel().IsMatch(stem))
            {
                w = stem;
                if (Step1bRestoreE().IsMatch(w)) w += "e";
                else if (Step1bDouble().IsMatch(w)) w = w[..^1];
                else if (ShortSyllable().IsMatch(w)) w += "e";
            }
        }

        // Step 1c
        if (w.EndsWith('y'))
        {
            string stem = w[..^1];
            if (HasVowel().IsMatch(stem)) w = stem + "i";
        }

        // Step 2
        if ((m = Step2Suffix().Match(w)).Success)
        {
            string stem = w[..m.Index];
            if (MeasureAbove0().IsMatch(stem)) w = stem + Step2[m.Groups[1].Value];
        }

        // Step 3
        if ((m = Step3Suffix().Match(w)).Success)
        {
            string stem = w[..m.Index];
            if (MeasureAbove0().IsMatch(stem)) w = stem + Step3[m.Groups[1].Value];
        }

        // Step 4, with ROUGE's -ement change: three independent tries.
        if ((m = Step4Suffix().Match(w)).Success)
        {
            string stem = w[..m.Index];
            if (MeasureAbove1().IsMatch(stem)) w = stem;
        }
        if (w.EndsWith("ment", StringComparison.Ordinal))
        {
            string stem = w[..^4];
            if (MeasureAbove1().IsMatch(stem)) w = stem;
        }
        if (w.EndsWith("ent", StringComparison.Ordinal))
        {
            string stem = w[..^3];
            if (MeasureAbove1().IsMatch(stem)) w = stem;
        }
        else if ((m = Step4Ion().Match(w)).Success)
        {
            string stem = w[..m.Index] + m.Groups[1].Value;
            if (MeasureAbove1().IsMatch(stem)) w = stem;
        }

        // Step 5
        if (w.EndsWith('e'))
        {
            string stem = w[..^1];
            if (MeasureAbove1().IsMatch(stem) || (MeasureIs1().IsMatch(stem) && !ShortSyllable().IsMatch(stem))) w = stem;
        }
        if (w.EndsWith("ll", StringComparison.Ordinal) && MeasureAbove1().IsMatch(w)) w = w[..^1];

        if (initialY) w = string.Concat("y", w.AsSpan(1));
        return w;
    }
}
