using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>How a reported number bounds the true value.</summary>
public enum QuantityQualifier
{
    Exact,
    AtLeast,
    MoreThan,
    About,
    Nearly,
    UpTo,
    FewerThan,
    /// <summary>"dozens", "hundreds", "thousands": an order of magnitude, not a number.</summary>
    Vague,
}

/// <summary>
/// A number as reported, with the interval of true values it allows: [<see cref="Low"/>, <see cref="High"/>].
/// </summary>
/// <param name="Value">The number as written ("more than 80" → 80; "3.5 million" → 3,500,000; "hundreds" → 200).</param>
/// <param name="Phrase">The verbatim phrase, qualifier included.</param>
/// <param name="Span">The phrase's range in the article's text.</param>
public sealed record Quantity(double Value, double Low, double High, QuantityQualifier Qualifier, string Phrase, TextSpan Span)
{
    public bool CompatibleWith(Quantity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Low <= other.High && other.Low <= High;
    }
}
