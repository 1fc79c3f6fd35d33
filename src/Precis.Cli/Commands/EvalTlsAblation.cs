using System.Globalization;
using Precis.Evaluation.Tilse;
using Precis.Timeline;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval tls --bench DIR --ablation</c>: the method with one part switched off at a time (and the date oracle:
/// the gold days with the method's sentences), every task of the bench, each topic analysed once. Prints the overall
/// AR1-F / AR2-F / Date-F1 (F of macro P and R) of each row: the ablation table of docs/BENCHMARKS.md §6.
/// </summary>
internal static class EvalTlsAblation
{
    private static readonly DatedTimelineTuning Method = DatedTimelineTuning.Default;

    /// <summary>The rows: a name, the tuning, and whether the gold days replace the selected ones.</summary>
    internal static readonly (string Name, DatedTimelineTuning Tuning, bool Oracle)[] Rows =
    [
        ("method (default)", Method, false),
        ("date oracle (gold days, the method's sentences)", Method, true),
        ("no lead-in trim (datelines, time stamps shown)", Method with { TrimLeadIn = false }, false),
        ("no relative score cut (always K sentences)", Method with { MinRelativeScore = 0 }, false),
        ("dates by referring sentences, not articles", Method with { CountArticles = false }, false),
        ("no next-day leads", Method with { NextDayLeads = false }, false),
        ("no keyword filter", Method with { KeywordFilter = false }, false),
        ("no keyword bonus", Method with { KeywordWeight = 0 }, false),
        ("no lead-position bonus", Method with { LeadWeight = 0 }, false),
        ("round-1 method (no trim, no cut, sentence counts)", Method with { TrimLeadIn = false, MinRelativeScore = 0, CountArticles = false }, false),
    ];

    /// <param name="prepared">Each topic's analysed articles (the evaluation run's).</param>
    public static void Run(CliIO io, IReadOnlyList<TimelineBenchTask> tasks, IReadOnlyDictionary<string, TimelineInput> prepared, TilseScorer scorer)
    {
        io.Out.WriteLine($"ablation over {tasks.Count} tasks (F of macro P, R)");
        io.Out.WriteLine("| variant | AR1-F | AR2-F | Date-F1 |");
        io.Out.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, tuning, oracle) in Rows)
        {
            var scores = new List<TilseTaskScores>();
            foreach (var task in tasks)
            {
                var timeline = BenchTimelineRunner.Run(prepared[task.Topic], task, tuning, oracle ? [.. task.Gold.Dates.Select(d => d.Date)] : null);
                scores.Add(scorer.Score(task.Id, timeline, task.Gold));
            }
            var o = TilseOverall.Of(scores);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {o.Ar1.F:F5} | {o.Ar2.F:F5} | {o.Date.F:F5} |"));
        }
    }
}
