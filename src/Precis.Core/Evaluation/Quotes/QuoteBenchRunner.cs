using System.Collections.Immutable;
using System.Diagnostics;
using Precis.Analysis.Entities;
using Precis.Analysis.Quotes;
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
                result.Add(new SystemQuote(new QuoteSpan(pieces[0].Start, pieces[^1].End, pieces), SpeakerText(o.Speaker), o.SpeakerSpan));
            }
        }
        return [.. result.OrderBy(q => q.Content.Start).ThenBy(q => q.Content.End)];
    }

    private static string SpeakerText(Speaker speaker) => speaker.Name;

    /// <summary>The bench text as an article: every non-blank line one paragraph.</summary>
    public static Article ToArticle(AttributionArticle bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var text = bench.Text;
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            int s = start, e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) paragraphs.Add(TextSpan.FromBounds(s, e));
            start = i + 1;
        }
        var firstLine = paragraphs.Count > 0 ? paragraphs[0].Slice(text) : null;
        return new Article
        {
            Number = 1,
            Id = bench.Id,
            Origin = bench.Id,
            Text = text,
            Headline = firstLine,
            Outlet = bench.Publisher,
            Paragraphs = paragraphs.ToImmutable(),
        };
    }
}
