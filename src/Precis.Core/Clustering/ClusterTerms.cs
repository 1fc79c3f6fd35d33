using Precis.Analysis.Entities;
using Precis.Documents;
using Precis.Text;

namespace Precis.Clustering;

/// <summary>One article as the event clusterer sees it: a bag of stemmed content words and an optional date.</summary>
/// <param name="Id">The article's identifier (opaque to the clusterer).</param>
/// <param name="Terms">Stemmed, lower-cased content words with repetitions, in text order.</param>
/// <param name="Date">The publication day when known; events are only matched within a time window of it.</param>
public sealed record ClusterInput(string Id, IReadOnlyList<string> Terms, DateOnly? Date = null)
{
    /// <summary>Content words of the headline and the opening of the text (the lead), stemmed as <see cref="Terms"/>;
    /// empty when not extracted. Reporters put the event's who, what and where first (inverted pyramid).</summary>
    public IReadOnlyList<string> LeadTerms { get; init; } = [];

    /// <summary>Keys of capitalised names (people, places, organisations) in text order with repetitions: each
    /// multi-word name once as a whole and once by its last word, so "Hun Sen" and "Sen" meet; keyed by the entity
    /// stage's spelling key (<see cref="Precis.Analysis.Entities.NameKey"/>), so "Gaddafi" and "Qadhafi" meet too.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The document's structure as the boilerplate check reads it; null when not measured.</summary>
    public DocumentShape? Shape { get; init; }

    /// <summary><see cref="Terms"/> counted once where the input is made (ingest makes it on all cores), so the
    /// clusterer's serial part looks each distinct term up once; used only while it still describes <see cref="Terms"/>.</summary>
    internal TermTable? Table { get; init; }

    internal TermTable CountedTerms() => Table is { } table && ReferenceEquals(table.Source, Terms) ? table : TermTable.Count(Terms);

    /// <summary>The catalog numbers (<see cref="TermCatalog"/>) of <see cref="Names"/>, one per occurrence.</summary>
    internal int[] NameIds() => Table is { NameSource: { } source, NameIds: { } ids } && ReferenceEquals(source, Names) ? ids : TermTable.NameIdsOf(Names);

    /// <summary>The catalog numbers of <see cref="LeadTerms"/>, one per occurrence.</summary>
    internal int[] LeadIds() => Table is { LeadSource: { } source, LeadIds: { } ids } && ReferenceEquals(source, LeadTerms) ? ids : TermTable.LeadIdsOf(LeadTerms);
}

/// <summary>A term list counted: its distinct terms in order of first occurrence, their catalog numbers
/// (<see cref="TermCatalog"/>) and counts, and the list as indices into the distinct terms; optionally the catalog
/// numbers of the article's names and lead terms, looked up where the article is read.</summary>
internal sealed class TermTable
{
    private TermTable(IReadOnlyList<string> source, string[] distinct, int[] ids, int[] counts, int[] sequence)
    {
        Source = source;
        Distinct = distinct;
        Ids = ids;
        Counts = counts;
        Sequence = sequence;
    }

    public IReadOnlyList<string> Source { get; }
    public string[] Distinct { get; }
    public int[] Ids { get; }
    public int[] Counts { get; }
    public int[] Sequence { get; }

    /// <summary>The names list <see cref="NameIds"/> was computed for.</summary>
    public IReadOnlyList<string>? NameSource { get; private init; }
    public int[]? NameIds { get; private init; }

    /// <summary>The lead list <see cref="LeadIds"/> was computed for.</summary>
    public IReadOnlyList<string>? LeadSource { get; private init; }
    public int[]? LeadIds { get; private init; }

    /// <summary>Counts <paramref name="terms"/>; with <paramref name="names"/> and <paramref name="lead"/> (the same
    /// article's), numbers those too.</summary>
    public static TermTable Count(IReadOnlyList<string> terms, IReadOnlyList<string>? names = null, IReadOnlyList<string>? lead = null) =>
        Count(terms, null, names, lead);

    /// <summary>Counts <paramref name="terms"/> whose catalog numbers are known where an entry of
    /// <paramref name="numbers"/> (parallel to the terms, filled in here) is not negative: the tokenizer gives them
    /// (<see cref="Precis.Documents.Token.StemNumber"/>), so a term occurrence costs no lookup. With numbers,
    /// <paramref name="lead"/> must be the first terms (as the builders of <see cref="ClusterTerms"/> make it).</summary>
    public static TermTable Count(IReadOnlyList<string> terms, List<int>? numbers, IReadOnlyList<string>? names, IReadOnlyList<string>? lead)
    {
        // Distinct by catalog number (one number per distinct string), in order of first occurrence, gathered in the
        // thread's reading scratch; the table keeps exact-size arrays.
        var scratch = ReadScratch.Current;
        var slots = scratch.Slots;
        var distinct = scratch.Distinct;
        var ids = scratch.Ids;
        var counts = scratch.Counts;
        slots.Clear();
        distinct.Clear();
        ids.Clear();
        counts.Clear();
        var sequence = new int[terms.Count];
        for (int i = 0; i < sequence.Length; i++)
        {
            int number = numbers is not null && numbers[i] >= 0 ? numbers[i] : TermCatalog.CachedIdOf(terms[i]);
            if (numbers is not null) numbers[i] = number;
            ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(slots, number, out bool exists);
            if (!exists)
            {
                slot = distinct.Count;
                distinct.Add(terms[i]);
                ids.Add(number);
                counts.Add(0);
            }
            counts[slot]++;
            sequence[i] = slot;
        }
        var table = new TermTable(terms, [.. distinct], [.. ids], [.. counts], sequence)
        {
            NameSource = names,
            NameIds = names is null ? null : NameIdsOf(names),
            LeadSource = lead,
            LeadIds = lead is null ? null : numbers is not null ? [.. System.Runtime.InteropServices.CollectionsMarshal.AsSpan(numbers)[..lead.Count]] : LeadIdsOf(lead),
        };
        distinct.Clear();
        scratch.DropIfHuge();
        return table;
    }

    public static int[] NameIdsOf(IReadOnlyList<string> names) => IdsOf(names, TermCatalog.CachedNameIdOf);

    public static int[] LeadIdsOf(IReadOnlyList<string> lead) => IdsOf(lead, TermCatalog.CachedIdOf);

    private static int[] IdsOf(IReadOnlyList<string> list, Func<string, int> number)
    {
        var ids = new int[list.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = number(list[i]);
        return ids;
    }
}

/// <summary>Structural counts of a document used to tell a news text from page furniture.</summary>
/// <param name="Words">Word tokens.</param>
/// <param name="ContentWords">Word tokens that are not stop words (the clustering terms).</param>
/// <param name="Lines">Non-empty lines.</param>
/// <param name="FurnitureLines">Non-empty lines of fewer than six words that do not end a sentence (menus, buttons, captions).</param>
/// <param name="WebWords">Words naming the page, the browser or the reader's actions on them (see <see cref="BoilerplateDetector"/>).</param>
/// <param name="ReaderWords">Second-person words ("you", "your"): prompts address the reader, news reports rarely do.</param>
/// <param name="Sentences">Sentence ends (. ! ?) seen.</param>
public sealed record DocumentShape(int Words, int ContentWords, int Lines, int FurnitureLines, int WebWords, int ReaderWords, int Sentences);

/// <summary>Turns article text into clustering terms with the pipeline's tokenizer, stemmer and stop-word list.</summary>
public static class ClusterTerms
{
    /// <summary>Content words of the lead: the headline plus about the first two sentences.</summary>
    private const int LeadLength = 30;

    public static ClusterInput FromText(string id, string? headline, string text, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        var (terms, numbers, names) = Scratch();
        int leadCount = 0;
        // A detected headline is often the text's first line: count it once.
        if (!string.IsNullOrEmpty(headline) && !text.Contains(headline, StringComparison.Ordinal))
        {
            Add(headline, terms, numbers, names);
            leadCount = terms.Count;
        }
        int before = terms.Count;
        var shape = Add(text, terms, numbers, names);
        // The lead is the first terms (the headline's, then the text's first ones).
        leadCount += Math.Min(LeadLength, terms.Count - before);
        return Input(id, date, terms, numbers, names, leadCount, shape);
    }

    /// <summary>Uses the tokens the pipeline's segmentation already made (content sentences, furniture excluded)
    /// when there are any, plus the headline; otherwise tokenizes the text.</summary>
    public static ClusterInput FromArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Sentences.IsEmpty) return FromText(article.Id, article.Headline, article.Text, article.Published?.Date);
        var (terms, numbers, names) = Scratch();
        if (!string.IsNullOrEmpty(article.Headline)) Add(article.Headline, terms, numbers, names);
        var tokens = new List<Token>();
        foreach (var sentence in article.Sentences)
        {
            tokens.Clear();
            tokens.AddRange(sentence.Tokens);
            foreach (var token in tokens) AddToken(token, terms, numbers);
            ScanNames(article.Text, tokens, names);
        }
        int leadCount = Math.Min(terms.Count, LeadLength + (article.Headline is null ? 0 : 10));
        return Input(article.Id, article.Published?.Date, terms, numbers, names, leadCount, Measure(article.Text));
    }

    /// <summary>The thread's lists an input is gathered in (emptied); the input keeps exact-size arrays.</summary>
    private static (List<string> Terms, List<int> Numbers, List<string> Names) Scratch()
    {
        var scratch = ReadScratch.Current;
        scratch.Terms.Clear();
        scratch.Numbers.Clear();
        scratch.Names.Clear();
        return (scratch.Terms, scratch.Numbers, scratch.Names);
    }

    private static ClusterInput Input(string id, DateOnly? date, List<string> terms, List<int> numbers, List<string> names, int leadCount, DocumentShape shape)
    {
        string[] termArray = [.. terms];
        string[] nameArray = [.. names];
        string[] lead = termArray[..leadCount];
        var table = TermTable.Count(termArray, numbers, nameArray, lead);
        terms.Clear();
        numbers.Clear();
        names.Clear();
        ReadScratch.Current.DropIfHuge();
        return new ClusterInput(id, termArray, date) { LeadTerms = lead, Names = nameArray, Shape = shape, Table = table };
    }

    private static DocumentShape Add(string text, List<string> terms, List<int> numbers, List<string> names)
    {
        // The tokens live only for this call, in the thread's reading scratch.
        var tokens = ReadScratch.Current.Tokens;
        tokens.Clear();
        try
        {
            Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
            foreach (var token in tokens) AddToken(token, terms, numbers);
            ScanNames(text, tokens, names);
            return Measure(text, tokens);
        }
        finally
        {
            tokens.Clear();
        }
    }

    private static void AddToken(Token token, List<string> terms, List<int> numbers)
    {
        // Content words only: stop words and one-letter tokens carry no topic (Salton & Buckley 1988).
        if (token.Kind != TokenKind.Word || token.IsStopWord || token.Normal.Length < 2) return;
        terms.Add(token.Stem);
        numbers.Add(token.StemNumber);
    }

    /// <summary>A cheap capitalised-name scan (the entity stage's scanner needs the whole article set for its case
    /// evidence and costs far more than clustering): runs of capitalised words that are not stop words. A
    /// sentence-initial word counts only as part of a run of two or more, since any word is capitalised there.</summary>
    private static void ScanNames(string text, List<Token> tokens, List<string> names)
    {
        bool sentenceStart = true;
        int i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                char c = text[t.Span.Start];
                if (c is '.' or '!' or '?' or ':' or '"' or '\u201C') sentenceStart = true;
                i++;
                continue;
            }
            if (!IsCapitalised(text, t))
            {
                sentenceStart = t.Kind != TokenKind.Word && sentenceStart;
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < tokens.Count && IsCapitalised(text, tokens[end + 1])) end++;
            int first = i;
            if (sentenceStart && end == i) first = i + 1;           // a lone sentence-initial capital: not evidence
            if (first <= end)
            {
                string? key = null;
                for (int k = first; k <= end; k++) key = key is null ? tokens[k].Normal : key + " " + tokens[k].Normal;
                if (key is not null && key.Length > 1)
                {
                    // The entity stage's spelling keys (NameKey): transliteration and typographic variants of a name
                    // ("Gaddafi" / "Qadhafi", "Deir Ezzor" / "Deir al-Zour") meet under one key.
                    names.Add(Alias(key));
                    if (end > first) names.Add(Alias(tokens[end].Normal));
                }
            }
            sentenceStart = false;
            i = end + 1;
        }
    }

    private static string Alias(string name)
    {
        // NameKey is a pure function of the spelling and names recur within and across articles: memoise it per
        // thread (ingest reads documents in parallel), bounded by starting afresh past 32,768 names (a few thousand,
        // as before, was fewer than the bench streams name, so the memo kept emptying).
        var cache = t_aliases ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (cache.TryGetValue(name, out var known)) return known;
        if (cache.Count >= AliasCacheSize) cache.Clear();
        var key = NameKey.Compute(name);
        key = key.Length > 1 ? key : name;
        cache[name] = key;
        return key;
    }

    private const int AliasCacheSize = 1 << 15;

    [ThreadStatic]
    private static Dictionary<string, string>? t_aliases;

    private static bool IsCapitalised(string text, Token t) =>
        t.Kind == TokenKind.Word && !t.IsStopWord && t.Normal.Length > 1 && char.IsUpper(text[t.Span.Start]);

    private static DocumentShape Measure(string text) => Measure(text, Tokenizer.Tokenize(text, new TextSpan(0, text.Length)));

    private static DocumentShape Measure(string text, List<Token> tokens)
    {
        int words = 0, content = 0, web = 0, reader = 0, sentences = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Punctuation)
            {
                if (text[t.Span.Start] is '.' or '!' or '?') sentences++;
                continue;
            }
            if (t.Kind != TokenKind.Word) continue;
            words++;
            if (!t.IsStopWord && t.Normal.Length >= 2) content++;
            if (BoilerplateDetector.IsWebWord(t.Normal)) web++;
            if (t.Normal is "you" or "your" or "yours" or "you're" or "you've" or "you'll") reader++;
        }
        int lines = 0, furniture = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].Trim();
            if (line.IsEmpty) continue;
            lines++;
            int lineWords = 0;
            foreach (var _ in line.Split(' ')) lineWords++;
            if (lineWords < 6 && line[^1] is not ('.' or '!' or '?' or '"' or '\u201D')) furniture++;
        }
        return new DocumentShape(words, content, lines, furniture, web, reader, sentences);
    }
}

/// <summary>The working lists of reading one article into clustering terms, one set per thread (ingest reads on all
/// cores) and reused article after article, so an article's terms neither regrow lists nor land on the large object
/// heap each time; what an input keeps is copied out at its exact size. Each user empties the lists it uses first, and
/// empties those holding strings when done, so no article's text stays reachable through them.</summary>
file sealed class ReadScratch
{
    /// <summary>Lists grown past this many entries by one huge input are dropped rather than kept alive.</summary>
    private const int MaxKept = 1 << 16;

    [ThreadStatic]
    private static ReadScratch? t_current;

    public static ReadScratch Current => t_current ??= new ReadScratch();

    public readonly List<Token> Tokens = new(1024);
    public readonly List<string> Terms = new(1024);
    public readonly List<int> Numbers = new(1024);
    public readonly List<string> Names = new(128);
    public readonly Dictionary<int, int> Slots = [];
    public readonly List<string> Distinct = [];
    public readonly List<int> Ids = [];
    public readonly List<int> Counts = [];

    /// <summary>Forgets this thread's scratch when one huge input grew it (the next article starts a fresh one).</summary>
    public void DropIfHuge()
    {
        if (Tokens.Capacity > MaxKept || Terms.Capacity > MaxKept || Slots.Count > MaxKept) t_current = null;
    }
}
