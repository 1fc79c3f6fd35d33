using System.Collections.Concurrent;

namespace Precis.Clustering;

/// <summary>
/// Process-wide numbers for clustering terms and name keys, handed out where articles are read (ingest reads on all
/// cores), so the clusterer's serial part turns a term into its own id with an array read instead of a string hash
/// and compare on a table as large as the vocabulary. The numbers mean nothing beyond "same string": each clusterer
/// numbers terms itself, in the order it first meets them (its decisions do not depend on this catalog). Grows with the
/// vocabulary seen by the process, as each clusterer's own term table does. Thread-safe.
/// </summary>
internal static class TermCatalog
{
    /// <summary>Name keys share the term numbering under this prefix.</summary>
    public const char NamePrefix = '\u0001';

    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();
    private static int s_count;

    /// <summary>The number of <paramref name="term"/>, given on first sight.</summary>
    public static int IdOf(string term)
    {
        if (s_ids.TryGetValue(term, out var id)) return id;
        lock (s_gate)
        {
            if (s_ids.TryGetValue(term, out id)) return id;
            id = s_count++;
            s_ids[term] = id;
            return id;
        }
    }

    /// <summary>The number of <paramref name="term"/>, or -1 when it was never numbered.</summary>
    public static int Find(string term) => s_ids.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The number of the name key <paramref name="name"/>.</summary>
    public static int NameIdOf(string name) => IdOf(NamePrefix + name);
}
