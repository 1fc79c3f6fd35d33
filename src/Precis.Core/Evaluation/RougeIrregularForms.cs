namespace Precis.Evaluation;

/// <summary>
/// Stand-in for ROUGE's WordNet-2.0 exception database (<c>WordNet-2.0.exc.db</c>, built by ROUGE's
/// <c>buildExeptionDB.pl</c> from WordNet's <c>*.exc</c> files: inflected form → first base form). With <c>-m</c>,
/// ROUGE-1.5.5 looks every token longer than 3 characters up in that table and returns the base form
/// <em>unstemmed</em>; other tokens go through Porter. The lookup changes a score only where the base form equals
/// what another token becomes: a short token left as is (said → "say"; were, been → "be"; went → "go"), a Porter stem
/// (took → "take" = Porter(taking)), or another base form.
/// PRECIS: WordNet's files are not shipped here; <see cref="WordNetExceptions"/> reads them from the machine when
/// installed, and this table stands in only when they are absent. This table is our own list of the common irregular forms of
/// English (strong verbs, irregular plurals, comparatives) with WordNet's base forms; it is not the full database,
/// so rare irregular forms are stemmed by Porter where ROUGE would map them.
/// </summary>
internal static class RougeIrregularForms
{
    // "form base" pairs; only forms longer than 3 characters are ever looked up.
    private const string Pairs = """
        arisen arise arose arise awoke awake awoken awake
        beaten beat became become been be began begin begun begin being be bent bend bitten bite
        bled bleed blew blow blown blow bore bear borne bear bought buy bound bind bred breed broke break broken break
        brought bring built build burnt burn caught catch chose choose chosen choose clung cling
        came come crept creep dealt deal done do drank drink drawn draw drew draw dreamt dream
        driven drive drove drive drunk drink dwelt dwell eaten eat fallen fall fell fall felt feel fled flee flew fly
        flown fly flung fling forbade forbid forbidden forbid foresaw foresee foreseen foresee forgave forgive
        forgiven forgive forgot forget forgotten forget fought fight found find froze freeze frozen freeze
        gave give given give goes go gone go grew grow ground grind grown grow heard hear held hold hidden hide hung hang
        kept keep knelt kneel knew know known know laid lay leant lean leapt leap learnt learn left leave lent lend
        lain lie lost lose made make meant mean mistook mistake mistaken mistake overcame overcome overtook overtake
        overtaken overtake overthrew overthrow overthrown overthrow paid pay proven prove rang ring ridden ride risen rise rode ride rose rise
        sang sing sank sink said say seen see sent send shaken shake shook shake shone shine shot shoot shown show
        shrank shrink shrunk shrink slain slay slept sleep slid slide slung sling smelt smell sold sell sought seek
        spent spend spat spit spoke speak spoken speak sprang spring sprung spring spun spin stole steal stolen steal
        stood stand strove strive struck strike strung string stuck stick stung sting stank stink
        sung sing sunk sink swam swim swept sweep swore swear sworn swear swum swim swung swing swollen swell flies fly
        taken take taught teach thought think threw throw thrown throw told tell took take tore tear torn tear
        trod tread trodden tread understood understand undertook undertake undertaken undertake
        undid undo undone undo upheld uphold went go were be wept weep withdrew withdraw withdrawn withdraw
        withheld withhold withstood withstand woke wake woken wake wore wear worn wear wound wind won win wrote write
        written write wrung wring
        children child feet foot geese goose teeth tooth mice mouse lice louse oxen ox
        gentlemen gentleman
        lives life wives wife knives knife leaves leaf loaves loaf halves half selves self shelves shelf thieves thief
        wolves wolf calves calf elves elf
        criteria criterion phenomena phenomenon data datum media medium bacteria bacterium
        crises crisis analyses analysis theses thesis hypotheses hypothesis diagnoses diagnosis
        better well best well worse bad worst bad farther far further far harder hard hardest hard deeper deeply
        bigger big biggest big hotter hot hottest hot fatter fat fattest fat sadder sad saddest sad wetter wet wettest wet
        thinner thin thinnest thin redder red reddest red fitter fit fittest fit flatter flat flattest flat
        madder mad maddest mad eldest old
        dying die lying lie tying tie vying vie
        """;

    // Adjectives in consonant + y: WordNet's morphy has no -ier/-iest rule for adjectives, so its adj.exc lists
    // their comparatives and superlatives (earlier → early). Our own list of common ones.
    private const string YAdjectives = """
        angry bloody bulky busy chilly classy costly cozy crazy creepy deadly dirty dry early easy empty fancy friendly
        funny gloomy guilty handy happy hardy hasty healthy heavy hefty holy hungry juicy lengthy likely lively lonely
        lovely lucky manly merry messy muddy nasty needy noisy pretty risky rocky rosy sexy shaky shy silly sleepy
        speedy steady sticky stormy sunny tasty thirsty tidy tiny tricky ugly wacky wary wealthy weary windy worthy
        """;

    private static readonly Dictionary<string, string> Forms = Build();

    private static Dictionary<string, string> Build()
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = Pairs.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i += 2) forms[words[i]] = words[i + 1];
        foreach (var adjective in YAdjectives.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var stem = adjective[..^1];
            forms.TryAdd(stem + "ier", adjective);
            forms.TryAdd(stem + "iest", adjective);
        }
        return forms;
    }

    public static string? Lookup(string token)
    {
        if (Forms.TryGetValue(token, out var form)) return form;
        // Verbs in consonant + y: morphy turns -ied into neither the base (ed → "", ed → e give "deni", "denie")
        // nor anything else, so WordNet's verb.exc lists every such past form (denied → deny). Four-letter forms
        // (died, tied, lied) come from -ie verbs that morphy handles, so they are not in the table.
        if (token.Length > 4 && token.EndsWith("ied", StringComparison.Ordinal) && !IsVowel(token[^4])) return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
