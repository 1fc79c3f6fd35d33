using System.CommandLine;
using Precis.Cli.Commands;

namespace Precis.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error);

    /// <summary>Runs the CLI against the given streams; tests call this directly.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var io = new CliIO(stdin, stdout, stderr);
        var root = new RootCommand("Precis: turns many news articles about the same events into a cited briefing.")
        {
            BriefCommand.Create(io),
            EvalCommand.Create(io),
            TimelineCommand.Create(io),
            RougeCommand.Create(io),
            IngestCommand.Create(io),
            ServeCommand.Create(io),
            new Command("bench", "Measure Precis on bench data.") { BenchClusterCommand.Create(io), BenchWorkersCommand.Create(io) },
            FeedsCommand.Create(io),
            CliProgress.QuietOption,
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            foreach (var error in result.Errors) stderr.WriteLine($"precis: {error.Message}");
            stderr.WriteLine("Run 'precis --help' for usage.");
            return ExitCodes.Usage;
        }
        return result.Invoke(config);
    }
}

/// <summary>The streams a command reads and writes.</summary>
public sealed record CliIO(TextReader In, TextWriter Out, TextWriter Error);

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 2;
    public const int NoUsableArticle = 3;
}
