using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>
/// Finds counts in text: digits ("1,500", "3.5 million", "120,000"), number words ("thirty", "twenty-five",
/// "a dozen") and vague magnitudes ("dozens", "hundreds of"), with a qualifier in front ("more than", "at least",
/// "some", "up to"). Years, clock times, days of the month, ordinals and durations are not counts and are skipped.
/// </summary>
public static partial class NumberExtractor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private const string Units = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace { get; }

    [GeneratedRegex(@"(?<![\w.,/:-])((?<q>more\s+than|over|at\s+least|no\s+fewer\s+than|some|about|around|approximately|roughly|nearly|almost|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|at\s+most|an\s+estimated|estimated|at\s+least\s+some)\s+)?" +
        $@"(?<n>\d{{1,3}}(,\d{{3}})+(\.\d+)?|\d+(\.\d+)?|(?<w>({Tens})(-({Units}))?|{Units}|a\s+dozen|a\s+hundred|a\s+thousand)|(?<v>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions))" +
        @"(\s+(?<scale>million|billion|thousand|hundred)(?!s))?(?![\w-]|[.,]\d|:\d|\s*(%|per\s*cent|percent|am\b|pm\b|a\.m\.|p\.m\.))",
        Options)]
    private static partial Regex Number { get; }

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthOrTimeNear { get; }

    [GeneratedRegex(@"^\s*(of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthAfter { get; }

    private const int MonthWindow = 64;

    private static int WindowStart(string slice, int end)
    {
        if (end <= MonthWindow) return 0;
        int from = end - MonthWindow;
        while (from < end && !char.IsWhiteSpace(slice[from - 1])) from++;
        return from;
    }

    private static int WindowEnd(string slice, int start)
    {
        if (slice.Length - start <= MonthWindow) return slice.Length;
        int to = start + MonthWindow;
        while (to > start && !char.IsWhiteSpace(slice[to])) to--;
        return to;
    }

    public static List<Quantity> Extract(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slice = text.Substring(range.Start, range.Length);
        var result = new List<Quantity>();
        if (!MayHoldNumber(slice)) return result;
        foreach (Match m in Number.Matches(slice))
        {
            var n = m.Groups["n"].Value;
            // The month tests look at a few words either side; a window (cut at white space) keeps a sentence with
            // thousands of numbers linear instead of copying and rescanning its whole prefix for each one.
            var before = slice[WindowStart(slice, m.Index)..m.Index];
            var after = slice[(m.Index + m.Length)..WindowEnd(slice, m.Index + m.Length)];
            bool digits = char.IsDigit(n[0]);
            if (digits && !m.Groups["q"].Success && !m.Groups["scale"].Success)
            {
                // Years: 4 digits 1900-2099 without a qualifier.
                if (n.Length == 4 && n[0] is '1' or '2' && (n.StartsWith("19", StringComparison.Ordinal) || n.StartsWith("20", StringComparison.Ordinal))) continue;
            }
            // Days of the month: "March 2", "2 March".
            if (digits && (MonthOrTimeNear.IsMatch(before) || MonthAfter.IsMatch(after))) continue;
            // Ordinal suffixes ("3rd") are excluded by the look-ahead; "the 1990s" likewise.
            double value;
            QuantityQualifier qualifier = QualifierOf(m.Groups["q"].Value);
            double low, high;
            if (m.Groups["v"].Success)
            {
                (low, high) = VagueRange(m.Groups["v"].Value);
                value = low;
                qualifier = qualifier == QuantityQualifier.Exact ? QuantityQualifier.Vague : qualifier;
                result.Add(Make(value, low, high, qualifier, m, range.Start));
                continue;
            }
            if (m.Groups["w"].Success) value = WordValue(m.Groups["w"].Value);
            else if (!double.TryParse(n.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) continue;
            if (m.Groups["scale"].Success)
            {
                value *= m.Groups["scale"].Value.ToLowerInvariant() switch { "million" => 1e6, "billion" => 1e9, "thousand" => 1e3, _ => 1e2 };
            }
            (low, high) = Bounds(value, qualifier);
            result.Add(Make(value, low, high, qualifier, m, range.Start));
        }
        return result;
    }

    // Every count holds a digit or one of these words; most sentences hold neither, so this probe skips the pattern,
    // whose optional leading qualifier makes it try almost every position. The words are matched ignoring case
    // like the pattern; text with non-ASCII letters always runs the pattern, as the pattern's case folding there
    // is not the same as ordinal ignore-case's, and \d matches any Unicode digit.
    private static readonly SearchValues<string> NumberWords = SearchValues.Create(
        [.. Units.Split('|'), .. Tens.Split('|'), "dozen", "hundred", "thousand", "score", "million"], StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldNumber(ReadOnlySpan<char> s) =>
        s.ContainsAnyInRange('0', '9') || s.IndexOfAnyExceptInRange('\0', '\u007f') >= 0 || NumberWordAtWordStart(s);

    // The pattern's number words start a word (its look-behind, or the white space after a qualifier, comes before
    // them), so "often", "someone" or "tension" need not run it.
    private static bool NumberWordAtWordStart(ReadOnlySpan<char> s)
    {
        int from = 0;
        while (from < s.Length)
        {
            int i = s[from..].IndexOfAny(NumberWords);
            if (i < 0) return false;
            i += from;
            if (i == 0 || !char.IsLetterOrDigit(s[i - 1])) return true;
            from = i + 1;
        }
        return false;
    }

    private static Quantity Make(double value, double low, double high, QuantityQualifier q, Match m, int offset) =>
        new(value, low, high, q, m.Value, new TextSpan(offset + m.Index, m.Length));

    /// <summary>
    /// The interval a qualified number allows. "about"/"some"/"an estimated" are read as ±10% (a common reading of
    /// approximators in numerical-claim checking, e.g. Ravichander et al. 2019 on quantitative NLI); "nearly" as up
    /// to 15% below; "more than" as strictly above.
    /// </summary>
    internal static (double Low, double High) Bounds(double v, QuantityQualifier q) => q switch
    {
        QuantityQualifier.AtLeast => (v, double.PositiveInfinity),
        QuantityQualifier.MoreThan => (v + (v >= 1 ? 1 : v * 0.001), double.PositiveInfinity),
        QuantityQualifier.About => (v * 0.9, v * 1.1),
        QuantityQualifier.Nearly => (v * 0.85, v),
        QuantityQualifier.UpTo => (0, v),
        QuantityQualifier.FewerThan => (0, v - (v >= 1 ? 1 : v * 0.001)),
        _ => (v, v),
    };

    private static QuantityQualifier QualifierOf(string q)
    {
        var k = Whitespace.Replace(q.ToLowerInvariant(), " ");
        return k switch
        {
            "" => QuantityQualifier.Exact,
            "more than" or "over" => QuantityQualifier.MoreThan,
            "at least" or "no fewer than" or "at least some" => QuantityQualifier.AtLeast,
            "some" or "about" or "around" or "approximately" or "roughly" or "an estimated" or "estimated" => QuantityQualifier.About,
            "nearly" or "almost" => QuantityQualifier.Nearly,
            "up to" or "as many as" or "at most" => QuantityQualifier.UpTo,
            "fewer than" or "less than" => QuantityQualifier.FewerThan,
            _ => QuantityQualifier.Exact,
        };
    }

    /// <summary>Vague magnitudes as ranges: "dozens" 24-199 (two dozen up to below "hundreds"), and so on.</summary>
    private static (double, double) VagueRange(string v) => Whitespace.Replace(v.ToLowerInvariant(), " ") switch
    {
        "dozens" => (24, 199),
        "scores" => (40, 199),
        "hundreds" => (200, 1999),
        "thousands" => (2000, 19999),
        "tens of thousands" => (20000, 199999),
        "hundreds of thousands" => (200000, 1999999),
        _ => (2e6, 1e9),
    };

    internal static double WordValue(string w)
    {
        var k = Whitespace.Replace(w.ToLowerInvariant(), " ");
        if (k == "a dozen") return 12;
        if (k == "a hundred") return 100;
        if (k == "a thousand") return 1000;
        string[] units = Units.Split('|');
        string[] tens = Tens.Split('|');
        double total = 0;
        foreach (var part in k.Split('-'))
        {
            int u = Array.IndexOf(units, part);
            if (u >= 0) { total += u; continue; }
            int t = Array.IndexOf(tens, part);
            if (t >= 0) total += 20 + 10 * t;
        }
        return total;
    }
}
