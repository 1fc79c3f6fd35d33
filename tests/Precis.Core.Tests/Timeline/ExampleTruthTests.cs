using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Documents;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Timeline;

/// <summary>
/// Measures the dates, timeline and facts sections on examples/harbour-fire against its truth file and prints
/// precision and recall per section (run with --logger "console;verbosity=detailed" to see them).
/// </summary>
public class ExampleTruthTests(ITestOutputHelper output)
{
    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<JsonElement> Items(ExampleCorpus c, string key) => c.Truth.RootElement.GetProperty(key).EnumerateArray();

    private static HashSet<int> Sources(ExampleCorpus c, JsonElement e) =>
        [.. e.GetProperty("sources").EnumerateArray().Select(f => c.ArticleOf(f.GetString()!))];

    private void Report(string section, int truePositives, int produced, int found, int expected)
    {
        double p = produced == 0 ? 0 : truePositives / (double)produced;
        double r = expected == 0 ? 0 : found / (double)expected;
        var line = string.Create(CultureInfo.InvariantCulture, $"{section}: precision {p:0.000} ({truePositives}/{produced}), recall {r:0.000} ({found}/{expected})");
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    [Fact]
    public void Resolved_dates_match_the_truth()
    {
        var c = ExampleCorpus.Get();
        var truth = Items(c, "resolved_dates").Select(t =>
        {
            var article = c.Articles[c.ArticleOf(t.GetProperty("file").GetString()!) - 1];
            var phrase = t.GetProperty("phrase").GetString()!;
            int at = article.Text.IndexOf(phrase, StringComparison.Ordinal);
            Assert.True(at >= 0, $"truth phrase '{phrase}' not in {article.Origin}");
            var from = Day(t.GetProperty("date").GetString()!);
            var to = t.TryGetProperty("to", out var toEl) ? Day(toEl.GetString()!) : from;
            return (Article: article.Number, Span: new TextSpan(at, phrase.Length), From: from, To: to, Phrase: phrase);
        }).ToList();
        // Relative expressions only: explicit dates with a year resolve trivially.
        var relative = c.Dates.Expressions.Where(e => e.Resolution is not null
            && !(e.Kind == TemporalKind.CalendarDay && e.Resolution.Anchor is null && (e.Resolution.Rule.StartsWith("explicit", StringComparison.Ordinal) || e.Resolution.Rule.StartsWith("numeric", StringComparison.Ordinal)))
            && e.Kind != TemporalKind.CalendarYear).ToList();
        bool Correct(TemporalExpression e, (int Article, TextSpan Span, DateOnly From, DateOnly To, string Phrase) t) =>
            e.Resolution!.Start <= t.To && t.From <= e.Resolution.End
            && (t.From != t.To || e.Resolution.Contains(t.From));
        int tp = relative.Count(e => truth.Any(t => t.Article == e.Article && t.Span.Overlaps(e.Span) && Correct(e, t)));
        int found = truth.Count(t => relative.Any(e => t.Article == e.Article && t.Span.Overlaps(e.Span) && Correct(e, t)));
        foreach (var t in truth.Where(t => !relative.Any(e => t.Article == e.Article && t.Span.Overlaps(e.Span) && Correct(e, t))))
        {
            output.WriteLine($"  missed: article {t.Article} '{t.Phrase}'");
        }
        foreach (var e in relative.Where(e => !truth.Any(t => t.Article == e.Article && t.Span.Overlaps(e.Span) && Correct(e, t))))
        {
            output.WriteLine($"  unexpected or wrong: article {e.Article} '{e.Phrase}' → {e.Resolution!.Evidence}");
        }
        Report("dates", tp, relative.Count, found, truth.Count);
        Assert.True(tp >= 0.9 * relative.Count, "date precision below 0.9");
        Assert.True(found >= 0.7 * truth.Count, "date recall below 0.7");
    }

    [Fact]
    public void Timeline_matches_the_truth()
    {
        var c = ExampleCorpus.Get();
        var events = Items(c, "timeline").Select(t => (
            Date: Day(t.GetProperty("date").GetString()!),
            DayPrecise: t.GetProperty("precision").GetString() == "day",
            Match: t.GetProperty("match").EnumerateArray().Select(m => m.EnumerateArray().Select(k => k.GetString()!).ToList()).ToList(),
            Sources: Sources(c, t),
            Name: t.GetProperty("event").GetString()!)).ToList();
        bool Matches(Precis.Timeline.TimelineEntry e, (DateOnly Date, bool DayPrecise, List<List<string>> Match, HashSet<int> Sources, string Name) x) =>
            e.When.Contains(x.Date) && (!x.DayPrecise || e.When.Precision >= DatePrecision.Day)
            && e.Reports.Any(r => x.Match.Any(keys => keys.All(k => r.Text.Contains(k, StringComparison.OrdinalIgnoreCase))));
        var entries = c.Timeline.Entries;
        int tp = entries.Count(e => events.Any(x => Matches(e, x)));
        int found = events.Count(x => entries.Any(e => Matches(e, x)));
        double sourceRecall = 0, sourcePrecision = 0;
        int matched = 0;
        foreach (var x in events)
        {
            var hits = entries.Where(e => Matches(e, x)).ToList();
            if (hits.Count == 0)
            {
                output.WriteLine($"  missed event: {x.Date:yyyy-MM-dd} {x.Name}");
                continue;
            }
            var got = hits.SelectMany(h => h.Sources).ToHashSet();
            sourceRecall += got.Count(x.Sources.Contains) / (double)x.Sources.Count;
            sourcePrecision += got.Count(x.Sources.Contains) / (double)got.Count;
            matched++;
        }
        foreach (var e in entries.Where(e => !events.Any(x => Matches(e, x))))
        {
            output.WriteLine($"  unexpected entry: {DateFormat.Of(e.When)} {e.Text}");
        }
        Report("timeline events", tp, entries.Length, found, events.Count);
        var sources = string.Create(CultureInfo.InvariantCulture, $"timeline sources (matched events): precision {sourcePrecision / Math.Max(1, matched):0.000}, recall {sourceRecall / Math.Max(1, matched):0.000}");
        output.WriteLine(sources);
        Console.WriteLine(sources);
        Assert.True(tp >= 0.7 * entries.Length, "timeline precision below 0.7");
        Assert.True(found >= 0.6 * events.Count, "timeline recall below 0.6");
    }

    [Fact]
    public void Conflicts_match_the_truth()
    {
        var c = ExampleCorpus.Get();
        var checks = Items(c, "conflict_checks").Select(t => (
            Match: t.GetProperty("match").GetString()!,
            Kind: t.GetProperty("kind").GetString()!,
            Sides: t.GetProperty("sides").EnumerateArray().Select(s => Sources(c, s)).ToList())).ToList();
        bool Same(FactConflict f, (string Match, string Kind, List<HashSet<int>> Sides) x) =>
            f.Topic.Contains(x.Match, StringComparison.Ordinal)
            && (f.Kind == ConflictKind.Update ? "update" : "conflict") == x.Kind
            && f.Sides.Length == x.Sides.Count;
        var produced = c.Facts.Conflicts;
        int tp = produced.Count(f => checks.Any(x => Same(f, x)));
        int found = checks.Count(x => produced.Any(f => Same(f, x)));
        double sideOverlap = 0;
        int n = 0;
        foreach (var x in checks)
        {
            var f = produced.FirstOrDefault(f => Same(f, x));
            if (f is null)
            {
                output.WriteLine($"  missed conflict: {x.Match} ({x.Kind}, {x.Sides.Count} sides)");
                continue;
            }
            for (int i = 0; i < x.Sides.Count; i++)
            {
                var got = f.Sides[i].Sources.ToHashSet();
                sideOverlap += got.Intersect(x.Sides[i]).Count() / (double)got.Union(x.Sides[i]).Count();
                n++;
            }
        }
        foreach (var f in produced.Where(f => !checks.Any(x => Same(f, x)))) output.WriteLine($"  unexpected conflict: {f.Topic} ({f.Kind}, {f.Sides.Length} sides)");
        Report("conflicts", tp, produced.Length, found, checks.Count);
        var line = string.Create(CultureInfo.InvariantCulture, $"conflict sides, mean source Jaccard: {(n == 0 ? 0 : sideOverlap / n):0.000}");
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(tp >= 0.6 * produced.Length, "conflict precision below 0.6");
        Assert.True(found >= 0.6 * checks.Count, "conflict recall below 0.6");
    }
}
