using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>Who asserts a sentence's claims: the attribution phrases of the sentence, innermost speaker first.</summary>
/// <param name="Chain">Speaker first, then whoever relays it ("United Nations officials", "AFP news agency"); never empty
/// once <see cref="AttributionFinder.Complete"/> has added the article's agency and outlet.</param>
/// <param name="Speaker">The innermost named asserter (an entity or a noun phrase), or null when the article speaks in its own voice.</param>
/// <param name="SpeakerSpan">The speaker phrase's range in the article text (empty when none).</param>
internal sealed record Attribution(ImmutableArray<string> Chain, string? Speaker, TextSpan SpeakerSpan);

/// <summary>
/// Finds attribution phrases by their shape, not by names: "X said (that) ...", "..., X said/told Y/reported",
/// "..., said X", "according to X", "quoting X" / "citing X". The order of the chain follows how reports nest:
/// the quoted or leading speaker is the origin, a trailing "..., AFP news agency reported" relays it, and the
/// article's agency (byline) and outlet carry it last.
/// </summary>
internal static partial class AttributionFinder
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const string Speech = @"(said|says|say|told|tells|reported|reports|added|adds|confirmed|confirms|announced|announces|claimed|claims|estimated|estimates|insisted|insists|stated|warned|cited\s+its\s+sources\s+as\s+saying|quoted)";

    [GeneratedRegex(@"^\s*(?<who>([\p{Lu}“""']|the\s|a\s|an\s)[^,;:“”""]{1,90}?)\s+(has\s+|had\s+|have\s+|also\s+|again\s+|still\s+)?" + Speech + @"\b", Options)]
    private static partial Regex Leading { get; }

    [GeneratedRegex(@",[""”’']?\s*(?<who>[^,;“”""]{2,90}?)\s+(has\s+|had\s+|have\s+|also\s+)?" + Speech + @"(\s+(?<to>(the\s+)?\p{Lu}[\w'’-]*(\s+\p{Lu}[\w'’-]*){0,4}))?[^,;“”""]{0,40}[.!?]?[""”’']?\s*$", Options)]
    private static partial Regex Trailing { get; }

    private static readonly LiteralGate SpeechGate = LiteralGate.For(Speech);

    /// <summary>Verbs that assert a figure rather than report speech: "police have put the number of arrests at 87", "officials counted 112 cases".</summary>
    private const string FigureVerb = @"(put|puts|placed|places|gave|gives|counted|counts|recorded|records|registered|registers)";

    [GeneratedRegex(@"^\s*(?<who>(\p{Lu}|the\s)[^,;:“”""]{1,70}?)\s+(has\s+|had\s+|have\s+|also\s+|still\s+|now\s+|so\s+far\s+)*" + FigureVerb
        + @"\s+((the|its|their|a)\s+([\p{L}-]+\s+){0,2}(toll|number|figure|count|tally|total|estimate)\b|(at\s+least|more\s+than|about|some|nearly|almost|over|up\s+to)\b|\S*\d)", Options)]
    private static partial Regex LeadingFigure { get; }

    private static readonly LiteralGate FigureGate = LiteralGate.For(FigureVerb);

    [GeneratedRegex(@",\s*(said|says)\s+(?<who>[^,;.]{2,60})", Options)]
    private static partial Regex Inverted { get; }

    [GeneratedRegex(@"\baccording\s+to\s+(?<who>[^,;.]{2,80})", Options | RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo { get; }

    [GeneratedRegex(@"\b(quoting|citing)\s+(?<who>[^,;.]{2,60})", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Quoting { get; }

    public static Attribution Find(Sentence s)
    {
        var parts = new List<(int At, string Who, int Order)>();
        void add(Match m, string group, int order)
        {
            var g = m.Groups[group];
            var who = Trim(g.Value);
            if (who.Length < 2 || who.Split(' ').Length > 12) return;
            parts.Add((g.Index, who, order));
        }
        foreach (Match m in Quoting.Matches(s.Text)) add(m, "who", 0);
        // Leading, Trailing and Inverted need a speech verb (matched with case): most sentences have none.
        if (SpeechGate.MayMatch(s.Text))
        {
            var lead = Leading.Match(s.Text);
            if (lead.Success && !IsPronoun(lead.Groups["who"].Value) && NamesSomeone(lead.Groups["who"].Value)) add(lead, "who", 1);
            // No part of Trailing after its first comma can hold a comma, so a match can only start at the last one:
            // trying there alone gives the same match without a lazy scan from every earlier comma.
            int lastComma = s.Text.LastIndexOf(',');
            var trail = lastComma >= 0 ? Trailing.Match(s.Text, lastComma) : Match.Empty;
            if (trail.Success && !IsPronoun(trail.Groups["who"].Value) && NamesSomeone(trail.Groups["who"].Value))
            {
                add(trail, "who", 2);
                if (trail.Groups["to"].Success) add(trail, "to", 3);
            }
            else
            {
                var inv = Inverted.Match(s.Text);
                if (inv.Success && NamesSomeone(inv.Groups["who"].Value)) add(inv, "who", 2);
            }
        }
        // "Police have put the toll at nine": the subject of a figure verb asserts the figure.
        if (!parts.Any(p => p.Order == 1) && FigureGate.MayMatch(s.Text))
        {
            var fig = LeadingFigure.Match(s.Text);
            if (fig.Success && !IsPronoun(fig.Groups["who"].Value) && NamesSomeone(fig.Groups["who"].Value)) add(fig, "who", 1);
        }
        foreach (Match m in AccordingTo.Matches(s.Text)) add(m, "who", 2);
        if (parts.Count == 0) return Unattributed;
        // Speaker first: by order, then position, then as found (a stable sort).
        var ordered = parts.Select((p, i) => (p, i)).ToList();
        ordered.Sort((x, y) => x.p.Order != y.p.Order ? x.p.Order.CompareTo(y.p.Order) : x.p.At != y.p.At ? x.p.At.CompareTo(y.p.At) : x.i.CompareTo(y.i));
        return Make([.. ordered.Select(x => x.p)], s.Span.Start);
    }

    private static readonly Attribution Unattributed = new([], null, default);

    private static Attribution Make(List<(int At, string Who, int Order)> ordered, int offset)
    {
        string? speaker = null;
        var speakerSpan = default(TextSpan);
        if (ordered.Count > 0)
        {
            var first = ordered[0];
            speaker = first.Who;
            speakerSpan = new TextSpan(offset + first.At, first.Who.Length);
        }
        return new Attribution([.. ordered.Select(p => p.Who).Distinct(StringComparer.OrdinalIgnoreCase)], speaker, speakerSpan);
    }

    /// <summary>Adds the article's agency (a byline naming an agency) and outlet at the end of the chain.</summary>
    public static ImmutableArray<string> Complete(Attribution a, Article article)
    {
        var chain = a.Chain.ToList();
        void add(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            var k = NormalName(name);
            if (chain.Any(c => NormalName(c) == k)) return;
            chain.Add(name.Trim());
        }
        if (article.Byline is { } by && by.Split(' ').Length <= 4 && LooksLikeAgency(by)) add(by);
        add(article.Outlet ?? $"article {article.Number}");
        return [.. chain];
    }

    internal static bool LooksLikeAgency(string byline) =>
        byline.Contains("agency", StringComparison.OrdinalIgnoreCase) || byline.Contains("press", StringComparison.OrdinalIgnoreCase)
        || byline.Contains("wire", StringComparison.OrdinalIgnoreCase) || byline.Contains("news", StringComparison.OrdinalIgnoreCase)
        || (byline.Length <= 6 && byline.All(c => char.IsUpper(c) || c == ' '));

    /// <summary>
    /// False for a phrase before a speech verb that is a clause, not a speaker: it carries a number ("Eleven people are
    /// confirmed"), a finite verb ("the toll was ... confirmed"), or is only a day name or a conjunction.
    /// </summary>
    private static bool NamesSomeone(string who)
    {
        var words = who.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].ToLowerInvariant() is "and" or "but" or "or" or "so" or "then" or "yet") return false;
        foreach (var raw in words)
        {
            var w = raw.Trim(',', '.', '"', '“', '”', '\'', '’').ToLowerInvariant();
            if (w.Any(char.IsDigit) || NotInSpeakers.Contains(w)) return false;
        }
        return !(words.Length == 1 && NotSpeakersAlone.Contains(words[0].ToLowerInvariant()));
    }

    private static readonly HashSet<string> NotInSpeakers = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "will", "would", "be", "been", "had", "has", "have", "no", "not", "it",
    };

    private static readonly HashSet<string> NotSpeakersAlone = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
        "fifty", "sixty", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    };

    private static bool IsPronoun(string who) => Trim(who).ToLowerInvariant() is "it" or "he" or "she" or "they" or "we" or "i" or "you" or "this" or "that";

    private static string Trim(string who) => who.Trim().Trim('"', '“', '”', '\'', '’', ',', ' ');

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "its", "their", "his", "her", "two", "three", "four", "several", "some", "many", "other", "also", "news", "agency",
        "state", "official", "officials", "statement", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "media", "unit",
    };

    /// <summary>
    /// A name folded for comparing asserters: lower-cased content words before the first "of", "in", "who", "from",
    /// without determiners and generic role words, so "AFP news agency" = "AFP" and "two former residents of the city" =
    /// "former residents".
    /// </summary>
    internal static string NormalName(string name)
    {
        var words = Words(name.ToLowerInvariant());
        var kept = new List<string>();
        foreach (var w in words)
        {
            if (w is "of" or "in" or "who" or "from" or "which" or "at" or "on" or "with" or "to" or "by" or "for") { if (kept.Count > 0) break; continue; }
            if (Determiners.Contains(w)) continue;
            kept.Add(w.EndsWith('s') && w.Length > 3 ? w[..^1] : w);
            if (kept.Count == 3) break;
        }
        return kept.Count == 0 ? string.Join(' ', words) : string.Join(' ', kept);
    }

    /// <summary>The maximal runs of letters and digits (what splitting at [^\p{L}\p{N}]+ keeps).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && (char.IsLetter(text[i]) || char.IsNumber(text[i]));
            if (word && start < 0) start = i;
            else if (!word && start >= 0) { words.Add(text[start..i]); start = -1; }
        }
        return words;
    }

    /// <summary>The asserter's identity for independence: the entity the phrase names (aliases folded), else its folded words.</summary>
    internal static string KeyOf(string phrase, TextSpan span, int article, EntityAnalysis entities)
    {
        if (!span.IsEmpty)
        {
            var named = entities.MentionsIn(article, span).Select(m => m.Group).FirstOrDefault(g => g.Kind != EntityKind.Place);
            if (named is not null) return "e:" + NormalName(named.Name);
        }
        return "e:" + NormalName(phrase);
    }
}
