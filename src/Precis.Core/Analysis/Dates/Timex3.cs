using Precis.Documents;

namespace Precis.Analysis.Dates;

/// <summary>The TimeML TIMEX3 types.</summary>
public static class TimexType
{
    public const string Date = "DATE";
    public const string Time = "TIME";
    public const string Duration = "DURATION";
    public const string Set = "SET";
}

/// <summary>
/// A temporal expression tagged as a TimeML TIMEX3: its extent (TimeML's: without a governing preposition, with
/// modifiers such as "early" or "about"), its <see cref="Type"/> (<see cref="TimexType"/>) and its normalised
/// <see cref="Value"/> (ISO 8601 / TIDES: <c>1998-03-03</c>, <c>1998-W05</c>, <c>1998-Q1</c>, <c>1998-SU</c>,
/// <c>199</c>, <c>P2D</c>, <c>PT5H</c>, <c>PRESENT_REF</c>, <c>1998-03-03T17:00</c>, <c>XXXX-WXX-1</c>).
/// </summary>
/// <param name="Mod">TimeML <c>mod</c>: START, MID, END, APPROX, MORE_THAN, LESS_THAN, or null.</param>
/// <param name="Rule">The family of the rule that found it (for error tables), e.g. "quarter".</param>
public sealed record Timex3(TextSpan Span, string Type, string Value, string? Mod, string Rule);
