using Precis.Documents;
using Precis.Ingest;

namespace Precis.Cli.Commands;

/// <summary>Reading the CLI's inputs the same way for every command.</summary>
internal static class CliInput
{
    /// <summary>
    /// Standard input with the checks a file gets (size limit while reading, binary and encoding checks): the raw
    /// bytes when the process's own standard input is in use, the text otherwise (tests pass a reader).
    /// </summary>
    public static List<SourceDocument> ReadStdin(CliIO io, InputReader reader, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(reader);
        if (ReferenceEquals(io.In, Console.In))
        {
            using var stdin = Console.OpenStandardInput();
            return reader.ReadStream("stdin", stdin, diagnostics);
        }
        return reader.ReadText("stdin", io.In, diagnostics);
    }

    /// <summary>Why a run found nothing to work on, for the exit-3 line: an empty folder, or every file skipped.</summary>
    public static string WhyNothing(string path, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int skipped = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Skipped);
        if (path != "-" && Directory.Exists(path) && skipped == 0) return "the folder holds no files (hidden files and folders are not read)";
        return skipped == 0 ? "no article in the input" : $"every input was skipped ({skipped} skipped; the lines above say why)";
    }

    /// <summary>One line for a store that cannot be opened (a read-only or uncreatable data folder, a refused connection).</summary>
    public static bool IsStoreOpenFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or System.Data.Common.DbException or InvalidOperationException or ArgumentException;
}
