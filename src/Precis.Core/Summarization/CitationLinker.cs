using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>Finds, for each chosen sentence, every article that carries it or an equivalent sentence.</summary>
public static class CitationLinker
{
    public static ImmutableArray<SummarySentence> Link(ImmutableArray<Sentence> chosen, ImmutableArray<Article> articles)
    {
        // PRECIS: first version cites exact copies only; the Summarization owner adds equivalence.
        return [.. chosen.Select(s => new SummarySentence(s.Text, s,
            [.. articles.Where(a => a.Number == s.Article || a.Sentences.Any(o => o.Text == s.Text)).Select(a => a.Number)]))];
    }
}
