using Precis.Analysis.Facts;
using Precis.Core.Tests.Fixtures;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Facts;

public class NumberExtractorTests
{
    private static Quantity One(string text)
    {
        var all = NumberExtractor.Extract(text, new TextSpan(0, text.Length));
        Assert.True(all.Count == 1, $"expected one quantity in '{text}', found: {string.Join(" | ", all.Select(q => q.Phrase))}");
        return all[0];
    }

    [Theory]
    [InlineData("thirty people were hurt", 30, QuantityQualifier.Exact)]
    [InlineData("twenty-five boats sank", 25, QuantityQualifier.Exact)]
    [InlineData("a dozen crews came", 12, QuantityQualifier.Exact)]
    [InlineData("more than 80 fighters", 80, QuantityQualifier.MoreThan)]
    [InlineData("at least 50 residents", 50, QuantityQualifier.AtLeast)]
    [InlineData("some 400,000 people live there", 400000, QuantityQualifier.About)]
    [InlineData("an estimated 120,000 people", 120000, QuantityQualifier.About)]
    [InlineData("1,500 sailors", 1500, QuantityQualifier.Exact)]
    [InlineData("3.5 million tonnes", 3500000, QuantityQualifier.Exact)]
    [InlineData("up to 40 ships", 40, QuantityQualifier.UpTo)]
    [InlineData("nearly 90 homes", 90, QuantityQualifier.Nearly)]
    public void Numbers_are_normalised_with_their_qualifier(string text, double value, QuantityQualifier qualifier)
    {
        var q = One(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(qualifier, q.Qualifier);
        Assert.True(q.Low <= q.High);
    }

    [Fact]
    public void Hundreds_is_a_vague_magnitude()
    {
        var q = One("hundreds of families fled");
        Assert.Equal(QuantityQualifier.Vague, q.Qualifier);
        Assert.True(q.Low >= 100 && q.High < 10000);
    }

    [Theory]
    [InlineData("The pier opened in 2014.")]
    [InlineData("The fire began at 7 pm.")]
    [InlineData("It happened on March 2 at the dock.")]
    [InlineData("It happened on 2 March at the dock.")]
    [InlineData("Unemployment fell to 5% in the port.")]
    public void Years_times_days_and_percentages_are_not_counts(string text)
    {
        Assert.Empty(NumberExtractor.Extract(text, new TextSpan(0, text.Length)));
    }

    [Theory]
    [InlineData("at least 50", "53", true)]
    [InlineData("more than 80", "80", false)]
    [InlineData("more than 80", "81", true)]
    [InlineData("about 3,000", "3,200", true)]
    [InlineData("two", "three", false)]
    [InlineData("up to 40", "12", true)]
    [InlineData("hundreds", "at least 50", true)]
    public void Compatibility_respects_qualifiers(string a, string b, bool compatible)
    {
        Assert.Equal(compatible, One(a).CompatibleWith(One(b)));
    }

    [FsCheck.Xunit.Property]
    public bool Extraction_never_throws_and_spans_stay_in_bounds(string? text)
    {
        text ??= "";
        var all = NumberExtractor.Extract(text, new TextSpan(0, text.Length));
        return all.All(q => q.Span.Start >= 0 && q.Span.End <= text.Length && q.Low <= q.High && q.Span.Slice(text) == q.Phrase);
    }
}

public class NumberScanStartTests
{
    // The scan for counts starts at NumberExtractor.FirstPossibleStart instead of 0: it must find the same matches.
    private static void SameMatches(string text)
    {
        int from = NumberExtractor.FirstPossibleStart(text);
        Assert.InRange(from, 0, text.Length);
        Assert.Equal(NumberExtractor.AllMatches(text, 0), NumberExtractor.AllMatches(text, from));
    }

    [Theory]
    [InlineData("The agency said no fewer than a dozen boats sank.")]
    [InlineData("Officials said at least\n some 5 people died.")]
    [InlineData("(about 30) were hurt, and often ten more.")]
    [InlineData("Often, as many as   twenty-five boats sank.")]
    [InlineData("In 1998, up to 40 ships; x-5 and A4 and 3rd.")]
    [InlineData("Tens of thousands fled; hundreds of thousands stayed.")]
    [InlineData("an estimated 120,000 people")]
    [InlineData("Nothing counted here at all.")]
    [InlineData("7 at the start")]
    [InlineData("Zürich said about 30 were hurt.")]
    public void The_scan_start_keeps_every_match(string text) => SameMatches(text);

    [Fact]
    public void The_scan_start_keeps_every_match_on_every_example_line()
    {
        var lines = Directory.GetFiles(RepositoryPaths.Examples, "*.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count > 100);
        int skippedSome = 0;
        foreach (var line in lines)
        {
            SameMatches(line);
            if (NumberExtractor.FirstPossibleStart(line) > 0) skippedSome++;
        }
        Assert.True(skippedSome > 10); // the start does move forward on real text
    }

    private static readonly string[] Pieces =
    [
        "more", "than", "over", "at", "least", "no", "fewer", "some", "about", "nearly", "up", "to", "as", "many",
        "an", "estimated", "a", "dozen", "hundred", "thousand", "tens", "of", "thousands", "hundreds", "scores",
        "millions", "million", "one", "twenty", "five", "ten", "often", "x", "1", "25", "1,500", "3.5", "1998", "%",
        "am", "-", ",", ".", "/", ":", "(", ")", "\"", "'", "per", "cent",
    ];

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void The_scan_start_keeps_every_match_on_random_word_salad(int[] picks, bool[] separators)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < (picks?.Length ?? 0); i++)
        {
            sb.Append(Pieces[Math.Abs(picks![i] % Pieces.Length)]);
            bool space = separators is { Length: > 0 } && separators[i % separators.Length];
            sb.Append(space ? " " : i % 3 == 0 ? "" : "  ");
        }
        SameMatches(sb.ToString());
    }
}
