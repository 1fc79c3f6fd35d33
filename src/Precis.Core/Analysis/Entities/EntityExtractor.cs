using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Entities;

/// <summary>
/// Finds the people, organisations and places of an article set and merges the spellings of each into one group.
/// Merging works on names it has never seen: spelling keys (<see cref="NameKey"/>), acronyms defined in the text
/// or matching a name's initials, surname-only and short references to a full name, and definite descriptions
/// ("the monitor") that match how an organisation was described earlier.
/// </summary>
public static class EntityExtractor
{
    private sealed class Form(string text)
    {
        public string Text { get; } = text;
        public List<NameCandidate> Mentions { get; } = [];
        public string Key { get; set; } = "";
        public List<string> WordKeys { get; set; } = [];
        public bool IsAcronym { get; set; }
        // the name-shape prior counts once per spelling, not once per mention
        public double Person => Mentions.Sum(m => m.Person) + (Mentions.Any(m => m.NameShaped) ? 0.5 : 0);
        public double Organization => Mentions.Sum(m => m.Organization);
        public double Place => Mentions.Sum(m => m.Place);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    public static EntityAnalysis Extract(IReadOnlyList<Article> articles, IReadOnlyList<SyndicationGroup> syndication)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(syndication);
        var scanner = NameScanner.For(articles);
        var byText = new Dictionary<string, Form>(StringComparer.OrdinalIgnoreCase);
        var definitions = new List<(string Long, string Short)>();
        foreach (var article in articles)
        {
            // The dateline ("BEIRUT:") is a place; segmentation may leave it outside every sentence.
            if (!string.IsNullOrWhiteSpace(article.Dateline))
            {
                int at = article.Text.IndexOf(article.Dateline, StringComparison.Ordinal);
                bool inSentence = at >= 0 && article.Sentences.Any(x => x.Span.Start <= at && at < x.Span.End);
                if (at >= 0 && !inSentence)
                {
                    var dateline = new NameCandidate(article.Number, -1, new TextSpan(at, article.Dateline.Length), article.Dateline, 0, 0, 3, null, null);
                    var key = CollapseSpaces(article.Dateline);
                    if (!byText.TryGetValue(key, out var df)) byText[key] = df = new Form(key);
                    df.Mentions.Add(dateline);
                }
            }
            foreach (var sentence in article.Sentences)
            {
                foreach (var c in scanner.Scan(article, sentence))
                {
                    var text = CollapseSpaces(c.Text);
                    if (!byText.TryGetValue(text, out var form)) byText[text] = form = new Form(text);
                    form.Mentions.Add(c);
                    if (c.Acronym is { } acr) definitions.Add((text, CollapseSpaces(acr.Text)));
                }
            }
        }

        // Deterministic order: forms sorted ordinally, ignoring case.
        var forms = byText.Values.OrderBy(f => f.Text, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Text, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < forms.Count; i++)
        {
            index[forms[i].Text] = i;
            forms[i].Key = NameKey.Compute(forms[i].Text);
            forms[i].WordKeys = NameKey.Words(forms[i].Text);
            forms[i].IsAcronym = NameScanner.IsAcronym(forms[i].Text.Replace(" ", "", StringComparison.Ordinal));
        }
        var sets = new UnionFind(forms.Count);

        // 1. same spelling key: case, hyphenation, article and transliteration variants
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < forms.Count; i++)
        {
            if (forms[i].Key.Length == 0) continue;
            if (byKey.TryGetValue(forms[i].Key, out var j)) sets.Union(i, j); else byKey[forms[i].Key] = i;
        }

        // 2. acronyms defined in the text: "International Atomic Energy Agency (IAEA)", "Daesh (IS)"
        foreach (var (longForm, shortForm) in definitions)
        {
            if (index.TryGetValue(longForm, out var a) && index.TryGetValue(shortForm, out var b)) sets.Union(a, b);
        }

        // 3. acronyms matching the initials of exactly one name: "SOHR" ↔ "Syrian Observatory for Human Rights".
        //    Two-letter acronyms are ambiguous, so they must also occur in an article with the name.
        var byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int j = 0; j < forms.Count; j++)
        {
            if (forms[j].IsAcronym) continue;
            var initials = Initials(forms[j].Text);
            if (initials.Length < 2) continue;
            if (!byInitials.TryGetValue(initials, out var list)) byInitials[initials] = list = [];
            list.Add(j);
        }
        for (int i = 0; i < forms.Count; i++)
        {
            if (!forms[i].IsAcronym) continue;
            var letters = new string([.. forms[i].Text.Where(char.IsLetter)]);
            if (letters.Length is < 2 or > 6 || !byInitials.TryGetValue(letters, out var candidates)) continue;
            var matches = letters.Length > 2 ? candidates
                : [.. candidates.Where(j => forms[j].Mentions.Any(m => forms[i].Mentions.Any(n => n.Article == m.Article)))];
            if (matches.Count > 0 && matches.Select(sets.Find).Distinct().Count() == 1) sets.Union(i, matches[0]);
        }

        // 4. near spellings, with guards (NameKey.AreNear: same first letter, close length) and no conflicting kinds
        var formKind = forms.Select(f => KindOf(f.Person, f.Organization, f.Place)).ToArray();
        foreach (var bucket in Enumerable.Range(0, forms.Count).Where(i => forms[i].Key.Length >= 5).GroupBy(i => forms[i].Key[0]))
        {
            var byLength = bucket.OrderBy(i => forms[i].Key.Length).ThenBy(i => i).ToList();
            for (int x = 0; x < byLength.Count; x++)
            {
                var fi = forms[byLength[x]];
                for (int y = x + 1; y < byLength.Count && forms[byLength[y]].Key.Length - fi.Key.Length <= 2; y++)
                {
                    var fj = forms[byLength[y]];
                    if (fi.WordKeys.Count != fj.WordKeys.Count && !(fi.WordKeys.Count == 1 || fj.WordKeys.Count == 1)) continue;
                    if (!Compatible(formKind[byLength[x]], formKind[byLength[y]])) continue;
                    if (sets.Find(byLength[x]) == sets.Find(byLength[y])) continue;
                    if (NameKey.AreNear(fi.Key, fj.Key) && !IsDerivedAdjective(fi.Text, fj.Text)) sets.Union(byLength[x], byLength[y]);
                }
            }
        }

        // 5. short references: "Abdel Rahman" / "Zaatari" → the one person whose full name ends so; "the Observatory" →
        //    the one organisation whose name holds that designator.
        var rootKind = RootKinds(forms, sets);
        var byLastWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int j = 0; j < forms.Count; j++)
        {
            if (forms[j].WordKeys.Count < 2) continue;
            var last = forms[j].WordKeys[^1];
            if (!byLastWord.TryGetValue(last, out var l1)) byLastWord[last] = l1 = [];
            l1.Add(j);
            foreach (var w in forms[j].Text.Split(' '))
            {
                if (!EntityCues.OrganizationDesignators.Contains(w)) continue;
                if (!byWord.TryGetValue(w, out var l2)) byWord[w] = l2 = [];
                if (l2.Count == 0 || l2[^1] != j) l2.Add(j); // each form once per word (j only grows)
            }
        }
        var surnames = new HashSet<int>();
        for (int i = 0; i < forms.Count; i++)
        {
            var f = forms[i];
            if (f.IsAcronym || f.WordKeys.Count == 0) continue;
            var kind = rootKind[sets.Find(i)];
            bool designator = f.WordKeys.Count == 1 && EntityCues.OrganizationDesignators.Contains(f.Text);
            // a surname read as a place or organisation only from a weak cue ("a Trump rally", "from Trump") still
            // refers to the one person of that surname named in full in the same article
            bool weak = !designator && sets.Find(i) == i && f.WordKeys.Count == 1 && f.Mentions.All(m => m.Organization <= 1 && m.Place <= 1);
            if (!designator && !weak && kind is EntityKind.Place or EntityKind.Organization) continue;
            var roots = new HashSet<int>();
            var pool = designator ? byWord.GetValueOrDefault(f.Text) : byLastWord.GetValueOrDefault(f.WordKeys[^1]);
            foreach (var j in pool ?? [])
            {
                var g = forms[j];
                if (g.WordKeys.Count <= f.WordKeys.Count || sets.Find(j) == sets.Find(i)) continue;
                var gk = rootKind[sets.Find(j)];
                if (designator ? gk == EntityKind.Organization : gk == EntityKind.Person && EndsWith(g.WordKeys, f.WordKeys)
                    && (kind is not (EntityKind.Place or EntityKind.Organization) || SharesArticle(f, g))) roots.Add(sets.Find(j));
            }
            if (roots.Count == 1)
            {
                if (kind is EntityKind.Place or EntityKind.Organization) surnames.Add(i);
                sets.Union(i, roots.First());
            }
        }

        rootKind = RootKinds(forms, sets, surnames);
        var descriptions = DescriptionMentions(articles, forms, sets, rootKind);
        return Build(articles, syndication, forms, sets, rootKind, descriptions);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private static EntityAnalysis Build(IReadOnlyList<Article> articles, IReadOnlyList<SyndicationGroup> syndication, List<Form> forms, UnionFind sets,
        Dictionary<int, EntityKind> rootKind, List<(int Root, EntityMention Mention)> descriptions)
    {
        var groupOf = new Dictionary<int, int>();
        foreach (var g in syndication) foreach (var a in g.Articles) groupOf[a] = g.Id;
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < forms.Count; i++)
        {
            int r = sets.Find(i);
            if (!members.TryGetValue(r, out var list)) members[r] = list = [];
            list.Add(i);
        }
        var descriptionsByRoot = descriptions.ToLookup(d => d.Root, d => d.Mention);
        var drafts = new List<EntityGroup>();
        foreach (var (root, list) in members)
        {
            var kind = rootKind[root];
            // PRECIS: a name of unknown kind seen once is most often a capitalised common word; it is left out.
            if (kind == EntityKind.Other && list.Count == 1 && forms[list[0]].Mentions.Count < 2 && !descriptionsByRoot.Contains(root)) continue;
            var mentions = new Dictionary<(int, int), EntityMention>();
            foreach (var i in list)
            {
                foreach (var m in forms[i].Mentions) mentions.TryAdd((m.Article, m.Span.Start), new EntityMention(m.Article, m.Span, m.Text, m.Sentence, Title: m.Role));
            }
            foreach (var m in descriptionsByRoot[root]) mentions.TryAdd((m.Article, m.Span.Start), m);
            var ordered = mentions.Values.OrderBy(m => m.Article).ThenBy(m => m.Span.Start).ToImmutableArray();
            if (kind == EntityKind.Other && ordered.Length < 2) continue;
            var named = list.Select(i => forms[i]).ToList();
            var canonical = kind == EntityKind.Place
                ? named.OrderBy(f => f.IsAcronym || IsAllCaps(f.Text)).ThenByDescending(f => f.Mentions.Count).ThenByDescending(f => f.WordKeys.Count).ThenBy(f => f.Text, StringComparer.Ordinal).First()
                : named.OrderBy(f => f.IsAcronym).ThenByDescending(f => f.WordKeys.Count).ThenByDescending(f => f.Mentions.Count).ThenBy(f => f.Text, StringComparer.Ordinal).First();
            var aliases = Aliases(ordered, canonical.Text);
            var perArticle = ordered.GroupBy(m => m.Article).OrderBy(g => g.Key).Select(g => new EntityArticleCount(g.Key, g.Count())).ToImmutableArray();
            int sources = perArticle.Select(c => groupOf.GetValueOrDefault(c.Article, -c.Article)).Distinct().Count();
            drafts.Add(new EntityGroup(0, canonical.Text, kind, aliases, sources, perArticle, ordered));
        }
        var sorted = drafts.OrderByDescending(g => g.Sources).ThenByDescending(g => g.Mentions.Length).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select((g, i) => g with { Id = i + 1 }).ToImmutableArray();
        return new EntityAnalysis(sorted);
    }

    /// <summary>
    /// The canonical name, then the other spellings of the mentions (one per case-insensitive spelling, preferring
    /// one not in capitals), ordinally sorted.
    /// </summary>
    private static ImmutableArray<string> Aliases(ImmutableArray<EntityMention> ordered, string canonical)
    {
        // fast path: every mention spelled alike (most groups), without the sorting chain below
        var first = CollapseSpaces(ordered[0].Text);
        bool same = true;
        for (int k = 1; k < ordered.Length && same; k++) same = string.Equals(CollapseSpaces(ordered[k].Text), first, StringComparison.Ordinal);
        if (same)
        {
            return string.Equals(first, canonical, StringComparison.OrdinalIgnoreCase) ? [canonical] : [canonical, first];
        }
        return ordered.Select(m => CollapseSpaces(m.Text)).OrderBy(IsAllCaps).ThenBy(t => t, StringComparer.Ordinal).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !string.Equals(t, canonical, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t, StringComparer.Ordinal).Prepend(canonical).ToImmutableArray();
    }

    /// <summary>
    /// Definite descriptions of an organisation named earlier ("the monitor", "the agency", "the observatory"):
    /// the head noun must match the organisation's name ("Observatory") or a word of how the text described it
    /// ("a Britain-based monitor of the war", "State news agency SANA"). The most recently mentioned matching
    /// organisation of the same article wins; without one, the only matching organisation of the set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private static List<(int Root, EntityMention Mention)> DescriptionMentions(IReadOnlyList<Article> articles, List<Form> forms, UnionFind sets, Dictionary<int, EntityKind> rootKind)
    {
        var result = new List<(int, EntityMention)>();
        var described = new Dictionary<int, HashSet<string>>();
        var mentionsByArticle = new Dictionary<int, List<(int Start, int Root)>>();
        var articleByNumber = articles.ToDictionary(a => a.Number);
        for (int i = 0; i < forms.Count; i++)
        {
            int root = sets.Find(i);
            if (rootKind[root] != EntityKind.Organization) continue;
            if (!described.TryGetValue(root, out var words)) described[root] = words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in forms[i].Text.Split(' ')) if (w.Length > 0 && char.IsUpper(w[0])) words.Add(w.ToLowerInvariant());
            foreach (var m in forms[i].Mentions)
            {
                if (!mentionsByArticle.TryGetValue(m.Article, out var list)) mentionsByArticle[m.Article] = list = [];
                list.Add((m.Span.Start, root));
                if (m.Sentence < 0) continue;
                var sentence = articleByNumber[m.Article].Sentences[m.Sentence];
                DescriptionWords(articleByNumber[m.Article].Text, sentence, m.Span, words);
            }
        }
        foreach (var article in articles)
        {
            var earlier = mentionsByArticle.GetValueOrDefault(article.Number) ?? [];
            foreach (var sentence in article.Sentences)
            {
                var tokens = sentence.Tokens;
                for (int t = 0; t < tokens.Length; t++)
                {
                    if (tokens[t].Normal != "the") continue;
                    int head = -1;
                    for (int k = t + 1; k < tokens.Length && k <= t + 7; k++)
                    {
                        var tok = tokens[k];
                        if (tok.Kind == TokenKind.Word && DescriptionHeads.Contains(tok.Normal) && char.IsLower(article.Text[tok.Span.Start])) { head = k; break; }
                        bool modifier = tok.Kind == TokenKind.Word ? (char.IsLower(article.Text[tok.Span.Start]) || tok.Normal.Contains('-', StringComparison.Ordinal)) && !EntityCues.FunctionWords.Contains(tok.Normal)
                            : tok.Normal is "-" or ".";
                        if (!modifier && !(tok.Kind == TokenKind.Word && NameScanner.IsAcronym(article.Text.Substring(tok.Span.Start, tok.Span.Length)) && k + 1 < tokens.Length && tokens[k + 1].Normal is "." or "-")) break;
                    }
                    if (head < 0) continue;
                    if (head + 1 < tokens.Length)
                    {
                        var after = tokens[head + 1];
                        bool ends = after.Kind != TokenKind.Word || EntityCues.SpeechVerbs.Contains(after.Normal) || EntityCues.FunctionWords.Contains(after.Normal);
                        if (!ends || char.IsUpper(article.Text[after.Span.Start])) continue;
                    }
                    var headWord = tokens[head].Normal;
                    // modifiers must be "-based" compounds or words the organisation was described with:
                    // "the monitor", "the harbour authority", but not "the ruling party"
                    var modifiers = new List<string>();
                    for (int k = t + 1; k < head; k++)
                    {
                        if (tokens[k].Kind == TokenKind.Word && !tokens[k].Normal.EndsWith("based", StringComparison.Ordinal) && tokens[k].Normal != "based"
                            && char.IsLower(article.Text[tokens[k].Span.Start]))
                            modifiers.Add(tokens[k].Normal);
                    }
                    var span = TextSpan.FromBounds(tokens[t].Span.Start, tokens[head].Span.End);
                    var candidates = described.Where(d => (d.Value.Contains(headWord) || d.Value.Contains(tokens[head].Stem)) && modifiers.All(d.Value.Contains))
                        .Select(d => d.Key).ToHashSet();
                    int chosen = -1;
                    int bestStart = -1;
                    foreach (var (start, root) in earlier)
                    {
                        if (start < span.Start && start > bestStart && candidates.Contains(root)) { bestStart = start; chosen = root; }
                    }
                    if (chosen < 0 && candidates.Count == 1) chosen = candidates.First();
                    if (chosen < 0) continue;
                    result.Add((chosen, new EntityMention(article.Number, span, span.Slice(article.Text), sentence.Index, IsDescription: true)));
                }
            }
        }
        return result;
    }

    private static readonly HashSet<string> DescriptionHeads = new(StringComparer.Ordinal)
    {
        "monitor", "observatory", "agency", "organisation", "organization", "movement", "ministry", "coalition", "alliance",
        "council", "committee", "company", "firm", "network", "broadcaster", "newspaper", "militia", "party", "union",
        "authority", "commission", "operator", "insurer", "charity", "group",
    };

    /// <summary>Lower-case words describing an organisation around one mention: an appositive after it, or nouns right before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private static void DescriptionWords(string text, Sentence sentence, TextSpan mention, HashSet<string> words)
    {
        var tokens = sentence.Tokens;
        int k = 0;
        while (k < tokens.Length && tokens[k].Span.Start < mention.End) k++;
        if (k + 1 < tokens.Length && tokens[k].Normal == "," && tokens[k + 1].Normal is "a" or "an" or "the")
        {
            for (int n = k + 2; n < tokens.Length && n < k + 8; n++)
            {
                var t = tokens[n];
                if (t.Kind != TokenKind.Word && t.Normal is not "-" and not ".") break;
                if (t.Kind != TokenKind.Word) continue;
                if (t.Normal is "of" or "for" or "in" or "which" or "that" or "with" or "who") break;
                AddWord(text, t, words);
            }
        }
        int b = 0;
        while (b < tokens.Length && tokens[b].Span.End <= mention.Start) b++;
        // "news agency SANA", "militant group Hezbollah": organisation nouns right before the name
        for (int n = b - 1; n >= 0 && n >= b - 2; n--)
        {
            var t = tokens[n];
            if (t.Kind != TokenKind.Word || !char.IsLower(text[t.Span.Start]) || !EntityCues.OrganizationNouns.Contains(t.Normal)) break;
            AddWord(text, t, words);
        }
    }

    private static void AddWord(string text, Token t, HashSet<string> words)
    {
        if (!char.IsLower(text[t.Span.Start])) return;
        words.Add(t.Normal);
        words.Add(t.Stem);
        if (t.Normal.EndsWith("ing", StringComparison.Ordinal) && t.Normal.Length > 5) words.Add(t.Normal[..^3]); // "monitoring group" → monitor
    }

    private static bool SharesArticle(Form a, Form b)
    {
        var articles = a.Mentions.Select(m => m.Article).ToHashSet();
        return b.Mentions.Any(n => articles.Contains(n.Article));
    }

    /// <param name="asPerson">Forms joined to a person as its surname: their weak place or organisation cues count for the person.</param>
    private static Dictionary<int, EntityKind> RootKinds(List<Form> forms, UnionFind sets, HashSet<int>? asPerson = null)
    {
        var sums = new Dictionary<int, (double P, double O, double L)>();
        for (int i = 0; i < forms.Count; i++)
        {
            int r = sets.Find(i);
            var s = sums.GetValueOrDefault(r);
            sums[r] = asPerson is not null && asPerson.Contains(i)
                ? (s.P + forms[i].Person + forms[i].Organization + forms[i].Place, s.O, s.L)
                : (s.P + forms[i].Person, s.O + forms[i].Organization, s.L + forms[i].Place);
        }
        return sums.ToDictionary(p => p.Key, p => KindOf(p.Value.P, p.Value.O, p.Value.L));
    }

    internal static EntityKind KindOf(double person, double organization, double place)
    {
        double max = Math.Max(person, Math.Max(organization, place));
        if (max <= 0) return EntityKind.Other;
        if (organization == max) return EntityKind.Organization;
        if (place == max) return EntityKind.Place;
        return EntityKind.Person;
    }

    /// <summary>"Syria"/"Syrian", "Iraq"/"Iraqi": a demonym is a different word, however close its spelling.</summary>
    private static bool IsDerivedAdjective(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (!longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)) return false;
        var suffix = longer[shorter.Length..];
        return suffix is "n" or "an" or "ian" or "i" or "ese" or "ish" or "ic" or "s" or "es";
    }

    private static bool Compatible(EntityKind a, EntityKind b) => a == b || a == EntityKind.Other || b == EntityKind.Other;

    private static bool EndsWith(List<string> full, List<string> tail)
    {
        for (int k = 1; k <= tail.Count; k++) if (!string.Equals(full[^k], tail[^k], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Upper-case initials of a name's words, skipping connectors: "Syrian Observatory for Human Rights" → "SOHR".</summary>
    internal static string Initials(string name)
    {
        var chars = new List<char>();
        foreach (var w in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (EntityCues.Connectors.Contains(w) || w is "the" or "and" or "&") continue;
            if (!char.IsLetter(w[0])) return "";
            chars.Add(char.ToUpperInvariant(w[0]));
        }
        return chars.Count >= 2 ? new string([.. chars]) : "";
    }

    private static bool IsAllCaps(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    private static string CollapseSpaces(string s) =>
        s.Contains('\n', StringComparison.Ordinal) || s.Contains("  ", StringComparison.Ordinal) || s.Contains('\u00A0', StringComparison.Ordinal)
            ? string.Join(' ', s.Split([' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            : s;

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (int i = 0; i < n; i++) _parent[i] = i;
        }

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        /// <summary>Joins two sets; the smaller index becomes the root so results do not depend on call order.</summary>
        public void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) return;
            if (ra < rb) _parent[rb] = ra; else _parent[ra] = rb;
        }
    }
}
