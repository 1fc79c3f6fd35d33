using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Quotes;

/// <summary>
/// Finds direct quotations and attributed reported speech in one article and resolves their speakers.
/// </summary>
/// <remarks>
/// Attribution follows the patterns of news quotation studies (Pouliquen, Steinberger and Best 2007, "Automatic
/// detection of quotations in multilingual news"; Pareti et al. 2013): a speech verb next to the quotation, its
/// subject to the left ("X said"), inverted to the right ("said X"), "according to X", and "X cited ... as saying".
/// Pronoun rule: "he"/"she" resolve to the article's last named person speaker before it, or, when none has spoken
/// yet, to the person mentioned most recently before it; "it" resolves to the last organisation speaker; "they" is
/// left unresolved and the quote is dropped.
/// </remarks>
public sealed class QuoteExtractor
{
    private static readonly HashSet<string> Skippable = new(StringComparer.Ordinal)
    {
        "also", "later", "then", "has", "had", "have", "was", "is", "were", "would", "will", "previously", "earlier",
        "further", "again", "once", "repeatedly", "reportedly", "separately", "simply", "however", "just", "already", "recently", "publicly", "privately", "officially", "formally", "first",
    };

    private static readonly HashSet<string> LeftBoundaries = new(StringComparer.Ordinal)
    {
        "that", "which", "who", "whom", "but", "while", "as", "because", "when", "after", "before", "if", "since",
        "although", "though", "where", "so", "said", "says", "told", "added", "than", "what", "whether", "until", "unless",
    };

    private static readonly HashSet<string> RightBoundaries = new(StringComparer.Ordinal)
    {
        "on", "in", "at", "during", "after", "before", "as", "when", "who", "which", "that", "told", "yesterday", "today",
        "earlier", "later", "late", "this", "last", "tonight", "and", "but", "while", "to", "adding", "saying", "via",
        "is", "was", "has", "had", "were", "are", "would", "will", "said", "says",
    };

    /// <summary>Speech verbs whose bare object is the reported content ("X said it had ..."); others need "that".</summary>
    private static readonly HashSet<string> BareClauseVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "added", "adds", "warned", "insisted", "stated", "noted", "explained", "stressed", "admitted",
    };

    /// <summary>Verbs written before their subject after a quotation: "“...,” said X".</summary>
    private static readonly HashSet<string> Inverting = new(StringComparer.Ordinal)
    {
        "said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "insisted", "stated", "warned", "noted", "continued", "recalled", "replied",
    };

    private static readonly HashSet<string> Participles = new(StringComparer.Ordinal) { "saying", "adding" };

    private readonly Article _article;
    private readonly EntityAnalysis _entities;
    private readonly RoleFinder _roles;
    private readonly List<QuotedSpan> _quoted;
    private readonly List<(Token Token, int Sentence)> _tokens = [];
    private readonly bool[] _inQuote;
    private readonly int[] _sentenceFirst;
    private readonly int[] _sentenceLast;
    private Speaker? _lastPerson;
    private TextSpan? _pendingRole; // an appositive that LeftPhrase stepped over ("NAME, ROLE, said")
    private Speaker? _lastOrganization;
    private Speaker? _lastSpeaker;        // the speaker of the latest attribution, any kind
    private TextSpan? _lastSpeakerSpan;   // where that attribution named the speaker

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private QuoteExtractor(Article article, EntityAnalysis entities, RoleFinder roles)
    {
        _article = article;
        _entities = entities;
        _roles = roles;
        _quoted = QuotationMarkScanner.Find(article.Text, article.Paragraphs.IsDefaultOrEmpty ? [TextSpan.FromBounds(0, article.Text.Length)] : article.Paragraphs);
        foreach (var s in article.Sentences) foreach (var t in s.Tokens) _tokens.Add((t, s.Index));
        _sentenceFirst = new int[article.Sentences.Length];
        _sentenceLast = new int[article.Sentences.Length];
        Array.Fill(_sentenceFirst, -1);
        Array.Fill(_sentenceLast, -1);
        for (int i = 0; i < _tokens.Count; i++)
        {
            int si = _tokens[i].Sentence;
            if (_sentenceFirst[si] < 0) _sentenceFirst[si] = i;
            _sentenceLast[si] = i;
        }
        _inQuote = new bool[_tokens.Count];
        int q = 0;
        for (int i = 0; i < _tokens.Count; i++)
        {
            var span = _tokens[i].Token.Span;
            while (q < _quoted.Count && _quoted[q].Outer.End <= span.Start) q++;
            _inQuote[i] = q < _quoted.Count && _quoted[q].Outer.Contains(span);
        }
    }

    /// <summary>A quote found in one article, before merging across articles.</summary>
    internal sealed record Found(QuoteKind Kind, QuoteOccurrence Occurrence);

    internal static List<Found> Extract(Article article, EntityAnalysis entities, RoleFinder roles)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(entities);
        return new QuoteExtractor(article, entities, roles).Run();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private List<Found> Run()
    {
        // Direct quotes and reported speech interleave in text order so that pronouns see the right last speaker.
        var groups = GroupQuotations();
        var events = new List<(int Position, int Group, int Sentence)>();
        for (int g = 0; g < groups.Count; g++) events.Add((_quoted[groups[g][0]].Outer.Start, g, -1));
        foreach (var s in _article.Sentences) events.Add((s.Span.Start, -1, s.Index));
        events.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Group.CompareTo(b.Group));
        var result = new List<Found>();
        Found? previousDirect = null;
        var quoteSentences = new HashSet<int>();
        foreach (var q in _quoted)
        {
            foreach (var s in _article.Sentences) if (s.Span.Overlaps(q.Outer)) quoteSentences.Add(s.Index);
        }
        foreach (var (_, g, sentence) in events)
        {
            if (g >= 0)
            {
                var found = DirectQuote(groups[g], previousDirect);
                if (found is not null)
                {
                    result.Add(found);
                    if (found.Kind == QuoteKind.Direct) previousDirect = found;
                    Remember(found.Occurrence.Speaker, found.Occurrence.SpeakerSpan);
                }
                else if (IsSpeech(_quoted[groups[g][0]]))
                {
                    previousDirect = null;
                }
            }
            else if (!quoteSentences.Contains(sentence))
            {
                var found = Reported(_article.Sentences[sentence]);
                // reported speech needs a speaker a reader can name; an unresolved "they said" is left out
                if (found is not null && !IsBarePronoun(found.Occurrence.Speaker))
                {
                    result.Add(found);
                    Remember(found.Occurrence.Speaker, found.Occurrence.SpeakerSpan);
                }
                if (CountWords(_article.Sentences[sentence]) >= 3 && !EndsWithColon(_article.Sentences[sentence])) previousDirect = null;
            }
        }
        return result;
    }

    private static bool IsBarePronoun(Speaker speaker) =>
        speaker.Kind == SpeakerKind.Description && speaker.Name.ToLowerInvariant() is "they" or "we";

    private bool EndsWithColon(Sentence s)
    {
        int e = s.Span.End - 1;
        while (e > s.Span.Start && char.IsWhiteSpace(_article.Text[e])) e--;
        return _article.Text[e] == ':';
    }

    private static int CountWords(Sentence s) => s.Tokens.Count(t => t.Kind == TokenKind.Word);

    private bool IsSpeech(QuotedSpan q) => q.Inner.Length > 20;

    private void Remember(Speaker speaker, TextSpan? span)
    {
        if (speaker.Kind != SpeakerKind.Description || speaker.Entity is not null)
        {
            _lastSpeaker = speaker;
            _lastSpeakerSpan = span ?? _lastSpeakerSpan;
        }
        if (speaker.Entity is null) return;
        if (speaker.Kind == SpeakerKind.Person) _lastPerson = speaker;
        else if (speaker.Kind == SpeakerKind.Organization) _lastOrganization = speaker;
    }

    // ---- direct quotations ----

    /// <summary>
    /// Quotation-mark pairs that make one quote: a split quote (“A,” he said, “B.”) or several quoted pieces of one
    /// sentence (called it “rigged” and “a disgrace”). A piece joins the one before when that piece does not end its
    /// sentence (no final . ? ! inside it) and the words between hold no sentence end, semicolon or paragraph break.
    /// </summary>
    private List<List<int>> GroupQuotations()
    {
        var groups = new List<List<int>>();
        for (int q = 0; q < _quoted.Count; q++)
        {
            if (groups.Count > 0 && ContinuesSentence(_quoted[groups[^1][^1]], _quoted[q])) groups[^1].Add(q);
            else groups.Add([q]);
        }
        return groups;
    }

    private const int MaxGapBetweenPieces = 120; // characters between pieces of one quote ("“A,” Foreign Minister X told reporters, “B.”")

    private bool ContinuesSentence(QuotedSpan a, QuotedSpan b)
    {
        var text = _article.Text;
        if (b.Outer.Start - a.Outer.End > MaxGapBetweenPieces || a.Outer.End > b.Outer.Start) return false;
        int k = a.Inner.End - 1;
        while (k >= a.Inner.Start && !char.IsLetterOrDigit(text[k]) && text[k] is not ('.' or '?' or '!')) k--;
        if (k >= a.Inner.Start && text[k] is '.' or '?' or '!') return false;
        for (int i = a.Outer.End; i < b.Outer.Start; i++)
        {
            char c = text[i];
            if (c is '\n' or ';' or '?' or '!') return false;
            if (c == '.' && !IsAbbreviationDot(i)) return false;
        }
        var between = text.AsSpan(a.Outer.End, b.Outer.Start - a.Outer.End).Trim();
        var words = between.ToString().Split([' ', ',', ':', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // “A,” he said, “B.”: the first piece ends in a comma and the words between are one attribution (a few words, a
        // single speech cue that is no participle: "she said, adding, “...”" starts a new quote, as PolNeAR annotates it)
        bool comma = (k >= a.Inner.Start && k + 1 < a.Inner.End && text[k + 1] == ',') || between.StartsWith(",");
        int cues = 0;
        bool participle = false, clause = false;
        foreach (var w in words)
        {
            var lower = w.ToLowerInvariant();
            if (SpeechCues.Forms.Contains(lower)) { cues++; participle |= lower.EndsWith("ing", StringComparison.Ordinal); }
            clause |= lower is "that" or "and" or "but" or "meaning";
        }
        // the attribution between the pieces is set off by a comma on both sides ("“A,” he said, “B.”"); without the
        // second comma the next quotation belongs to the attribution's own sentence ("he said introducing her as a “…”")
        bool closed = between.EndsWith(",");
        if (comma && closed && words.Length <= 6 && cues == 1 && !participle && !clause && !CountQuotedWords(b.Inner, 0, true).TitleLike) return true;
        // called it “rigged” and “a disgrace”: fragments of the reporter's sentence joined by a conjunction. A fragment
        // further on may belong to another attribution ("“A,” said X, who thinks they “need to …”"), so only a bare
        // conjunction joins.
        return words.Length == 1 && words[0] is "and" or "or" && char.IsLower(text[a.Inner.Start]) && char.IsLower(text[b.Inner.Start]);
    }

    /// <summary>"Mr." "Sen." "Gov." "U.S.": a dot after a short capitalised word or a single letter does not end the sentence.</summary>
    private bool IsAbbreviationDot(int i)
    {
        var text = _article.Text;
        int s = i;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        return i - s is >= 1 and <= 3 && char.IsUpper(text[s]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private Found? DirectQuote(List<int> group, Found? previous)
    {
        var pieces = group.Select(q => _quoted[q]).ToList();
        int words = 0;
        bool titleLike = true;
        foreach (var p in pieces) (words, titleLike) = CountQuotedWords(p.Inner, words, titleLike);
        bool embedded = IsEmbedded(pieces[0]);
        var kind = embedded ? QuoteKind.Partial : QuoteKind.Direct;
        // a title in quotation marks inside running text ("on CNN’s “State of the Union,”", "starred in “Parks and
        // Recreation”", "told “Fox and Friends”") names a show, book or slogan: no quote, whatever cue is near
        if (titleLike && words <= MaxTitleWords && (IsTitlePosition(pieces[0]) || IsFollowedByNoun(pieces[^1]))) return null;
        // a headline with its byline ("“Museum to close,” by Jane Roe:") is a title too
        if (IsBylined(pieces[^1])) return null;

        // 1. a speech cue in the sentences of a piece: “...,” X said / X said: “...” / X called it “...”
        foreach (var p in pieces)
        {
            var (speaker, span) = CueAttribution(p);
            if (speaker is not null)
            {
                // a title in quotation marks is no quote even beside a cue ("the book “Art of the Deal,” he said")
                if (titleLike && words < MinStatementWords && embedded) return null;
                return Make(kind, pieces, speaker, span);
            }
        }
        // Below, no cue names the speaker: only a statement of several words can be a quote (a quoted term with
        // no attribution is a scare quote, a title in quotation marks a title).
        if (words < MinStatementWords || titleLike) return null;
        // a digest item credits its quotation to the source in brackets right after it ("HEADLINE “...” [WaPo.]")
        var credited = BracketSource(pieces[^1]);
        if (credited.Speaker is not null) return Make(QuoteKind.Direct, pieces, credited.Speaker, credited.Span);
        if (embedded) return null;

        // 2. signed after the quote, on its line or the next ("— Hillary Clinton"): explicit, so it outranks continuation
        var signed = Signature(pieces[^1]);
        if (signed.Speaker is not null) return Make(QuoteKind.Direct, pieces, signed.Speaker, signed.Span);
        // 3. a quotation that is a sentence of its own right after an attributed one continues it ("“...,” X said. “...”")
        var (first, last) = ContextTokens(pieces[0].Outer);
        if (first < 0) return null;
        if (previous is not null && CoversItsSentences(pieces[0], first, last))
        {
            return Make(QuoteKind.Direct, pieces, previous.Occurrence.Speaker, previous.Occurrence.SpeakerSpan);
        }
        // 4. introduced by a sentence ending in a colon ("Cruz continued:" / "The statement read:")
        var intro = ColonIntroduction(pieces[0]);
        if (intro.Speaker is not null) return Make(QuoteKind.Direct, pieces, intro.Speaker, intro.Span);
        // 5. the last speaker of the article: an unattributed statement in a story continues the voice it is in
        if (_lastSpeaker is not null) return Make(QuoteKind.Direct, pieces, _lastSpeaker, _lastSpeakerSpan);
        // PRECIS: a guess from names merely near the quote (the first named in its sentences, the last named before)
        // was measured on PolNeAR train: +0.3 detection F1 but -0.5 joint F1; a wrong name misleads a reader more than
        // a missing quote, so such a quote is left out.
        return null;
    }

    private const int MaxTitleWords = 8;

    /// <summary>Verbs whose object may be a title rather than words spoken: "told “Meet the Press”", "wrote “Peter Pan”".</summary>
    private static readonly HashSet<string> TitleTakingVerbs = new(StringComparer.Ordinal)
    {
        "told", "tells", "tell", "wrote", "writes", "write", "written", "called", "calls", "dubbed", "named", "titled", "entitled", "read", "reads", "published", "cited", "cites", "quoted",
    };

    /// <summary>
    /// A quotation sits where a title does: right after a possessive ("ABC’s"), a preposition, an article or a
    /// noun of the reporter's sentence, or a verb that takes a title; not after a speech verb, a colon or a comma.
    /// </summary>
    private bool IsTitlePosition(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.Start - 1;
        while (k >= 0 && text[k] is ' ' or '\t') k--;
        if (k < 0 || !char.IsLetter(text[k])) return false;
        int s = k;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '\u2019')) s--;
        var word = text.Substring(s, k - s + 1);
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal)) return true;
        if (!char.IsLower(word[0])) return false;
        var lower = word.ToLowerInvariant();
        if (TitleTakingVerbs.Contains(lower)) return true;
        return !SpeechCues.Forms.Contains(lower) && lower is not ("that" or "as" or "like" or "reading" or "chanting" or "chanted");
    }

    /// <summary>Words after a quotation that continue a sentence rather than name a thing the title is of.</summary>
    private static readonly HashSet<string> SentenceContinuations = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "nor", "as", "that", "which", "who", "is", "was", "are", "were", "has", "had", "have", "will", "would",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "the", "a", "an", "to", "than", "then", "so",
    };

    /// <summary>A title used as a modifier: "“Orange is the New Black” star", "the “Make America Great Again” hat".</summary>
    private bool IsFollowedByNoun(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.End;
        while (k < text.Length && text[k] is ' ' or '\t') k++;
        if (k >= text.Length || !char.IsLower(text[k])) return false;
        int e = k;
        while (e < text.Length && (char.IsLetter(text[e]) || text[e] == '-')) e++;
        var word = text[k..e];
        return !SentenceContinuations.Contains(word) && !SpeechCues.Forms.Contains(word) && !word.EndsWith("ly", StringComparison.Ordinal);
    }

    /// <summary>A quotation followed by a byline: "“…,” by Times' Jane Roe".</summary>
    private bool IsBylined(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.End;
        while (k < text.Length && text[k] is ' ' or ',') k++;
        return k + 3 < text.Length && text[k] == 'b' && text[k + 1] == 'y' && text[k + 2] == ' ' && char.IsUpper(text[k + 3]);
    }

    /// <summary>Fewer words than this make a quoted term, not a statement (Pareti 2016: mixed quotes of one or two words are mostly scare quotes).</summary>
    private const int MinStatementWords = 3;

    private (int Words, bool TitleLike) CountQuotedWords(TextSpan inner, int words, bool titleLike)
    {
        var text = _article.Text;
        bool inWord = false;
        for (int i = inner.Start; i < inner.End; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
                if (char.IsLower(text[i]) && !IsMinorTitleWord(text, i, inner.End)) titleLike = false;
            }
            inWord = letter || (inWord && text[i] is '\'' or '\u2019' or '-');
        }
        return (words, titleLike);
    }

    /// <summary>Short function words that titles leave in lower case ("Art of the Deal").</summary>
    private static bool IsMinorTitleWord(string text, int i, int end)
    {
        int e = i;
        while (e < end && char.IsLetter(text[e])) e++;
        return text.AsSpan(i, e - i) is "of" or "the" or "a" or "an" or "and" or "in" or "on" or "to" or "for" or "at" or "by" or "or" or "with" or "is" or "from" or "vs";
    }

    /// <summary>A quotation inside running text: the word before the opening mark belongs to the sentence ("a “scorched earth” policy", "called it “rigged”").</summary>
    private bool IsEmbedded(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.Start - 1;
        while (k >= 0 && text[k] is ' ' or '\t') k--;
        if (k < 0 || !char.IsLetterOrDigit(text[k])) return false;
        int s = k;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        var word = text.Substring(s, k - s + 1).ToLowerInvariant();
        // "he said “...", "saying “...": a cue or "that" right before introduces the quote; it is partial only when it starts mid-sentence
        if (SpeechCues.Forms.Contains(word) || word == "that") return char.IsLower(text[quote.Inner.Start]);
        return true;
    }

    private (Speaker? Speaker, TextSpan? Span) CueAttribution(QuotedSpan quote)
    {
        var (first, last) = ContextTokens(quote.Outer);
        if (first < 0) return default;
        var cues = new List<(int Distance, int Token)>();
        for (int i = first; i <= last; i++)
        {
            if (_inQuote[i] || !IsQuoteCue(i)) continue;
            var span = _tokens[i].Token.Span;
            int distance = span.Start >= quote.Outer.End ? span.Start - quote.Outer.End : quote.Outer.Start - span.End;
            cues.Add((distance, i));
        }
        cues.Sort();
        foreach (var (_, v) in cues)
        {
            var resolved = ResolveVerb(v, first, last);
            if (resolved.Speaker is not null) return resolved;
        }
        return FollowingAttribution(quote);
    }

    /// <summary>Words after a cue that open a reported clause of the cue's own: "Smith said the plan ...", "He said he ...".</summary>
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "that", "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "this", "there",
    };

    /// <summary>
    /// A quotation that ends its sentence with "!" or "?" leaves the attribution to the next sentence of its paragraph:
    /// "“Sometimes we need our fix!” Clinton said to People." / "“This is fantastic!” beamed a delegate". The cue must
    /// open that sentence and carry no clause of its own.
    /// </summary>
    private (Speaker? Speaker, TextSpan? Span) FollowingAttribution(QuotedSpan quote)
    {
        int t = TokenAt(quote.Outer.End);
        if (t < 0)
        {
            int k = quote.Outer.End;
            while (k < _article.Text.Length && _article.Text[k] is ' ' or '\t') k++;
            if (k >= _article.Text.Length || _article.Text[k] == '\n') return default;
            t = TokenAt(k);
        }
        if (t <= 0 || _inQuote[t] || !_inQuote[t - 1]) return default;
        int sentence = _tokens[t].Sentence;
        if (_sentenceFirst[sentence] != t || _tokens[t - 1].Sentence == sentence) return default;
        for (int i = quote.Outer.End; i < _tokens[t].Token.Span.Start; i++) if (_article.Text[i] == '\n') return default;
        int last = _sentenceLast[sentence];
        for (int v = t; v <= last && v <= t + 6; v++)
        {
            if (_inQuote[v]) return default;
            if (!IsQuoteCue(v)) continue;
            if (IsParticiple(_tokens[v].Token.Normal) || _tokens[v].Token.Normal == "according") return default;
            if (v + 1 <= last && ClauseOpeners.Contains(_tokens[v + 1].Token.Normal)) return default;
            return ResolveVerb(v, t - 1, last);
        }
        return default;
    }

    /// <summary>A cue for a direct quotation: any speech or writing verb form (<see cref="SpeechCues"/>), or "according to".</summary>
    private bool IsQuoteCue(int i)
    {
        var t = _tokens[i].Token;
        if (t.Kind != TokenKind.Word) return false;
        // "According to X, “...”" opens its sentence with a capital; every other cue is a lower-case verb form
        if (t.Normal == "according") return i + 1 < _tokens.Count && _tokens[i + 1].Token.Normal == "to";
        if (!char.IsLower(_article.Text[t.Span.Start])) return false;
        return SpeechCues.IsCue(t.Normal, i + 1 < _tokens.Count ? _tokens[i + 1].Token.Normal : null);
    }

    /// <summary>The speaker of a sentence that ends in a colon right before the quotation (in the same or the previous paragraph).</summary>
    private (Speaker? Speaker, TextSpan? Span) ColonIntroduction(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.Start - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k])) k--;
        if (k < 0 || text[k] != ':') return default;
        int colon = TokenAt(k);
        if (colon < 0) return default;
        int sentence = _tokens[colon].Sentence;
        int first = _sentenceFirst[sentence], last = colon;
        for (int v = last - 1; v >= first; v--)
        {
            if (_inQuote[v] || !IsQuoteCue(v)) continue;
            var resolved = ResolveVerb(v, first, last);
            if (resolved.Speaker is not null) return resolved;
        }
        // no cue ("The statement in full:"): the sentence's first named speaker or pronoun subject
        if (_tokens[first].Token.Normal is "he" or "she") return Resolve(first, first, null);
        return SentenceSubject(last);
    }

    /// <summary>A quotation signed on the next line: "— Hillary Clinton." / "-Jane Doe, Springfield."</summary>
    private (Speaker? Speaker, TextSpan? Span) Signature(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.End;
        while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
        // any dash: hyphen, en and em dash, the horizontal bar "―" some sites sign with
        if (k >= text.Length || char.GetUnicodeCategory(text[k]) != System.Globalization.UnicodeCategory.DashPunctuation) return default;
        int start = k + 1;
        int reach = Math.Min(MaxSignatureLength, text.Length - start); // a signature is short: bounded look-ahead
        int end = text.IndexOf('\n', start, reach);
        if (end < 0) end = start + reach;
        foreach (var (m, g) in _entities.MentionsIn(_article.Number, TextSpan.FromBounds(start, end)))
        {
            if (g.Kind is EntityKind.Person or EntityKind.Organization) return (FromEntity(m, g, null), m.Span);
        }
        // a reader's signature the entity stage did not keep (a name seen once): two to four capitalised words
        // ending the line ("― Jane Q. Roe.", "— Jane Roe, Springfield")
        var signature = Trim(TextSpan.FromBounds(start, end));
        int comma = signature.Slice(text).IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0) signature = TextSpan.FromBounds(signature.Start, signature.Start + comma);
        while (signature.Length > 0 && text[signature.End - 1] is '.' or ' ') signature = TextSpan.FromBounds(signature.Start, signature.End - 1);
        var words = signature.Slice(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is >= 2 and <= 4 && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLetter(c) || c is '.' or '-' or '\'')))
        {
            return (new Speaker(signature.Slice(text), SpeakerKind.Person, null, null), signature);
        }
        return default;
    }

    private const int MaxSignatureLength = 120;

    /// <summary>A source credited in brackets right after the quotation, ending its paragraph: "“...” [Reuters.]".</summary>
    private (Speaker? Speaker, TextSpan? Span) BracketSource(QuotedSpan quote)
    {
        var text = _article.Text;
        int k = quote.Outer.End;
        while (k < text.Length && text[k] is ' ' or '\t') k++;
        if (k >= text.Length || text[k] != '[') return default;
        int close = text.IndexOfAny([']', '\n'], k + 1, Math.Min(40, text.Length - k - 1)); // a short credit only: bounded look-ahead
        if (close < 0 || text[close] != ']') return default;
        int after = close + 1;
        while (after < text.Length && after < close + 8 && text[after] is ' ' or '\t' or '.') after++;
        if (after < text.Length && text[after] != '\n') return default;
        var inside = Trim(TextSpan.FromBounds(k + 1, close));
        while (inside.Length > 0 && text[inside.End - 1] == '.') inside = TextSpan.FromBounds(inside.Start, inside.End - 1);
        if (inside.IsEmpty || !char.IsUpper(text[inside.Start]) || inside.Slice(text).Count(c => c == ' ') > 4) return default;
        foreach (var (m, g) in _entities.MentionsIn(_article.Number, inside))
        {
            if (g.Kind is EntityKind.Person or EntityKind.Organization) return (FromEntity(m, g, null), m.Span);
        }
        return (new Speaker(inside.Slice(text), SpeakerKind.Organization, null, null), inside);
    }

    private int TokenAt(int position)
    {
        int lo = 0, hi = _tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = _tokens[mid].Token.Span;
            if (span.End <= position) lo = mid + 1;
            else if (span.Start > position) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private bool CoversItsSentences(QuotedSpan quote, int first, int last)
    {
        int outside = 0;
        for (int i = first; i <= last; i++) if (!_inQuote[i] && _tokens[i].Token.Kind == TokenKind.Word) outside++;
        return outside == 0;
    }

    private (int First, int Last) ContextTokens(TextSpan range)
    {
        int first = -1, last = -1;
        foreach (var s in _article.Sentences)
        {
            if (!s.Span.Overlaps(range) || _sentenceFirst[s.Index] < 0) continue;
            if (first < 0) first = _sentenceFirst[s.Index];
            last = _sentenceLast[s.Index];
        }
        return (first, last);
    }

    private bool IsSpeechVerb(int i)
    {
        var t = _tokens[i].Token;
        if (t.Kind != TokenKind.Word) return false;
        if (t.Normal == "according") return i + 1 < _tokens.Count && _tokens[i + 1].Token.Normal == "to";
        if (!EntityCues.SpeechVerbs.Contains(t.Normal)) return false;
        // "the so-called", "a called-off": only lower-case verb forms count
        return char.IsLower(_article.Text[t.Span.Start]) || t.Normal is "according";
    }

    // ---- reported speech ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private Found? Reported(Sentence sentence)
    {
        int first = _sentenceFirst[sentence.Index], last = _sentenceLast[sentence.Index];
        if (first < 0) return null;
        int end = last;
        while (end > first && _tokens[end].Token.Kind == TokenKind.Punctuation) end--; // final full stop
        for (int v = first; v <= end; v++)
        {
            if (!IsSpeechVerb(v)) continue;
            var verb = _tokens[v].Token.Normal;
            // "X cited its sources as saying (that) CLAUSE"
            if (Participles.Contains(verb) && v > first && _tokens[v - 1].Token.Normal == "as")
            {
                int cited = -1;
                for (int k = v - 2; k >= first; k--) if (_tokens[k].Token.Normal is "cited" or "quoted") { cited = k; break; }
                if (cited < 0) continue;
                var np = LeftPhrase(cited, first);
                var speaker = np is { } n ? Resolve(n.Start, n.End, null) : default;
                int c = v + 1;
                if (c <= end && _tokens[c].Token.Normal == "that") c++;
                if (speaker.Speaker is not null && Words(c, end) >= 4) return Make(QuoteKind.Reported, Span(c, end), speaker.Speaker, speaker.Span);
                continue;
            }
            if (verb == "according")
            {
                int np0 = v + 2;
                var np = RightPhrase(np0, end);
                if (np is null) continue;
                var speaker = Resolve(np.Value.Start, np.Value.End, null);
                if (speaker.Speaker is null) continue;
                if (v == first || (v > first && _tokens[v - 1].Token.Normal == "," && v - 1 > first))
                {
                    if (v == first)
                    {
                        int comma = np.Value.End + 1;
                        if (comma <= end && _tokens[comma].Token.Normal == "," && Words(comma + 1, end) >= 4)
                            return Make(QuoteKind.Reported, Span(comma + 1, end), speaker.Speaker, speaker.Span);
                    }
                    else if (Words(first, v - 2) >= 4 && np.Value.End >= end - 4)
                    {
                        return Make(QuoteKind.Reported, Span(first, v - 2), speaker.Speaker, speaker.Span);
                    }
                }
                continue;
            }
            if (Participles.Contains(verb) || verb is "called" or "calls" or "described" or "describes" or "quoted" or "asked" or "asks") continue;
            if (v > first && _tokens[v - 1].Token.Normal is "and" or "but" or "or") continue;
            _pendingRole = null;
            var left = LeftPhrase(v, first);
            if (left is null) continue;
            var (start, stop) = left.Value;
            var resolved = Resolve(start, stop, _pendingRole);
            if (resolved.Speaker is null) continue;
            // "CLAUSE, X said (on Monday)." — a list of sources ("tribal leaders, residents and a war monitor") is one subject
            if (start > first && _tokens[start - 1].Token.Normal == "," && end - v <= 5 && !Any(v + 1, end, "that"))
            {
                if (Any(start, stop, "and"))
                {
                    while (start - 1 > first && _tokens[start - 1].Token.Normal == ",")
                    {
                        int p = start - 2, n = 0;
                        while (p > first && IsPhraseToken(p) && n < 3) { p--; n++; }
                        if (n == 0 || n >= 3 || _tokens[p].Token.Normal != ",") break;
                        start = p + 1;
                    }
                }
                int clauseEnd = start - 2;
                if (Words(first, clauseEnd) >= 4) return Make(QuoteKind.Reported, Span(first, clauseEnd), resolved.Speaker, resolved.Span);
                continue;
            }
            // "X said (that) CLAUSE." with X opening the sentence (after an optional "On Sunday,")
            if (!OpensSentence(start, first)) continue;
            int clause = v + 1;
            if (verb is "told" or "tells") clause = SkipObject(clause, end);
            clause = SkipAdverbials(clause, end);
            bool that = clause <= end && _tokens[clause].Token.Normal == "that";
            if (that) clause++;
            else if (!BareClauseVerbs.Contains(verb)) continue;
            if (clause <= end && _tokens[clause].Token.Kind == TokenKind.Punctuation) continue;
            if (Words(clause, end) >= 4) return Make(QuoteKind.Reported, Span(clause, end), resolved.Speaker, resolved.Span);
        }
        return null;
    }

    private bool OpensSentence(int start, int first)
    {
        if (start == first) return true;
        // an introductory adverbial ending in a comma: "On Sunday, the army said ..."
        for (int k = first; k < start && k < first + 6; k++)
        {
            if (_tokens[k].Token.Normal == "," && k == start - 1) return true;
        }
        return false;
    }

    private int SkipObject(int i, int end)
    {
        // "told Reuters", "told reporters", "told the news agency"
        int limit = Math.Min(end, i + 3);
        for (int k = i; k <= limit; k++)
        {
            var n = _tokens[k].Token.Normal;
            if (n == "that") return k;
            if (_tokens[k].Token.Kind == TokenKind.Punctuation) return k + (n == "," ? 1 : 0);
            if (k > i && char.IsLower(_article.Text[_tokens[k].Token.Span.Start]) && n is not "news" and not "agency" and not "reporters" and not "journalists")
                return k;
        }
        return Math.Min(limit + 1, end);
    }

    private int SkipAdverbials(int i, int end)
    {
        // "on Sunday", "late on Monday", "yesterday", "in a statement", "this week"
        while (i <= end)
        {
            var n = _tokens[i].Token.Normal;
            if (n is "yesterday" or "today" or "tonight" or "earlier" or "later" or "also" or "again" or "late" or "early") { i++; continue; }
            if (n is "on" && i + 1 <= end && EntityCues.CalendarWords.Contains(_article.Text.Substring(_tokens[i + 1].Token.Span.Start, _tokens[i + 1].Token.Span.Length))) { i += 2; continue; }
            if (n is "in" && i + 2 <= end && _tokens[i + 1].Token.Normal is "a" or "an" && _tokens[i + 2].Token.Normal is "statement" or "interview" or "speech" or "release") { i += 3; continue; }
            if (n is "this" or "last" && i + 1 <= end && _tokens[i + 1].Token.Normal is "week" or "month" or "year" or "morning" or "evening" or "night") { i += 2; continue; }
            break;
        }
        return i;
    }

    private bool Any(int from, int to, string normal)
    {
        for (int k = from; k <= to; k++) if (_tokens[k].Token.Normal == normal) return true;
        return false;
    }

    private int Words(int from, int to)
    {
        int n = 0;
        for (int k = from; k <= to; k++) if (_tokens[k].Token.Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }

    private TextSpan Span(int from, int to) => TextSpan.FromBounds(_tokens[from].Token.Span.Start, _tokens[to].Token.Span.End);

    // ---- speakers ----

    private (Speaker? Speaker, TextSpan? Span) ResolveVerb(int v, int first, int last)
    {
        var verb = _tokens[v].Token.Normal;
        if (verb == "according")
        {
            var np = RightPhrase(v + 2, last);
            return np is { } r ? Resolve(r.Start, r.End, null) : default;
        }
        bool participle = IsParticiple(verb);
        int before = v - 1; // "and later said": the conjunction may stand before an adverb
        while (before > first && Skippable.Contains(_tokens[before].Token.Normal) && !_inQuote[before]) before--;
        bool coordinated = participle || (before >= first && !_inQuote[before] && _tokens[before].Token.Normal is "and" or "but");
        if (coordinated)
        {
            if (participle && v > first && _tokens[v - 1].Token.Normal == "as")
            {
                for (int k = v - 2; k >= first; k--)
                {
                    if (_tokens[k].Token.Normal is "cited" or "quoted")
                    {
                        var np = LeftPhrase(k, first);
                        return np is { } c ? Resolve(c.Start, c.End, null) : default;
                    }
                }
            }
            // "with Donald Trump tweeting", "Trump reportedly yelling": the participle's own subject right before it
            if (participle)
            {
                int k = v - 1;
                while (k >= first && Skippable.Contains(_tokens[k].Token.Normal) && !_inQuote[k]) k--;
                if (k >= first && !_inQuote[k])
                {
                    foreach (var (m, g) in _entities.MentionsIn(_article.Number, TextSpan.FromBounds(_tokens[Math.Max(first, k - 6)].Token.Span.Start, _tokens[k].Token.Span.End)))
                    {
                        if (m.Span.End == _tokens[k].Token.Span.End && g.Kind is EntityKind.Person or EntityKind.Organization) return (FromEntity(m, g, null), m.Span);
                    }
                }
            }
            // the subject of an earlier verb of the same sentence: "X confirmed ... but said", "X reported ..., saying"
            for (int k = v - 1; k >= first; k--)
            {
                if (_tokens[k].Sentence != _tokens[v].Sentence) break;
                if (_inQuote[k] || !IsQuoteCue(k) || _tokens[k].Token.Normal is "according") continue;
                var earlier = ResolveVerb(k, first, last);
                if (earlier.Speaker is not null) return earlier;
                break; // that verb names no one ("when I asked X, he ... said"): the sentence's subject below
            }
            var subject = SentenceSubject(v);
            return subject;
        }
        _pendingRole = null;
        var left = LeftPhrase(v, first);
        if (left is { } l) return Resolve(l.Start, l.End, _pendingRole);
        if (!(Inverting.Contains(verb) || (SpeechCues.Forms.Contains(verb) && !participle)) || v == first || !(_inQuote[v - 1] || _tokens[v - 1].Token.Normal == ",")) return default;
        var right = RightPhrase(v + 1, last);
        if (right is { } rr)
        {
            var role = Appositive(rr.End + 1, last);
            return Resolve(rr.Start, rr.End, role);
        }
        return default;
    }

    /// <summary>"saying", "writing", "tweeting": a participle cue takes the subject of the clause it hangs from.</summary>
    private static bool IsParticiple(string verb) =>
        Participles.Contains(verb) || (verb.EndsWith("ing", StringComparison.Ordinal) && SpeechCues.Forms.Contains(verb));

    /// <summary>The first speaker named before token <paramref name="v"/> in its sentence: a person or organisation, or a "he"/"she" ("she sent an email saying, “done.”").</summary>
    private (Speaker?, TextSpan?) SentenceSubject(int v)
    {
        var sentence = _article.Sentences[_tokens[v].Sentence];
        int pronoun = -1;
        for (int k = _sentenceFirst[sentence.Index]; k >= 0 && k < v; k++)
        {
            if (!_inQuote[k] && _tokens[k].Token.Normal is "he" or "she") { pronoun = k; break; }
        }
        foreach (var (m, g) in _entities.MentionsIn(_article.Number, TextSpan.FromBounds(sentence.Span.Start, _tokens[v].Token.Span.Start)))
        {
            if (IsInQuote(m.Span.Start)) continue;
            if (pronoun >= 0 && _tokens[pronoun].Token.Span.Start < m.Span.Start) break;
            if (g.Kind is EntityKind.Person or EntityKind.Organization) return (FromEntity(m, g, null), m.Span);
        }
        return pronoun >= 0 ? Resolve(pronoun, pronoun, null) : default;
    }

    private bool IsInQuote(int position)
    {
        foreach (var q in _quoted) if (q.Outer.Start <= position && position < q.Outer.End) return true;
        return false;
    }

    /// <summary>The noun phrase ending right before token <paramref name="v"/>: "the army", "Observatory head Rami Abdel Rahman", "Jane Doe, a spokeswoman for the ministry,".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    private (int Start, int End)? LeftPhrase(int v, int first)
    {
        int k = v - 1;
        while (k >= first && Skippable.Contains(_tokens[k].Token.Normal) && char.IsLower(_article.Text[_tokens[k].Token.Span.Start]) && !_inQuote[k]) k--;
        if (k < first || _inQuote[k]) return null;
        // a parenthesis after the name is stepped over: "Sen. Ted Cruz (R-Texas) said"
        if (_tokens[k].Token.Normal == ")")
        {
            int open = k - 1;
            while (open >= first && open >= k - 8 && _tokens[open].Token.Normal != "(" && !_inQuote[open]) open--;
            if (open > first && _tokens[open].Token.Normal == "(" && IsPhraseToken(open - 1)) k = open - 1;
        }
        if (_tokens[k].Token.Normal == ",")
        {
            // "NAME, ROLE, said" or "ROLE, NAME, said"
            int c1 = k, c0 = c1 - 1;
            while (c0 >= first && !_inQuote[c0] && _tokens[c0].Token.Normal is not "," and not ";" and not ":") c0--;
            if (c0 + 1 > c1 - 1) return null;
            if (c0 >= first && _tokens[c0].Token.Normal == "," && !_inQuote[c0])
            {
                int s = c0 - 1;
                int e = s;
                while (s - 1 >= first && IsPhraseToken(s - 1)) s--;
                // an adverbial between the commas ("X, in an attempt to …, wrote") is stepped over whatever it names
                bool segmentPerson = !AdverbialOpeners.Contains(_tokens[c0 + 1].Token.Normal) && HasPerson(c0 + 1, c1 - 1);
                if (s <= e && !segmentPerson && (HasPerson(s, e) || (HasNamedEntity(s, e) && !HasSpeakerEntity(c0 + 1, c1 - 1))))
                {
                    // "NAME, ROLE, said"; a participle clause ("NAME, citing ..., said") is stepped over but is no role
                    _pendingRole = LooksLikeRole(c0 + 1, c1 - 1) ? Span(c0 + 1, c1 - 1) : null;
                    return (s, e);
                }
            }
            if (HasNamedEntity(c0 + 1, c1 - 1)) return (c0 + 1, c1 - 1);
            return null;
        }
        int start = k;
        while (start - 1 >= first && IsPhraseToken(start - 1) && k - start < 12) start--;
        if (!IsPhraseToken(k)) return null;
        // a capitalised clause opener is no part of the subject: "As Politico reported, “...”"
        while (start < k && LeftBoundaries.Contains(_tokens[start].Token.Normal)) start++;
        return (start, k);
    }

    /// <summary>Words that open an adverbial or participle clause between commas, not an appositive role.</summary>
    private static readonly HashSet<string> AdverbialOpeners = new(StringComparer.Ordinal)
    {
        "in", "at", "after", "before", "during", "while", "when", "as", "with", "without", "on", "for", "like", "unlike", "speaking",
        "responding", "referring", "asked", "pressed", "echoing", "despite", "though", "although", "if", "once", "by", "from",
    };

    private bool IsPhraseToken(int i)
    {
        if (_inQuote[i]) return false;
        var t = _tokens[i].Token;
        if (t.Kind is TokenKind.Word or TokenKind.Number) return !LeftBoundaries.Contains(t.Normal) || char.IsUpper(_article.Text[t.Span.Start]) && t.Normal is not "that" and not "which";
        return t.Normal is "-" or "." or "'" or "&";
    }

    /// <summary>The noun phrase starting at token <paramref name="s"/>: "said Qahtan Ghanam al-Ali", "according to the monitor".</summary>
    private (int Start, int End)? RightPhrase(int s, int last)
    {
        int e = s - 1;
        for (int k = s; k <= last && k - s < 12; k++)
        {
            if (_inQuote[k]) break;
            var t = _tokens[k].Token;
            bool word = t.Kind is TokenKind.Word or TokenKind.Number;
            if (word && RightBoundaries.Contains(t.Normal) && char.IsLower(_article.Text[t.Span.Start]) && k > s) break;
            if (!word && t.Normal is not "-" and not "." and not "'" and not "&") break;
            if (!word && t.Normal == "." && (k + 1 > last || _tokens[k + 1].Token.Kind != TokenKind.Word || char.IsWhiteSpace(_article.Text[t.Span.End]))) break;
            e = k;
        }
        return e >= s ? (s, e) : null;
    }

    /// <summary>An appositive after a speaker: ", a tribal leader in touch with relatives" → its text span.</summary>
    private TextSpan? Appositive(int comma, int last)
    {
        if (comma > last || _tokens[comma].Token.Normal != ",") return null;
        int s = comma + 1;
        if (s > last || _inQuote[s]) return null;
        var first = _tokens[s].Token;
        bool starts = first.Normal is "a" or "an" or "the" or "its" or "his" or "her" or "who" || EntityCues.PersonRoleNouns.Contains(first.Normal)
            || char.IsUpper(_article.Text[first.Span.Start]);
        if (!starts) return null;
        int e = s;
        for (int k = s; k <= last && k - s < 16; k++)
        {
            if (_inQuote[k]) break;
            var n = _tokens[k].Token.Normal;
            if (_tokens[k].Token.Kind == TokenKind.Punctuation && n is "," or ";" or ":" or "\"" or "(" or ")") break;
            if (_tokens[k].Token.Kind == TokenKind.Punctuation && n == "." && (k == last || char.IsWhiteSpace(_article.Text.Length > _tokens[k].Token.Span.End ? _article.Text[_tokens[k].Token.Span.End] : ' '))) break;
            if (n is "said" or "told" or "which" or "adding" or "saying" || (n == "who" && k > s)) break;
            e = k;
        }
        return Span(s, e);
    }

    /// <summary>An appositive that describes a person: "a spokeswoman for ...", "the party's lawyer", "Harbour chief"; not "citing ...".</summary>
    private bool LooksLikeRole(int s, int e)
    {
        var first = _tokens[s].Token;
        if (first.Normal is "a" or "an" or "the" or "his" or "her" or "its" or "their") return true;
        if (char.IsUpper(_article.Text[first.Span.Start])) return true;
        for (int i = s; i <= e; i++) if (EntityCues.PersonRoleNouns.Contains(_tokens[i].Token.Normal)) return !first.Normal.EndsWith("ing", StringComparison.Ordinal);
        return false;
    }

    private bool HasSpeakerEntity(int s, int e) =>
        _entities.MentionsIn(_article.Number, Span(s, e)).Any(p => p.Group.Kind is EntityKind.Person or EntityKind.Organization && !p.Mention.IsDescription);

    private bool HasPerson(int s, int e) =>
        _entities.MentionsIn(_article.Number, Span(s, e)).Any(p => p.Group.Kind == EntityKind.Person);

    private bool HasNamedEntity(int s, int e)
    {
        var range = Span(s, e);
        return _entities.MentionsIn(_article.Number, range).Any(p => p.Group.Kind is EntityKind.Person or EntityKind.Organization or EntityKind.Other);
    }

    private (Speaker? Speaker, TextSpan? Span) Resolve(int s, int e, TextSpan? appositive)
    {
        var range = Span(s, e);
        var np = range.Slice(_article.Text);
        var lower = np.ToLowerInvariant();
        if (s == e && lower is "he" or "she")
        {
            var who = _lastPerson ?? LastPersonMentionBefore(range.Start);
            return (who, range);
        }
        if (s == e && lower is "it")
        {
            return (_lastOrganization, range);
        }
        if (s == e && lower is "i") return (_lastSpeaker, range);
        if (s == e && lower is "they" or "we")
        {
            // a plural pronoun names the last organisation speaker, else stays the pronoun (an unnamed group)
            return (_lastOrganization ?? new Speaker(np, SpeakerKind.Description, null, null), range);
        }
        if (lower is "you" or "who" or "which" or "one" or "others" or "some" or "many") return default;
        var best = HeadEntity(s, e);
        if (best is { } b)
        {
            string? role = appositive?.Slice(_article.Text);
            if (role is null && b.Group.Kind != EntityKind.Organization && b.Mention.Span.Start > range.Start)
            {
                var pre = Trim(TextSpan.FromBounds(range.Start, b.Mention.Span.Start));
                var text = pre.Slice(_article.Text);
                if (text.Length > 0 && text is not ("the" or "The" or "a" or "A" or "an")) role = text;
            }
            return (FromEntity(b.Mention, b.Group, role), b.Mention.Span);
        }
        if (!np.Any(char.IsLetter)) return default;
        // "the mayor", "the minister": the person most recently mentioned before with that title or role word
        if (e - s is 1 or 2 && lower.StartsWith("the ", StringComparison.Ordinal))
        {
            var head = _tokens[e].Token.Normal;
            (EntityMention Mention, EntityGroup Group)? titled = null;
            // The last such mention before the phrase: walk back from it (a binary search finds the start), so a
            // long article does not rescan all of its mentions for every quote.
            var mentions = _entities.MentionsOf(_article.Number);
            for (int k = FirstMentionAtOrAfter(mentions, range.Start) - 1; k >= 0; k--)
            {
                var p = mentions[k];
                if (p.Group.Kind != EntityKind.Person) continue;
                var role = p.Mention.Title ?? _roles.Find(_article.Number, p.Group);
                if (role is not null && role.Split(' ', '-').Any(w => string.Equals(w, head, StringComparison.OrdinalIgnoreCase)))
                {
                    titled = p;
                    break;
                }
            }
            if (titled is { } t) return (FromEntity(t.Mention, t.Group, null), range);
        }
        // an unnamed source described by a phrase: "a military source in Deir Ezzor", "the army statement"
        int words = np.Count(c => c == ' ') + 1;
        if (words > 10 || !IsSourceDescription(s, e)) return default;
        return (new Speaker(np, SpeakerKind.Description, appositive?.Slice(_article.Text), null), range);
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "of", "in", "at", "from", "against", "with", "for", "on", "near", "to", "inside", "outside", "across", "over", "under",
    };

    /// <summary>
    /// The named speaker of a noun phrase: a person anywhere in its head (before the first preposition outside a name),
    /// else an organisation ending the head ("State news agency SANA", "the UK-based Syrian Observatory for Human
    /// Rights") or followed only by organisation nouns ("the SANA news agency"); the agent of "carried by X" /
    /// "issued by X". Places are never speakers. Null when the phrase names no one ("a military source in Deir Ezzor").
    /// </summary>
    private (EntityMention Mention, EntityGroup Group)? HeadEntity(int s, int e)
    {
        // coordinated subjects ("the monitor and residents"): the first conjunct that names someone
        for (int i = s + 1; i < e; i++)
        {
            if (_tokens[i].Token.Normal != "and") continue;
            var firstConjunct = HeadEntity(s, i - 1);
            if (firstConjunct is not null) return firstConjunct;
            break;
        }
        var mentions = _entities.MentionsIn(_article.Number, Span(s, e)).Where(p => p.Group.Kind != EntityKind.Place).ToList();
        if (mentions.Count == 0) return null;
        bool InMention(int i) => mentions.Any(m => m.Mention.Span.Contains(_tokens[i].Token.Span)) ||
            _entities.MentionsIn(_article.Number, _tokens[i].Token.Span).Any();
        for (int i = s; i <= e; i++)
        {
            if (_tokens[i].Token.Normal != "by" || InMention(i)) continue;
            var agent = mentions.FirstOrDefault(m => m.Mention.Span.Start > _tokens[i].Token.Span.Start);
            if (agent.Group is not null) return agent;
        }
        int headEnd = e;
        for (int i = s; i <= e; i++)
        {
            if (Prepositions.Contains(_tokens[i].Token.Normal) && !InMention(i)) { headEnd = i - 1; break; }
        }
        if (headEnd < s) return null;
        var head = Span(s, headEnd);
        var inHead = mentions.Where(m => head.Contains(m.Mention.Span)).ToList();
        var person = inHead.LastOrDefault(m => m.Group.Kind == EntityKind.Person);
        if (person.Group is not null) return person;
        foreach (var m in Enumerable.Reverse(inHead))
        {
            bool onlyNouns = true;
            for (int i = s; i <= headEnd; i++)
            {
                var t = _tokens[i].Token;
                if (t.Span.Start < m.Mention.Span.End) continue;
                if (t.Kind != TokenKind.Word || !EntityCues.OrganizationNouns.Contains(t.Normal)) { onlyNouns = false; break; }
            }
            if (onlyNouns) return m;
        }
        return null;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "some", "several", "many", "two", "three", "four", "five", "other", "another", "one", "both", "most", "local", "his", "her", "its", "their",
    };

    /// <summary>
    /// A describing phrase is a plausible unnamed source when it opens like a noun phrase (a determiner, a number,
    /// a capitalised word) and does not start with a pronoun, or when it ends in a person or organisation noun
    /// ("residents and a war monitor", "officials").
    /// </summary>
    private bool IsSourceDescription(int s, int e)
    {
        var first = _tokens[s].Token;
        if (first.Normal is "it" or "he" or "she" or "they" or "this" or "that" or "we" or "these" or "those" or "there") return false;
        // a clause opener is no noun phrase: "When asked to", "While the donor", "What the"
        if (LeftBoundaries.Contains(first.Normal) || first.Normal is "what" or "when" or "why" or "how" or "while" or "here") return false;
        if (s == e && Determiners.Contains(first.Normal)) return false;
        for (int i = s; i <= e; i++) if (Skippable.Contains(_tokens[i].Token.Normal) && char.IsLower(_article.Text[_tokens[i].Token.Span.Start])) return false;
        if (Determiners.Contains(first.Normal) || first.Kind == TokenKind.Number || char.IsUpper(_article.Text[first.Span.Start])) return true;
        var last = _tokens[e].Token.Normal;
        var singular = last.EndsWith('s') ? last[..^1] : last;
        return EntityCues.PersonRoleNouns.Contains(last) || EntityCues.PersonRoleNouns.Contains(singular)
            || EntityCues.OrganizationNouns.Contains(singular) || last is "residents" or "officials" or "sources" or "witnesses" or "police";
    }

    private TextSpan Trim(TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && (char.IsWhiteSpace(_article.Text[s]) || _article.Text[s] == ',')) s++;
        while (e > s && (char.IsWhiteSpace(_article.Text[e - 1]) || _article.Text[e - 1] == ',')) e--;
        return TextSpan.FromBounds(s, e);
    }

    private Speaker? LastPersonMentionBefore(int position)
    {
        var mentions = _entities.MentionsOf(_article.Number);
        for (int k = FirstMentionAtOrAfter(mentions, position) - 1; k >= 0; k--)
        {
            if (mentions[k].Group.Kind == EntityKind.Person) return FromEntity(mentions[k].Mention, mentions[k].Group, null);
        }
        return null;
    }

    /// <summary>Index of the first mention (in text order) starting at or after <paramref name="position"/>.</summary>
    private static int FirstMentionAtOrAfter(IReadOnlyList<(EntityMention Mention, EntityGroup Group)> mentions, int position)
    {
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Mention.Span.Start < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private Speaker FromEntity(EntityMention mention, EntityGroup group, string? role)
    {
        var kind = group.Kind switch
        {
            EntityKind.Organization or EntityKind.Place => SpeakerKind.Organization,
            _ => SpeakerKind.Person,
        };
        role ??= mention.Title ?? (kind == SpeakerKind.Person ? _roles.Find(_article.Number, group) : null);
        return new Speaker(group.Name, kind, role, group.Id);
    }

    private Found Make(QuoteKind kind, List<QuotedSpan> pieces, Speaker speaker, TextSpan? speakerSpan)
    {
        var span = TextSpan.FromBounds(pieces[0].Inner.Start, pieces[^1].Inner.End);
        var occurrence = new QuoteOccurrence(_article.Number, span, span.Slice(_article.Text), _article.Outlet, speaker, speakerSpan)
        {
            Pieces = pieces.Count > 1 ? [.. pieces.Select(p => p.Inner)] : [],
        };
        return new(kind, occurrence);
    }

    private Found Make(QuoteKind kind, TextSpan span, Speaker speaker, TextSpan? speakerSpan) =>
        new(kind, new QuoteOccurrence(_article.Number, span, span.Slice(_article.Text), _article.Outlet, speaker, speakerSpan));
}
