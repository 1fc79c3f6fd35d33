using System.Globalization;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// What relative expressions of one article are resolved against.
/// </summary>
/// <param name="Day">The publication day, when known to the day (stated, or inferred with equal bounds).</param>
/// <param name="Description">How the anchor is named in evidence: "an article published Mon 13 Nov 2017".</param>
/// <param name="ReferenceYear">A year for year-less dates when <paramref name="Day"/> is unknown: the year of the
/// set's dated articles. Null when nothing in the set gives one.</param>
public sealed record DateAnchor(DateOnly? Day, string Description, int? ReferenceYear)
{
    public static DateAnchor None { get; } = new(null, "an undated article", null);

    public static DateAnchor For(PublicationDate? published, int? referenceYear)
    {
        if (published is null) return None with { ReferenceYear = referenceYear };
        if (published.Inferred)
        {
            if (published.NotBefore is { } lo && published.NotAfter is { } hi && lo == hi)
            {
                return new(lo, $"an article inferred to be published {DateFormat.Day(lo)}", lo.Year);
            }
            return new(null, "an article with an inferred, open publication date", referenceYear ?? published.NotBefore?.Year ?? published.NotAfter?.Year);
        }
        if (published.Precision < DatePrecision.Day)
        {
            return new(null, $"an article published {DateFormat.Day(published.Date)} (precision {published.Precision.ToString().ToLowerInvariant()})", published.Date.Year);
        }
        return new(published.Date, $"an article published {DateFormat.Day(published.Date)}", published.Date.Year);
    }
}

/// <summary>Invariant date formatting shared by evidence strings and renderers.</summary>
public static class DateFormat
{
    public static string Day(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A compact human form of a resolved date at its precision.</summary>
    public static string Of(DateResolution r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Precision switch
        {
            DatePrecision.Day or DatePrecision.Minute when r.Start == r.End => Day(r.Date),
            DatePrecision.Year when r.Start.Month == 1 && r.Start.Day == 1 && r.End == new DateOnly(r.Start.Year, 12, 31) =>
                r.Start.Year.ToString(CultureInfo.InvariantCulture),
            DatePrecision.Month when r.Start.Day == 1 && r.End == r.Start.AddMonths(1).AddDays(-1) =>
                r.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            _ => Range(r.Start, r.End),
        };
    }

    public static string Range(DateOnly start, DateOnly end)
    {
        if (start == end) return Day(start);
        if (start.Year == end.Year)
        {
            return start.Month == end.Month
                ? $"{start.Day.ToString(CultureInfo.InvariantCulture)}–{end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
                : $"{start.ToString("d MMM", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        }
        return $"{start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
    }
}
