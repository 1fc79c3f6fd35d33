using System.Collections.Frozen;

namespace Precis.Analysis.Quotes;

/// <summary>
/// Verbs that introduce speech or writing, kept as lemmas; their inflected forms (-s, -ed, -ing and the irregular
/// past tenses) are generated once. The lemma list follows the reporting verbs of attribution studies (PARC 3.0,
/// Pareti 2016; the cue lexicon of Pouliquen et al. 2007) in three classes: saying, writing and answering/arguing.
/// </summary>
internal static class SpeechCues
{
    private static readonly string[] Lemmas =
    [
        // saying
        "say", "tell", "add", "state", "announce", "declare", "warn", "insist", "explain", "note", "remark", "comment", "mention",
        "recall", "admit", "acknowledge", "concede", "confirm", "deny", "claim", "assert", "argue", "maintain", "contend", "stress",
        "emphasize", "emphasise", "predict", "promise", "pledge", "vow", "vouch", "urge", "plead", "beg", "demand", "suggest", "propose",
        "continue", "conclude", "begin", "joke", "quip", "muse", "boast", "brag", "complain", "lament", "grumble", "whisper", "shout",
        "yell", "scream", "chant", "cry", "exclaim", "proclaim", "thunder", "snap", "sneer", "scoff", "gush", "rave", "mock", "tease",
        "observe", "point", "report", "estimate", "testify", "reiterate", "repeat", "caution", "charge", "accuse", "blast", "slam",
        "praise", "thank", "describe", "call", "label", "dub", "quote", "cite", "read", "recount", "relate", "share", "reveal",
        "disclose", "advise", "counsel", "assure", "reassure", "interject", "interrupt", "chime", "offer", "volunteer", "wonder",
        "bark", "beam", "exhort", "echo", "gasp", "sigh", "laugh", "marvel", "implore", "remind", "tout", "opine", "intone", "mutter", "murmur", "holler",
        // writing
        "write", "tweet", "retweet", "post", "blog", "text", "email", "e-mail", "type", "pen", "publish", "print",
        // answering and arguing
        "ask", "inquire", "enquire", "question", "answer", "reply", "respond", "retort", "counter", "rebut", "fire", "shoot",
    ];

    private static readonly Dictionary<string, string[]> Irregular = new(StringComparer.Ordinal)
    {
        ["say"] = ["said"], ["tell"] = ["told"], ["write"] = ["wrote", "written"], ["read"] = ["read"], ["begin"] = ["began", "begun"],
        ["shoot"] = ["shot"], ["cry"] = ["cried", "cries"], ["testify"] = ["testified", "testifies"], ["reply"] = ["replied", "replies"],
        ["deny"] = ["denied", "denies"], ["pen"] = ["penned", "penning"], ["snap"] = ["snapped", "snapping"], ["quip"] = ["quipped", "quipping"],
        ["blog"] = ["blogged", "blogging"], ["dub"] = ["dubbed", "dubbing"], ["slam"] = ["slammed", "slamming"], ["chime"] = ["chimed", "chiming"],
        ["echo"] = ["echoed", "echoes", "echoing"],
    };

    /// <summary>Phrasal cues that count only with their particle: "pointed out", "fired back", "shot back", "chimed in".</summary>
    private static readonly Dictionary<string, string> ParticleLemmas = new(StringComparer.Ordinal)
    {
        ["point"] = "out", ["fire"] = "back", ["shoot"] = "back", ["chime"] = "in",
    };

    private static readonly (FrozenSet<string> Forms, FrozenDictionary<string, string> Particles) Table = Build();

    /// <summary>Every form, lower case.</summary>
    public static FrozenSet<string> Forms => Table.Forms;

    /// <summary>True when <paramref name="form"/> (lower case) is a speech cue; <paramref name="next"/> is the following word, for phrasal cues.</summary>
    public static bool IsCue(string form, string? next) =>
        Table.Forms.Contains(form) && (!Table.Particles.TryGetValue(form, out var particle) || string.Equals(next, particle, StringComparison.Ordinal));

    private static (FrozenSet<string>, FrozenDictionary<string, string>) Build()
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        var particles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lemma in Lemmas)
        {
            var mine = new List<string> { lemma };
            if (Irregular.TryGetValue(lemma, out var irregular)) mine.AddRange(irregular);
            string stem = lemma.EndsWith('e') ? lemma[..^1] : lemma;
            mine.Add(lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') ? lemma + "es" : lemma + "s");
            mine.Add(lemma.EndsWith('e') ? lemma + "d" : lemma + "ed");
            mine.Add(stem + "ing");
            forms.UnionWith(mine);
            if (ParticleLemmas.TryGetValue(lemma, out var particle)) foreach (var f in mine) particles[f] = particle;
        }
        return (forms.ToFrozenSet(StringComparer.Ordinal), particles.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
