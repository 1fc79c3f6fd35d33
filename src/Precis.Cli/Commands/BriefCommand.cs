using System.CommandLine;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;
using Precis.Summarization;

namespace Precis.Cli.Commands;

/// <summary><c>precis brief PATH</c>: briefs a folder, a file or standard input ("-").</summary>
internal static class BriefCommand
{
    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "A folder (read recursively), a file, or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output format: markdown or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write the briefing to this file instead of standard output." };
        var words = new Option<int?>("--words") { Description = "Summary budget in words (default 150)." };
        var bytes = new Option<int?>("--bytes") { Description = "Summary budget in UTF-8 bytes (instead of words)." };
        var method = new Option<string>("--method") { Description = "Summarization method.", DefaultValueFactory = _ => Summarizers.Default.Name };
        method.AcceptOnlyFromAmong([.. Summarizers.All.Select(s => s.Name)]);

        var command = new Command("brief", "Turn a set of news articles into a cited briefing.") { input, format, output, words, bytes, method };
        command.Validators.Add(r =>
        {
            if (r.GetValue(words) is not null && r.GetValue(bytes) is not null) r.AddError("Give --words or --bytes, not both.");
            if (r.GetValue(words) is <= 0) r.AddError("--words must be a positive number.");
            if (r.GetValue(bytes) is <= 0) r.AddError("--bytes must be a positive number.");
        });
        command.SetAction(parse =>
        {
            var budget = parse.GetValue(bytes) is int b ? SummaryBudget.OfBytes(b) : SummaryBudget.OfWords(parse.GetValue(words) ?? 150);
            var pipeline = new PrecisPipelineBuilder()
                .UseBudget(budget)
                .UseSummarizer(Summarizers.Find(parse.GetValue(method)!)!)
                .Build();
            var diagnostics = new List<Diagnostic>();
            var reader = new InputReader(pipeline.Options.MaxInputBytes);
            var path = parse.GetValue(input)!;
            var sources = path == "-" ? [SourceDocument.PlainText("stdin", io.In.ReadToEnd())] : reader.Read(path, diagnostics);
            var briefing = pipeline.Run(sources);
            foreach (var d in diagnostics.Concat(briefing.Diagnostics)) io.Error.WriteLine(d);
            if (briefing.Articles.IsEmpty)
            {
                io.Error.WriteLine($"{path}: no usable article");
                return ExitCodes.NoUsableArticle;
            }
            IBriefingRenderer renderer = parse.GetValue(format) == "json" ? JsonBriefingRenderer.Default : MarkdownBriefingRenderer.Default;
            if (parse.GetValue(output) is { } file)
            {
                using var writer = new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false));
                renderer.Render(briefing, writer);
            }
            else
            {
                renderer.Render(briefing, io.Out);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
