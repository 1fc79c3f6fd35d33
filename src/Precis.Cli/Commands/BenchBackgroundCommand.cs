using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using Precis.Clustering;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench background [--out FILE]</c>: writes the background document frequencies the clusterer's bg_cos
/// feature reads (<see cref="BackgroundFrequencies"/>) from shared news text that is not a clustering stream:
/// ../shared/bench/t17/articles.jsonl.gz, polnear/train.jsonl.gz and dev.jsonl.gz, tempeval3/train.jsonl.gz (the
/// "text" of each line). Word statistics only: term and document count. Default output:
/// src/Precis.Core/Clustering/Background.tsv (embedded at the next build).
/// </summary>
internal static class BenchBackgroundCommand
{
    private static readonly string[] Sources = ["t17/articles.jsonl.gz", "polnear/train.jsonl.gz", "polnear/dev.jsonl.gz", "tempeval3/train.jsonl.gz"];

    public static Command Create(CliIO io)
    {
        var output = new Option<string?>("--out") { Description = "Output file; default src/Precis.Core/Clustering/Background.tsv in the repository." };
        var command = new Command("background", "Write the background document frequencies of the clusterer's bg_cos feature.") { output };
        command.SetAction(parse => Run(io, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliIO io, string? outPath)
    {
        var root = BenchClusterCommand.RepositoryRoot();
        if (root is null)
        {
            io.Error.WriteLine("precis: run inside the repository (the shared bench data lies beside it)");
            return ExitCodes.Usage;
        }
        var bench = Path.Combine(root, "..", "shared", "bench");
        var files = Sources.Select(s => Path.Combine(bench, s)).ToList();
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            io.Error.WriteLine($"precis: background source not found: {missing}");
            return ExitCodes.Usage;
        }
        outPath ??= Path.Combine(root, "src", "Precis.Core", "Clustering", "Background.tsv");
        var table = BackgroundFrequencies.Build(files.SelectMany(Texts));
        File.WriteAllText(outPath, table);
        io.Out.WriteLine($"wrote {outPath}: {table.Split('\n')[0].Replace('\t', ' ')}, {table.Count(c => c == '\n') - 1} terms");
        return ExitCodes.Success;
    }

    private static IEnumerable<string> Texts(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } s) yield return s;
        }
    }
}
