using Precis.Evaluation;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Evaluation;

/// <summary>
/// A fact that needs WordNet's exception lists (Debian's wordnet-base) and ../shared/bench. Skipped with a message
/// when either is absent — except on CI (CI=true), which installs wordnet-base, where missing WordNet files fail.
/// </summary>
public sealed class RougeWordNetFactAttribute : FactAttribute
{
    public RougeWordNetFactAttribute()
    {
        if (RougeSharedData.BenchFolder is null) Skip = "../shared/bench/baselines not found next to the repository; WordNet reproduction tests skipped.";
        else if (WordNetExceptions.Load() is null && !RougeWordNet.OnCi) Skip = $"WordNet exception lists ({string.Join(", ", WordNetExceptions.FileNames)}) not found in {WordNetExceptions.ResolveDirectory()} (install Debian's wordnet-base or set {WordNetExceptions.DirectoryVariable}); exact ROUGE reproduction test skipped.";
    }
}

internal static class RougeWordNet
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

public class RougeWordNetTests(ITestOutputHelper output)
{
    private static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "precis-wordnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    // Our own fictional lines in the .exc format (not WordNet's data).
    private static string WriteLists(string adj, string adv, string noun, string verb)
    {
        var dir = TempDirectory();
        File.WriteAllText(Path.Combine(dir, "adj.exc"), adj);
        File.WriteAllText(Path.Combine(dir, "adv.exc"), adv);
        File.WriteAllText(Path.Combine(dir, "noun.exc"), noun);
        File.WriteAllText(Path.Combine(dir, "verb.exc"), verb);
        return dir;
    }

    [Fact]
    public void First_base_of_a_line_is_stored_and_later_files_overwrite_earlier_ones()
    {
        var dir = WriteLists("glibber glib glob\nzorkest zork\n", "glibber glibly\n", "zorkest zorkus\nfrobbles frobble\n", "frobbles frob\nwent go\n");
        try
        {
            var db = WordNetExceptions.Load(dir)!;
            Assert.Equal("glibly", db.Lookup("glibber"));   // adv after adj, first base of the adv line
            Assert.Equal("zorkus", db.Lookup("zorkest"));  // noun after adj
            Assert.Equal("frob", db.Lookup("frobbles"));   // verb after noun
            Assert.Equal("go", db.Lookup("WENT"));         // ROUGE lower-cases before the lookup
            Assert.Null(db.Lookup("glib"));
            Assert.Equal(4, db.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Within_a_file_the_last_line_wins_and_lines_without_a_base_are_ignored()
    {
        var db = WordNetExceptions.FromLines(["quibbled quib", "quibbled quibble", "lonely", " leading space"]);
        Assert.Equal("quibble", db.Lookup("quibbled"));
        Assert.Null(db.Lookup("lonely"));
        Assert.Equal(1, db.Count);
    }

    [Fact]
    public void A_directory_missing_one_list_counts_as_absent()
    {
        var dir = WriteLists("a b\n", "c d\n", "e f\n", "g h\n");
        try
        {
            File.Delete(Path.Combine(dir, "verb.exc"));
            Assert.Null(WordNetExceptions.Load(dir));
            Assert.Null(new RougeScorer(new RougeOptions { Stem = true, WordNetDirectory = dir }).WordNetExceptions);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Scorer_maps_tokens_through_the_given_lists_instead_of_the_fallback_table()
    {
        // A form whose base Porter cannot reach: "snuck" → "sneak" only through the given (fictional-format) list.
        var dir = WriteLists("", "", "", "snuck sneak\nsaid say\n");
        try
        {
            var options = new RougeOptions { Stem = true, MaxN = 1, ComputeL = false, SkipDistance = null, WordNetDirectory = dir };
            var scorer = new RougeScorer(options);
            Assert.NotNull(scorer.WordNetExceptions);
            var withLists = scorer.ScoreCluster("x", "they snuck out", ["they sneak out"]).Find("ROUGE-1")!.Value;
            Assert.Equal(3, withLists.Hits);
            // The fallback table (no lists) does not know "snuck": Porter leaves it, so one hit is lost.
            var fallback = new RougeScorer(options with { WordNetDirectory = Path.Combine(dir, "missing") });
            Assert.Null(fallback.WordNetExceptions);
            Assert.Equal(2, fallback.ScoreCluster("x", "they snuck out", ["they sneak out"]).Find("ROUGE-1")!.Value.Hits);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Environment_variable_overrides_the_default_directory()
    {
        Assert.Equal("/somewhere", WordNetExceptions.ResolveDirectory("/somewhere"));
        var fromEnvironment = Environment.GetEnvironmentVariable(WordNetExceptions.DirectoryVariable);
        Assert.Equal(string.IsNullOrEmpty(fromEnvironment) ? WordNetExceptions.DefaultDirectory : fromEnvironment, WordNetExceptions.ResolveDirectory());
    }

    [RougeWordNetFact]
    public void WordNet_lists_are_installed_where_ci_expects_them()
    {
        var db = WordNetExceptions.Load();
        Assert.True(db is not null, $"WordNet exception lists not found in {WordNetExceptions.ResolveDirectory()}; CI installs Debian's wordnet-base (.ci/run).");
        Assert.True(db.Count > 5000, $"{db.Count} forms");
    }

    [RougeWordNetFact]
    public void With_wordnet_every_per_cluster_and_average_figure_is_reproduced()
    {
        Assert.True(WordNetExceptions.Load() is not null, $"WordNet exception lists not found in {WordNetExceptions.ResolveDirectory()}; CI installs Debian's wordnet-base (.ci/run).");
        int total = 0, exact = 0;
        var differ = new List<string>();
        foreach (var run in RougeSharedData.Runs())
        {
            var scorer = new RougeScorer(run.Options);
            Assert.NotNull(scorer.WordNetExceptions);
            var actual = RougeSharedData.Score(run).ToDictionary(c => c.Id, StringComparer.Ordinal);
            foreach (var (id, metrics) in RougeSharedData.ExpectedPerCluster(run))
            {
                foreach (var (metric, e) in metrics)
                {
                    var a = actual[id].Find(metric)!.Value;
                    total++;
                    if (Same(e.R, a.Recall) && Same(e.P, a.Precision) && Same(e.F, a.F)) exact++;
                    else differ.Add($"{run} {id} {metric}: expected {e.R}/{e.P}/{e.F}, got {a.Recall}/{a.Precision}/{a.F}");
                }
            }
        }
        int averages = 0, averagesExact = 0;
        var averagesDiffer = new List<string>();
        foreach (var run in RougeSharedData.Runs())
        {
            var report = RougeBootstrap.Aggregate(RougeSharedData.Score(run));
            foreach (var (metric, measures) in RougeSharedData.ExpectedAverages(run))
            {
                var average = report.Find(metric)!;
                foreach (var (measure, e) in measures)
                {
                    var a = measure switch { "R" => average.Recall, "P" => average.Precision, _ => average.F };
                    averages++;
                    if (Same(e.Value, a.Mean) && Same(e.Lower, a.Lower) && Same(e.Upper, a.Upper)) averagesExact++;
                    else averagesDiffer.Add($"{run} {metric} {measure}: expected {e.Value} [{e.Lower}, {e.Upper}], got {a.Mean} [{a.Lower}, {a.Upper}]");
                }
            }
        }
        output.WriteLine($"per-cluster exact {exact}/{total}; average/CI exact {averagesExact}/{averages}");
        Assert.Equal(1950, total);
        Assert.Equal(57, averages);
        Assert.True(differ.Count == 0, $"{differ.Count} of {total} per-cluster triples differ:\n" + string.Join('\n', differ));
        Assert.True(averagesDiffer.Count == 0, $"{averagesDiffer.Count} of {averages} average/CI triples differ:\n" + string.Join('\n', averagesDiffer));
    }

    private static bool Same(double expected, double actual) => Math.Abs(expected - actual) < 1e-9;
}
