
namespace Precis.Text;

/// <summary>
/// The Porter2 ("Snowball English") stemmer, written from M. F. Porter's published description of the algorithm
/// (snowball.tartarus.org/algorithms/english/stemmer.html, the 2006 revision with the 'gener', 'commun' and 'arsen'
/// R1 exceptions and the two exceptional-form lists — the version shipped by NLTK, Lucene and most ports).
/// </summary>
/// <remarks>
/// Input is expected lower-cased (as <see cref="Tokenizer"/>'s Normal form). Words containing anything other than
/// ASCII letters and apostrophes (numbers, hyphenated compounds, non-English letters) are returned unchanged, as are
/// words of one or two letters. Thread-safe and allocation-free except for the result string.
/// </remarks>
public static class EnglishStemmer
{
    // Exceptional forms checked before anything else (the algorithm's "exception1" list).
    private static readonly Dictionary<string, string> Exceptions1 = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl",
        // invariant forms
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos",
        ["bias"] = "bias", ["andes"] = "andes",
    };

    // Words left alone once Step 1a has run (the algorithm's "exception2" list).
    private static readonly string[] Exceptions2 =
        ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    private const int MaxStackWord = 64;

    /// <summary>The Porter2 stem of a lower-case English word.</summary>
    public static string Stem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        if (lowerWord.Length <= 2 || !IsStemmable(lowerWord)) return lowerWord;
        if (Exceptions1.TryGetValue(lowerWord, out var exceptional)) return exceptional;

        Span<char> buffer = lowerWord.Length <= MaxStackWord ? stackalloc char[lowerWord.Length] : new char[lowerWord.Length];
        lowerWord.AsSpan().CopyTo(buffer);
        var w = new Word(buffer);
        w.Run();
        var result = w.Current;
        // Apostrophe-only remains ("''s" loses everything) keep the word rather than yield an empty stem.
        return result.IsEmpty || result.SequenceEqual(lowerWord) ? lowerWord : new string(result);
    }

    private static bool IsStemmable(string word)
    {
        foreach (char c in word)
        {
            if (c is not ((>= 'a' and <= 'z') or '\'')) return false;
        }
        return true;
    }

    /// <summary>Working state: a mutable word (letters 'y' may become the marker 'Y') and its regions R1 and R2.</summary>
    private ref struct Word
    {
        private readonly Span<char> _b;
        private int _len;
        private int _r1;
        private int _r2;

        public Word(Span<char> buffer)
        {
            _b = buffer;
            _len = buffer.Length;
        }

        public readonly ReadOnlySpan<char> Current => _b[.._len];

        public void Run()
        {
            // Prelude: remove an initial apostrophe; mark consonant y (initial, or after a vowel) as Y.
            if (_b[0] == '\'')
            {
                _b[1.._len].CopyTo(_b);
                _len--;
            }
            if (_len <= 2) { Postlude(); return; }
            for (int i = 0; i < _len; i++)
            {
                if (_b[i] == 'y' && (i == 0 || IsVowel(_b[i - 1]))) _b[i] = 'Y';
            }
            MarkRegions();

            Step0();
            Step1a();
            foreach (var e in Exceptions2)
            {
                if (Current.SequenceEqual(e)) { Postlude(); return; }
            }
            Step1b();
            Step1c();
            Step2();
            Step3();
            Step4();
            Step5();
            Postlude();
        }

        private void Postlude()
        {
            for (int i = 0; i < _len; i++)
            {
                if (_b[i] == 'Y') _b[i] = 'y';
            }
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        // R1: the region after the first non-vowel following a vowel; R2: the same rule applied inside R1.
        private void MarkRegions()
        {
            var s = Current;
            if (s.StartsWith("gener") || s.StartsWith("arsen")) _r1 = 5;
            else if (s.StartsWith("commun")) _r1 = 6;
            else _r1 = AfterVowelConsonant(0);
            _r2 = AfterVowelConsonant(_r1);
        }

        private readonly int AfterVowelConsonant(int from)
        {
            int i = from;
            while (i < _len && !IsVowel(_b[i])) i++;
            while (i < _len && IsVowel(_b[i])) i++;
            return i < _len ? i + 1 : _len;
        }

        private readonly bool EndsWith(string suffix) => Current.EndsWith(suffix);

        private readonly bool InR1(int suffixLength) => _len - suffixLength >= _r1;

        private readonly bool InR2(int suffixLength) => _len - suffixLength >= _r2;

        private void Replace(int suffixLength, string replacement)
        {
            _len -= suffixLength;
            // The replacement is never longer than the removed suffix, so the buffer always has room.
            replacement.AsSpan().CopyTo(_b[_len..]);
            _len += replacement.Length;
        }

        private readonly bool HasVowelBefore(int end)
        {
            for (int i = 0; i < end; i++)
            {
                if (IsVowel(_b[i])) return true;
            }
            return false;
        }

        // A short syllable ending at position end (exclusive): non-vowel, vowel, non-vowel other than w, x or Y;
        // or, at the very start of the word, a vowel followed by a non-vowel.
        private readonly bool EndsInShortSyllable(int end)
        {
            if (end >= 3)
            {
                char c = _b[end - 1];
                return !IsVowel(c) && c is not ('w' or 'x' or 'Y') && IsVowel(_b[end - 2]) && !IsVowel(_b[end - 3]);
            }
            return end == 2 && IsVowel(_b[0]) && !IsVowel(_b[1]);
        }

        private readonly bool IsShortWord() => _r1 >= _len && EndsInShortSyllable(_len);

        private void Step0()
        {
            if (EndsWith("'s'")) _len -= 3;
            else if (EndsWith("'s")) _len -= 2;
            else if (EndsWith("'")) _len -= 1;
        }

        private void Step1a()
        {
            if (EndsWith("sses")) { Replace(4, "ss"); return; }
            if (EndsWith("ied") || EndsWith("ies"))
            {
                Replace(3, _len > 4 ? "i" : "ie");
                return;
            }
            if (EndsWith("us") || EndsWith("ss")) return;
            if (EndsWith("s") && HasVowelBefore(_len - 2)) _len--;
        }

        private void Step1b()
        {
            if (EndsWith("eedly")) { if (InR1(5)) Replace(5, "ee"); return; }
            if (EndsWith("eed")) { if (InR1(3)) Replace(3, "ee"); return; }
            int suffix = EndsWith("ingly") ? 5 : EndsWith("edly") ? 4 : EndsWith("ing") ? 3 : EndsWith("ed") ? 2 : 0;
            if (suffix == 0 || !HasVowelBefore(_len - suffix)) return;
            _len -= suffix;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                _b[_len++] = 'e';
            }
            else if (_len >= 2 && _b[_len - 1] == _b[_len - 2] && _b[_len - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                _len--;
            }
            else if (IsShortWord())
            {
                _b[_len++] = 'e';
            }
        }

        private void Step1c()
        {
            if (_len > 2 && _b[_len - 1] is 'y' or 'Y' && !IsVowel(_b[_len - 2])) _b[_len - 1] = 'i';
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            // Ordered so that the longest matching suffix is found first.
            ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
            ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
            ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"),
            ("fulli", "ful"),
            ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
            ("bli", "ble"), ("ogi", "og"), ("li", ""),
        ];

        private void Step2()
        {
            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (!EndsWith(suffix)) continue;
                if (!InR1(suffix.Length)) return;
                if (suffix == "ogi")
                {
                    if (_len >= 4 && _b[_len - 4] == 'l') Replace(3, replacement);
                }
                else if (suffix == "li")
                {
                    if (_len >= 3 && _b[_len - 3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't') _len -= 2;
                }
                else
                {
                    Replace(suffix.Length, replacement);
                }
                return;
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
            ("ical", "ic"), ("ness", ""), ("ful", ""),
        ];

        private void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (!EndsWith(suffix)) continue;
                if (!InR1(suffix.Length)) return;
                if (suffix == "ative" && !InR2(suffix.Length)) return;
                Replace(suffix.Length, replacement);
                return;
            }
        }

        private static readonly string[] Step4Suffixes =
        [
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
            "ion", "al", "er", "ic",
        ];

        private void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix)) continue;
                if (!InR2(suffix.Length)) return;
                if (suffix == "ion")
                {
                    if (_len >= 4 && _b[_len - 4] is 's' or 't') _len -= 3;
                }
                else
                {
                    _len -= suffix.Length;
                }
                return;
            }
        }

        private void Step5()
        {
            if (EndsWith("e"))
            {
                if (InR2(1) || (InR1(1) && !EndsInShortSyllable(_len - 1))) _len--;
            }
            else if (EndsWith("l"))
            {
                if (InR2(1) && _len >= 2 && _b[_len - 2] == 'l') _len--;
            }
        }
    }
}
