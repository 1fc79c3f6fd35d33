namespace Precis.Analysis.Facts;

/// <summary>
/// The concepts claims are about, each named once with the word forms that express it. Counts: what happened to
/// the counted things (killed, injured, displaced, ...). Incidents: what kind of event a count belongs to (a
/// bombardment, an explosion, a fire). Sides: the head nouns that name the armed sides of a control claim. States:
/// pairs of opposite statuses, each with the phrases that assert it; a negation asserts the other.
/// </summary>
internal static class MeasureLexicon
{
    /// <summary>Count measures, keyed by lower-cased word form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Counts = Build(
        ("killed", "killed kill kills killing died die dies dying dead death deaths toll fatalities lives"),
        ("injured", "injured injuring injure injuries wounded wounding wound hurt"),
        ("missing", "missing unaccounted"),
        ("displaced", "displaced fled flee fleeing homeless uprooted"),
        ("evacuated", "evacuated evacuating evacuees"),
        ("rescued", "rescued rescuing"),
        ("arrested", "arrested arresting detained detaining"),
        ("hospitalised", "hospitalised hospitalized hospital"),
        ("cases", "cases infected infections ill sick"),
        ("aboard", "carrying aboard"),
        ("hostages", "hostages abducted kidnapped"),
        ("released", "released freed"));

    /// <summary>
    /// Counted nouns that name their own measure: "1,200 hectares", "cut 85 jobs", "1,500 homes were destroyed",
    /// "eight bodies", "the number of arrests". Used when no measure verb governs the count.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Units = Build(
        ("hectares", "hectares hectare acres acre"),
        ("jobs", "jobs job posts positions"),
        ("tonnes", "tonnes tonne tons ton litres barrels"),
        ("homes", "homes houses buildings dwellings"),
        ("votes", "votes"),
        ("seats", "seats"),
        ("ballots", "ballots"),
        ("cases", "cases infections"),
        ("killed", "bodies dead"),
        ("arrested", "arrests"),
        ("hostages", "hostages"),
        ("vehicles", "lorries trucks vehicles"),
        ("aboard", "passengers"));

    /// <summary>Measures that count over a period (a running total) rather than one incident.</summary>
    public static readonly HashSet<string> RunningMeasures = new(StringComparer.Ordinal) { "displaced", "evacuated", "cases", "rescued", "arrested", "hectares", "hospitalised" };

    /// <summary>Counts that only grow while a story runs (the dead of one incident, cases, arrests, burnt area): a higher figure reported later revises a lower one.</summary>
    public static readonly HashSet<string> Growing = new(StringComparer.Ordinal) { "killed", "injured", "cases", "arrested", "hectares", "homes", "displaced", "evacuated" };

    /// <summary>Incident nouns, folded to the kind of event.</summary>
    public static readonly IReadOnlyDictionary<string, string> Incidents = Build(
        ("bombardment", "strike strikes airstrike airstrikes air-strike raid raids bombing bombings bombardment bombardments shelling shells shell artillery"),
        ("explosion", "bomb bombs blast blasts explosion explosions car-bomb"),
        ("fire", "fire fires blaze flames"),
        ("fighting", "fighting clashes combat battle battles offensive assault"),
        ("crash", "crash collision derailment"),
        ("flood", "flood floods flooding"),
        ("earthquake", "earthquake quake"),
        ("storm", "storm hurricane typhoon cyclone"));

    /// <summary>Head nouns of a control claim's holder, folded to the side they name when no organisation is named.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sides = Build(
        ("government forces", "army armies troops forces soldiers military regime government loyalists units"),
        ("rebels", "rebels insurgents opposition"),
        ("militants", "militants jihadists extremists"),
        ("militias", "militias militiamen"),
        ("police", "police"));

    /// <summary>Who-holds-a-place verbs. Gain: the subject now holds the object place. Lose: the subject no longer does.</summary>
    public const string GainVerbs = @"capturing|seizing|retaking|stormed(?!\s+(into|through|out))|(still\s+|once\s+again\s+|again\s+)?(hold|holds|held)|captured|recaptured|retook|retaken|retake|retakes|seized|liberated|overran|overrun|(took|taken|take|takes|regained|seized|gained|wrested|assumed)\s+(full\s+|complete\s+|back\s+)?control\s+of|(are|is|were|was)\s+(now\s+)?(back\s+)?in\s+(full\s+)?control\s+of|controls|controlled|ousted|expelled";

    public const string LoseVerbs = @"lost|losing|(been\s+)?driven\s+out\s+of|withdrew\s+from|withdrawn\s+from|retreated\s+from|pulled\s+out\s+of|abandoned|forced\s+to\s+(retreat|withdraw)\s+from|ceded";

    /// <summary>Opposite statuses of a place or thing: (family, status, cue pattern).</summary>
    public static readonly (string Family, string Status, string Opposite, string Cue)[] Statuses =
    [
        ("containment", "contained", "not-contained", @"under\s+control|contained|extinguished|put\s+(it\s+)?out(?!\s+of)|fully\s+out|brought\s+under\s+control"),
        ("containment", "not-contained", "contained", @"flared\s+up|flare[sd]?\s+up|reignited|re-ignited|broke\s+out\s+again|still\s+burning|out\s+of\s+control|raging"),
        ("opening", "open", "closed", @"reopened|re-opened|reopen|reopens|open\s+again|opened\s+again"),
        ("opening", "closed", "open", @"closed|shut|shut\s+down|sealed\s+off"),
        ("curfew", "under-curfew", "lifted", @"curfew\s+(was\s+|has\s+been\s+|had\s+been\s+)?(imposed|declared|ordered)|(imposed|declared|ordered)\s+an?\s+curfew|under\s+(a\s+)?curfew"),
        ("curfew", "lifted", "under-curfew", @"curfew\s+(was\s+|has\s+been\s+|had\s+been\s+)?lifted|lifted\s+the\s+curfew"),
        ("evacuation", "evacuated", "not-evacuated", @"(been|was|were)\s+evacuated|ordered\s+the\s+evacuation\s+of|evacuation\s+order"),
        ("emergency", "declared", "not-declared", @"declared\s+(a|an|the)\s+([\w-]+\s+){0,2}emergency|state\s+of\s+emergency"),
        ("service", "suspended", "resumed", @"suspended|halted"),
        ("cause", "accidental", "deliberate", @"electrical\s+fault|short[\s-]circuit|faulty\s+wiring|accidental(ly)?|an\s+accident"),
        ("cause", "deliberate", "accidental", @"arson|deliberately|started\s+on\s+purpose|set\s+on\s+purpose|set\s+deliberately"),
        ("service", "resumed", "suspended", @"resumed|restored"),
        // A place no side holds: a control state without a holder.
        ("control", "contested", "controls", @"(was|is|were|are|remained|remains|remain|been)\s+(still\s+|hotly\s+|fiercely\s+|bitterly\s+)?contested"),
    ];

    private static Dictionary<string, string> Build(params (string Concept, string Forms)[] rows)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (concept, forms) in rows)
        {
            foreach (var f in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[f] = concept;
        }
        return d;
    }
}
