using Precis.Documents;
using Precis.Text;

namespace Precis.Clustering;

/// <summary>One article as the event clusterer sees it: a bag of stemmed content words and an optional date.</summary>
/// <param name="Id">The article's identifier (opaque to the clusterer).</param>
/// <param name="Terms">Stemmed, lower-cased content words with repetitions, in text order.</param>
/// <param name="Date">The publication day when known; events are only matched within a time window of it.</param>
public sealed record ClusterInput(string Id, IReadOnlyList<string> Terms, DateOnly? Date = null);

/// <summary>Turns article text into clustering terms with the pipeline's tokenizer, stemmer and stop-word list.</summary>
public static class ClusterTerms
{
    public static ClusterInput FromText(string id, string? headline, string text, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>(text.Length / 6);
        // A detected headline is often the text's first line: count it once.
        if (!string.IsNullOrEmpty(headline) && !text.Contains(headline, StringComparison.Ordinal)) Add(headline, terms);
        Add(text, terms);
        return new ClusterInput(id, terms, date);
    }

    /// <summary>Uses the tokens the pipeline's segmentation already made (content sentences, furniture excluded)
    /// when there are any, plus the headline; otherwise tokenizes the text.</summary>
    public static ClusterInput FromArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Sentences.IsEmpty) return FromText(article.Id, article.Headline, article.Text, article.Published?.Date);
        var terms = new List<string>(article.Text.Length / 6);
        if (!string.IsNullOrEmpty(article.Headline)) Add(article.Headline, terms);
        foreach (var sentence in article.Sentences)
        {
            foreach (var token in sentence.Tokens) AddToken(token, terms);
        }
        return new ClusterInput(article.Id, terms, article.Published?.Date);
    }

    private static void Add(string text, List<string> terms)
    {
        foreach (var token in Tokenizer.Tokenize(text, new TextSpan(0, text.Length))) AddToken(token, terms);
    }

    private static void AddToken(Token token, List<string> terms)
    {
        // Content words only: stop words and one-letter tokens carry no topic (Salton & Buckley 1988).
        if (token.Kind != TokenKind.Word || token.IsStopWord || token.Normal.Length < 2) return;
        terms.Add(token.Stem);
    }
}
