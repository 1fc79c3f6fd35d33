using System.Globalization;
using Precis.Core.Tests.Fixtures;
using Precis.Documents;
using Precis.Pipeline;
using Xunit.Abstractions;

namespace Precis.Core.Tests.EndToEnd;

/// <summary>
/// Headline, outlet and publication date the pipeline detects for every example article equal the truth file's
/// values. A date the pipeline only inferred (marked <see cref="PublicationDate.Inferred"/>) does not count as a
/// detected publication date: the truth's "published" is what the page states.
/// </summary>
public class ExampleMetadataTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("harbour-fire")]
    public void Detected_headline_outlet_and_date_match_the_truth_file(string corpus)
    {
        var truth = TruthFile.Load(corpus);
        var briefing = new PrecisPipelineBuilder().Build().Run(CorpusLoader.Sources(Path.Combine(RepositoryPaths.Examples, corpus)));
        var byFile = briefing.Articles.ToDictionary(a => Path.GetFileName(a.Origin), StringComparer.Ordinal);

        int files = 0, headlines = 0, outlets = 0, dated = 0, dates = 0, undated = 0, undatedRight = 0;
        var mismatches = new List<string>();
        foreach (var file in truth.Files)
        {
            var name = file.GetProperty("file").GetString()!;
            Assert.True(byFile.TryGetValue(name, out var article), $"{name} is not among the briefing's articles");
            files++;

            var headline = Value(file, "headline");
            if (headline == article!.Headline) headlines++;
            else mismatches.Add($"{name}: headline \"{article.Headline}\", truth \"{headline}\"");

            var outlet = Value(file, "outlet");
            if (outlet == article.Outlet) outlets++;
            else mismatches.Add($"{name}: outlet \"{article.Outlet}\", truth \"{outlet}\"");

            var published = Value(file, "published");
            var detected = article.Published is { Inferred: false } p ? p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            if (published is null) undated++;
            else dated++;
            if (published == detected)
            {
                if (published is null) undatedRight++;
                else dates++;
            }
            else mismatches.Add($"{name}: published {detected ?? "null"}, truth {published ?? "null"}");
        }

        output.WriteLine($"{corpus}: headline {headlines}/{files}, outlet {outlets}/{files}, published {dates}/{dated} + {undatedRight}/{undated} undated");
        foreach (var m in mismatches) output.WriteLine("  " + m);
        Assert.Equal(truth.Files.Count(), briefing.Articles.Length);
        Assert.Empty(mismatches);
    }

    private static string? Value(System.Text.Json.JsonElement file, string property) =>
        file.TryGetProperty(property, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
}
