using System.Text.RegularExpressions;
using Precis.Analysis.Facts;
using Precis.Core.Tests.Fixtures;

namespace Precis.Core.Tests.Analysis.Facts;

/// <summary>The place-name scan tries its pattern only where a lead word starts: it must find what the full scan finds.</summary>
public class LeadWordScanTests
{
    private static List<(int, int, string)> Full(Regex regex, string text) =>
        [.. regex.Matches(text).Select(m => (m.Index, m.Length, m.Groups["name"].Value))];

    private static List<(int, int, string)> Scanned(LeadWordScan scan, string text) =>
        [.. scan.Matches(text).Select(m => (m.Index, m.Length, m.Groups["name"].Value))];

    private static void SameMatches(string text)
    {
        Assert.Equal(Full(ClaimExtractor.BareName, text), Scanned(ClaimExtractor.BareNameScan, text));
        Assert.Equal(Full(ClaimExtractor.BareNameAfterPreposition, text), Scanned(ClaimExtractor.BareNameAfterPrepositionScan, text));
    }

    [Theory]
    [InlineData("Rebels seized the town of Kafr Nabl and held Maarat al-Numan in Idlib Province on Monday.")]
    [InlineData("Fighting went on in Tuesday's rain near The Hague, in Homs, and (in Hama).")]
    [InlineData("The army had again held Ramadi, once again held Falluja; troops were driven out of Sirte.")]
    [InlineData("They stormed into Aleppo but stormed Palmyra; took full control of Raqqa.")]
    [InlineData("Lyon-in Paris, begin Lille, within Nice, in\tMarseille, in  Bordeaux Grand Est")]
    [InlineData("in Zürich; from Łódź; at Æro")]
    [InlineData("Nothing here names a place.")]
    [InlineData("in")]
    [InlineData("in ")]
    [InlineData("at X")]
    public void The_scan_finds_what_the_full_scan_finds(string text) => SameMatches(text);

    [Fact]
    public void The_scan_finds_what_the_full_scan_finds_on_every_example_line()
    {
        var lines = Directory.GetFiles(RepositoryPaths.Examples, "*.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count > 100);
        int found = 0;
        foreach (var line in lines)
        {
            SameMatches(line);
            found += ClaimExtractor.BareName.Matches(line).Count;
        }
        Assert.True(found > 20); // the lines do hold such names
    }

    // Every word written in the pattern's lead alternation, and some that are not, as salad.
    private static readonly string[] Pieces =
    [
        "in", "on", "at", "near", "from", "into", "of", "held", "hold", "holds", "still", "once", "again", "took", "full",
        "control", "were", "now", "back", "been", "driven", "out", "stormed", "through", "seized", "lost", "forced", "to",
        "retreat", "withdrew", "ceded", "Monday", "The", "Homs", "Kafr", "Nabl", "Al-Bab", "Idlib's", "O’Neill", "x", "begin",
        "within", "-", ",", ".", "(", ")", "\"", "'s", "’", "5", "in-", "Ab",
    ];

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void The_scan_finds_what_the_full_scan_finds_on_random_word_salad(int[] picks, bool[] separators)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < (picks?.Length ?? 0); i++)
        {
            sb.Append(Pieces[Math.Abs(picks![i] % Pieces.Length)]);
            bool space = separators is { Length: > 0 } && separators[i % separators.Length];
            sb.Append(space ? " " : i % 3 == 0 ? "" : i % 3 == 1 ? "  " : "\n");
        }
        SameMatches(sb.ToString());
    }

    [Fact]
    public void Lead_words_must_be_single_words()
    {
        Assert.Throws<ArgumentException>(() => new LeadWordScan(["took control"], new Regex(@"\Gx")));
        Assert.Throws<ArgumentException>(() => new LeadWordScan([], new Regex(@"\Gx")));
    }
}
