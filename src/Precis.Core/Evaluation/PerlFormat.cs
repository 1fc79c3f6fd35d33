using System.Globalization;
using System.Numerics;

namespace Precis.Evaluation;

/// <summary>
/// Perl's <c>sprintf("%7.5f", x)</c> as ROUGE-1.5.5 uses it to round every score: the exact binary value of the
/// double rounded to 5 decimals, ties to even (glibc printf), then read back as the nearest double (as Perl does
/// when the string is used as a number).
/// </summary>
public static class PerlFormat
{
    private static readonly BigInteger Scale = 100_000;

    /// <summary>The value rounded to 5 decimals, as a count of 1e-5 units.</summary>
    internal static BigInteger Units5(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "not a finite number");
        bool negative = value < 0;
        double abs = Math.Abs(value);
        if (abs == 0) return BigInteger.Zero;
        long bits = BitConverter.DoubleToInt64Bits(abs);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075; // abs = mantissa * 2^exponent
        BigInteger units;
        if (exponent >= 0)
        {
            units = (new BigInteger(mantissa) << exponent) * Scale;
        }
        else
        {
            var numerator = new BigInteger(mantissa) * Scale;
            var denominator = BigInteger.One << -exponent;
            units = BigInteger.DivRem(numerator, denominator, out var remainder);
            int cmp = (remainder << 1).CompareTo(denominator);
            if (cmp > 0 || (cmp == 0 && !units.IsEven)) units += 1;
        }
        return negative ? -units : units;
    }

    /// <summary><c>sprintf("%7.5f", value) + 0</c>.</summary>
    public static double Round5(double value) => (double)Units5(value) / 100_000d;

    /// <summary><c>sprintf("%7.5f", value)</c>.</summary>
    public static string Format5(double value)
    {
        var units = Units5(value);
        var sign = units.Sign < 0 ? "-" : "";
        var abs = BigInteger.Abs(units);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / Scale}.{(int)(abs % Scale):D5}");
        return text.PadLeft(7);
    }
}
