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
            foreach (var file in EnumerateFolder(path, diagnostics)) ReadFile(file, result, diagnostics);
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
        // Only regular files (after following links): a FIFO would block forever, /dev/zero never ends.
        var kind = FileKind.Of(file);
        if (kind != FileKind.Kind.Regular)
        {
            diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"not a regular file: {FileKind.Describe(kind)}"));
            return;
        }
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // A regular file states its size: refuse it unread when that is over the limit. The limit is still enforced
            // while reading, since a file can grow between the check and the read.
            if (stream.Length > maxInputBytes)
            {
                diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"too large ({stream.Length} bytes; limit {maxInputBytes})"));
                return;
            }
            bytes = ReadLimited(stream, maxInputBytes, out long seen);
            if (bytes.LongLength > maxInputBytes || seen > maxInputBytes)
            {
                diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"too large (more than {maxInputBytes} bytes; limit {maxInputBytes})"));
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(file, DiagnosticSeverity.Skipped, $"cannot read ({e.GetType().Name}: {e.Message})"));
            return;
        }
        Add(file, InputDecoder.Decode(bytes), KindFromExtension(file), result, diagnostics);
    }

    /// <summary>
    /// Reads a stream up to <paramref name="limit"/> + 1 bytes, never more: the size limit holds while reading, so a
    /// growing file or an endless one (a device, a pipe) costs at most the limit. <paramref name="seen"/> is the
    /// number of bytes read; more than the limit means the input is too large and the bytes are incomplete.
    /// </summary>
    internal static byte[] ReadLimited(Stream stream, long limit, out long seen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        seen = 0;
        while (seen <= limit)
        {
            int want = (int)Math.Min(chunk.Length, limit + 1 - seen);
            int n = stream.Read(chunk, 0, want);
            if (n <= 0) break;
            seen += n;
            if (seen <= limit) buffer.Write(chunk, 0, n);
        }
        return seen > limit ? [] : buffer.ToArray();
    }

    /// <summary>
    /// Reads standard input (or any byte stream) with the same checks as a file: the size limit while reading, then
    /// the binary and encoding checks of <see cref="InputDecoder"/>; the format is detected from the content.
    /// </summary>
    public List<SourceDocument> ReadStream(string origin, Stream stream, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<SourceDocument>();
        var bytes = ReadLimited(stream, maxInputBytes, out long seen);
        if (seen > maxInputBytes)
        {
            diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"too large (more than {maxInputBytes} bytes; limit {maxInputBytes})"));
            return result;
        }
        Add(origin, InputDecoder.Decode(bytes), null, result, diagnostics);
        return result;
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
    private static IEnumerable<string> EnumerateFolder(string root, ICollection<Diagnostic> diagnostics)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos("*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                diagnostics.Add(new Diagnostic(dir, DiagnosticSeverity.Skipped, $"cannot read folder ({e.GetType().Name}: {e.Message})"));
                continue;
            }
            foreach (var entry in entries)
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
