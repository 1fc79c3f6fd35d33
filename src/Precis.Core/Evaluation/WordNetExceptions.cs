using System.Collections.Concurrent;

namespace Precis.Evaluation;

/// <summary>
/// ROUGE-1.5.5's exception database (<c>WordNet-2.0.exc.db</c>) rebuilt at run time from WordNet's morphological
/// exception lists <c>adj.exc</c>, <c>adv.exc</c>, <c>noun.exc</c>, <c>verb.exc</c> (each line
/// "inflected base [base2 …]"). Semantics of ROUGE's <c>buildExeptionDB.pl</c>: every line is split on white space
/// and the DB gets inflected → <em>first</em> base; lines are read file by file and a later line overwrites an earlier
/// one, within a file and across files (adverbs after adjectives: better → "well", not "good"). ROUGE's
/// <c>MorphStem</c> lower-cases the token and returns the stored base unstemmed when the key exists.
/// PRECIS: WordNet's data is not shipped; the files are read from a directory on the machine (Debian's
/// <c>wordnet-base</c> installs WordNet 3.0's in /usr/share/wordnet). When they are absent the scorer falls back to
/// our hand-written <see cref="RougeIrregularForms"/>.
/// </summary>
public sealed class WordNetExceptions
{
    /// <summary>Where the files are looked for when no directory is given: Debian's location.</summary>
    public const string DefaultDirectory = "/usr/share/wordnet";

    /// <summary>Environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "PRECIS_WORDNET_DIR";

    /// <summary>The four exception lists in the order ROUGE's DB builder met them (alphabetical; later wins).</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["adj.exc", "adv.exc", "noun.exc", "verb.exc"];

    private static readonly ConcurrentDictionary<string, WordNetExceptions?> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _bases;

    private WordNetExceptions(string directory, Dictionary<string, string> bases)
    {
        Directory = directory;
        _bases = bases;
    }

    /// <summary>The directory the lists were read from.</summary>
    public string Directory { get; }

    /// <summary>Number of inflected forms in the database.</summary>
    public int Count => _bases.Count;

    /// <summary>The directory used when none is given: <c>$PRECIS_WORDNET_DIR</c> if set, else <see cref="DefaultDirectory"/>.</summary>
    public static string ResolveDirectory(string? directory = null)
    {
        if (!string.IsNullOrEmpty(directory)) return directory;
        var fromEnvironment = Environment.GetEnvironmentVariable(DirectoryVariable);
        return string.IsNullOrEmpty(fromEnvironment) ? DefaultDirectory : fromEnvironment;
    }

    /// <summary>
    /// The database read from <paramref name="directory"/> (see <see cref="ResolveDirectory"/>), or null when any
    /// of the four files is missing or unreadable. Loaded once per directory per process.
    /// </summary>
    public static WordNetExceptions? Load(string? directory = null)
    {
        var resolved = Path.GetFullPath(ResolveDirectory(directory));
        return Loaded.GetOrAdd(resolved, Read);
    }

    private static WordNetExceptions? Read(string directory)
    {
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path)) return null;
            try
            {
                foreach (var line in File.ReadLines(path)) Add(bases, line);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
        return new WordNetExceptions(directory, bases);
    }

    /// <summary>One line as <c>split(/\s+/, $line)</c> followed by <c>$db{$tmp[0]} = $tmp[1]</c>.</summary>
    internal static void Add(Dictionary<string, string> bases, string line)
    {
        var fields = RougeText.PerlSplit(line);
        // Perl keeps a leading empty field (a line starting with white space maps "" to the first word); such a
        // key never equals a token, so it is skipped. A line of one word stores undef, which `exists` still finds:
        // MorphStem then returns undef and the token vanishes — WordNet's files have no such line, so it is skipped too.
        if (fields.Count < 2 || fields[0].Length == 0) return;
        bases[fields[0]] = fields[1];
    }

    /// <summary>Builds a database from lines in the .exc format (for tests and tools), files in the given order.</summary>
    internal static WordNetExceptions FromLines(IEnumerable<string> lines)
    {
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines) Add(bases, line);
        return new WordNetExceptions("(memory)", bases);
    }

    /// <summary>The stored base form of a token (ROUGE lower-cases the token before the lookup), or null.</summary>
    public string? Lookup(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _bases.TryGetValue(token.ToLowerInvariant(), out var form) ? form : null;
    }
}
