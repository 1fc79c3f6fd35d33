using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Pipeline;

/// <summary>
/// Puts the articles in an order that depends only on what they say, and numbers them 1.. in that order, so every
/// later tie (which sentence first, which article cites first, which group is 1) is broken by content, never by file
/// name or input position: the same articles under other names, or sent in another order, give the same briefing.
/// The order is by publication time (undated articles last), then by text, headline, outlet and URL; only articles
/// identical in all of these fall back to their id and origin, and those are interchangeable.
/// </summary>
public sealed class CanonicalOrderStage : IPipelineStage
{
    public string Name => "order";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Articles = Order(context.Articles);
    }

    public static ImmutableArray<Article> Order(ImmutableArray<Article> articles)
    {
        var ordered = articles
            .OrderBy(a => a.Published is null ? 1 : 0)
            .ThenBy(a => a.Published?.SortKey ?? DateTime.MaxValue)
            .ThenBy(a => a.Text, StringComparer.Ordinal)
            .ThenBy(a => a.Headline ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.Outlet ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.Url ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ThenBy(a => a.Origin, StringComparer.Ordinal)
            .ToList();
        var result = ImmutableArray.CreateBuilder<Article>(ordered.Count);
        for (int i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            result.Add(a.Number == i + 1 ? a : a with { Number = i + 1 });
        }
        return result.MoveToImmutable();
    }
}
