namespace Precis.Text;

/// <summary>English stemmer used for matching words across sentences.</summary>
public static class EnglishStemmer
{
    // PRECIS: placeholder until the Porter stemmer lands; returns the lower-cased word.
    public static string Stem(string word) => word;
}
