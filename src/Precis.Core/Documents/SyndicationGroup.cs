using System.Collections.Immutable;

namespace Precis.Documents;

/// <summary>
/// Articles that are copies (edited or not) of one story. Downstream, a group counts as one independent source.
/// </summary>
/// <param name="Id">1-based group number; singletons get a group too, so every article has exactly one.</param>
/// <param name="Articles">Article numbers, ascending.</param>
/// <param name="Similarity">The lowest pairwise resemblance estimate that joined the group (1 for singletons).</param>
public sealed record SyndicationGroup(int Id, ImmutableArray<int> Articles, double Similarity)
{
    public bool IsSyndicated => Articles.Length > 1;
}
