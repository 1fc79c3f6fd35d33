using Precis.Analysis.Entities;
using Precis.Pipeline;

namespace Precis.Analysis.Quotes;

/// <summary>Direct and reported quotes with speakers; runs after the entity stage and leaves a <see cref="QuoteAnalysis"/>.</summary>
public sealed class QuoteExtractionStage : IPipelineStage
{
    public string Name => "quotes";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(QuoteFinder.Find(context.Articles, context.Get<EntityAnalysis>() ?? EntityAnalysis.Empty));
    }
}

/// <summary>Runs the quote extractor over an article set and merges the results.</summary>
public static class QuoteFinder
{
    public static QuoteAnalysis Find(IReadOnlyList<Documents.Article> articles, EntityAnalysis entities)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(entities);
        var roles = new RoleFinder(articles.ToDictionary(a => a.Number));
        var found = articles.SelectMany(a => QuoteExtractor.Extract(a, entities, roles));
        return new QuoteAnalysis(QuoteDeduplicator.Merge(found));
    }
}
