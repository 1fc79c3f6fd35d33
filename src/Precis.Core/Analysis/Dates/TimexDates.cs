using System.Globalization;
using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>
/// Reads a TIMEX3 value (<see cref="Timex3.Value"/>) as a calendar range for the pipeline: days (with or without a
/// time), ISO weeks, months, quarters, halves, seasons (northern: spring = March–May), years and decades. Values with
/// unknown parts (<c>XXXX-03</c>), durations, sets and vague references (<c>PAST_REF</c>) name no range.
/// </summary>
public static class TimexDates
{
    public static bool TryRange(string value, out DateOnly start, out DateOnly end, out DatePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(value);
        start = end = default;
        precision = DatePrecision.Unknown;
        var v = value;
        int t = v.IndexOf('T', StringComparison.Ordinal);
        if (t == 10) v = v[..10];
        if (v.Length < 3) return false;
        try
        {
            if (v.Length == 3 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int dec))
            {
                if (dec < 1) return false;
                (start, end, precision) = (new DateOnly(dec * 10, 1, 1), new DateOnly(dec * 10 + 9, 12, 31), DatePrecision.Year);
                return true;
            }
            if (v.Length < 4 || !int.TryParse(v.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1) return false;
            if (v.Length == 4)
            {
                (start, end, precision) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), DatePrecision.Year);
                return true;
            }
            if (v[4] != '-') return false;
            var rest = v.AsSpan(5);
            if (rest.Length == 5 && rest[2] == '-' && int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int mo)
                && int.TryParse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            {
                if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
                start = end = new DateOnly(y, mo, d);
                precision = DatePrecision.Day;
                return true;
            }
            if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 12)
            {
                start = new DateOnly(y, m, 1);
                (end, precision) = (start.AddMonths(1).AddDays(-1), DatePrecision.Month);
                return true;
            }
            if (rest.Length == 3 && rest[0] == 'W' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
                && w >= 1 && w <= ISOWeek.GetWeeksInYear(y) && y < 9999)
            {
                start = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
                (end, precision) = (start.AddDays(6), DatePrecision.Week);
                return true;
            }
            if (rest.Length == 2 && rest[0] is 'Q' or 'H' && rest[1] is >= '1' and <= '4')
            {
                int n = rest[1] - '0';
                if (rest[0] == 'H' && n > 2) return false;
                int months = rest[0] == 'Q' ? 3 : 6;
                start = new DateOnly(y, (n - 1) * months + 1, 1);
                (end, precision) = (start.AddMonths(months).AddDays(-1), rest[0] == 'Q' ? DatePrecision.Month : DatePrecision.Year);
                return true;
            }
            int season = rest.ToString() switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 0 };
            if (season > 0 && y < 9999)
            {
                start = new DateOnly(y, season, 1);
                (end, precision) = (start.AddMonths(3).AddDays(-1), DatePrecision.Month);
                return true;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
        return false;
    }
}
