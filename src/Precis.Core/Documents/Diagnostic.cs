namespace Precis.Documents;

public enum DiagnosticSeverity
{
    /// <summary>The input was changed to be usable (e.g. invalid UTF-8 bytes replaced).</summary>
    Repaired,
    /// <summary>The input was skipped.</summary>
    Skipped,
    /// <summary>Information worth showing, e.g. an ambiguous date and how it was settled.</summary>
    Note,
}

/// <summary>A problem with one input, reported on standard error as one line; the run goes on.</summary>
public sealed record Diagnostic(string Origin, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() => Severity switch
    {
        DiagnosticSeverity.Skipped => $"{Origin}: skipped: {Message}",
        DiagnosticSeverity.Repaired => $"{Origin}: repaired: {Message}",
        _ => $"{Origin}: note: {Message}",
    };
}
