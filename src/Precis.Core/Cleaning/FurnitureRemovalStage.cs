using System.Collections.Immutable;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Cleaning;

/// <summary>Splits article text into content paragraphs and removes page furniture.</summary>
public sealed class FurnitureRemovalStage : IPipelineStage
{
    public string Name => "furniture";

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        // PRECIS: first version: every non-blank line is a paragraph; the Cleaning owner adds furniture detection.
        context.Articles = [.. context.Articles.Select(a => a with { Paragraphs = Lines(a.Text) })];
    }

    internal static ImmutableArray<TextSpan> Lines(string text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                int s = start, e = i;
                while (s < e && char.IsWhiteSpace(text[s])) s++;
                while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                if (e > s) spans.Add(TextSpan.FromBounds(s, e));
                start = i + 1;
            }
        }
        return spans.ToImmutable();
    }
}
