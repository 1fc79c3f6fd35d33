using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Cleaning;

/// <summary>
/// Splits article text into content paragraphs and moves page furniture (captions, credits, prompts, stubs,
/// navigation, agency tags, lines repeated across the set) into <see cref="Article.Removed"/>.
/// Headline, byline and date lines stay in the paragraphs: metadata detection consumes them next.
/// </summary>
public sealed class FurnitureRemovalStage : IPipelineStage
{
    public string Name => "furniture";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        var boilerplate = BoilerplateIndex.Build(context.Articles);
        context.Articles = [.. context.Articles.Select(a => FurnitureRemover.Clean(a, boilerplate))];
    }
}
