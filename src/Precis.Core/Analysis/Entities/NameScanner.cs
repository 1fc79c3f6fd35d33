using Precis.Documents;

namespace Precis.Analysis.Entities;

/// <summary>A capitalised name found in a sentence, with the context cues that classify it.</summary>
/// <param name="Span">The name's range in the article text.</param>
/// <param name="Text">The name as written (possessive removed).</param>
/// <param name="Person">Summed cue weights for a person.</param>
/// <param name="Role">A title written before the name inside the capitalised run ("Foreign Minister"), if any.</param>
/// <param name="Acronym">An acronym defined right after the name in parentheses ("(IAEA)").</param>
internal sealed record NameCandidate(
    int Article,
    int Sentence,
    TextSpan Span,
    string Text,
    double Person,
    double Organization,
    double Place,
    string? Role,
    NameCandidate? Acronym,
    bool NameShaped = false);

/// <summary>
/// Finds capitalised token sequences in sentences: names of people, organisations and places. Handles sentence-initial
/// capitals with Mikheev's document-centred approach (a sentence-initial word seen in lower case elsewhere in the set,
/// and never capitalised in mid-sentence, is a common word; Mikheev 2002, "Periods, capitalized words, etc."),
/// titles ("Gen.", "President"), Arabic name particles (al-, bin, Abu), "of"/"for" inside names, all-caps acronyms,
/// possessives, and hyphenated modifiers ("Britain-based", "anti-IS").
/// </summary>
internal sealed class NameScanner
{
    private readonly HashSet<string> _lowerSeen;
    private readonly HashSet<string> _capitalSeenInside;

    private NameScanner(HashSet<string> lowerSeen, HashSet<string> capitalSeenInside)
    {
        _lowerSeen = lowerSeen;
        _capitalSeenInside = capitalSeenInside;
    }

    /// <summary>Collects the case evidence of an article set.</summary>
    public static NameScanner For(IReadOnlyList<Article> articles)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var capital = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            foreach (var s in a.Sentences)
            {
                bool initial = true;
                bool afterCapital = false;
                foreach (var t in s.Tokens)
                {
                    if (t.Kind != TokenKind.Word)
                    {
                        if (t.Kind == TokenKind.Punctuation && t.Normal is "\"" or ":" or "(" or "'") initial = true;
                        afterCapital = false;
                        continue;
                    }
                    char c = a.Text[t.Span.Start];
                    if (char.IsLower(c)) lower.Add(t.Normal);
                    // PRECIS: only a capital that opens a run counts against the common-word reading; "State" inside
                    // "Islamic State" says nothing about a sentence-initial "State news agency"
                    else if (!initial && !afterCapital && char.IsUpper(c)) capital.Add(t.Normal);
                    afterCapital = char.IsUpper(c);
                    initial = false;
                }
            }
        }
        return new NameScanner(lower, capital);
    }

    private enum PieceKind { Capital, Connector, Word, Punctuation, Number }

    private readonly record struct Piece(int Start, int End, PieceKind Kind, string Text, bool Initial, bool EndsRun, string? Suffix, int Token)
    {
        /// <summary>The word carried a possessive 's that was cut off ("People's").</summary>
        public bool Possessive { get; init; }
    }

    /// <summary>A title word; abbreviations ("Sen", "Gen") count only when written with their full stop ("Hun Sen" is a name).</summary>
    private static bool IsTitle(string text, Piece p) =>
        EntityCues.Titles.Contains(p.Text) && (!EntityCues.AbbreviatedTitles.Contains(p.Text) || (p.End < text.Length && text[p.End] == '.'));

    public List<NameCandidate> Scan(Article article, Sentence sentence)
    {
        var result = new List<NameCandidate>();
        var text = article.Text;
        var pieces = Pieces(text, sentence);
        if (IsHeadlineLike(pieces)) return result;
        bool paragraphStart = sentence.Index == 0 || article.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph;

        int i = 0;
        while (i < pieces.Count)
        {
            if (pieces[i].Kind != PieceKind.Capital) { i++; continue; }
            int first = i, last = i;
            int j = i + 1;
            while (j < pieces.Count && (!pieces[last].EndsRun
                || (pieces[last].Possessive && pieces[j].Kind == PieceKind.Capital && EntityCues.OrganizationDesignators.Contains(pieces[j].Text))))
            {
                var p = pieces[j];
                if (p.Kind == PieceKind.Capital && !p.Initial) { last = j; j++; continue; }
                if (p.Kind == PieceKind.Connector)
                {
                    // "of the", "for", "al", "van der": up to two connectors between capitals
                    int k = j;
                    while (k < pieces.Count && k - j < 2 && (pieces[k].Kind == PieceKind.Connector || (pieces[k].Text == "the" && k > j))) k++;
                    if (k < pieces.Count && pieces[k].Kind == PieceKind.Capital && !pieces[k].Initial) { last = k; j = k + 1; continue; }
                    break;
                }
                if (p.Kind == PieceKind.Punctuation && p.Text == "." && j + 1 < pieces.Count && pieces[j + 1].Kind == PieceKind.Capital
                    && (EntityCues.AbbreviatedTitles.Contains(pieces[last].Text) || pieces[last].Text.Length == 1)
                    && pieces[j + 1].Start == p.End + 1)
                {
                    last = j + 1; j += 2; continue;
                }
                break;
            }
            // "Pier 7", "Terminal 2": a place designator followed by its number
            if (last + 1 < pieces.Count && pieces[last + 1].Kind == PieceKind.Number && pieces[last + 1].Text.Length <= 3
                && EntityCues.PlaceDesignators.Contains(pieces[last].Text) && pieces[last + 1].Start == pieces[last].End + 1)
            {
                last++;
            }
            i = last + 1;
            var run = new List<Piece>();
            for (int k = first; k <= last; k++) if (pieces[k].Kind is not PieceKind.Punctuation) run.Add(pieces[k]);
            AddRun(article, sentence, pieces, first, last, run, paragraphStart, result);
        }
        return result;
    }

    private void AddRun(Article article, Sentence sentence, List<Piece> pieces, int firstIndex, int lastIndex, List<Piece> run, bool paragraphStart, List<NameCandidate> result)
    {
        // Sentence-initial common words: "The", "In", and words seen in lower case elsewhere (Mikheev).
        while (run.Count > 0 && run[0].Kind == PieceKind.Capital && IsCommonCapital(run[0]))
        {
            run.RemoveAt(0);
            while (run.Count > 0 && run[0].Kind == PieceKind.Connector) run.RemoveAt(0);
        }
        // calendar words at either end ("Sunday", "November")
        while (run.Count > 0 && (EntityCues.CalendarWords.Contains(run[0].Text) || run[0].Kind == PieceKind.Connector)) run.RemoveAt(0);
        while (run.Count > 0 && (EntityCues.CalendarWords.Contains(run[^1].Text) || run[^1].Kind == PieceKind.Connector)) run.RemoveAt(run.Count - 1);
        if (run.Count == 0) return;

        // "Detective Inspector Rhea Castellano of the Port Calder Police": a titled person, then an organisation
        for (int k = 1; k < run.Count - 1; k++)
        {
            if (run[k].Text is not ("of" or "for") || !run.Take(k).Any(p => EntityCues.Titles.Contains(p.Text))) continue;
            if (run.Take(k).Any(p => EntityCues.OrganizationDesignators.Contains(p.Text))) continue; // "General Command of Armed Forces"
            if (!run.Skip(k + 1).Any(p => EntityCues.OrganizationDesignators.Contains(p.Text) || EntityCues.PlaceDesignators.Contains(p.Text))) continue;
            if (EntityCues.Titles.Contains(run[k - 1].Text)) continue; // "Minister of Defence" is one title
            var tail = run.Skip(k + 1).ToList();
            if (tail.Count > 0 && tail[0].Text == "the") tail.RemoveAt(0);
            run.RemoveRange(k, run.Count - k);
            if (tail.Count > 0) AddRun(article, sentence, pieces, lastIndex - tail.Count + 1, lastIndex, tail, false, result);
            lastIndex = firstIndex + run.Count - 1;
            break;
        }

        double person = 0, org = 0, place = 0;
        bool nameShaped = false;
        string? role = null;
        bool hasOrgDesignator = run.Any(p => EntityCues.OrganizationDesignators.Contains(p.Text));
        bool hasPlaceDesignator = run.Count > 1 && run.Skip(1).Any(p => EntityCues.PlaceDesignators.Contains(p.Text));
        if (hasOrgDesignator) org += 3;
        if (hasPlaceDesignator && !hasOrgDesignator) place += 3;

        // Titles: "Russian Foreign Minister Sergei Lavrov" → role "Russian Foreign Minister", name "Sergei Lavrov".
        if (!hasOrgDesignator)
        {
            int lastTitle = -1;
            for (int k = 0; k < run.Count; k++) if (IsTitle(article.Text, run[k])) lastTitle = k;
            // "Secretary of State Jane Roe": "of" and the word after it still belong to the title
            while (lastTitle >= 0 && lastTitle + 3 < run.Count && run[lastTitle + 1].Kind == PieceKind.Connector) lastTitle += 2;
            if (lastTitle >= 0)
            {
                if (lastTitle == run.Count - 1) return; // "the President" alone names nobody in particular
                role = article.Text[run[0].Start..run[lastTitle].End];
                run.RemoveRange(0, lastTitle + 1);
                while (run.Count > 0 && run[0].Kind == PieceKind.Connector) run.RemoveAt(0);
                if (run.Count == 0) return;
                person += 3;
            }
        }

        // Demonyms and other adjectives standing alone before a lower-case word ("Iraqi fighters").
        var next = NextWord(pieces, lastIndex);
        if (run.Count == 1 && role is null && EntityCues.LooksLikeDemonym(run[0].Text) && run[0].Suffix is not "based"
            && ((next is { } nw && nw.Kind == PieceKind.Word && !EntityCues.SpeechVerbs.Contains(nw.Text) && !EntityCues.FunctionWords.Contains(nw.Text))
                || run[0].Suffix is not null))
        {
            return;
        }
        if (run.All(p => EntityCues.LooksLikeDemonym(p.Text) && !IsAcronym(p.Text)) && role is null && run.Count > 1 && next is { Kind: PieceKind.Word }) return;
        // "Afghan Shiite militias": adjectives before a plural common noun describe a group, they do not name one
        if (run.Count > 1 && role is null && !hasOrgDesignator && EntityCues.LooksLikeDemonym(run[^1].Text) && !IsAcronym(run[^1].Text)
            && next is { Kind: PieceKind.Word } plural && plural.Text.Length > 3 && plural.Text.EndsWith('s')
            && !EntityCues.SpeechVerbs.Contains(plural.Text) && !EntityCues.FunctionWords.Contains(plural.Text)) return;
        if (run.Count == 1 && run[0].Text.Length == 1) return;

        var start = run[0].Start;
        var end = run[^1].End;
        var name = article.Text[start..end];

        // context cues
        var before = PreviousWords(pieces, firstIndex, 2); // only the two nearest words are read
        string? prev1 = before.Count > 0 ? before[0] : null;
        string? prev2 = before.Count > 1 ? before[1] : null;
        bool acronym = run.Count == 1 && IsAcronym(run[0].Text);
        if (EntityCues.Agencies.Contains(name)) org += 3;
        if (run[^1].Suffix is "based") place += 3;
        if (prev1 is not null)
        {
            if (EntityCues.PlacePrepositions.Contains(prev1)) place += 1;
            if (prev1 == "of" && prev2 is not null && EntityCues.PlaceNouns.Contains(prev2)) place += 3;
            if (EntityCues.PlaceNouns.Contains(prev1) && prev1 is not "border" and not "hub" and not "crossing") place += 2;
            if (EntityCues.OrganizationNouns.Contains(prev1)) org += 2;
            if (EntityCues.PersonRoleNouns.Contains(prev1)) person += 3;
            if (prev1 is "told" or "to" && prev2 is "told") org += 1;
            if (prev1 == "told") org += 1;
        }
        if (next is { Kind: PieceKind.Word } n)
        {
            if (EntityCues.PlaceNouns.Contains(n.Text) && n.Text is not "state" and not "hub") place += 3;
            if (EntityCues.OrganizationNouns.Contains(n.Text)) org += 2;
            if (EntityCues.SpeechVerbs.Contains(n.Text) && !hasOrgDesignator && !acronym && !EntityCues.Agencies.Contains(name)) person += 1;
        }
        if (next is { Kind: PieceKind.Punctuation, Text: "," } && AppositiveHasRoleNoun(pieces, lastIndex + 1)) person += 2;
        if (paragraphStart && firstIndex <= 1 && lastIndex + 1 < pieces.Count && pieces[lastIndex + 1].Text is ":" or "-" or "\u2014" or "\u2013")
        {
            place += 3; // dateline: "BEIRUT:", "Amman -"
        }
        if (article.Dateline is { } dateline && string.Equals(dateline, name, StringComparison.OrdinalIgnoreCase)) place += 3;
        if (acronym && org == 0 && place == 0 && person == 0) org += 0.5;
        if (!acronym && run.Count is >= 2 and <= 4 && !hasOrgDesignator && !hasPlaceDesignator && run.All(p => p.Kind == PieceKind.Capital || EntityCues.Connectors.Contains(p.Text) && p.Text is not "of" and not "for"))
        {
            nameShaped = true; // the shape of a personal name: two to four capitalised words, no designator
        }

        NameCandidate? defined = null;
        // acronym defined in parentheses right after the name: "International Atomic Energy Agency (IAEA)"
        if (!acronym && lastIndex + 3 < pieces.Count && pieces[lastIndex + 1].Text is "(" or "[" && pieces[lastIndex + 3].Text is ")" or "]"
            && pieces[lastIndex + 2].Kind == PieceKind.Capital)
        {
            var a = pieces[lastIndex + 2];
            if (IsAcronym(a.Text) || pieces[lastIndex + 2].Kind == PieceKind.Capital)
            {
                defined = new NameCandidate(article.Number, sentence.Index, TextSpan.FromBounds(a.Start, a.End), a.Text, 0, 0, 0, null, null);
            }
        }
        result.Add(new NameCandidate(article.Number, sentence.Index, TextSpan.FromBounds(start, end), name, person, org, place, role, defined, nameShaped));
    }

    private bool IsCommonCapital(Piece p)
    {
        if (IsAcronym(p.Text)) return false;
        var lower = p.Text.ToLowerInvariant();
        if (!p.Initial) return lower is "the" or "a" or "an"; // "Per Aasen": function words inside a sentence may be names
        if (EntityCues.FunctionWords.Contains(lower) || Text.StopWords.Contains(lower)) return true;
        if (_capitalSeenInside.Contains(lower)) return false;
        if (_lowerSeen.Contains(lower)) return true;
        // a plural of a word seen in lower case, or of a role noun: "Commanders said" (Mikheev's evidence, inflected)
        return lower.Length > 3 && lower.EndsWith('s') && (_lowerSeen.Contains(lower[..^1]) || EntityCues.PersonRoleNouns.Contains(lower[..^1]));
    }

    internal static bool IsAcronym(string word)
    {
        int letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letters++; }
            else if (c != '.' && c != '&') return false;
        }
        return letters >= 2;
    }

    private static bool AppositiveHasRoleNoun(List<Piece> pieces, int comma)
    {
        // ", a spokeswoman for the ministry," / ", a tribal leader in touch with relatives"
        int k = comma + 1;
        if (k >= pieces.Count || pieces[k].Text is not ("a" or "an" or "the")) return false;
        for (int n = 0; n < 5 && k < pieces.Count && pieces[k].Kind != PieceKind.Punctuation; n++, k++)
        {
            if (EntityCues.PersonRoleNouns.Contains(pieces[k].Text.ToLowerInvariant())) return true;
        }
        return false;
    }

    private static Piece? NextWord(List<Piece> pieces, int last)
    {
        int k = last + 1;
        return k < pieces.Count ? pieces[k] : null;
    }

    private static List<string> PreviousWords(List<Piece> pieces, int first, int count)
    {
        var words = new List<string>(count);
        for (int k = first - 1; k >= 0 && words.Count < count; k--)
        {
            if (pieces[k].Kind == PieceKind.Punctuation) break;
            words.Add(pieces[k].Kind == PieceKind.Capital ? pieces[k].Text : pieces[k].Text.ToLowerInvariant());
        }
        return words;
    }

    /// <summary>Title-case lines (headlines, section heads) and all-caps lines give no case evidence.</summary>
    private static bool IsHeadlineLike(List<Piece> pieces)
    {
        int words = 0, capitals = 0, allCaps = 0;
        foreach (var p in pieces)
        {
            if (p.Kind is PieceKind.Capital or PieceKind.Word or PieceKind.Connector)
            {
                words++;
                if (p.Kind == PieceKind.Capital) capitals++;
                if (IsAcronym(p.Text)) allCaps++;
            }
        }
        return (words >= 4 && capitals * 10 >= words * 7) || (words >= 3 && allCaps == words);
    }

    private static List<Piece> Pieces(string text, Sentence sentence)
    {
        var pieces = new List<Piece>(sentence.Tokens.Length);
        bool initial = true;
        for (int ti = 0; ti < sentence.Tokens.Length; ti++)
        {
            var t = sentence.Tokens[ti];
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                // the folded form ("-" for dashes, '"' for curly quotes) is enough for every check below
                pieces.Add(new Piece(t.Span.Start, t.Span.End, PieceKind.Punctuation, t.Normal, false, false, null, ti));
                if (t.Normal is "\"" or ":" or "(" or "[" or "'" || text[t.Span.Start] == '\u2014') initial = true;
                continue;
            }
            if (t.Kind == TokenKind.Number)
            {
                pieces.Add(new Piece(t.Span.Start, t.Span.End, PieceKind.Number, t.Normal, false, false, null, ti));
                initial = false;
                continue;
            }
            int start = t.Span.Start, end = t.Span.End;
            bool endsRun = false;
            // possessive: "Hezbollah's", "Syria’s"
            if (end - start > 2 && text[end - 1] is 's' && Text.TextNormalizer.FoldChar(text[end - 2]) == '\'')
            {
                end -= 2;
                endsRun = true;
            }
            var raw = text.AsSpan(start, end - start);
            int hyphen = IndexOfHyphen(raw);
            if (hyphen > 0)
            {
                var head = raw[..hyphen].ToString();
                var rest = raw[(hyphen + 1)..];
                if (EntityCues.NameParticles.Contains(head) && rest.Length > 0 && char.IsUpper(rest[0]))
                {
                    pieces.Add(new Piece(start, end, PieceKind.Capital, raw.ToString(), initial && char.IsUpper(raw[0]), endsRun, null, ti));
                }
                else if (EntityCues.HyphenPrefixes.Contains(head) && rest.Length > 0 && char.IsUpper(rest[0]))
                {
                    int s2 = start + hyphen + 1;
                    pieces.Add(new Piece(s2, end, PieceKind.Capital, text[s2..end], false, true, null, ti));
                }
                else if (char.IsUpper(raw[0]))
                {
                    // "Baghdad-Damascus": two names; "Britain-based": a name and a lower-case modifier suffix
                    int s = start;
                    var partsText = raw.ToString().Split(['-', '\u2010', '\u2011', '\u2013', '\u2014']);
                    bool allCapital = partsText.All(p => p.Length > 0 && char.IsUpper(p[0]));
                    if (allCapital)
                    {
                        foreach (var part in partsText)
                        {
                            pieces.Add(new Piece(s, s + part.Length, PieceKind.Capital, part, initial, true, null, ti));
                            s += part.Length + 1;
                            initial = false;
                        }
                    }
                    else
                    {
                        var suffix = partsText[^1].ToLowerInvariant();
                        pieces.Add(new Piece(start, start + hyphen, PieceKind.Capital, head, initial, true, suffix, ti));
                    }
                }
                else
                {
                    pieces.Add(new Piece(start, end, PieceKind.Word, raw.ToString().ToLowerInvariant(), false, false, null, ti));
                }
                initial = false;
                continue;
            }
            if (char.IsUpper(raw[0]))
            {
                pieces.Add(new Piece(start, end, PieceKind.Capital, raw.ToString(), initial, endsRun, null, ti) { Possessive = endsRun });
                initial = false;
                continue;
            }
            // lower-case words: the token's normal form is the word itself (no allocation); a possessive is cut off
            var word = endsRun ? raw.ToString() : t.Normal;
            if (EntityCues.Connectors.Contains(word) || word == "the") pieces.Add(new Piece(start, end, word == "the" ? PieceKind.Word : PieceKind.Connector, word, false, endsRun, null, ti));
            else pieces.Add(new Piece(start, end, PieceKind.Word, word, false, endsRun, null, ti));
            initial = false;
        }
        return pieces;
    }

    private static int IndexOfHyphen(ReadOnlySpan<char> raw)
    {
        for (int i = 1; i < raw.Length - 1; i++) if (Text.TextNormalizer.FoldChar(raw[i]) == '-') return i;
        return -1;
    }
}
