using System.Collections.Immutable;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Text;

/// <summary>Splits every article's content paragraphs into sentences and tokens.</summary>
public sealed class SegmentationStage : IPipelineStage
{
    public string Name => "segmentation";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        context.Articles = [.. context.Articles.Select(Segment)];
    }

    public static Article Segment(Article article)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        for (int p = 0; p < article.Paragraphs.Length; p++)
        {
            foreach (var span in SentenceSegmenter.Split(article.Text, article.Paragraphs[p]))
            {
                var tokens = Tokenizer.Tokenize(article.Text, span);
                sentences.Add(new Sentence(article.Number, sentences.Count, p, span, span.Slice(article.Text), [.. tokens]));
            }
        }
        return article with { Sentences = sentences.ToImmutable() };
    }
}
