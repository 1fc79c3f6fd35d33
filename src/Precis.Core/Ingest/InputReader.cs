using Precis.Documents;

namespace Precis.Ingest;

/// <summary>The ways an input file can be laid out.</summary>
internal enum InputKind
{
    PlainText,
    Markdown,
    Html,
    Json,
    JsonLines,
}

/// <summary>
/// Reads files, folders and standard input into <see cref="SourceDocument"/>s. Every bad input becomes one
/// <see cref="Diagnostic"/> and reading goes on; what was read before is kept.
/// </summary>
/// <param name="maxInputBytes">Inputs larger than this are skipped without being read (see <c>PrecisOptions.MaxInputBytes</c>).</param>
public sealed class InputReader(long maxInputBytes = 16 * 1024 * 1024)
{
    /// <summary>Reads a file or, recursively, a folder: files in ordinal order of their relative paths; hidden files and
    /// folders (name starting with '.', or the hidden attribute) are skipped.</summary>
    public List<SourceDocument> Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<SourceDocument>();
        if (Directory.Exists(path))
        {
            foreach (var file in EnumerateFolder(path)) ReadFile(file, result, diagnostics);
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

    /// <summary>Reads standard input (or any text stream); the format is detected from the content.</summary>
    public List<SourceDocument> ReadText(string origin, TextReader reader, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<SourceDocument>();
        // A TextReader has already decoded its bytes, so the limit counts UTF-16 code units, read in chunks so that an
        // oversized input is never held whole.
        var buffer = new System.Text.StringBuilder();
        var chunk = new char[64 * 1024];
        int n;
        while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxInputBytes)
            {
                diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"too large (more than {maxInputBytes} characters; limit {maxInputBytes} bytes)"));
                return result;
            }
            buffer.Append(chunk, 0, n);
        }
        var decoded = InputDecoder.Check(buffer.ToString());
        Add(origin, decoded, null, result, diagnostics);
        return result;
    }

    /// <summary>Reads in-memory bytes as if they were a file with the given name (the extension picks the format).</summary>
    public List<SourceDocument> ReadBytes(string origin, ReadOnlySpan<byte> bytes, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<SourceDocument>();
        if (bytes.Length > maxInputBytes)
        {
            diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"too large ({bytes.Length} bytes; limit {maxInputBytes})"));
            return result;
        }
        Add(origin, InputDecoder.Decode(bytes), KindFromExtension(origin), result, diagnostics);
        return result;
    }

    private void ReadFile(string file, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > maxInputBytes)
            {
                diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"too large ({info.Length} bytes; limit {maxInputBytes})"));
                return;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"cannot read ({e.GetType().Name}: {e.Message})"));
            return;
        }
        // The length can change between the check and the read (a growing file).
        if (bytes.LongLength > maxInputBytes)
        {
            diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"too large ({bytes.LongLength} bytes; limit {maxInputBytes})"));
            return;
        }
        Add(file, InputDecoder.Decode(bytes), KindFromExtension(file), result, diagnostics);
    }

    private static void Add(string origin, DecodedInput decoded, InputKind? byExtension, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        if (decoded.Text is null)
        {
            diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, decoded.Skip ?? "unreadable"));
            return;
        }
        // One line per input: a repair is the line when there is one, otherwise an informational note.
        if (decoded.Repair is not null) diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Repaired, decoded.Repair));
        else if (decoded.Note is not null) diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Note, decoded.Note));

        var text = decoded.Text;
        var kind = FormatSniffer.Resolve(byExtension, text);
        switch (kind)
        {
            case InputKind.Json:
                JsonRecordReader.ReadDocument(origin, text, result, diagnostics);
                break;
            case InputKind.JsonLines:
                JsonRecordReader.ReadLines(origin, text, result, diagnostics);
                break;
            case InputKind.Html:
                result.Add(new SourceDocument(origin, text, DocumentFormat.Html, SourceMetadata.Empty));
                break;
            case InputKind.Markdown:
                result.Add(new SourceDocument(origin, text, DocumentFormat.Markdown, SourceMetadata.Empty));
                break;
            default:
                result.Add(SourceDocument.PlainText(origin, text));
                break;
        }
    }

    internal static InputKind? KindFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => InputKind.PlainText,
        ".md" or ".markdown" or ".mdown" => InputKind.Markdown,
        ".html" or ".htm" or ".xhtml" => InputKind.Html,
        ".json" => InputKind.Json,
        ".jsonl" or ".ndjson" => InputKind.JsonLines,
        _ => null,
    };

    /// <summary>Files under a folder, depth first, in ordinal order of their paths relative to the folder.</summary>
    private static IEnumerable<string> EnumerateFolder(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
            {
                if (IsHidden(entry)) continue;
                if (entry is DirectoryInfo sub)
                {
                    // Symbolic links to folders are not followed: they can form cycles.
                    if (sub.LinkTarget is null) pending.Push(sub.FullName);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }
        var rootFull = Path.GetFullPath(root);
        return files
            .Select(f => (Relative: Path.GetRelativePath(rootFull, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => Path.Join(root, f.Relative));
    }

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;
}
