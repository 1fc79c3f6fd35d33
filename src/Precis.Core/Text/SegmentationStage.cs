using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Text;

/// <summary>Splits every article's content paragraphs into sentences and tokens.</summary>
/// <remarks>Each paragraph is segmented on its own, so a line without final punctuation (a headline, a caption
/// kept as content) is one sentence and never runs into the next paragraph.</remarks>
public sealed class SegmentationStage : IPipelineStage
{
    public string Name => "segmentation";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        context.Articles = [.. context.Articles.Select(Segment)];
    }

    public static Article Segment(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var spans = new List<TextSpan>();
        var tokens = new List<Token>();
        for (int p = 0; p < article.Paragraphs.Length; p++)
        {
            spans.Clear();
            SentenceSegmenter.Split(text, article.Paragraphs[p], spans);
            foreach (var span in spans)
            {
                tokens.Clear();
                Tokenizer.Tokenize(text, span, tokens);
                sentences.Add(new Sentence(article.Number, sentences.Count, p, span, span.Slice(text),
                    ImmutableArray.Create<Token>(CollectionsMarshal.AsSpan(tokens))));
            }
        }
        return article with { Sentences = sentences.ToImmutable() };
    }
}
