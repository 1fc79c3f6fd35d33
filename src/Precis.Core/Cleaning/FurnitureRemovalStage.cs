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
        // each article's lines are split once and shared by the boilerplate index and the cleaner
        var lines = context.Articles.Select(a => TextLine.Split(a.Text)).ToArray();
        var boilerplate = BoilerplateIndex.FromLines(lines.Select(l => (IReadOnlyList<TextLine>)l));
        var cleaned = new Article[lines.Length];
        for (int i = 0; i < cleaned.Length; i++) cleaned[i] = FurnitureRemover.Clean(context.Articles[i], lines[i], boilerplate);
        context.Articles = [.. cleaned];
    }
}
