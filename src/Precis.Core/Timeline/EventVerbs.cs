namespace Precis.Timeline;

/// <summary>
/// Word forms of verbs (and verbal nouns) that report events in news text: actions, outcomes and statements.
/// A sentence needs one of them, besides a resolved date, to be a timeline event (following the TimeML notion
/// of an EVENT anchored by a TIMEX: Pustejovsky et al. 2003). Forms are listed rather than stemmed so that
/// nouns such as "capital" do not match "capture".
/// </summary>
internal static class EventVerbs
{
    private static readonly HashSet<string> Forms = new(StringComparer.Ordinal)
    {
        // statements
        "said", "says", "say", "announced", "announces", "declared", "declares", "confirmed", "confirms", "reported", "reports",
        "claimed", "claims", "denied", "denies", "told", "stated", "warned", "urged", "called", "promised", "ordered", "agreed",
        "accused", "vowed", "admitted", "cited", "quoted", "hailed",
        // taking and losing ground
        "captured", "capture", "captures", "retook", "retaken", "retake", "retakes", "took", "taken", "take", "seized", "seize",
        "recaptured", "regained", "liberated", "ousted", "expelled", "stormed", "entered", "lost", "lose", "withdrew", "withdrawn",
        "retreated", "fled", "surrendered", "advanced", "linked", "secured", "broke", "fell", "overran", "reached",
        // harm
        "killed", "killing", "kills", "died", "dies", "dead", "wounded", "injured", "hurt", "struck", "hit", "pounded", "shelled",
        "bombed", "attacked", "ambushed", "destroyed", "damaged", "burned", "burnt", "exploded", "collapsed", "displaced",
        "evacuated", "arrested", "released", "detained", "charged", "fined",
        // beginnings, ends and changes
        "began", "begun", "started", "launched", "opened", "reopened", "closed", "ended", "spread", "flared", "erupted", "broke",
        "contained", "extinguished", "lifted", "imposed", "suspended", "resumed", "returned", "returning", "visited", "met",
        "meet", "signed", "voted", "elected", "appointed", "resigned", "intensified", "dismantled", "handed", "moved",
        "will", "open", "suspect", "suspected", "found", "discovered", "rescued", "sank", "sunk", "crashed", "docked", "raided",
    };

    public static bool IsEventWord(string normal) => Forms.Contains(normal);
}
