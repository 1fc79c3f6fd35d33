using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>The unit a relative expression counts in.</summary>
internal enum TimeUnit
{
    None,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>
/// A temporal expression as parsed, before resolution. Unset fields are null.
/// <see cref="Modifier"/> is the lower-cased word that changes the meaning ("last", "next", "this", "earlier this",
/// "since", "past", ...); <see cref="Count"/> is the number in "two days ago" / "over the past two years".
/// </summary>
internal sealed record TemporalMention(
    TemporalKind Kind,
    TextSpan Span,
    string Phrase,
    int? Year = null,
    int? Month = null,
    int? Day = null,
    DayOfWeek? Weekday = null,
    int? Count = null,
    TimeUnit Unit = TimeUnit.None,
    string Modifier = "",
    bool DayFirstAmbiguous = false);
