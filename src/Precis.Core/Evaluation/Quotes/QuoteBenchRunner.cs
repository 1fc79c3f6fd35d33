using System.Collections.Immutable;
using System.Diagnostics;
using Precis.Analysis.Entities;
using Precis.Analysis.Quotes;
using Precis.Cleaning;
using Precis.Documents;
using Precis.Text;

namespace Precis.Evaluation.Quotes;

/// <summary>
/// Runs Precis's own stages over one bench article, text unchanged so that offsets agree with the gold: each line a
/// paragraph (the headline included), then segmentation, the entity stage and the quote stage. Direct and partial quotes become
/// system quotes; reported speech is not scored (PolNeAR's indirect attributions are outside the README's sets).
/// </summary>
public sealed class QuoteBenchRunner
{
    /// <summary>Time spent in the entity stage, summed over articles.</summary>
    public TimeSpan EntityTime { get; private set; }

    /// <summary>Time spent in the quote stage (extraction and speaker resolution), summed over articles.</summary>
    public TimeSpan QuoteTime { get; private set; }

    public ImmutableArray<SystemQuote> Run(AttributionArticle bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var article = SegmentationStage.Segment(ToArticle(bench));
        long t0 = Stopwatch.GetTimestamp();
        var entities = EntityExtractor.Extract([article], []);
        long t1 = Stopwatch.GetTimestamp();
        var found = QuoteFinder.Find([article], entities);
        long t2 = Stopwatch.GetTimestamp();
        EntityTime += Stopwatch.GetElapsedTime(t0, t1);
        QuoteTime += Stopwatch.GetElapsedTime(t1, t2);
        var result = ImmutableArray.CreateBuilder<SystemQuote>();
        foreach (var q in found.Quotes)
        {
            if (q.Kind == QuoteKind.Reported) continue;
            foreach (var o in q.Occurrences)
            {
                var pieces = o.Pieces.IsDefaultOrEmpty ? [o.Span] : o.Pieces;
                foreach (var paragraph in ByParagraph(bench.Text, pieces))
                {
                    result.Add(new SystemQuote(new QuoteSpan(paragraph[0].Start, paragraph[^1].End, [.. paragraph]), SpeakerText(o.Speaker), o.SpeakerSpan));
                }
            }
        }
        return [.. result.OrderBy(q => q.Content.Start).ThenBy(q => q.Content.End)];
    }

    private static string SpeakerText(Speaker speaker) => speaker.Name;

    /// <summary>
    /// The pieces of a quote grouped by paragraph. Precis keeps a quotation continued over paragraphs as one quote;
    /// PolNeAR annotates each paragraph of it as an attribution of its own, so each paragraph is written as one
    /// system quote (its pieces within the paragraph as fragments).
    /// </summary>
    private static List<List<TextSpan>> ByParagraph(string text, IEnumerable<TextSpan> pieces)
    {
        var result = new List<List<TextSpan>>();
        bool newParagraph = true;
        int previousEnd = -1;
        foreach (var piece in pieces)
        {
            if (previousEnd >= 0 && text.AsSpan(previousEnd, piece.Start - previousEnd).Contains('\n')) newParagraph = true;
            int start = piece.Start;
            while (start < piece.End)
            {
                int newline = text.IndexOf('\n', start, piece.End - start);
                int end = newline < 0 ? piece.End : newline;
                var segment = TrimSpace(text, TextSpan.FromBounds(start, end));
                if (!segment.IsEmpty)
                {
                    if (newParagraph || result.Count == 0) result.Add([]);
                    result[^1].Add(segment);
                    newParagraph = false;
                }
                if (newline < 0) break;
                newParagraph = true;
                start = newline + 1;
            }
            previousEnd = piece.End;
        }
        return result;
    }

    private static TextSpan TrimSpace(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return TextSpan.FromBounds(s, e);
    }

    /// <summary>The bench text as an article: every non-blank line one paragraph.</summary>
    public static Article ToArticle(AttributionArticle bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var text = bench.Text;
        var paragraphs = TextLine.Split(text).Select(line => line.Span).ToImmutableArray();
        var firstLine = paragraphs.Length > 0 ? paragraphs[0].Slice(text) : null;
        return new Article
        {
            Number = 1,
            Id = bench.Id,
            Origin = bench.Id,
            Text = text,
            Headline = firstLine,
            Outlet = bench.Publisher,
            Paragraphs = paragraphs,
        };
    }
}
