namespace Precis.Documents;

/// <summary>How precisely a date is known. Ordered from coarsest to finest.</summary>
public enum DatePrecision
{
    Unknown = 0,
    Year = 1,
    Month = 2,
    Week = 3,
    Day = 4,
    Minute = 5,
}
