using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Analysis.Dates;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>
/// Reads the claims of one article with a small frame grammar over its tokens:
/// <list type="bullet">
/// <item>Counts: NUMBER [counted noun] ... MEASURE ("nine civilians were killed"), MEASURE NUMBER ("killing nine"),
/// "toll ... at / to NUMBER", and an elided repeat ("the ministry puts the toll at 11; the council says 27").</item>
/// <item>Control: HOLDER GAIN|LOSE PLACE (active), PLACE was GAIN [by HOLDER] (passive), "ousted X from PLACE";
/// a pronoun holder is the sentence's speaker ("the army said it had taken ..."); "the town" is the article's
/// place in focus; a negation or denial before the verb flips the status.</item>
/// <item>Statuses: opposite pairs (contained / flared up, open / closed, ...) about the place or incident of the clause.</item>
/// </list>
/// Each claim gets its place (entity aliases folded), incident kind, event time (the dates stage's expression in
/// the same clause), its attribution chain and a revision cue.
/// </summary>
internal static partial class ClaimExtractor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@";|\s+but\s+|,\s+while\s+|\s+and\s+then\s+|\s+after\s+(?=\p{L}+\s+(who|which|had|have|were|was)\b)", Options)]
    private static partial Regex ClauseBreak { get; }

    [GeneratedRegex(@"\b(since|so\s+far|in\s+total|a\s+total\s+of|in\s+recent\s+(days|weeks|months|years)|over\s+the\s+(past|last)|in\s+the\s+(past|last)|this\s+year|throughout|\w+\s+(days|weeks|months|years)\s+of|in\s+the\s+(war|conflict)|cumulative)\b", Options)]
    private static partial Regex PeriodCue { get; }

    /// <summary>
    /// A count's scope wider than the story's incident: a whole war ("in the Syrian war", "in the country's conflict",
    /// "since the war began", "since the start of the uprising") or a whole country ("across the country",
    /// "nationwide"). Such a count is about the war or the country, not about the place the story is in.
    /// </summary>
    [GeneratedRegex(@"\b(?<war>(in|during|throughout|of)\s+(the\s+)?((\p{Lu}[\p{L}-]+|\p{L}+['’]s)\s+)?(civil\s+)?(war|conflict|uprising|insurgency)\b(?!\s+(zone|crimes?|monitor)\b)|since\s+the\s+((civil\s+)?(war|conflict|uprising|insurgency|crisis)\s+(began|started|erupted|broke\s+out)|(start|beginning|outbreak)\s+of\s+the\s+(\p{L}+\s+)?(war|conflict|uprising|insurgency|crisis)))|(?<nation>\bacross\s+the\s+(country|nation)\b|\bnation-?wide\b|\bcountry-?wide\b|\bin\s+the\s+whole\s+country\b)", Options)]
    private static partial Regex WideScope { get; }

    [GeneratedRegex(@"\b(rose|risen|rising|climbed|increased|revised|updated|corrected|now|again|raised|jumped|lowered|reduced|still|bringing|brought|reached|fell|fallen|dropped)\b", Options)]
    private static partial Regex RevisionCue { get; }

    [GeneratedRegex(@"\b(between)\s*$", Options)]
    private static partial Regex Between { get; }

    [GeneratedRegex(@"^\s*(and|to|-|–)\s*$", Options)]
    private static partial Regex RangeJoin { get; }

    [GeneratedRegex(@"\bcontradict\w*|\bcontrary\s+to\b|\bhad\s+(pointed|blamed|suggested)\b", Options)]
    private static partial Regex Retrospective { get; }

    [GeneratedRegex(@"\b(not|never|no\s+longer|n't|denied|denies|deny|denying|denial|rejected|rejects|dismissed)\b", Options)]
    private static partial Regex Negation { get; }

    // Not after a hyphen: "rebel-held", "IS-controlled" are adjectives of a noun, not the clause's verb.
    [GeneratedRegex(@"(?<!-)\b(?<verb>" + MeasureLexicon.GainVerbs + @")\b", Options)]
    private static partial Regex Gain { get; }

    [GeneratedRegex(@"(?<!-)\b(?<verb>" + MeasureLexicon.LoseVerbs + @")\b", Options)]
    private static partial Regex Lose { get; }

    [GeneratedRegex(@"^[""”’']?\s*(full\s+|complete\s+)?(control\s+of\s+)?(the\s+)?(\p{Ll}[\p{Ll}-]*\s+){0,2}((town|city|village|capital|province|region|district|area|port|base)\s+of\s+)?$", Options)]
    private static partial Regex ObjectLead { get; }

    [GeneratedRegex(@"^[""”’']?\s*(the\s+)?((eastern|western|northern|southern|border|rebel-held|key|strategic|besieged)\s+)*(town|city|village)\b|^\s*it\b", Options)]
    private static partial Regex Anaphor { get; }

    [GeneratedRegex(@"\b(was|were|been|be|being|is|are)\s+((fully|now|completely|finally|already)\s+)?$", Options)]
    private static partial Regex PassiveAux { get; }

    [GeneratedRegex(@"^\s*by\s+(?<by>[^,;.]{2,60})", Options)]
    private static partial Regex ByAgent { get; }

    [GeneratedRegex(@"(\s+(had|has|have|was|were|is|are|been|also|now|fully|finally|again|reportedly|already|earlier|later|then|on\s+\w+|late\s+on\s+\w+|on\s+\w+\s+\d+|claimed\s+to\s+have|said\s+(it|they|that)\s+(had|has|have)|said|that|had\s+been))+\s*$", Options)]
    private static partial Regex SubjectTail { get; }

    private const string ControlObject = @"\b(" + MeasureLexicon.GainVerbs + "|" + MeasureLexicon.LoseVerbs + @")\s+(the\s+)?$";

    // End-anchored tests on the text before a mention, read right to left (one start position, at the end).
    private static readonly Regex ControlObjectBefore = new(ControlObject, Options | RegexOptions.RightToLeft);
    private static readonly Regex PrepositionBefore = new(@"\b(in|of|on|at|near|from|into|outside|around)\s+(the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft);
    private static readonly Regex TheBefore = new(@"\b(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft);

    private const string PlacePrepositions = "in|on|at|near|from|into|of";
    private const string PlaceLeads = PlacePrepositions + "|" + MeasureLexicon.GainVerbs + "|" + MeasureLexicon.LoseVerbs;
    private const string BareNameRest = @")\s+(?!(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An|This|That|Its|Their|His|Her)\b)(?<name>\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}'’-]+){0,2})";

    [GeneratedRegex(@"\b(" + PlaceLeads + BareNameRest, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex BareName { get; }

    [GeneratedRegex(@"\b(" + PlacePrepositions + BareNameRest, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex BareNameAfterPreposition { get; }

    [GeneratedRegex(@"\G\b(" + PlaceLeads + BareNameRest, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BareNameAnchored { get; }

    [GeneratedRegex(@"\G\b(" + PlacePrepositions + BareNameRest, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BareNameAfterPrepositionAnchored { get; }

    // Every match of BareName starts with a word of its lead alternation (those words are among the words written in
    // it, escapes aside): the scan tries the pattern only there (LeadWordScan; the same matches as BareName.Matches).
    internal static readonly LeadWordScan BareNameScan = new(WordsOf(PlaceLeads), BareNameAnchored);
    internal static readonly LeadWordScan BareNameAfterPrepositionScan = new(WordsOf(PlacePrepositions), BareNameAfterPrepositionAnchored);

    private static HashSet<string> WordsOf(string alternation)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < alternation.Length;)
        {
            if (alternation[i] == '\\') { i += 2; continue; } // \s, \b: not words
            if (!char.IsLetter(alternation[i])) { i++; continue; }
            int start = i;
            while (i < alternation.Length && char.IsLetter(alternation[i])) i++;
            words.Add(alternation[start..i]);
        }
        return words;
    }

    [GeneratedRegex(@"\bfrom\s+(the\s+(town|city|village)\s+of\s+)?", Options)]
    private static partial Regex FromPlace { get; }

    private static readonly (string Family, string Status, string Opposite, Regex Cue, LiteralGate Gate)[] StatusCues =
        [.. MeasureLexicon.Statuses.Select(s => (s.Family, s.Status, s.Opposite, new Regex(@"\b(" + s.Cue + @")\b", Options), LiteralGate.For(s.Cue)))];

    private static readonly LiteralGate GainGate = LiteralGate.For(MeasureLexicon.GainVerbs);
    private static readonly LiteralGate LoseGate = LiteralGate.For(MeasureLexicon.LoseVerbs);
    private static readonly LiteralGate DetentionGate = LiteralGate.For(DetentionWords);
    private static readonly LiteralGate WinnerGate = LiteralGate.For(WinnerWords);
    private static readonly LiteralGate StateGate = LiteralGate.Any([GainGate, LoseGate, DetentionGate, WinnerGate, .. StatusCues.Select(c => c.Gate)]);

    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "people", "person", "persons", "individuals", "victims", "civilians", "residents", "inhabitants", "villagers", "others",
    };

    private static readonly HashSet<string> NotCounted = new(StringComparer.Ordinal)
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "times", "percent", "per", "km", "kilometres", "kilometers", "miles", "metres",
        "meters", "am", "pm", "o'clock", "dollars", "euros", "pounds", "tonnes", "tons",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "are", "were", "was", "is", "have", "had", "has", "been", "be", "being", "will", "would", "could", "may", "might",
        "who", "which", "that", "than", "as", "mostly", "including", "among", "them", "now", "reportedly", "also", "all",
    };

    public static List<Claim> Extract(Article article, DateAnalysis dates, EntityAnalysis entities, Func<Article, string?, TextSpan, string> sourceOf)
    {
        var result = new List<Claim>();
        string? focus = article.Dateline is { Length: > 0 } d ? entities.Groups.FirstOrDefault(g => g.Kind == EntityKind.Place && g.Aliases.Contains(d, StringComparer.OrdinalIgnoreCase))?.Name : null;
        Claim? lastCount = null;
        var sentences = article.Sentences;
        // Cost: most sentences hold no claim. Each pattern family has a cheap test first (a number, a control verb's
        // or a status cue's literal words); attribution and places are read only for a sentence that may hold a claim,
        // and for the two sentences before it when a count needs the place in focus.
        var read = new (Attribution Attribution, List<(int Start, int End, string Name)> Places)?[sentences.Length];
        (Attribution Attribution, List<(int Start, int End, string Name)> Places) Read(int j, bool controlVerb)
        {
            if (read[j] is { } done) return done;
            var attribution = AttributionFinder.Find(sentences[j]);
            var r = (attribution, Places(article, sentences[j], entities, attribution.SpeakerSpan, controlVerb));
            read[j] = r;
            return r;
        }
        // The place in focus for a clause that names none: the last place named in the two sentences before. When the
        // sentence right before is about a wider scope (the whole war, the whole country), that scope and its place too:
        // "More than 300 people have been killed in the war. Thousands have fled." is one background paragraph.
        var wide = new string?[sentences.Length];
        var wideRead = new bool[sentences.Length];
        string? WideOf(int j)
        {
            if (!wideRead[j]) { wideRead[j] = true; wide[j] = ScopeOf(sentences[j].Text); }
            return wide[j];
        }
        (string? Place, string? Scope, string? ScopePlace) Context(int i)
        {
            string? scope = null, scopePlace = null;
            for (int j = i - 1; j >= 0 && sentences[j].Index >= sentences[i].Index - 2; j--)
            {
                var before = Read(j, controlVerb: true).Places;
                if (j == i - 1 && sentences[j].Index == sentences[i].Index - 1 && WideOf(j) is { } w) { scope = w; scopePlace = before.Count > 0 ? before[^1].Name : null; }
                if (before.Count > 0) return (before[^1].Name, scope, scopePlace);
            }
            return (null, scope, scopePlace);
        }
        var probe = new TextProbe();
        for (int i = 0; i < sentences.Length; i++)
        {
            var s = sentences[i];
            // Headlines, subheads and captions are not claims: a claim is a sentence (the cheapest test, first).
            if (!EndsLikeSentence(s.Text)) continue;
            probe.Load(s.Text);
            var numbers = NumberExtractor.Extract(article.Text, s.Span);
            if ((numbers.Count == 0 && !StateGate.MayMatch(probe)) || Retrospective.IsMatch(s.Text)) continue;
            bool control = GainGate.MayMatch(probe) || LoseGate.MayMatch(probe);
            var (attribution, places) = Read(i, control);
            int at = i;
            Func<(string? Place, string? Scope, string? ScopePlace)> context = () => places.Count > 0 ? (places[^1].Name, null, null) : Context(at);
            var clauses = Clauses(s);
            var found = new List<Claim>();
            foreach (var c in Counts(article, s, numbers, clauses, places, dates, context, focus, () => lastCount, c => lastCount = c)) found.Add(c);
            if (control) foreach (var c in Controls(article, s, clauses, places, dates, attribution, probe, ref focus)) found.Add(c);
            foreach (var c in Statuses(article, s, clauses, places, dates, probe, focus)) found.Add(c);
            if (DetentionGate.MayMatch(probe)) foreach (var c in PersonStatuses(article, s, clauses, dates, entities, attribution.SpeakerSpan)) found.Add(c);
            if (WinnerGate.MayMatch(probe)) foreach (var c in Winners(article, s, clauses, dates, entities, attribution.SpeakerSpan)) found.Add(c);
            if (found.Count == 0) continue;
            var chain = AttributionFinder.Complete(attribution, article);
            var source = sourceOf(article, attribution.Speaker, attribution.SpeakerSpan);
            // A sentence of two clauses joined by ";" can have two speakers ("the ministry puts the toll at 11; the
            // rebel council still says 27"): a clause with its own attribution takes it.
            var semis = new List<int>();
            for (int k = s.Text.IndexOf(';'); k >= 0; k = s.Text.IndexOf(';', k + 1)) semis.Add(k);
            foreach (var c in found.OrderBy(c => c.Evidence.Start).ThenBy(c => c.Measure, StringComparer.Ordinal))
            {
                var (cChain, cSource) = (chain, source);
                if (semis.Count > 0)
                {
                    int rel = c.Evidence.Start - s.Span.Start;
                    int from = semis.Where(k => k < rel).Select(k => k + 1).DefaultIfEmpty(0).Max();
                    int to = semis.Where(k => k >= rel).DefaultIfEmpty(s.Text.Length).Min();
                    var part = s with { Span = new TextSpan(s.Span.Start + from, to - from), Text = s.Text[from..to] };
                    var own = AttributionFinder.Find(part);
                    if (own.Speaker is not null)
                    {
                        cChain = AttributionFinder.Complete(own, article);
                        cSource = sourceOf(article, own.Speaker, own.SpeakerSpan);
                    }
                }
                result.Add(c with { Chain = cChain, Source = cSource });
            }
        }
        return result;
    }

    private static bool EndsLikeSentence(string text)
    {
        var t = text.TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '”' or '’' or '\'' or ')') t = t[..^1];
        return t.Length > 0 && t[^1] is '.' or '!' or '?';
    }

    private static List<(int Start, int End)> Clauses(Sentence s)
    {
        var list = new List<(int, int)>();
        int at = 0;
        foreach (Match m in ClauseBreak.Matches(s.Text))
        {
            list.Add((at, m.Index));
            at = m.Index + m.Length;
        }
        list.Add((at, s.Text.Length));
        return list;
    }

    private static (int Start, int End) ClauseOf(List<(int Start, int End)> clauses, int rel) =>
        clauses.FirstOrDefault(c => rel >= c.Start && rel < c.End, clauses[^1]);

    /// <summary>Place mentions of the sentence (relative offsets, canonical name): places, and unknown names after a place preposition.</summary>
    private static List<(int Start, int End, string Name)> Places(Article article, Sentence s, EntityAnalysis entities, TextSpan speaker, bool controlVerb)
    {
        var list = new List<(int, int, string)>();
        foreach (var (m, g) in entities.MentionsIn(article.Number, s.Span))
        {
            // "United Nations officials in Damascus said": where the speaker sits is not where the claim is.
            if (!speaker.IsEmpty && speaker.Contains(m.Span)) continue;
            int rel = m.Span.Start - s.Span.Start;
            // "Iran's elite guards", "Iraq's second city": a possessor names whose thing it is, not where the claim is.
            if (Possessive(s.Text, rel + m.Span.Length)) continue;
            // The tests below read only the end of the text before the mention: right-to-left patterns anchored at
            // that end try one position, where a left-to-right scan would read the whole prefix for each mention.
            var prefix = s.Text.AsSpan(0, rel);
            if (g.Kind == EntityKind.Place || (g.Kind != EntityKind.Person && PrepositionBefore.IsMatch(prefix))) list.Add((rel, rel + m.Span.Length, g.Name));
            else if (g.Kind != EntityKind.Person && TheBefore.IsMatch(prefix) && ControlObjectBefore.IsMatch(prefix)) list.Add((rel, rel + m.Span.Length, g.Name));
        }
        // Names the entity stage did not classify: a capitalised run right after a place preposition or a control verb.
        var people = entities.MentionsIn(article.Number, s.Span).Where(x => x.Group.Kind == EntityKind.Person).Select(x => x.Mention.Span).ToList();
        // Without a control verb in the sentence, only the prepositions of BareName can match (the same matches, cheaper).
        foreach (Match n in (controlVerb ? BareNameScan : BareNameAfterPrepositionScan).Matches(s.Text))
        {
            var g = n.Groups["name"];
            if (list.Any(p => p.Item1 < g.Index + g.Length && g.Index < p.Item2)) continue;
            if (g.Value.EndsWith("'s", StringComparison.Ordinal) || g.Value.EndsWith("’s", StringComparison.Ordinal) || Possessive(s.Text, g.Index + g.Length)) continue;
            var abs = new TextSpan(s.Span.Start + g.Index, g.Length);
            if (people.Any(p => p.Overlaps(abs)) || (!speaker.IsEmpty && speaker.Contains(abs))) continue;
            list.Add((g.Index, g.Index + g.Length, g.Value));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    private static bool Possessive(string text, int end) =>
        end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's' && (end + 2 == text.Length || !char.IsLetter(text[end + 2]));

    private static string? NearestPlace(List<(int Start, int End, string Name)> places, (int Start, int End) clause, int rel) =>
        places.Where(p => p.Start >= clause.Start && p.End <= clause.End)
            .OrderBy(p => Distance(p.Start, p.End, rel)).ThenBy(p => p.Start).Select(p => p.Name).FirstOrDefault();

    private static int Distance(int start, int end, int rel) => Math.Min(Math.Abs(start - rel), Math.Abs(end - rel));

    private static string? IncidentIn(Sentence s, (int Start, int End) clause, int rel)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var t in s.Tokens)
        {
            int r = t.Span.Start - s.Span.Start;
            if (r < clause.Start || r >= clause.End) continue;
            if (!MeasureLexicon.Incidents.TryGetValue(t.Normal, out var kind)) continue;
            int d = Math.Abs(r - rel);
            if (d < bestDistance) { best = kind; bestDistance = d; }
        }
        return best;
    }

    private static string? CueIn(Sentence s, (int Start, int End) clause)
    {
        var m = RevisionCue.Match(s.Text, clause.Start, clause.End - clause.Start);
        return m.Success ? m.Value.ToLowerInvariant() : null;
    }

    private static (DateOnly? Lo, DateOnly? Hi) ReportedOf(Article a) => a.Published switch
    {
        null => (null, null),
        { Inferred: false } p => (p.Date, p.Date),
        var p => (p.NotBefore, p.NotAfter),
    };

    // ---------------------------------------------------------------- counts

    [GeneratedRegex(@"\b(figure|toll|count|number|estimate|tally|total|margin)(\s+of\s+(?<what>\p{L}+))?\b", Options)]
    private static partial Regex FigureOf { get; }

    private static IEnumerable<Claim> Counts(Article article, Sentence s, List<Quantity> quantities, List<(int Start, int End)> clauses, List<(int Start, int End, string Name)> places, DateAnalysis dates,
        Func<(string? Place, string? Scope, string? ScopePlace)> context, string? focus, Func<Claim?> last, Action<Claim> setLast)
    {
        var lastInArticle = last();
        if (quantities.Count == 0) yield break;
        quantities = MergeRanges(article.Text, quantities);
        // Where each number starts (numbers do not overlap, so a token after q starting a number starts another one).
        var starts = quantities.Select(o => o.Span.Start).ToHashSet();
        var tokens = s.Tokens;
        var (lo, hi) = ReportedOf(article);
        Claim? previous = null;
        foreach (var q in quantities)
        {
            if (q.Qualifier == QuantityQualifier.Exact && q.Phrase.Equals("one", StringComparison.OrdinalIgnoreCase)) continue;
            // The first token at or after the number's end and the last one before its start (tokens are in text order).
            int after = FirstTokenFrom(tokens, q.Span.End), before = LastTokenBefore(tokens, q.Span.Start);
            // A number right after a capitalised word is a label ("Pier 7", "Route 4"), not a count.
            if (before >= 0 && tokens[before].Kind == TokenKind.Word && char.IsUpper(article.Text[tokens[before].Span.Start]) && char.IsDigit(q.Phrase[^1])
                && !char.IsLetter(q.Phrase[0])) continue;
            // An increment is not a value: "two more bodies", "another 40 homes", "added nine votes to her lead".
            if ((after >= 0 && tokens[after].Normal is "more" or "additional" or "extra" or "further")
                || (before >= 0 && tokens[before].Normal is "another" or "added" or "adding" or "additional" or "further")) continue;
            int rel = q.Span.Start - s.Span.Start;
            var clause = ClauseOf(clauses, rel);
            var (noun, nounEnd) = CountedNoun(article.Text, tokens, after, q.Qualifier == QuantityQualifier.Vague);
            if (noun is not null && NotCounted.Contains(noun)) continue;
            int clauseEndAbs = s.Span.Start + clause.End, clauseStartAbs = s.Span.Start + clause.Start;
            string? measure = null;
            int measureAt = -1;
            // MEASURE NUMBER: "killing nine", "wounded 25".
            if (before >= 0 && MeasureLexicon.Counts.TryGetValue(tokens[before].Normal, out var m0) && tokens[before].Normal != "toll") { measure = m0; measureAt = before; }
            // NUMBER [noun] ... MEASURE within the clause, up to 8 tokens, not past another number.
            if (measure is null)
            {
                int from = nounEnd >= 0 ? nounEnd + 1 : after;
                for (int k = from; k >= 0 && k < tokens.Length && k <= from + 8 && tokens[k].Span.End <= clauseEndAbs; k++)
                {
                    if (tokens[k].Kind == TokenKind.Number || tokens[k].Normal is ";" or ":") break;
                    if (starts.Contains(tokens[k].Span.Start)) break;
                    if (MeasureLexicon.Counts.TryGetValue(tokens[k].Normal, out var m1)) { measure = m1; measureAt = k; break; }
                }
            }
            // "the toll ... at / to NUMBER": a toll word earlier in the clause.
            if (measure is null && noun is null or "people")
            {
                for (int k = before; k >= 0 && tokens[k].Span.Start >= clauseStartAbs && k >= before - 12; k--)
                {
                    if (tokens[k].Normal == "toll") { measure = "killed"; measureAt = k; break; }
                }
            }
            // A counted noun that names its own measure: "1,200 hectares", "cut 85 jobs".
            if (measure is null && noun is not null && MeasureLexicon.Units.TryGetValue(noun, out var m2)) { measure = m2; measureAt = nounEnd; }
            // "the number of arrests at 87": the measure named after "number of".
            if (measure is null && noun is null)
            {
                var lead = s.Text[clause.Start..Math.Max(clause.Start, rel)];
                var numberOf = FigureOf.Match(lead);
                if (numberOf.Success && (MeasureLexicon.Units.TryGetValue(numberOf.Groups["what"].Value.ToLowerInvariant(), out var m3)
                    || MeasureLexicon.Counts.TryGetValue(numberOf.Groups["what"].Value.ToLowerInvariant(), out m3))) measure = m3;
                else if (numberOf.Success && lastInArticle is not null && previous is null) { previous = lastInArticle; }
            }
            bool elided = false;
            if (measure is null && previous is not null && noun is null)
            {
                // An elided repeat: "...; the rebel council still says 27" takes the previous count's frame.
                measure = previous.Measure;
                elided = true;
            }
            if (measure is null) continue;
            int evStart = q.Span.Start, evEnd = Math.Max(q.Span.End, nounEnd >= 0 ? tokens[nounEnd].Span.End : q.Span.End);
            if (measureAt >= 0)
            {
                evStart = Math.Min(evStart, tokens[measureAt].Span.Start);
                evEnd = Math.Max(evEnd, tokens[measureAt].Span.End);
            }
            var counted = noun is null ? null : PeopleNouns.Contains(noun) ? "people" : Singular(noun);
            var when = SentenceFeatures.NearestDate(dates, s, q.Span.Start, sameSegment: true);
            var clauseText = s.Text[clause.Start..clause.End];
            bool running = MeasureLexicon.RunningMeasures.Contains(measure) || PeriodCue.IsMatch(clauseText)
                || (when is not null && when.End.DayNumber - when.Start.DayNumber >= 2);
            var (subject, place) = ScopeOfCount(s, clause, rel, clauseText, places, when, focus, context);
            running |= subject is WarScope or NationScope;
            var claim = new Claim(0, article.Number, s.Index, s.Span, s.Text, TextSpan.FromBounds(evStart, evEnd), article.Text[evStart..evEnd],
                ClaimKind.Count, measure, elided ? previous!.Counted : counted,
                elided ? previous!.Subject : subject,
                elided ? previous!.Place : place,
                elided ? previous!.Running : running,
                elided ? previous!.When : when, lo, hi,
                new ClaimValue(q, null, "", null, false), [], "", CueIn(s, clause));
            previous = claim;
            lastInArticle = claim;
            setLast(claim);
            yield return claim;
        }
    }

    /// <summary>The subject of a count standing for a whole war, and for a whole country.</summary>
    internal const string WarScope = "war", NationScope = "nationwide";

    /// <summary>"war" or "nationwide" for a text that states a scope wider than one incident (<see cref="WideScope"/>), else null.</summary>
    private static string? ScopeOf(string text)
    {
        var m = WideScope.Match(text);
        return !m.Success ? null : m.Groups["war"].Success ? WarScope : NationScope;
    }

    [GeneratedRegex(@"\b(the|this)\s+((eastern|western|northern|southern|border|besieged|embattled)\s+)?(town|city|village)\b", Options)]
    private static partial Regex PlaceAnaphor { get; }

    /// <summary>
    /// What a count is about and where. A count over a whole war or country is about that scope: its place is the one
    /// its clause names (a country), never the story's place in focus. Otherwise the incident noun of the clause and
    /// the nearest place; a clause naming no place takes "the town" as the place in focus, else the place of the
    /// sentences before — or their wider scope, when the clause names neither an incident nor a date of its own.
    /// </summary>
    private static (string? Subject, string? Place) ScopeOfCount(Sentence s, (int Start, int End) clause, int rel, string clauseText, List<(int Start, int End, string Name)> places,
        DateResolution? when, string? focus, Func<(string? Place, string? Scope, string? ScopePlace)> context)
    {
        var place = NearestPlace(places, clause, rel);
        if (ScopeOf(clauseText) is { } scope) return (scope, scope == NationScope ? null : place);
        var incident = IncidentIn(s, clause, rel);
        // "the city" nearer the number than any named place refers back to the place in focus.
        if (focus is not null && PlaceAnaphor.Match(clauseText) is { Success: true } an0)
        {
            int anaphor = int.MaxValue;
            for (var an = an0; an.Success; an = an.NextMatch())
            {
                // "the town of Sukari" names a place; "east of the city" locates one place from another.
                if (clauseText.AsSpan(an.Index + an.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase)
                    || clauseText.AsSpan(0, an.Index).TrimEnd().EndsWith(" of", StringComparison.OrdinalIgnoreCase)) continue;
                anaphor = Math.Min(anaphor, Distance(clause.Start + an.Index, clause.Start + an.Index + an.Length, rel));
            }
            int named = places.Where(p => p.Start >= clause.Start && p.End <= clause.End).Select(p => Distance(p.Start, p.End, rel)).DefaultIfEmpty(int.MaxValue).Min();
            if (anaphor < named) return (incident, focus);
        }
        if (place is not null) return (incident, place);
        var (before, wider, widerPlace) = context();
        if (wider is not null && incident is null && when is null) return (wider, wider == NationScope ? null : widerPlace);
        return (incident, before);
    }

    private static int FirstTokenFrom(ImmutableArray<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.Start >= position) hi = mid; else lo = mid + 1;
        }
        return lo < tokens.Length ? lo : -1;
    }

    private static int LastTokenBefore(ImmutableArray<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.End <= position) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    private static string Singular(string noun) => noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y"
        : noun.EndsWith('s') && noun.Length > 3 && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1] : noun;

    /// <summary>"between 30 and 40", "30 to 40", "30-40": two numbers joined into one range.</summary>
    private static List<Quantity> MergeRanges(string text, List<Quantity> qs)
    {
        var result = new List<Quantity>();
        for (int i = 0; i < qs.Count; i++)
        {
            var a = qs[i];
            if (i + 1 < qs.Count && a.Qualifier == QuantityQualifier.Exact && qs[i + 1].Qualifier == QuantityQualifier.Exact)
            {
                var b = qs[i + 1];
                var gap = text[a.Span.End..b.Span.Start];
                var lead = text[Math.Max(0, a.Span.Start - 12)..a.Span.Start];
                bool andGap = gap.AsSpan().Trim().SequenceEqual("and");
                bool between = andGap && Between.IsMatch(lead);
                bool joined = !andGap && RangeJoin.IsMatch(gap);
                if ((between || joined) && b.Value > a.Value)
                {
                    int start = between ? a.Span.Start - (lead.Length - lead.LastIndexOf("between", StringComparison.OrdinalIgnoreCase)) : a.Span.Start;
                    var span = TextSpan.FromBounds(start, b.Span.End);
                    result.Add(new Quantity(a.Value, a.Value, b.Value, QuantityQualifier.Exact, span.Slice(text), span));
                    i++;
                    continue;
                }
            }
            result.Add(a);
        }
        return result;
    }

    private static (string? Noun, int End) CountedNoun(string text, ImmutableArray<Token> tokens, int i, bool vague)
    {
        if (i < 0) return (null, -1);
        var words = new List<string>();
        int end = -1;
        if (vague && i < tokens.Length && tokens[i].Normal == "of") i++;
        for (; i < tokens.Length && words.Count < 3; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) break;
            bool acronym = t.Span.Length >= 2 && char.IsUpper(text[t.Span.Start]) && char.IsUpper(text[t.Span.End - 1]);
            if (!acronym && (t.IsStopWord || Auxiliaries.Contains(t.Normal) || MeasureLexicon.Counts.ContainsKey(t.Normal)
                || t.Normal.EndsWith("ly", StringComparison.Ordinal) || t.Normal.EndsWith("ed", StringComparison.Ordinal)
                || t.Normal.EndsWith("ing", StringComparison.Ordinal))) break;
            words.Add(t.Normal);
            end = i;
        }
        if (words.Count == 0) return (null, -1);
        return (words[^1], end);
    }

    // ---------------------------------------------------------------- control

    private static IEnumerable<Claim> Controls(Article article, Sentence s, List<(int Start, int End)> clauses, List<(int Start, int End, string Name)> places,
        DateAnalysis dates, Attribution attribution, TextProbe probe, ref string? focus)
    {
        var found = new List<Claim>();
        var (lo, hi) = ReportedOf(article);
        var taken = new List<(int, int)>();
        foreach (var (regex, verbGain, gate) in new[] { (Gain, true, GainGate), (Lose, false, LoseGate) })
        {
            if (!gate.MayMatch(probe)) continue;
            foreach (Match m in regex.Matches(s.Text))
            {
                if (taken.Any(t => m.Index < t.Item2 && t.Item1 < m.Index + m.Length)) continue;
                bool gain = verbGain;
                var verb = m.Groups["verb"].Value.ToLowerInvariant();
                var clause = ClauseOf(clauses, m.Index);
                var beforeText = s.Text[clause.Start..m.Index];
                var afterStart = m.Index + m.Length;
                bool passive = PassiveAux.IsMatch(beforeText);
                string? place = null;
                int placeEnd = afterStart;
                string? holderText = null;
                int holderStart = -1;
                if (passive)
                {
                    // PLACE was taken [by HOLDER]
                    var subj = places.Where(p => p.End <= m.Index && p.Start >= clause.Start).OrderByDescending(p => p.End).FirstOrDefault();
                    if (subj.Name is not null && m.Index - subj.End < 40) { place = subj.Name; holderStart = subj.Start; }
                    else if (Regex.IsMatch(beforeText, @"\b(the\s+(town|city|village" + FocusHead(focus) + @")|it)\s+(had\s+|has\s+)?(was|were|been|be|being|is|are)\s+((fully|now|completely|finally|already)\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                    {
                        place = focus;
                    }
                    var by = ByAgent.Match(s.Text[afterStart..]);
                    if (by.Success)
                    {
                        holderText = Regex.Split(by.Groups["by"].Value, @"\s+[-–—]\s+|\s+(who|which|after|before|when)\b", RegexOptions.CultureInvariant)[0];
                        placeEnd = afterStart + by.Groups["by"].Index + holderText.Length;
                    }
                }
                else
                {
                    int objectFrom = afterStart;
                    if (verb is "ousted" or "expelled")
                    {
                        var from = FromPlace.Match(s.Text, afterStart, Math.Min(80, s.Text.Length - afterStart));
                        if (!from.Success) continue;
                        objectFrom = from.Index + from.Length;
                    }
                    var obj = places.Where(p => p.Start >= objectFrom && p.Start <= clause.End).OrderBy(p => p.Start).FirstOrDefault();
                    if (obj.Name is not null && ObjectLead.IsMatch(s.Text[objectFrom..obj.Start]))
                    {
                        place = obj.Name;
                        placeEnd = obj.End;
                    }
                    else if ((Anaphor.Match(s.Text[objectFrom..]) is { Success: true } an0 ? an0
                        : Regex.Match(s.Text[objectFrom..], @"^\s*the\s+(" + FocusHead(focus).TrimStart('|') + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) is { Success: true, Length: > 0 } an && focus is not null)
                    {
                        place = focus;
                        placeEnd = objectFrom + an.Length;
                    }
                }
                if (place is null) continue;
                if (!passive)
                {
                    holderText = SubjectOf(beforeText, attribution, out int hs);
                    if (holderText is not null) holderStart = clause.Start + hs;
                }
                if (!gain && !passive)
                {
                    // "lost it to a blistering IS counter-attack": the agent after "to" now holds the place.
                    var to = Regex.Match(s.Text[placeEnd..clause.End], @"^\s*to\s+(?<to>[^,;.]{2,60})", RegexOptions.CultureInvariant);
                    if (to.Success && HolderOf(to.Groups["to"].Value).Key is { Length: > 0 } k && !k.StartsWith("w:", StringComparison.Ordinal))
                    {
                        holderText = to.Groups["to"].Value;
                        gain = true;
                    }
                }
                focus = place;
                taken.Add((m.Index, afterStart));
                bool negated = Negation.IsMatch(s.Text[Math.Max(clause.Start, m.Index - 60)..m.Index]);
                var status = gain != negated ? "controls" : "lost";
                var (holder, key) = HolderOf(holderText);
                int evStart = holderStart >= 0 && holderStart < m.Index ? holderStart : m.Index;
                var ev = TextSpan.FromBounds(s.Span.Start + evStart, s.Span.Start + Math.Max(placeEnd, afterStart));
                var when = SentenceFeatures.NearestDate(dates, s, s.Span.Start + m.Index, sameSegment: true);
                found.Add(new Claim(0, article.Number, s.Index, s.Span, s.Text, ev, ev.Slice(article.Text), ClaimKind.State, "control", null, place, place, false,
                    when, lo, hi, new ClaimValue(null, holder, key, status, negated), [], "", CueIn(s, clause)));
            }
        }
        return found;
    }

    /// <summary>"|hotel" for the focus "Amber Gate hotel": a definite "the hotel" refers back to it. Empty when the focus name ends in a capitalised word.</summary>
    private static string FocusHead(string? focus)
    {
        if (focus is null) return "";
        var last = focus.Split(' ')[^1];
        return last.Length > 2 && char.IsLower(last[0]) ? "|" + Regex.Escape(last) : "";
    }

    /// <summary>The holder phrase before a control verb: the clause's subject, its pronoun resolved to the sentence's speaker.</summary>
    private static string? SubjectOf(string beforeText, Attribution attribution, out int start)
    {
        start = -1;
        var text = SubjectTail.Replace(Regex.Replace(beforeText, @"[""“”]|\b(fully|completely|finally|already)\s*$", " ", RegexOptions.CultureInvariant), "");
        text = SubjectTail.Replace(text.TrimEnd(), "");
        // "X announced (on ...) it had taken": the pronoun is the speaker of the reporting verb.
        var reported = Regex.Match(text, @"^(?<who>.*?\S)\s+(said|says|announced|announces|claimed|claims|declared|confirmed|insisted|insists|reported)\b.*\b(it|they)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        if (reported.Success)
        {
            var who = reported.Groups["who"].Value;
            int c0 = Math.Max(who.LastIndexOf(','), who.LastIndexOf(';'));
            if (c0 >= 0) who = who[(c0 + 1)..];
            start = text.IndexOf(who.Trim(), StringComparison.Ordinal);
            return who.Trim();
        }
        // The subject starts after the last clause boundary word.
        int cut = -1;
        foreach (Match b in Regex.Matches(text, @",|\bthat\b|\bwho\b|\bwhich\b|\bafter\b|\bwhen\b|\bsaid\b|\bsays\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            // "militias who claimed to have captured": the relative pronoun's antecedent is the subject.
            if (b.Value.Equals("who", StringComparison.OrdinalIgnoreCase) || b.Value.Equals("which", StringComparison.OrdinalIgnoreCase))
            {
                // ", which captured ...": a non-restrictive clause's antecedent ends before its comma.
                var ante = text[..b.Index].TrimEnd().TrimEnd(',').TrimEnd();
                int comma = ante.LastIndexOf(',');
                if (comma >= 0) ante = ante[(comma + 1)..];
                ante = Regex.Replace(ante, @"^\s*(after|when|as|before|while|and)\s+", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                if (Regex.Match(ante, @"(\S+\s+){0,3}\S+$", RegexOptions.CultureInvariant) is { Success: true } am && b.Index + b.Length >= text.TrimEnd().Length - 1)
                {
                    start = am.Index;
                    return am.Value;
                }
            }
            cut = b.Index + b.Length;
        }
        var subject = (cut >= 0 ? text[cut..] : text).Trim();
        if (subject.Length == 0) return null;
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && words[0].ToLowerInvariant() is "it" or "they" or "he" or "she" or "we")
        {
            if (attribution.Speaker is null) return null;
            start = -1;
            return attribution.Speaker;
        }
        // A long phrase or one ending in a function word ("allowed the army to clinch the offensive and [take]"): the
        // holder is its last side noun or name with its modifiers.
        if (words.Length > 5 || Regex.IsMatch(subject, @"\b(and|to|or|of|the|in)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            int k = Array.FindLastIndex(words, w => MeasureLexicon.Sides.ContainsKey(w.ToLowerInvariant()) || (w.Length > 1 && w.All(char.IsUpper)));
            if (k < 0) return null;
            int from = k;
            while (from > 0 && from > k - 2 && !(words[from - 1].ToLowerInvariant() is "and" or "to" or "the" or "of" or "by" or "in")) from--;
            subject = string.Join(' ', words[from..(k + 1)]);
        }
        start = text.LastIndexOf(subject, StringComparison.Ordinal);
        return subject;
    }

    /// <summary>The holder as shown and its comparison key: an organisation's name when one is named, else the side its head noun names.</summary>
    private static (string? Holder, string Key) HolderOf(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase)) return (null, "");
        var words = Regex.Split(phrase, @"[^\p{L}\p{N}'’-]+").Where(w => w.Length > 0).ToList();
        // The first capitalised run that is not a determiner: a named side ("Free Banner Front", "IS", "Syria's").
        var named = new List<string>();
        foreach (var w in words)
        {
            bool cap = char.IsUpper(w[0]) && !(w is "The" or "A" or "An");
            if (cap && !MeasureLexicon.Sides.ContainsKey(w.ToLowerInvariant())) named.Add(w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w);
            else if (named.Count > 0) break;
        }
        var side = words.Select(w => MeasureLexicon.Sides.GetValueOrDefault(w.ToLowerInvariant())).FirstOrDefault(x => x is not null);
        // A side noun with at most one capitalised modifier is that side ("Syrian troops", "Syria's army",
        // "Iranian-backed militiamen"); a longer name or an acronym names an organisation ("Free Banner Front
        // fighters", "IS militants").
        bool organisation = named.Count >= 2 || named.Any(n => n.Length >= 2 && n.All(char.IsUpper));
        if (side is not null && !organisation) return (phrase.Trim(), side);
        if (named.Count > 0) return (phrase.Trim(), "n:" + Acronymish(string.Join(' ', named)));
        return (phrase.Trim(), "w:" + words[^1].ToLowerInvariant());
    }

    /// <summary>"Islamic State" and "IS" fold to "is"; one word keeps its first four letters ("Syria", "Syrian").</summary>
    private static string Acronymish(string name)
    {
        var words = name.Split(' ');
        var acronym = words.FirstOrDefault(w => w.Length >= 2 && w.All(char.IsUpper));
        if (acronym is not null) return acronym.ToLowerInvariant();
        if (words.Length > 1) return string.Concat(words.Select(w => char.ToLowerInvariant(w[0])));
        var k = name.ToLowerInvariant();
        return k.Length > 4 ? k[..4] : k;
    }

    // ---------------------------------------------------------------- statuses

    private static IEnumerable<Claim> Statuses(Article article, Sentence s, List<(int Start, int End)> clauses, List<(int Start, int End, string Name)> places, DateAnalysis dates, TextProbe probe, string? focus)
    {
        var (lo, hi) = ReportedOf(article);
        var taken = new List<(int, int)>();
        foreach (var (family, status, opposite, cue, gate) in StatusCues)
        {
            if (!gate.MayMatch(probe)) continue;
            foreach (Match m in cue.Matches(s.Text))
            {
                if (taken.Any(t => m.Index < t.Item2 && t.Item1 < m.Index + m.Length)) continue;
                taken.Add((m.Index, m.Index + m.Length));
                var clause = ClauseOf(clauses, m.Index);
                bool negated = Negation.IsMatch(s.Text[Math.Max(clause.Start, m.Index - 40)..m.Index]);
                var incident = IncidentIn(s, clause, m.Index);
                var place = NearestPlace(places, clause, m.Index);
                // A fire or a battle is contained; a place is closed, evacuated or under curfew.
                var subject = family is "containment" or "cause" ? incident ?? "fire" : place ?? focus ?? incident;
                if (subject is null) continue;
                var ev = new TextSpan(s.Span.Start + m.Index, m.Length);
                // A cause is claimed, not dated: its time is the report's, not the date of the event it explains.
                var when = family == "cause" ? null : SentenceFeatures.NearestDate(dates, s, ev.Start, sameSegment: true);
                yield return new Claim(0, article.Number, s.Index, s.Span, s.Text, ev, m.Value, ClaimKind.State, family, null, subject, place, false,
                    when, lo, hi, new ClaimValue(null, null, "", negated ? opposite : status, negated), [], "", CueIn(s, clause));
            }
        }
    }

    // ---------------------------------------------------------------- people

    /// <summary>Words every detention cue holds (the literal gate's pattern).</summary>
    private const string DetentionWords = "arrested|detained|custody|released|freed";

    [GeneratedRegex(@"\b(?<detained>arrested|detained|taken\s+into\s+custody|in\s+custody)\b|\b(?<released>released|freed)\b", Options)]
    private static partial Regex DetentionCue { get; }

    /// <summary>
    /// A person's status: detained (arrested, in custody) or released (freed), about the person named nearest the cue
    /// in its clause (not the speaker); a negation or denial before the cue reads as not detained / still held.
    /// </summary>
    private static IEnumerable<Claim> PersonStatuses(Article article, Sentence s, List<(int Start, int End)> clauses, DateAnalysis dates, EntityAnalysis entities, TextSpan speaker)
    {
        var m = DetentionCue.Match(s.Text);
        if (!m.Success) yield break;
        var (lo, hi) = ReportedOf(article);
        var people = entities.MentionsIn(article.Number, s.Span).Where(x => x.Group.Kind == EntityKind.Person && !x.Mention.IsDescription && !speaker.Contains(x.Mention.Span)).ToList();
        if (people.Count == 0) yield break;
        for (; m.Success; m = m.NextMatch())
        {
            var clause = ClauseOf(clauses, m.Index);
            int at = s.Span.Start + m.Index;
            var person = people.Where(x => x.Mention.Span.Start - s.Span.Start >= clause.Start && x.Mention.Span.Start - s.Span.Start < clause.End)
                .OrderBy(x => Math.Abs(x.Mention.Span.Start - at)).Select(x => x.Group.Name).FirstOrDefault();
            if (person is null) continue;
            bool detained = m.Groups["detained"].Success;
            bool negated = Negation.IsMatch(s.Text[Math.Max(clause.Start, m.Index - 40)..m.Index]);
            var status = detained ? (negated ? "not-detained" : "detained") : (negated ? "detained" : "released");
            var ev = new TextSpan(at, m.Length);
            var when = SentenceFeatures.NearestDate(dates, s, ev.Start, sameSegment: true);
            yield return new Claim(0, article.Number, s.Index, s.Span, s.Text, ev, m.Value, ClaimKind.State, "detention", null, person, null, false,
                when, lo, hi, new ClaimValue(null, null, "", status, negated), [], "", CueIn(s, clause));
        }
    }

    // ---------------------------------------------------------------- contests

    /// <summary>Words every winner cue holds (the literal gate's pattern).</summary>
    private const string WinnerWords = "won|wins|winner";

    [GeneratedRegex(@"\b(won|wins)\s+(the\s+|this\s+|last\s+)?([\p{L}'’-]+\s+){0,3}?(?<what>election|race|vote|poll|contest|run-?off|ballot|primary)\b|\bdeclared\s+(?<who>[^,;.]{2,60}?)\s+(as\s+)?(the\s+)?winner\b", Options)]
    private static partial Regex WinnerCue { get; }

    /// <summary>
    /// Who won a contest (an election, a race, a vote): measure "winner" about the contest, the holder the person named
    /// as the subject of "won" (the nearest before it in its clause, not the speaker) or the object of "declared ... the
    /// winner". A negation or denial before the cue reads as not won. Two winners reported on different days are an
    /// update (a projection withdrawn, a result declared); on one day from two sources, a conflict.
    /// </summary>
    private static IEnumerable<Claim> Winners(Article article, Sentence s, List<(int Start, int End)> clauses, DateAnalysis dates, EntityAnalysis entities, TextSpan speaker)
    {
        var m = WinnerCue.Match(s.Text);
        if (!m.Success) yield break;
        var (lo, hi) = ReportedOf(article);
        // A candidate is a person or a party; "Tomas Brandt of the People's Party" is its first part.
        var people = entities.MentionsIn(article.Number, s.Span).Where(x => x.Group.Kind is EntityKind.Person or EntityKind.Organization && !x.Mention.IsDescription && !speaker.Contains(x.Mention.Span))
            .Select(x => (x.Mention, Name: x.Group.Name.IndexOf(" of ", StringComparison.Ordinal) is > 0 and var of ? x.Group.Name[..of] : x.Group.Name)).ToList();
        if (people.Count == 0) yield break;
        for (; m.Success; m = m.NextMatch())
        {
            var clause = ClauseOf(clauses, m.Index);
            int at = s.Span.Start + m.Index;
            string? person;
            if (m.Groups["who"].Success)
            {
                var who = m.Groups["who"];
                person = people.Where(x => x.Mention.Span.Start >= s.Span.Start + who.Index && x.Mention.Span.End <= s.Span.Start + who.Index + who.Length)
                    .Select(x => x.Name).FirstOrDefault();
            }
            else
            {
                person = people.Where(x => x.Mention.Span.End <= at && x.Mention.Span.Start - s.Span.Start >= clause.Start)
                    .OrderByDescending(x => x.Mention.Span.End).Select(x => x.Name).FirstOrDefault();
            }
            if (person is null) continue;
            bool negated = Negation.IsMatch(s.Text[Math.Max(clause.Start, m.Index - 40)..m.Index]);
            var ev = new TextSpan(at, m.Length);
            var when = SentenceFeatures.NearestDate(dates, s, ev.Start, sameSegment: true);
            yield return new Claim(0, article.Number, s.Index, s.Span, s.Text, ev, m.Value, ClaimKind.State, "winner", null, "election", null, false,
                when, lo, hi, new ClaimValue(null, person, "p:" + person, negated ? "not-won" : "won", negated), [], "", CueIn(s, clause));
        }
    }
}
