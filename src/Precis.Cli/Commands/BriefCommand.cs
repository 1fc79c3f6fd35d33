using System.CommandLine;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;
using Precis.Summarization;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis brief PATH</c>: briefs a folder, a file or standard input ("-").
/// <c>precis brief --clusters FILE.jsonl</c>: briefs every cluster of a bench file in one process. Markdown output puts
/// the briefings one after another separated by a "---" line; JSON output is JSON lines (one compact briefing object
/// per line, in file order). Exit codes: 0 success, 2 usage error (including a path that does not exist),
/// 3 no usable article (for --clusters: no cluster had one). Every skipped or repaired input is one line on stderr.
/// </summary>
internal static class BriefCommand
{
    public static Command Create(CliIO io)
    {
        var input = new Argument<string?>("input") { Description = "A folder (read recursively), a file, or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var clusters = new Option<string?>("--clusters") { Description = "Brief each cluster of a bench file (JSON lines: {id, documents:[{id,date,title,text}]})." };
        var format = new Option<string>("--format") { Description = "Output format: markdown, json, or html (one self-contained file to share).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json", "html");
        var output = new Option<FileInfo?>("--out") { Description = "Write the briefing to this file instead of standard output." };
        var words = new Option<int?>("--words") { Description = "Summary budget in words (default 150)." };
        var bytes = new Option<int?>("--bytes") { Description = "Summary budget in UTF-8 bytes (instead of words)." };
        var method = new Option<string>("--method") { Description = "Summarization method.", DefaultValueFactory = _ => Summarizers.Default.Name };
        method.AcceptOnlyFromAmong([.. Summarizers.All.Select(s => s.Name)]);
        var timings = new Option<bool>("--timings") { Description = "Print the time each pipeline stage took (summed over clusters) to standard error." };

        var since = new Option<string?>("--since") { Description = "Add a \"What changed since\" section for reports after this time (YYYY-MM-DD or an ISO 8601 date and time; UTC unless an offset is given)." };

        var command = new Command("brief", "Turn a set of news articles into a cited briefing.") { input, clusters, format, output, words, bytes, method, timings, since };
        command.Validators.Add(r =>
        {
            if (r.GetValue(words) is not null && r.GetValue(bytes) is not null) r.AddError("Give --words or --bytes, not both.");
            if (r.GetValue(words) is <= 0) r.AddError("--words must be a positive number.");
            if (r.GetValue(bytes) is <= 0) r.AddError("--bytes must be a positive number.");
            if (r.GetValue(input) is null == r.GetValue(clusters) is null) r.AddError("Give an input (a folder, a file or -) or --clusters FILE, exactly one.");
            if (r.GetValue(since) is { } t && Precis.Analysis.Facts.SinceTime.Parse(t) is null) r.AddError($"--since: '{t}' is not a date (YYYY-MM-DD) or an ISO 8601 date and time.");
        });
        command.SetAction(parse =>
        {
            var budget = parse.GetValue(bytes) is int b ? SummaryBudget.OfBytes(b) : SummaryBudget.OfWords(parse.GetValue(words) ?? 150);
            var pipeline = new PrecisPipelineBuilder()
                .UseBudget(budget)
                .UseSummarizer(Summarizers.Find(parse.GetValue(method)!)!)
                .Build();
            IBriefingRenderer renderer = parse.GetValue(format) switch
            {
                "json" => JsonBriefingRenderer.Default,
                "html" => Rendering.Html.HtmlBriefingRenderer.Default,
                _ => MarkdownBriefingRenderer.Default,
            };
            if (parse.GetValue(format) == "html" && parse.GetValue(clusters) is not null)
            {
                // Checked here, not in a validator: a validator reading an invalid --format value would throw.
                io.Error.WriteLine("precis: --format html writes one briefing; with --clusters use markdown or json.");
                return ExitCodes.Usage;
            }
            var path = parse.GetValue(clusters) ?? parse.GetValue(input)!;
            var isUrl = parse.GetValue(clusters) is null && Uri.TryCreate(path, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
            if (path != "-" && !isUrl && !File.Exists(path) && !(parse.GetValue(clusters) is null && Directory.Exists(path)))
            {
                io.Error.WriteLine($"precis: no such {(parse.GetValue(clusters) is null ? "file or folder" : "file")}: {path}");
                return ExitCodes.Usage;
            }
            using var fileWriter = parse.GetValue(output) is { } file ? new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false)) : null;
            var writer = fileWriter ?? io.Out;
            var stageTimes = parse.GetValue(timings) ? new StageTimes() : null;
            if (parse.GetValue(clusters) is not null)
            {
                int code = BriefClusters(pipeline, path, renderer, writer, io, stageTimes, CliProgress.Enabled(io, parse));
                stageTimes?.Print(io.Error);
                return code;
            }

            var diagnostics = new List<Diagnostic>();
            var reader = new InputReader(pipeline.Options.MaxInputBytes);
            var sources = path == "-" ? CliInput.ReadStdin(io, reader, diagnostics)
                : isUrl ? ArticleUrl.Fetch(new Uri(path), pipeline.Options.MaxInputBytes, io)
                : reader.Read(path, diagnostics);
            var briefing = pipeline.Run(sources);
            if (parse.GetValue(since) is { } sinceText) briefing = briefing with { Since = Precis.Analysis.Facts.SinceTime.Parse(sinceText) };
            stageTimes?.Add(briefing);
            stageTimes?.Print(io.Error);
            foreach (var d in diagnostics.Concat(briefing.Diagnostics)) io.Error.WriteLine(d);
            if (briefing.Articles.IsEmpty)
            {
                io.Error.WriteLine($"{(path == "-" ? "stdin" : path)}: no usable article: {CliInput.WhyNothing(path, [.. diagnostics.Concat(briefing.Diagnostics)])}");
                return ExitCodes.NoUsableArticle;
            }
            renderer.Render(briefing, writer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int BriefClusters(PrecisPipeline pipeline, string path, IBriefingRenderer renderer, TextWriter writer, CliIO io, StageTimes? stageTimes, bool progress)
    {
        var diagnostics = new List<Diagnostic>();
        int briefed = 0;
        var all = BenchFile.Read(path, diagnostics).ToList();
        FlushDiagnostics();
        // Clusters are independent and the pipeline is thread-safe: brief them on every core, largest first, each
        // rendered by the core that briefed it; this thread writes them out in file order as they come.
        bool json = renderer is JsonBriefingRenderer;
        CliProgress.Run(progress, "briefing clusters", all.Count, advance =>
        {
            OrderedParallel.Run(all, c => c.Documents.Sum(d => (long)d.Text.Length), cluster =>
            {
                var briefing = pipeline.Run(cluster.ToSources(path), cluster.Id);
                return (briefing.Diagnostics, briefing.Timings, Text: briefing.Articles.IsEmpty ? null : Render(briefing), briefing.Id);
            }, Math.Max(1, Environment.ProcessorCount), done =>
            {
                advance(1);
                stageTimes?.Add(done.Timings);
                foreach (var d in done.Diagnostics) io.Error.WriteLine(d);
                if (done.Text is null)
                {
                    io.Error.WriteLine($"{path}:{done.Id}: no usable article");
                    return;
                }
                if (json) writer.WriteLine(done.Text);
                else
                {
                    if (briefed > 0) writer.WriteLine("\n---\n");
                    writer.Write(done.Text);
                }
                briefed++;
            });
            return 0;
        });
        FlushDiagnostics();
        if (briefed == 0)
        {
            io.Error.WriteLine($"{path}: no usable article in any cluster");
            return ExitCodes.NoUsableArticle;
        }
        return ExitCodes.Success;

        void FlushDiagnostics()
        {
            foreach (var d in diagnostics) io.Error.WriteLine(d);
            diagnostics.Clear();
        }

        string Render(Briefing briefing)
        {
            if (json)
            {
                // JSON lines: one compact object per cluster.
                using var stream = new MemoryStream();
                using (var jsonWriter = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    JsonBriefingRenderer.Write(briefing, jsonWriter);
                }
                return System.Text.Encoding.UTF8.GetString(stream.ToArray());
            }
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = writer.NewLine };
            renderer.Render(briefing, text);
            return text.ToString();
        }
    }

    /// <summary>Per-stage wall time summed over every briefing of one run.</summary>
    private sealed class StageTimes
    {
        private readonly List<(string Stage, TimeSpan Total)> _totals = [];

        public void Add(Briefing briefing) => Add(briefing.Timings);

        public void Add(IEnumerable<StageTiming> timings)
        {
            foreach (var t in timings)
            {
                int i = _totals.FindIndex(x => x.Stage == t.Stage);
                if (i < 0) _totals.Add((t.Stage, t.Elapsed));
                else _totals[i] = (t.Stage, _totals[i].Total + t.Elapsed);
            }
        }

        public void Print(TextWriter error)
        {
            foreach (var (stage, total) in _totals) error.WriteLine(FormattableString.Invariant($"timing: {stage,-14} {total.TotalMilliseconds,9:F1} ms"));
            error.WriteLine(FormattableString.Invariant($"timing: {"all stages",-14} {_totals.Sum(t => t.Total.TotalMilliseconds),9:F1} ms"));
            // What the process spent compiling methods its ReadyToRun code lacks (all threads; part of the stages' times).
            error.WriteLine(FormattableString.Invariant($"timing: {"jit (process)",-14} {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,9:F1} ms, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods"));
            error.WriteLine(FormattableString.Invariant($"timing: {"gc (process)",-14} {GC.GetTotalPauseDuration().TotalMilliseconds,9:F1} ms paused, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated"));
        }
    }
}
