using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Orders chosen sentences for reading: by the publication date of their article (undated articles last), then by
/// the article's input position, then by position in the article — the chronological ordering that Barzilay et
/// al. (2002) found readers prefer for news, with position keeping each article's own narrative order.
/// </summary>
internal static class ReadingOrder
{
    public static ImmutableArray<Sentence> Sort(ClusterView view, IEnumerable<SentenceView> chosen) =>
        [.. chosen
            .OrderBy(s => view.Articles[s.ArticleIndex].Published?.SortKey ?? DateTime.MaxValue)
            .ThenBy(s => s.ArticleIndex)
            .ThenBy(s => s.Sentence.Index)
            .Select(s => s.Sentence)];
}
