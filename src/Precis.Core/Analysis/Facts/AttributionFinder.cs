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

    [GeneratedRegex(@",\s*(said|says)\s+(?<who>[^,;.]{2,60})", Options)]
    private static partial Regex Inverted { get; }

    [GeneratedRegex(@"\baccording\s+to\s+(?<who>[^,;.]{2,80})", Options | RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo { get; }

    [GeneratedRegex(@"\b(quoting|citing)\s+(?<who>[^,;.]{2,60})", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Quoting { get; }

    public static Attribution Find(Sentence s)
    {
        var parts = new List<(int At, string Who, int Order)>();
        string? speaker = null;
        var speakerSpan = default(TextSpan);
        void add(Match m, string group, int order)
        {
            var g = m.Groups[group];
            var who = Trim(g.Value);
            if (who.Length < 2 || who.Split(' ').Length > 12) return;
            parts.Add((g.Index, who, order));
        }
        foreach (Match m in Quoting.Matches(s.Text)) add(m, "who", 0);
        var lead = Leading.Match(s.Text);
        if (lead.Success && !IsPronoun(lead.Groups["who"].Value) && NamesSomeone(lead.Groups["who"].Value)) add(lead, "who", 1);
        var trail = Trailing.Match(s.Text);
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
        foreach (Match m in AccordingTo.Matches(s.Text)) add(m, "who", 2);
        var ordered = parts.OrderBy(p => p.Order).ThenBy(p => p.At).ToList();
        if (ordered.Count > 0)
        {
            var first = ordered[0];
            speaker = first.Who;
            speakerSpan = new TextSpan(s.Span.Start + first.At, first.Who.Length);
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
        var words = Regex.Split(name.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
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
