using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Evaluation.Timex;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval timex --bench FILE [--out SYSTEM.jsonl] [--system FILE]</c>: tags every article of a TempEval-3
/// style bench file (../shared/bench/tempeval3) with <see cref="TimexTagger"/> against its creation date, or reads a
/// system output made elsewhere, and scores it as TE3 Task A (strict and relaxed extents, value and type F1) with
/// <see cref="TimexScorer"/>. <c>--errors</c> prints a table of error types; <c>--part</c> scores one half.
/// </summary>
internal static class EvalTimexCommand
{
    public static Command Create(CliIO io)
    {
        var bench = new Option<FileInfo>("--bench") { Description = "Gold file: JSON lines {id, dct, text, timexes} (.jsonl or .jsonl.gz).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the system output as JSON lines {id, timexes: [{start, end, text, type, value}]}." };
        var system = new Option<FileInfo?>("--system") { Description = "Score this system output (JSON lines, .gz allowed) instead of running Precis's tagger." };
        var part = new Option<string>("--part") { Description = "Score only part of the bench: all, even, odd (article index in file order), or a corpus name (TimeBank, AQUAINT).", DefaultValueFactory = _ => "all" };
        var errors = new Option<bool>("--errors") { Description = "Print a table of error types (missed, spurious, extent, value, type) by rule family." };
        var command = new Command("timex", "Tag temporal expressions of a TempEval-3 file as TIMEX3 and score them (strict, relaxed, value and type F1).")
        {
            bench, output, system, part, errors,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(system) is not null && r.GetValue(output) is not null) r.AddError("--out writes Precis's own output; it cannot be used with --system.");
        });
        command.SetAction(parse => Run(io, parse.GetValue(bench)!, parse.GetValue(output), parse.GetValue(system), parse.GetValue(part)!, parse.GetValue(errors)));
        return command;
    }

    private static int Run(CliIO io, FileInfo bench, FileInfo? output, FileInfo? system, string part, bool errors)
    {
        foreach (var file in new[] { bench, system })
        {
            if (file is not null && !file.Exists)
            {
                io.Error.WriteLine($"precis eval timex: {file.FullName}: no such file");
                return ExitCodes.Usage;
            }
        }
        var diagnostics = new List<Diagnostic>();
        var gold = TimexBenchFile.Read(bench.FullName, diagnostics);
        gold = Select(gold, part);
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        if (gold.Count == 0)
        {
            io.Error.WriteLine($"precis eval timex: no readable article in {bench.FullName} (part '{part}')");
            return ExitCodes.NoUsableArticle;
        }
        var watch = Stopwatch.StartNew();
        var rules = new Dictionary<(string, int), string>();
        List<TimexDocument> sys;
        if (system is not null)
        {
            var sysDiagnostics = new List<Diagnostic>();
            sys = TimexBenchFile.Read(system.FullName, sysDiagnostics);
            foreach (var d in sysDiagnostics) io.Error.WriteLine(d);
        }
        else
        {
            sys = [];
            using var writer = output is null ? null : new StreamWriter(output.FullName, false, new UTF8Encoding(false));
            foreach (var doc in gold)
            {
                var tags = TimexTagger.Tag(doc.Text, doc.Dct);
                var timexes = tags.Select(t => new TimexAnnotation(t.Span.Start, t.Span.End, t.Type, t.Value) { Mod = t.Mod }).ToList();
                foreach (var t in tags) rules[(doc.Id, t.Span.Start)] = t.Rule;
                var line = new TimexDocument(doc.Id, doc.Corpus, doc.Dct, "", [.. timexes]);
                sys.Add(line);
                writer?.WriteLine(TimexBenchFile.FormatSystemLine(line, doc.Text));
            }
        }
        double seconds = watch.Elapsed.TotalSeconds;
        var pairs = new List<TimexPair>();
        var unknown = new List<string>();
        var counts = TimexScorer.Score(gold, sys, pairs, unknown);
        foreach (var id in unknown) io.Error.WriteLine($"precis eval timex: {(system ?? bench).Name}: id '{id}' is not in the bench file; ignored");
        var o = io.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench {bench.Name} ({part}): {gold.Count} articles; system {(system is null ? "precis TimexTagger" : system.Name)}{(system is null ? $" ({seconds:F2} s)" : "")}"));
        o.WriteLine($"counts: {counts}");
        o.WriteLine("|  | P | R | F1 |");
        o.WriteLine("|---|---:|---:|---:|");
        o.WriteLine(Row("strict", counts.StrictPrecision, counts.StrictRecall, counts.StrictF1));
        o.WriteLine(Row("relaxed", counts.RelaxedPrecision, counts.RelaxedRecall, counts.RelaxedF1));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| value F1 | | | {counts.ValueF1:F2} |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| type F1 | | | {counts.TypeF1:F2} |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value accuracy {counts.ValueAccuracy:F2} %, type accuracy {counts.TypeAccuracy:F2} % (on relaxed pairs)"));
        if (errors) WriteErrors(o, pairs, rules);
        return ExitCodes.Success;
    }

    private static string Row(string name, double p, double r, double f) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {p:F2} | {r:F2} | {f:F2} |");

    private static List<TimexDocument> Select(List<TimexDocument> gold, string part) => part.ToLowerInvariant() switch
    {
        "all" => gold,
        "even" => [.. gold.Where((_, i) => i % 2 == 0)],
        "odd" => [.. gold.Where((_, i) => i % 2 == 1)],
        _ => [.. gold.Where(g => string.Equals(g.Corpus, part, StringComparison.OrdinalIgnoreCase))],
    };

    /// <summary>Error types: missed (gold, no pair), spurious (system, no pair), extent (relaxed, not strict), value and
    /// type (wrong on a relaxed pair); by the family of the rule that made the system timex.</summary>
    private static void WriteErrors(TextWriter o, List<TimexPair> pairs, Dictionary<(string, int), string> rules)
    {
        string Rule(TimexPair p) => p.System is { } s && rules.TryGetValue((p.Document, s.Start), out var r) ? r : "-";
        var rows = new List<(string Kind, string Rule)>();
        foreach (var p in pairs)
        {
            if (p.System is null) rows.Add(("missed", "-"));
            else if (p.Gold is null) rows.Add(("spurious", Rule(p)));
            else
            {
                if (!p.Strict) rows.Add(("extent", Rule(p)));
                if (!string.Equals(p.Gold.Value, p.System.Value, StringComparison.Ordinal)) rows.Add(("value", Rule(p)));
                if (!string.Equals(p.Gold.Type, p.System.Type, StringComparison.Ordinal)) rows.Add(("type", Rule(p)));
            }
        }
        o.WriteLine();
        o.WriteLine("| error | rule family | count |");
        o.WriteLine("|---|---|---:|");
        foreach (var g in rows.GroupBy(r => r).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {g.Key.Kind} | {g.Key.Rule} | {g.Count()} |"));
        }
    }
}
