using System.Text;
using Precis.Documents;

namespace Precis.Ingest;

/// <summary>Reads files, folders and standard input into <see cref="SourceDocument"/>s; bad inputs become diagnostics.</summary>
public sealed class InputReader(long maxInputBytes = 16 * 1024 * 1024)
{
    /// <summary>Reads a file or, recursively, a folder (files in ordinal path order).</summary>
    public List<SourceDocument> Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<SourceDocument>();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal);
            foreach (var f in files) ReadFile(f, result, diagnostics);
        }
        else if (File.Exists(path))
        {
            ReadFile(path, result, diagnostics);
        }
        else
        {
            diagnostics.Add(new Diagnostic(path, DiagnosticSeverity.Skipped, "no such file or folder"));
        }
        return result;
    }

    private void ReadFile(string file, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        // PRECIS: first version reads UTF-8 plain text; the Ingest owner adds formats and input checks.
        var info = new FileInfo(file);
        if (info.Length > maxInputBytes)
        {
            diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"too large ({info.Length} bytes; limit {maxInputBytes})"));
            return;
        }
        var text = File.ReadAllText(file, Encoding.UTF8);
        result.Add(SourceDocument.PlainText(file, text));
    }
}
