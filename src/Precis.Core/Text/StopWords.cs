namespace Precis.Text;

/// <summary>
/// English stop words: function words that carry no topic (articles, pronouns, auxiliaries, prepositions,
/// conjunctions, common adverbs and determiners, contractions), in the spirit of the SMART and Snowball lists,
/// plus the newswire reporting verbs "say", "says", "said" which occur in most news sentences.
/// </summary>
/// <remarks>Matching is case-insensitive; contractions are listed with the ASCII apostrophe that
/// <see cref="TextNormalizer.FoldChar"/> produces.</remarks>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        // articles, determiners, quantifiers
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "some", "any", "all",
        "both", "few", "many", "much", "more", "most", "less", "least", "several", "such", "no", "none", "own", "same",
        "other", "others", "another", "enough", "one", "ones",
        // personal, possessive, reflexive pronouns
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
        "them", "their", "theirs", "themselves",
        // interrogatives and relatives
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whatever", "whoever", "whenever",
        "wherever", "whether", "whereas",
        // indefinite pronouns
        "anybody", "anyone", "anything", "anywhere", "everybody", "everyone", "everything", "everywhere", "nobody",
        "nothing", "nowhere", "somebody", "someone", "something", "somewhere",
        // auxiliaries and modals
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "done", "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would", "ought",
        // prepositions
        "about", "above", "across", "after", "against", "along", "among", "amongst", "around", "as", "at", "before",
        "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "down", "during", "except", "for",
        "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "per",
        "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "until",
        "unto", "up", "upon", "via", "with", "within", "without",
        // conjunctions
        "and", "but", "or", "nor", "so", "yet", "if", "unless", "because", "although", "though", "while", "whilst",
        "once", "whereby", "wherein",
        // adverbs and other function words
        "again", "ago", "almost", "alone", "already", "also", "always", "anyway", "back", "even", "ever", "further",
        "furthermore", "hence", "here", "however", "indeed", "instead", "just", "later", "maybe", "meanwhile",
        "moreover", "namely", "never", "nevertheless", "next", "not", "now", "often", "only", "otherwise", "perhaps",
        "quite", "rather", "really", "sometimes", "still", "then", "there", "thereby", "therefore", "thus", "together",
        "too", "very", "well", "else", "elsewhere", "formerly", "afterwards", "let",
        // contractions
        "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't", "haven't", "isn't", "mustn't",
        "shan't", "shouldn't", "wasn't", "weren't", "won't", "wouldn't", "i'd", "i'll", "i'm", "i've", "you'd",
        "you'll", "you're", "you've", "he'd", "he'll", "he's", "she'd", "she'll", "she's", "it'd", "it'll", "it's",
        "we'd", "we'll", "we're", "we've", "they'd", "they'll", "they're", "they've", "that's", "there's", "here's",
        "what's", "who's", "where's", "when's", "why's", "how's", "let's",
        // newswire reporting verbs
        "say", "says", "said",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of words in the list.</summary>
    public static int Count => Words.Count;

    /// <summary>Whether <paramref name="word"/> (any case) is a stop word.</summary>
    public static bool Contains(string word) => word is not null && Words.Contains(word);

    /// <summary>Whether <paramref name="word"/> (any case) is a stop word; does not allocate.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
