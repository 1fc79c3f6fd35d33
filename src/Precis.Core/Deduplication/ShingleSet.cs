using Precis.Documents;

namespace Precis.Deduplication;

/// <summary>
/// The set of hashed word k-grams ("shingles", Broder 1997) of an article's content, as a sorted array of distinct
/// 64-bit hashes. Words are the tokens' stems, so inflection changes between edits of one story do not count.
/// </summary>
internal sealed class ShingleSet
{
    private ShingleSet(ulong[] hashes) => Hashes = hashes;

    /// <summary>Distinct shingle hashes, ascending.</summary>
    public ulong[] Hashes { get; }

    public int Count => Hashes.Length;

    public static ShingleSet Empty { get; } = new([]);

    public static ShingleSet Of(Article article, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var words = new List<ulong>(article.Text.Length / 5);
        foreach (var sentence in article.Sentences)
        {
            // the sentence's words (Sentence.Words) without the LINQ iterator
            foreach (var token in sentence.Tokens)
            {
                if (token.Kind is TokenKind.Word or TokenKind.Number) words.Add(Fnv1a(token.Stem));
            }
        }
        return Of(words, size);
    }

    internal static ShingleSet Of(IReadOnlyList<ulong> words, int size)
    {
        if (words.Count < size) return Empty;
        var hashes = new ulong[words.Count - size + 1];
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong h = 14695981039346656037UL;
            for (int j = 0; j < size; j++) h = Mix(h ^ words[i + j]);
            hashes[i] = h;
        }
        Array.Sort(hashes);
        int n = 0;
        for (int i = 0; i < hashes.Length; i++) if (n == 0 || hashes[i] != hashes[n - 1]) hashes[n++] = hashes[i];
        Array.Resize(ref hashes, n);
        return new(hashes);
    }

    /// <summary>|A ∩ B| by merging the two sorted arrays.</summary>
    public int IntersectionCount(ShingleSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ulong[] a = Hashes, b = other.Hashes;
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs and processes (unlike string.GetHashCode).</summary>
    internal static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>SplitMix64's finaliser (Steele et al. 2014): a cheap bijective 64-bit mixer.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
