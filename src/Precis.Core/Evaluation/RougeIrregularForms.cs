namespace Precis.Evaluation;

/// <summary>
/// Stand-in for ROUGE's WordNet-2.0 exception database: with <c>-m</c>, ROUGE looks every token longer than
/// 3 characters up in that table of irregular inflections (inflected form → first base form) and returns the
/// base form instead of stemming it.
/// </summary>
internal static class RougeIrregularForms
{
    private static readonly Dictionary<string, string> Forms = new(StringComparer.Ordinal)
    {
    };

    public static string? Lookup(string token) => Forms.GetValueOrDefault(token);
}
