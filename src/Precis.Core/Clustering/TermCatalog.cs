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

    /// <summary>The number of the name key <paramref name="name"/>.</summary>
    public static int NameIdOf(string name) => IdOf(NamePrefix + name);

    /// <summary><see cref="IdOf"/> through a per-thread memo keyed by the string object: the tokenizer hands out one
    /// string per word form and thread, so a term met again costs a reference hash instead of hashing and comparing
    /// its characters in the shared table. A different object with the same characters gets the same number.</summary>
    public static int CachedIdOf(string term) => Cached(ref t_terms, term, name: false);

    /// <summary><see cref="NameIdOf"/> through a per-thread memo keyed by the string object (name keys come from a
    /// per-thread memo too).</summary>
    public static int CachedNameIdOf(string name) => Cached(ref t_names, name, name: true);

    private static int Cached(ref Dictionary<string, int>? memo, string key, bool name)
    {
        memo ??= new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        if (memo.TryGetValue(key, out var id)) return id;
        // Bounded: the memo holds its strings alive, and a thread may read an unbounded stream.
        if (memo.Count >= MaxMemo) memo.Clear();
        id = name ? NameIdOf(key) : IdOf(key);
        memo.Add(key, id);
        return id;
    }

    private const int MaxMemo = 1 << 18;

    [ThreadStatic]
    private static Dictionary<string, int>? t_terms;

    [ThreadStatic]
    private static Dictionary<string, int>? t_names;
}
