using System.Text.RegularExpressions;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>A claim about the state of something that can flip: who holds a place, whether a fire or fighting is contained, what caused it.</summary>
/// <param name="Family">"control", "status" or "cause".</param>
/// <param name="Target">What the state is about: a place name for control, the event noun otherwise ("fire").</param>
/// <param name="Value">The state as shown to a reader: "taken by IS", "under control", "deliberate (arson)".</param>
/// <param name="Pole">Opposite states have different poles; equal poles agree.</param>
internal sealed record StateClaim(Sentence Sentence, string Family, string Target, string Value, string Pole, TextSpan CueSpan, string Cue, DateResolution? When);

/// <summary>
/// Finds state claims with cue lexicons for three families of contradiction common in breaking news:
/// control of a place (captured / lost / retaken), activity (under control / flared up) and cause
/// (accident / deliberate). Cues preceded by a negation ("had never been fully out") take the opposite pole.
/// Sentences that only report an earlier claim being contradicted ("contradicts early findings", "had pointed to")
/// are skipped: they describe the disagreement rather than take a side.
/// </summary>
internal static partial class StateClaimExtractor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\b(captured|recaptured|retook|retaken|retake|retakes|seized|liberated|(took|taken|take|regained|seized)\s+(full\s+)?control\s+of|ousted|expelled|stormed\s+into|broke\s+back\s+into)\b", Options)]
    private static partial Regex CueGain { get; }

    [GeneratedRegex(@"\b(lost|withdrew\s+from|forced\s+to\s+retreat|retreated\s+from|fell\s+to|pulled\s+out\s+of)\b", Options)]
    private static partial Regex CueLose { get; }

    [GeneratedRegex(@"\b(under\s+control|contained|extinguished|put\s+(it\s+)?out|fully\s+out|no\s+more\s+fighting)\b", Options)]
    private static partial Regex CueContained { get; }

    [GeneratedRegex(@"\b(flared\s+up|flare[sd]?\s+up|reignited|re-ignited|broke\s+out\s+again|still\s+burning|fighting\s+raged|clashes\s+resumed)\b", Options)]
    private static partial Regex CueActive { get; }

    [GeneratedRegex(@"\b(electrical\s+fault|short[\s-]circuit|faulty\s+wiring|accidental(ly)?|an\s+accident)\b", Options)]
    private static partial Regex CueAccident { get; }

    [GeneratedRegex(@"\b(arson|deliberately|started\s+on\s+purpose|set\s+on\s+purpose|set\s+deliberately)\b", Options)]
    private static partial Regex CueDeliberate { get; }

    private static readonly (string Family, string Pole, string Label, Regex Cue)[] Cues =
    [
        ("control", "gain", "taken", CueGain),
        ("control", "lose", "lost", CueLose),
        ("status", "contained", "under control / put out", CueContained),
        ("status", "active", "active again / flared up", CueActive),
        ("cause", "accident", "accidental (fault)", CueAccident),
        ("cause", "deliberate", "deliberate (arson / attack)", CueDeliberate),
    ];

    [GeneratedRegex(@"\bcontradict\w*|\bcontrary\s+to\b|\bhad\s+(pointed|blamed|suggested|said)\b", Options)]
    private static partial Regex Retrospective { get; }

    [GeneratedRegex(@"\b(not|never|no\s+longer|n't)\b(\s+\w+){0,2}\s*$", Options)]
    private static partial Regex Negation { get; }

    [GeneratedRegex(@"\b(fire|fires|blaze|flames|fighting|clashes|battle|offensive|protests?|strike)\b", Options)]
    private static partial Regex EventNoun { get; }

    [GeneratedRegex(@"^\s*(full\s+control\s+of\s+|control\s+of\s+|the\s+(town|city|village)\s+of\s+)?(?<place>(al-|Al-|Al\s)?[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){0,3})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PlaceAfter { get; }

    [GeneratedRegex(@"\bfrom\s+(the\s+(town|city|village)\s+of\s+)?(?<place>[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){0,3})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FromPlace { get; }

    [GeneratedRegex(@"(?<subj>(\b[A-Z][\w'’-]*\b[\s,]*){1,4})[^A-Z]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Subject { get; }

    [GeneratedRegex(@"[\p{L}][\w'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word { get; }

    public static IEnumerable<StateClaim> Extract(Article article, DateAnalysis dates)
    {
        // A sentence without an event noun ("it was under control") is about the article's main event: its most
        // frequent event noun (ties: the first seen).
        var main = article.Sentences.SelectMany(x => EventNoun.Matches(x.Text).Select(m => Canonical(m.Value)))
            .GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "event";
        foreach (var s in article.Sentences)
        {
            if (Retrospective.IsMatch(s.Text)) continue;
            var taken = new List<TextSpan>();
            foreach (var (family, pole, label, cue) in Cues)
            {
                foreach (Match m in cue.Matches(s.Text))
                {
                    var span = new TextSpan(s.Span.Start + m.Index, m.Length);
                    if (taken.Any(t => t.Overlaps(span))) continue;
                    taken.Add(span);
                    var before = s.Text[..m.Index];
                    var after = s.Text[(m.Index + m.Length)..];
                    string claimPole = pole, claimLabel = label;
                    if (family != "control" && Negation.IsMatch(before))
                    {
                        var other = Cues.First(c => c.Family == family && c.Pole != pole);
                        claimPole = other.Pole;
                        claimLabel = other.Label;
                    }
                    string target;
                    if (family == "control")
                    {
                        var place = m.Value.StartsWith("ousted", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("expelled", StringComparison.OrdinalIgnoreCase)
                            ? FromPlace.Match(after) : PlaceAfter.Match(after);
                        if (!place.Success) continue;
                        target = place.Groups["place"].Value;
                        var holder = HolderOf(before);
                        claimLabel = pole == "gain" ? $"taken by {holder}" : $"lost by {holder}";
                        claimPole = pole + ":" + HolderKey(holder);
                    }
                    else
                    {
                        var noun = EventNoun.Match(s.Text);
                        target = noun.Success ? Canonical(noun.Value) : main;
                    }
                    yield return new StateClaim(s, family, target, claimLabel, claimPole, span, m.Value,
                        SentenceFeatures.NearestDate(dates, s, span.Start, sameSegment: true));
                }
            }
        }
    }

    private static readonly HashSet<string> NotHolders = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "On", "In", "It", "They", "He", "She", "But", "And", "After", "We", "Our", "Its", "Their",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    /// <summary>
    /// The first run of capitalised words before the cue in its clause ("Syrian troops ... retook" → "Syrian",
    /// "Islamic State militants regained" → "Islamic State"); "unnamed side" when there is none.
    /// </summary>
    private static string HolderOf(string before)
    {
        var clause = before;
        int cut = Math.Max(clause.LastIndexOf(','), clause.LastIndexOf(';'));
        if (cut >= 0 && clause.Length - cut > 3) clause = clause[(cut + 1)..];
        var run = new List<string>();
        foreach (Match m in Word.Matches(clause))
        {
            var w = m.Value;
            bool cap = char.IsUpper(w[0]) && !NotHolders.Contains(w);
            if (cap) run.Add(w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w);
            else if (run.Count > 0) break;
        }
        return run.Count == 0 ? "unnamed side" : string.Join(' ', run);
    }

    /// <summary>
    /// A holder key for comparing sides: the initials of a multi-word name ("Islamic State" → "is", matching "IS"),
    /// else the first four letters, lower-cased, so "Syria", "Syria's" and "Syrian" (Iraq/Iraqi) fold together —
    /// a cheap acronym and demonym fold.
    /// </summary>
    internal static string HolderKey(string holder)
    {
        if (holder == "unnamed side") return "";
        var words = holder.Split(' ');
        var acronym = words.FirstOrDefault(w => w.Length >= 2 && w.All(char.IsUpper));
        if (acronym is not null) return acronym.ToLowerInvariant();
        if (words.Length > 1) return string.Concat(words.Select(w => char.ToLowerInvariant(w[0])));
        var k = holder.ToLowerInvariant();
        return k.Length > 4 ? k[..4] : k;
    }

    private static string Canonical(string noun) => noun.ToLowerInvariant() switch
    {
        "fire" or "fires" or "blaze" or "flames" => "fire",
        "fighting" or "clashes" or "battle" or "offensive" => "fighting",
        var n => n,
    };
}
