using System.CommandLine;
using Precis.Evaluation;
using Precis.Pipeline;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval claims [--truth DIR]</c>: runs the pipeline on every labelled story cluster (DIR/NAME/ beside
/// DIR/NAME.truth.json; default examples/stories) and prints precision and recall of claim matching, corroboration,
/// update and conflict relations and the current-state value, overall, per pattern and (with --per-cluster) per cluster.
/// </summary>
internal static class EvalClaimsCommand
{
    public static Command Create(CliIO io)
    {
        var truth = new Option<DirectoryInfo>("--truth") { Description = "Folder of story clusters with NAME.truth.json files.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("examples", "stories")) };
        var perCluster = new Option<bool>("--per-cluster") { Description = "Also print the scores of each cluster." };
        var errors = new Option<bool>("--errors") { Description = "Also print each cluster's errors: missed and extra claims, wrong and missed relations, wrong current states." };
        var command = new Command("claims", "Score claim frames, relations and current state against labelled story clusters.") { truth, perCluster, errors };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(truth)!;
            if (!dir.Exists)
            {
                io.Error.WriteLine($"precis: no such folder: {dir.FullName}");
                return ExitCodes.Usage;
            }
            var clusters = ClaimEvaluation.Find(dir.FullName);
            if (clusters.Count == 0)
            {
                io.Error.WriteLine($"precis: {dir.FullName}: no NAME.truth.json with a NAME/ folder beside it");
                return ExitCodes.Usage;
            }
            var pipeline = new PrecisPipelineBuilder().Build();
            var total = ClaimScores.Empty;
            var rows = new List<(string, ClaimScores)>();
            var errorLines = new List<(string, IReadOnlyList<string>)>();
            foreach (var (name, truthPath, folder) in clusters)
            {
                try
                {
                    var (scores, briefing) = ClaimEvaluation.ScoreCluster(truthPath, folder, pipeline);
                    if (parse.GetValue(errors)) errorLines.Add((name, ClaimScorer.Explain(StoryTruth.Load(truthPath), briefing)));
                    total = total.Add(scores);
                    rows.Add((name, scores));
                }
                catch (InvalidDataException e)
                {
                    io.Error.WriteLine(e.Message);
                    return ExitCodes.Usage;
                }
            }
            var o = io.Out;
            o.WriteLine($"{clusters.Count} clusters, {total["claims"].Truth} labelled claims");
            o.WriteLine();
            o.WriteLine("| item | precision | recall | F1 |");
            o.WriteLine("|---|---|---|---|");
            foreach (var k in new[] { "claims", "corroboration", "update", "conflict", "current" }) o.WriteLine(ClaimScorer.Line(k, total[k]));
            o.WriteLine();
            o.WriteLine("Per pattern (a labelled relation counts for each of its patterns; a produced one for the patterns of the labelled claims it touches):");
            o.WriteLine();
            o.WriteLine("| pattern / item | precision | recall | F1 |");
            o.WriteLine("|---|---|---|---|");
            foreach (var (k, v) in total.Items.Where(x => x.Key.Contains('/', StringComparison.Ordinal))) o.WriteLine(ClaimScorer.Line(k, v));
            if (parse.GetValue(perCluster))
            {
                foreach (var (name, s) in rows)
                {
                    o.WriteLine();
                    o.WriteLine($"{name}:");
                    foreach (var k in new[] { "claims", "corroboration", "update", "conflict", "current" }) o.WriteLine(ClaimScorer.Line(k, s[k]));
                }
            }
            foreach (var (name, lines) in errorLines)
            {
                o.WriteLine();
                o.WriteLine($"{name} errors:");
                foreach (var line in lines) o.WriteLine("  " + line);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
