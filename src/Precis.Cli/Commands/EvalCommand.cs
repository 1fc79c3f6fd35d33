using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Precis.Documents;
using Precis.Evaluation;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval --bench FILE.jsonl (--bytes N | --words N)</c>: summarizes every cluster of a bench file with the
/// full pipeline and scores the summaries with ROUGE-1.5.5 (Precis.Evaluation).
/// <para>
/// Budgets: with <c>--bytes N</c> the ROUGE settings are the DUC 2004 ones (<c>-n 2 -m -b N -x -2 4 -u</c>, recall
/// reported first) and the summaries are written in fill mode by default: whole sentences, the last of which may
/// cross the limit, so ROUGE's <c>-b</c> cut, not the selector, decides where the text ends — exactly how the
/// bench baselines were cut (<c>--no-fill</c> keeps every summary within N bytes). With <c>--words N</c> the
/// Multi-News settings apply (<c>-n 2 -2 4 -u -m</c>, ROUGE-L on, no length limit, F reported) and summaries
/// never exceed N words.
/// </para>
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("eval", "Summarize every cluster of a bench file and score the summaries with ROUGE-1.5.5 (also: eval summary); subcommands evaluate other stages.");
        Configure(command, io);
        var summary = new Command("summary", "Summarize every cluster of a bench file and score the summaries with ROUGE-1.5.5 (same as 'eval --bench').");
        Configure(summary, io);
        command.Subcommands.Add(summary);
        command.Subcommands.Add(EvalTimexCommand.Create(io));
        command.Subcommands.Add(EvalTlsCommand.Create(io));
        command.Subcommands.Add(EvalClaimsCommand.Create(io));
        command.Subcommands.Add(EvalQuotesCommand.Create(io));
        return command;
    }

    private static void Configure(Command command, CliIO io)
    {
        var bench = new Option<FileInfo>("--bench") { Description = "Bench file (JSON lines: {id, documents, references}).", Required = true };
        var words = new Option<int?>("--words") { Description = "Summary budget in words (Multi-News ROUGE settings, F-measure)." };
        var bytes = new Option<int?>("--bytes") { Description = "Summary budget in UTF-8 bytes (DUC ROUGE settings with -b N, recall)." };
        var method = new Option<string>("--method") { Description = "Summarization method, or 'all' to compare every method.", DefaultValueFactory = _ => Summarizers.Default.Name };
        method.AcceptOnlyFromAmong([.. Summarizers.All.Select(s => s.Name), "all"]);
        var output = new Option<FileInfo?>("--out") { Description = "Write summaries as JSON lines {id, summary} (sentences joined by \\n); with --method all, one file per method (NAME inserted before the extension)." };
        var scores = new Option<FileInfo?>("--scores") { Description = "Write per-cluster ROUGE scores as JSON lines." };
        var stem = new Option<bool>("--stem") { Description = "Stem with ROUGE's Porter stemmer (-m; the default)." };
        var noStem = new Option<bool>("--no-stem") { Description = "Do not stem (no -m)." };
        var stopwords = new Option<bool>("--stopwords") { Description = "ROUGE -s: remove the stop words of --stopword-file before counting." };
        var stopwordFile = new Option<FileInfo?>("--stopword-file") { Description = "Stop list for --stopwords, one word per line (e.g. ROUGE's smart_common_words.txt; not shipped with precis)." };
        var fill = new Option<bool>("--fill") { Description = "Let the last sentence cross the budget for ROUGE to cut (default with --bytes)." };
        var noFill = new Option<bool>("--no-fill") { Description = "Keep every summary within the budget in whole sentences (default with --words)." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N clusters." };

        foreach (var option in new Option[] { bench, words, bytes, method, output, scores, stem, noStem, stopwords, stopwordFile, fill, noFill, limit })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(r =>
        {
            if (r.GetValue(words) is null == r.GetValue(bytes) is null) r.AddError("Give exactly one of --words N or --bytes N.");
            if (r.GetValue(words) is <= 0) r.AddError("--words must be a positive number.");
            if (r.GetValue(bytes) is <= 0) r.AddError("--bytes must be a positive number.");
            if (r.GetValue(stem) && r.GetValue(noStem)) r.AddError("Give --stem or --no-stem, not both.");
            if (r.GetValue(fill) && r.GetValue(noFill)) r.AddError("Give --fill or --no-fill, not both.");
            if (r.GetValue(limit) is <= 0) r.AddError("--limit must be a positive number.");
            if (r.GetValue(stopwords) && r.GetValue(stopwordFile) is null) r.AddError("--stopwords needs --stopword-file (e.g. ROUGE's data/smart_common_words.txt).");
            if (r.GetValue(stopwordFile) is not null && !r.GetValue(stopwords)) r.AddError("--stopword-file needs --stopwords.");
        });
        command.SetAction(parse =>
        {
            var file = parse.GetValue(bench)!;
            if (!file.Exists)
            {
                io.Error.WriteLine($"precis eval: bench file not found: {file.FullName}");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(stopwordFile) is { Exists: false } missing)
            {
                io.Error.WriteLine($"precis eval: stop-word file not found: {missing.FullName}");
                return ExitCodes.Usage;
            }
            bool byBytes = parse.GetValue(bytes) is not null;
            bool useFill = parse.GetValue(fill) || (byBytes && !parse.GetValue(noFill));
            var budget = byBytes ? SummaryBudget.OfBytes(parse.GetValue(bytes)!.Value) : SummaryBudget.OfWords(parse.GetValue(words)!.Value);
            budget = budget with { Fill = useFill };
            var rouge = (byBytes ? RougeOptions.Duc2004 with { MaxBytes = budget.Bytes } : RougeOptions.MultiNews) with
            {
                Stem = !parse.GetValue(noStem),
                RemoveStopWords = parse.GetValue(stopwords),
                StopWords = parse.GetValue(stopwordFile) is { } list ? RougeStopWords.Load(list.FullName) : null,
            };
            string methodName = parse.GetValue(method)!;
            var methods = methodName == "all" ? [.. Summarizers.All] : new List<ISummarizer> { Summarizers.Find(methodName)! };
            var settings = new EvalSettings(file, budget, rouge, byBytes ? "R" : "F", parse.GetValue(output), parse.GetValue(scores), parse.GetValue(limit));
            return Run(io, settings, methods, CliProgress.Enabled(io, parse));
        });
    }

    private sealed record EvalSettings(FileInfo Bench, SummaryBudget Budget, RougeOptions Rouge, string Primary, FileInfo? Summaries, FileInfo? Scores, int? Limit);

    private sealed record MethodResult(ISummarizer Method, RougeReport Report, double WallSeconds, double MedianClusterMs);

    private static int Run(CliIO io, EvalSettings settings, List<ISummarizer> methods, bool progress)
    {
        var total = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(settings.Bench.FullName, diagnostics).ToList();
        if (settings.Limit is int max) clusters = [.. clusters.Take(max)];
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        if (clusters.Count == 0)
        {
            io.Error.WriteLine($"precis eval: no readable cluster in {settings.Bench.FullName}");
            return ExitCodes.NoUsableArticle;
        }
        var scorer = new RougeScorer(settings.Rouge);
        io.Out.WriteLine($"bench {settings.Bench.Name}: {clusters.Count} clusters; budget {settings.Budget}; ROUGE-1.5.5 {settings.Rouge} -c 95 -r 1000");
        using var scoreWriter = settings.Scores is { } sf ? new StreamWriter(sf.FullName, false, new UTF8Encoding(false)) : null;

        var results = new List<MethodResult>();
        foreach (var method in methods)
        {
            var watch = Stopwatch.StartNew();
            var pipeline = new PrecisPipelineBuilder().UseSummarizer(method).UseBudget(settings.Budget).Build();
            var perCluster = new List<RougeClusterScores>();
            var clusterMs = new List<double>();
            using var summaryWriter = SummaryWriter(settings.Summaries, method, methods.Count > 1);
            CliProgress.Run(progress, method.Name, clusters.Count, advance =>
            {
            for (int i = 0; i < clusters.Count; i++)
            {
                var cluster = clusters[i];
                advance(1);
                long start = Stopwatch.GetTimestamp();
                var briefing = pipeline.Run(cluster.ToSources(settings.Bench.Name), cluster.Id);
                clusterMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                var sentences = briefing.Summary.Sentences.Select(s => s.Text).ToList();
                summaryWriter?.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = cluster.Id, ["summary"] = string.Join('\n', sentences) }, CliJsonContext.Lines.DictionaryStringString));
                if (cluster.References.IsEmpty)
                {
                    io.Error.WriteLine($"{settings.Bench.Name}:{cluster.Id}: skipped: no reference summaries to score against");
                    continue;
                }
                var score = scorer.ScoreCluster(cluster.Id, sentences, [.. cluster.References.Select(r => (IReadOnlyList<string>)r.Split('\n'))]);
                perCluster.Add(score);
                scoreWriter?.WriteLine(ScoreLine(method.Name, score));
            }
            return 0;
            });
            var report = RougeBootstrap.Aggregate(perCluster);
            watch.Stop();
            var result = new MethodResult(method, report, watch.Elapsed.TotalSeconds, Median(clusterMs));
            results.Add(result);
            WriteMethodTable(io.Out, result);
        }
        if (results.Count > 1) WriteComparison(io.Out, results, settings.Primary);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time {total.Elapsed.TotalSeconds:F2} s for {clusters.Count} clusters x {methods.Count} method(s)"));
        return ExitCodes.Success;
    }

    private static StreamWriter? SummaryWriter(FileInfo? file, ISummarizer method, bool perMethod)
    {
        if (file is null) return null;
        string path = file.FullName;
        if (perMethod)
        {
            string dir = Path.GetDirectoryName(path) ?? ".";
            path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(path)}.{method.Name}{Path.GetExtension(path)}");
        }
        return new StreamWriter(path, false, new UTF8Encoding(false));
    }

    private static string ScoreLine(string method, RougeClusterScores score)
    {
        var line = new Dictionary<string, object> { ["id"] = score.Id, ["method"] = method };
        foreach (var m in score.Metrics)
        {
            line[m.Metric] = new Dictionary<string, double> { ["R"] = m.Score.Recall, ["P"] = m.Score.Precision, ["F"] = m.Score.F };
        }
        return JsonSerializer.Serialize(line, CliJsonContext.Lines.DictionaryStringObject);
    }

    private static void WriteMethodTable(TextWriter output, MethodResult result)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"method {result.Method.Name}: {result.Report.Clusters} clusters, {result.WallSeconds:F2} s, median {result.MedianClusterMs:F1} ms/cluster"));
        output.WriteLine("| metric | R [95% CI] | P [95% CI] | F [95% CI] |");
        output.WriteLine("|---|---|---|---|");
        foreach (var m in result.Report.Metrics)
        {
            output.WriteLine($"| {m.Metric} | {Format(m.Recall)} | {Format(m.Precision)} | {Format(m.F)} |");
        }
    }

    private static void WriteComparison(TextWriter output, List<MethodResult> results, string primary)
    {
        var metrics = results[0].Report.Metrics.Select(m => m.Metric).ToList();
        output.WriteLine();
        output.WriteLine($"comparison ({(primary == "R" ? "recall" : "F-measure")}, 95% CI)");
        output.WriteLine($"| method | {string.Join(" | ", metrics)} | time (s) | median ms/cluster |");
        output.WriteLine($"|---|{string.Concat(metrics.Select(_ => "---|"))}---:|---:|");
        foreach (var r in results)
        {
            var cells = metrics.Select(name => r.Report.Find(name) is { } m ? Format(primary == "R" ? m.Recall : m.F) : "-");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Method.Name} | {string.Join(" | ", cells)} | {r.WallSeconds:F2} | {r.MedianClusterMs:F1} |"));
        }
    }

    private static string Format(RougeEstimate e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Mean:F5} [{e.Lower:F5}, {e.Upper:F5}]");

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
