namespace Precis.Text;

/// <summary>English stop words (function words that carry no topic).</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his",
        "i", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this", "to", "was",
        "were", "which", "will", "with", "would", "who", "not", "been", "said",
    };

    public static bool Contains(string lowerCaseWord) => Words.Contains(lowerCaseWord);
}
