using System.Collections.Immutable;
using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>Builds segmented articles from hand-written text for the dates, timeline and facts tests.</summary>
internal static class DatesTestArticles
{
    public static Article Make(int number, string text, DateOnly? published, bool inferred = false)
    {
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        int start = 0;
        foreach (var part in text.Split("\n\n"))
        {
            paragraphs.Add(new TextSpan(start, part.Length));
            start += part.Length + 2;
        }
        var article = new Article
        {
            Number = number,
            Id = "a" + number,
            Origin = "test" + number,
            Text = text,
            Published = published is { } d ? new PublicationDate(d, null, DatePrecision.Day, "test", inferred) : null,
            Paragraphs = paragraphs.ToImmutable(),
        };
        return SegmentationStage.Segment(article);
    }
}
