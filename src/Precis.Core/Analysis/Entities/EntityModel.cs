using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Entities;

public enum EntityKind
{
    /// <summary>Not enough evidence to tell.</summary>
    Other,
    Person,
    Organization,
    Place,
}

/// <summary>One mention of an entity in an article.</summary>
/// <param name="Article">The 1-based article number.</param>
/// <param name="Span">The mention's range in <see cref="Article.Text"/> (possessive 's excluded).</param>
/// <param name="Text">The slice of the article text at <paramref name="Span"/>.</param>
/// <param name="Sentence">0-based index of the sentence it is in.</param>
/// <param name="IsDescription">True for a definite description ("the monitor") resolved to a named entity.</param>
/// <param name="Title">A title written before the name inside its capitalised run ("Foreign Minister"), if any.</param>
public sealed record EntityMention(int Article, TextSpan Span, string Text, int Sentence, bool IsDescription = false, string? Title = null);

/// <summary>How often an entity is mentioned in one article.</summary>
public sealed record EntityArticleCount(int Article, int Mentions);

/// <summary>
/// One entity with all the spellings it goes by in the article set.
/// </summary>
/// <param name="Id">1-based, in order of decreasing independent-source count, then mentions, then name.</param>
/// <param name="Name">The canonical name: the longest full form for people and organisations, the most frequent for places.</param>
/// <param name="Kind">Decided by summing the cues of all mentions.</param>
/// <param name="Aliases">Every distinct surface form, the canonical name first, then ordinal order.</param>
/// <param name="Sources">Independent sources mentioning it: syndication groups count once.</param>
/// <param name="Articles">Mention counts per article, ascending article number.</param>
/// <param name="Mentions">All mentions in article then offset order.</param>
public sealed record EntityGroup(
    int Id,
    string Name,
    EntityKind Kind,
    ImmutableArray<string> Aliases,
    int Sources,
    ImmutableArray<EntityArticleCount> Articles,
    ImmutableArray<EntityMention> Mentions)
{
    public int MentionCount => Mentions.Length;
}

/// <summary>The entity stage's result; read by the quote stage and the renderers.</summary>
public sealed class EntityAnalysis
{
    private readonly Dictionary<(int Article, int Start), EntityGroup> _byMention;
    private readonly Dictionary<int, List<(EntityMention Mention, EntityGroup Group)>> _byArticle;

    public EntityAnalysis(ImmutableArray<EntityGroup> groups)
    {
        Groups = groups;
        _byMention = [];
        _byArticle = [];
        foreach (var g in groups)
        {
            foreach (var m in g.Mentions)
            {
                _byMention[(m.Article, m.Span.Start)] = g;
                if (!_byArticle.TryGetValue(m.Article, out var list)) _byArticle[m.Article] = list = [];
                list.Add((m, g));
            }
        }
        foreach (var list in _byArticle.Values) list.Sort((x, y) => x.Mention.Span.Start.CompareTo(y.Mention.Span.Start));
    }

    public static EntityAnalysis Empty { get; } = new([]);

    public ImmutableArray<EntityGroup> Groups { get; }

    /// <summary>The entity whose mention starts at <paramref name="start"/> in article <paramref name="article"/>.</summary>
    public EntityGroup? GroupAt(int article, int start) => _byMention.GetValueOrDefault((article, start));

    /// <summary>Mentions (descriptions included) of one article lying inside <paramref name="range"/>, in text order.</summary>
    public IEnumerable<(EntityMention Mention, EntityGroup Group)> MentionsIn(int article, TextSpan range)
    {
        if (!_byArticle.TryGetValue(article, out var list)) yield break;
        // binary search for the first mention starting at or after range.Start
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Mention.Span.Start < range.Start) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < list.Count && list[i].Mention.Span.Start < range.End; i++)
        {
            if (range.Contains(list[i].Mention.Span)) yield return list[i];
        }
    }

    /// <summary>All mentions of one article, in text order.</summary>
    public IReadOnlyList<(EntityMention Mention, EntityGroup Group)> MentionsOf(int article) =>
        _byArticle.GetValueOrDefault(article) ?? [];
}
