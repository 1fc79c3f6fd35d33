using System.CommandLine;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;
using Precis.Timeline;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis timeline PATH [--format markdown|json] [--dates L] [--sentences K]</c>: a dated timeline of a set of
/// articles (a folder, a file or - for standard input): the L most important dates, each with up to K verbatim,
/// cited sentences and the evidence that dates it. Exit codes as for <c>brief</c>: 0, 2 usage, 3 no usable article.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "A folder (read recursively), a file, or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output format: markdown or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var dates = new Option<int?>("--dates") { Description = "L: how many dates (default 10)." };
        var sentences = new Option<int?>("--sentences") { Description = "K: at most this many sentences per date (default 2)." };
        var keywords = new Option<string[]>("--keywords") { Description = "Keep only sentences containing one of these words (when any does).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the timeline to this file instead of standard output." };
        var command = new Command("timeline", "Write a dated timeline of a set of news articles: the most important dates, each with cited sentences.")
        {
            input, format, dates, sentences, keywords, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(dates) is <= 0) r.AddError("--dates must be a positive number.");
            if (r.GetValue(sentences) is <= 0) r.AddError("--sentences must be a positive number.");
        });
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path) && !Directory.Exists(path))
            {
                io.Error.WriteLine($"precis: no such file or folder: {path}");
                return ExitCodes.Usage;
            }
            var options = new PrecisOptions();
            var diagnostics = new List<Diagnostic>();
            var reader = new InputReader(options.MaxInputBytes);
            var sources = path == "-" ? reader.ReadText("stdin", io.In, diagnostics) : reader.Read(path, diagnostics);
            var analysed = TimelineInput.Analyze(sources, options);
            foreach (var d in diagnostics.Concat(analysed.Diagnostics)) io.Error.WriteLine(d);
            if (analysed.Articles.IsEmpty)
            {
                io.Error.WriteLine($"{(path == "-" ? "stdin" : path)}: no usable article");
                return ExitCodes.NoUsableArticle;
            }
            var timeline = DatedTimelineSummarizer.Summarize(analysed.Articles, analysed.Dates,
                new DatedTimelineOptions(parse.GetValue(dates) ?? 10, parse.GetValue(sentences) ?? 2, Keywords: parse.GetValue(keywords) ?? []));
            using var fileWriter = parse.GetValue(output) is { } file ? new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false)) : null;
            var writer = fileWriter ?? io.Out;
            if (parse.GetValue(format) == "json") DatedTimelineRenderer.WriteJson(timeline, analysed.Articles, writer);
            else DatedTimelineRenderer.WriteMarkdown(timeline, analysed.Articles, writer);
            return ExitCodes.Success;
        });
        return command;
    }
}
