namespace Precis.Documents;

/// <summary>
/// When an article was published, as far as the input tells.
/// </summary>
/// <param name="Date">The calendar day (for <see cref="DatePrecision.Month"/> or coarser, the first day of the period).</param>
/// <param name="Time">The local time of day when the input gives one.</param>
/// <param name="Precision">How much of <paramref name="Date"/> and <paramref name="Time"/> is known.</param>
/// <param name="Evidence">Where the date came from, for a reader: the text it was parsed from and the rule that settled any ambiguity.</param>
/// <param name="Inferred">True when the date was not stated but inferred from the content or other articles.</param>
/// <param name="NotBefore">For inferred dates: the earliest possible day.</param>
/// <param name="NotAfter">For inferred dates: the latest possible day.</param>
public sealed record PublicationDate(
    DateOnly Date,
    TimeOnly? Time,
    DatePrecision Precision,
    string Evidence,
    bool Inferred = false,
    DateOnly? NotBefore = null,
    DateOnly? NotAfter = null)
{
    /// <summary>A sortable instant: the date at its time of day, or at midnight when no time is known.</summary>
    public DateTime SortKey => Date.ToDateTime(Time ?? TimeOnly.MinValue);
}
