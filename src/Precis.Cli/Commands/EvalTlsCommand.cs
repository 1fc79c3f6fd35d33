using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Precis.Documents;
using Precis.Evaluation;
using Precis.Evaluation.Tilse;
using Precis.Timeline;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval tls --bench DIR [--out SYSTEM.jsonl] [--system FILE]</c>: runs the Timeline17 protocol of
/// ../shared/bench/t17/README.md over every task of DIR (<c>articles.jsonl.gz</c> + <c>timelines.jsonl</c>): input =
/// the topic's articles published between the first and last gold date, l = the number of gold dates, k = the
/// rounded mean sentences per gold date; then scores with the tilse metric (AR1-F, AR2-F, Date-F1, macro-averaged).
/// With <c>--system FILE</c> it scores timelines made elsewhere instead of making them.
/// </summary>
internal static class EvalTlsCommand
{
    /// <summary>Environment variable naming ROUGE's <c>smart_common_words.txt</c> (not shipped with precis).</summary>
    public const string StopListVariable = "PRECIS_ROUGE_STOPWORDS";

    public static Command Create(CliIO io)
    {
        var bench = new Option<DirectoryInfo>("--bench") { Description = "Bench folder holding articles.jsonl.gz (or articles.jsonl) and timelines.jsonl.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the system timelines as JSON lines {id, timeline:[{date, sentences}]}." };
        var system = new Option<FileInfo?>("--system") { Description = "Score this file of system timelines (same format) instead of making them." };
        var stopwordFile = new Option<FileInfo?>("--stopword-file") { Description = $"ROUGE-1.5.5's data/smart_common_words.txt (tilse runs ROUGE with -s); default ${StopListVariable}, else DIR/smart_common_words.txt." };
        var scores = new Option<FileInfo?>("--scores") { Description = "Write per-task scores as JSON lines." };
        var ablation = new Option<bool>("--ablation") { Description = "Also print the ablation table: the method with one part switched off at a time, and the date oracle." };
        var command = new Command("tls", "Make and score timelines on a Timeline17-style bench (tilse AR1/AR2/Date F1).") { bench, output, system, stopwordFile, scores, ablation };
        command.Validators.Add(r =>
        {
            if (r.GetValue(system) is not null && r.GetValue(ablation)) r.AddError("--ablation makes timelines; it cannot be combined with --system.");
            if (r.GetValue(system) is not null && r.GetValue(output) is not null) r.AddError("--out writes the timelines precis makes; with --system there are none to write.");
        });
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(bench)!;
            string articles = Path.Combine(dir.FullName, "articles.jsonl.gz");
            if (!File.Exists(articles)) articles = Path.Combine(dir.FullName, "articles.jsonl");
            string timelines = Path.Combine(dir.FullName, "timelines.jsonl");
            if (!dir.Exists || !File.Exists(timelines) || (parse.GetValue(system) is null && !File.Exists(articles)))
            {
                io.Error.WriteLine($"precis eval tls: {dir.FullName} must hold timelines.jsonl and articles.jsonl.gz (or articles.jsonl)");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(system) is { Exists: false } missingSystem)
            {
                io.Error.WriteLine($"precis eval tls: system file not found: {missingSystem.FullName}");
                return ExitCodes.Usage;
            }
            string? stopPath = parse.GetValue(stopwordFile)?.FullName ?? Environment.GetEnvironmentVariable(StopListVariable);
            if (stopPath is null && File.Exists(Path.Combine(dir.FullName, "smart_common_words.txt"))) stopPath = Path.Combine(dir.FullName, "smart_common_words.txt");
            if (stopPath is not null && !File.Exists(stopPath))
            {
                io.Error.WriteLine($"precis eval tls: stop-word file not found: {stopPath}");
                return ExitCodes.Usage;
            }
            if (stopPath is null)
            {
                io.Error.WriteLine($"precis eval tls: warning: no stop list (give --stopword-file ROUGE-1.5.5/data/smart_common_words.txt or set ${StopListVariable}); "
                    + "AR1/AR2 are computed without ROUGE's -s and are not comparable with published figures. Date-F1 is unaffected.");
            }
            var scorer = new TilseScorer(stopPath is null ? null : RougeStopWords.Load(stopPath));
            return Run(io, new Settings(articles, timelines, parse.GetValue(system)?.FullName, parse.GetValue(output)?.FullName, parse.GetValue(scores)?.FullName, stopPath, parse.GetValue(ablation)), scorer);
        });
        return command;
    }

    private sealed record Settings(string Articles, string Timelines, string? System, string? Out, string? Scores, string? StopList, bool Ablation = false);

    private static int Run(CliIO io, Settings settings, TilseScorer scorer)
    {
        var watch = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        var tasks = TimelineBench.ReadTasks(settings.Timelines, diagnostics).ToList();
        Dictionary<string, DatedTimeline> outputs;
        var prepared = new Dictionary<string, TimelineInput>(StringComparer.Ordinal);
        if (settings.System is { } systemFile)
        {
            outputs = TimelineBench.ReadSystem(systemFile, diagnostics);
        }
        else
        {
            var articles = TimelineBench.ReadArticles(settings.Articles, diagnostics).ToList();
            outputs = new Dictionary<string, DatedTimeline>(StringComparer.Ordinal);
            foreach (var group in tasks.GroupBy(t => t.Topic, StringComparer.Ordinal))
            {
                var pool = BenchTimelineRunner.Prepare([.. articles.Where(a => a.Topic == group.Key)]);
                foreach (var task in group) outputs[task.Id] = BenchTimelineRunner.Run(pool, task);
                if (settings.Ablation) prepared[group.Key] = pool;
            }
        }
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        if (tasks.Count == 0)
        {
            io.Error.WriteLine($"precis eval tls: no readable task in {settings.Timelines}");
            return ExitCodes.NoUsableArticle;
        }
        using var outWriter = settings.Out is { } o ? new StreamWriter(o, false, new UTF8Encoding(false)) : null;
        using var scoreWriter = settings.Scores is { } s ? new StreamWriter(s, false, new UTF8Encoding(false)) : null;
        var perTask = new List<TilseTaskScores>();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench {Path.GetDirectoryName(settings.Timelines)}: {tasks.Count} tasks; tilse many-to-one alignment, ROUGE -n 2 -m {(settings.StopList is null ? "(no -s)" : "-s")}; {(settings.System is null ? "system: precis" : $"system: {settings.System}")}"));
        io.Out.WriteLine("| task | l | k | sys dates | AR1-F | AR2-F | Date-F1 |");
        io.Out.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var task in tasks)
        {
            if (!outputs.TryGetValue(task.Id, out var timeline))
            {
                io.Error.WriteLine($"precis eval tls: no system timeline for {task.Id}; scored as empty");
                timeline = DatedTimeline.Empty;
            }
            if (settings.System is null) outWriter?.WriteLine(TimelineBench.FormatSystemLine(task.Id, timeline));
            var score = scorer.Score(task.Id, timeline, task.Gold);
            perTask.Add(score);
            scoreWriter?.WriteLine(TimelineBench.FormatScoreLine(score, task));
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {task.Id} | {task.DateCount} | {task.SentencesPerDate} | {score.SystemDates} | {score.Ar1.F:F4} | {score.Ar2.F:F4} | {score.Date.F:F4} |"));
        }
        var overall = TilseOverall.Of(perTask);
        io.Out.WriteLine();
        io.Out.WriteLine("| overall (F of macro P, R) | AR1 | AR2 | Date |");
        io.Out.WriteLine("|---|---|---|---|");
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| F | {overall.Ar1.F:F5} | {overall.Ar2.F:F5} | {overall.Date.F:F5} |"));
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| P | {overall.Ar1.Precision:F5} | {overall.Ar2.Precision:F5} | {overall.Date.Precision:F5} |"));
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| R | {overall.Ar1.Recall:F5} | {overall.Ar2.Recall:F5} | {overall.Date.Recall:F5} |"));
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| mean F | {overall.Ar1MeanF:F5} | {overall.Ar2MeanF:F5} | {overall.DateMeanF:F5} |"));
        if (settings.Ablation)
        {
            io.Out.WriteLine();
            EvalTlsAblation.Run(io, tasks, prepared, scorer);
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time {watch.Elapsed.TotalSeconds:F2} s"));
        return ExitCodes.Success;
    }
}
