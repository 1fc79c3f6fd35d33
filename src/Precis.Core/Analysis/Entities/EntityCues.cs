namespace Precis.Analysis.Entities;

/// <summary>
/// Small, general word lists that classify capitalised names by their context (no lists of particular names,
/// except the handful of wire agencies that attribution sentences name). The cue approach follows rule-based
/// named-entity recognisers such as the MUC-era FASTUS and the LaSIE keyword/"designator" lists
/// (Gaizauskas et al. 1995): designators inside the name, and trigger words around it.
/// </summary>
internal static class EntityCues
{
    /// <summary>Capitalised words that make a name an organisation ("Syrian Observatory", "Interior Ministry").</summary>
    public static readonly HashSet<string> OrganizationDesignators = new(StringComparer.Ordinal)
    {
        "Agency", "Army", "Forces", "Force", "Observatory", "Ministry", "Council", "Party", "Group", "Company", "Corporation",
        "Corp", "Inc", "Ltd", "Committee", "Command", "Coalition", "Organisation", "Organization", "Union", "Association",
        "Front", "Movement", "Brigade", "Brigades", "Guards", "Guard", "Office", "Department", "Bank", "University",
        "Institute", "Commission", "Court", "Parliament", "Assembly", "Federation", "Authority", "Service", "Services",
        "Police", "Navy", "Crescent", "Cross", "News", "Network", "Alliance", "Nations", "Fund", "Board", "Administration",
        "Times", "Post", "Press", "Club", "Society", "Foundation", "Industries", "Airlines", "Airways", "Trust", "Centre",
        "Center", "Hospital", "School", "College", "Church", "Congress", "Senate", "Cabinet", "Government", "Unit", "Mission",
        "Bureau", "Secretariat", "Tribunal", "Brotherhood", "Agencies", "Holdings", "Group's", "Authorities", "Brigade's",
        "Forum", "Council's", "Directorate", "Gendarmerie", "Militia", "Corps", "Party's", "Team", "Shipping", "Logistics",
        "Lines", "Partners", "Systems", "Technologies", "Solutions", "Motors", "Energy", "Petroleum", "Steel", "Mining",
        "Pharmaceuticals", "Foods", "Insurance", "Investments", "Capital", "Ventures", "Enterprises", "Communications",
        "Telecom", "Studios", "Records", "Publishing", "Broadcasting", "Radio", "Television", "Daily", "Herald", "Courier",
        "Tribune", "Journal", "Gazette", "Chronicle", "Telegraph", "Observer", "Guardian", "Commonwealth",
    };

    /// <summary>Wire agencies and broadcasters that attribution sentences name ("told Reuters").</summary>
    public static readonly HashSet<string> Agencies = new(StringComparer.Ordinal)
    {
        "Reuters", "AFP", "AP", "Associated Press", "SANA", "Xinhua", "Interfax", "TASS", "Tass", "RIA", "IRNA", "Anadolu",
        "BBC", "CNN", "Bloomberg", "DPA", "EFE", "ANSA", "Kyodo", "Yonhap", "UPI", "NHK",
    };

    /// <summary>Capitalised words that make a name a place ("Euphrates River", "Czech Republic").</summary>
    public static readonly HashSet<string> PlaceDesignators = new(StringComparer.Ordinal)
    {
        "River", "Valley", "Province", "City", "Mountains", "Mountain", "Mount", "Sea", "Gulf", "Lake", "Island", "Islands",
        "Street", "Square", "Bay", "Desert", "Peninsula", "Strait", "Coast", "Republic", "Kingdom", "Heights", "Plain",
        "Port", "Harbour", "Harbor", "County", "District", "Region", "Governorate", "Avenue", "Road", "Ocean", "Canal",
        "Hills", "Quay", "Dock", "Docks", "Pier", "Wharf", "Village", "Town", "Emirates", "States", "Lane", "Boulevard",
        "Terrace", "Crescent Road", "Basin", "Estuary", "Park",
    };

    /// <summary>Titles and honorifics that precede a person's name ("Gen.", "Foreign Minister").</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "President", "Minister", "Secretary", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir", "Pope", "Gen",
        "General", "Col", "Colonel", "Lt", "Lieutenant", "Maj", "Major", "Sgt", "Sergeant", "Capt", "Captain", "Adm",
        "Admiral", "Cmdr", "Commander", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sen", "Senator", "Rep",
        "Representative", "Gov", "Governor", "Mayor", "Chief", "Judge", "Justice", "Ambassador", "Chairman", "Chairwoman",
        "Director", "Spokesman", "Spokeswoman", "Premier", "Chancellor", "Envoy", "Coordinator", "Deputy", "Vice",
        "Inspector", "Officer", "Superintendent", "Rev", "Bishop", "Archbishop", "Cardinal", "Ayatollah", "Imam", "Lord",
        "Lady", "Sir", "Dame", "Speaker", "Leader", "Head", "Manager", "Commissioner", "Detective", "Constable", "Sgt",
        "Caliph", "Chief Executive", "Mufti", "Marshal", "Brig", "Brigadier", "Cpl", "Corporal", "Pvt", "Private",
    };

    /// <summary>Title abbreviations written with a full stop ("Gen. Smith").</summary>
    public static readonly HashSet<string> AbbreviatedTitles = new(StringComparer.Ordinal)
    {
        "Gen", "Col", "Lt", "Maj", "Sgt", "Capt", "Adm", "Cmdr", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov",
        "Rev", "Brig", "Cpl", "Pvt", "St", "Jr", "Sr", "Mt", "Ft",
    };

    /// <summary>Lower-case words inside names ("Syrian Observatory for Human Rights", "Deir al Zour", "Van der Meer").</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "for", "al", "el", "bin", "ibn", "bint", "de", "da", "del", "der", "den", "van", "von", "la", "le", "du", "dos", "y",
    };

    /// <summary>Prefixes of hyphenated names ("al-Assad", "Abu-Bakr") that keep the hyphenated word one name.</summary>
    public static readonly HashSet<string> NameParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ez", "es", "bin", "ibn", "abu", "abd", "abdel", "abdul", "bani", "beni", "ould",
    };

    /// <summary>Lower-case prefixes of hyphenated words whose capitalised rest is a name ("anti-IS", "pro-Kremlin").</summary>
    public static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "anti", "pro", "ex", "non", "post", "pre", "mid", "neo", "trans", "pan",
    };

    /// <summary>Calendar words are capitalised but name no entity.</summary>
    public static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Christmas", "Easter", "Ramadan",
        "AM", "PM", "GMT", "UTC", "EST", "EDT", "BST", "CET",
    };

    /// <summary>Function words that begin sentences and are never names on their own.</summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "after", "before",
        "during", "since", "until", "while", "when", "where", "what", "who", "whom", "which", "why", "how", "if", "but", "and",
        "or", "nor", "so", "yet", "as", "also", "although", "though", "because", "there", "here", "then", "now", "still",
        "some", "many", "most", "more", "much", "all", "any", "each", "every", "both", "few", "several", "such", "no", "not",
        "one", "two", "three", "other", "another", "last", "next", "first", "second", "new", "once", "only", "even", "just",
        "about", "among", "against", "between", "through", "under", "over", "into", "onto", "upon", "across", "despite",
        "according", "meanwhile", "however", "instead", "further", "earlier", "later", "today", "yesterday", "tomorrow",
        "tonight", "subscribe", "read", "click", "image", "photo", "media", "published", "updated", "share", "follow",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "let", "please", "yes", "oh", "well", "like", "unlike", "near", "inside",
        "outside", "above", "below", "within", "around", "toward", "towards", "via", "per", "than", "whether", "either",
        "neither", "mr", "mrs", "ms", "dr",
    };

    /// <summary>Prepositions before a place ("in Syria", "near Damascus"). A weak cue.</summary>
    public static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "from", "into", "across", "outside", "towards", "toward", "around", "inside", "throughout", "via",
    };

    /// <summary>Place nouns that precede a name ("town of Sukariya", "provincial capital Deir Ezzor").</summary>
    public static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "town", "city", "village", "villages", "province", "capital", "region", "outskirts", "port", "suburb", "suburbs",
        "district", "governorate", "country", "state", "island", "area", "neighbourhood", "neighborhood", "county",
        "municipality", "enclave", "river", "valley", "border", "countryside", "airport", "coast", "desert", "harbour",
        "harbor", "quay", "dock", "street", "square", "hub", "crossing", "prefecture",
    };

    /// <summary>Organisation nouns around a name ("militant group Hezbollah", "the Islamic State group").</summary>
    public static readonly HashSet<string> OrganizationNouns = new(StringComparer.Ordinal)
    {
        "group", "agency", "movement", "militia", "party", "organisation", "organization", "network", "company", "firm",
        "monitor", "broadcaster", "newspaper", "channel", "news", "coalition", "alliance", "ministry", "council",
        "committee", "union", "association", "observatory", "army", "authority", "authorities", "operator", "insurer",
        "charity", "bank", "regime", "government", "daily", "website", "outlet", "media",
    };

    /// <summary>Role nouns that describe a person ("Observatory chief Rami Abdel Rahman", "a tribal leader").</summary>
    public static readonly HashSet<string> PersonRoleNouns = new(StringComparer.Ordinal)
    {
        "spokesman", "spokeswoman", "spokesperson", "leader", "chief", "head", "minister", "president", "commander",
        "director", "coordinator", "envoy", "official", "secretary", "chairman", "chairwoman", "general", "colonel",
        "resident", "analyst", "expert", "governor", "mayor", "ambassador", "prosecutor", "judge", "captain", "manager",
        "owner", "worker", "witness", "engineer", "inspector", "officer", "doctor", "caliph", "cleric", "activist",
        "founder", "chairperson", "boss", "executive", "lawyer", "attorney", "professor", "researcher", "senator",
        "lawmaker", "deputy", "foreman", "firefighter", "diplomat", "correspondent", "journalist", "reporter", "editor",
        "negotiator", "premier", "king", "queen", "prince", "sheikh", "emir", "mother", "father", "son", "daughter",
        "wife", "husband", "brother", "sister", "survivor", "victim", "student", "teacher", "farmer", "fisherman",
        "skipper", "pilot", "driver", "guard", "nurse", "surgeon", "physician", "scientist", "economist", "historian",
        "counterpart", "strongman", "chancellor", "supervisor", "operator", "harbourmaster", "harbormaster", "dockworker",
        "employee", "administrator", "ruler", "dictator", "militant", "fighter", "commissioner", "representative", "aide",
        "adviser", "advisor", "consultant", "councillor", "councilor", "officials", "residents",
    };

    /// <summary>Speech verbs; a name next to one is a speaker (person or organisation).</summary>
    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "tells", "added", "adds", "confirmed", "confirms", "stated", "states", "announced",
        "announces", "declared", "declares", "warned", "warns", "insisted", "insists", "explained", "explains", "noted",
        "notes", "reported", "reports", "quoted", "urged", "urges", "claimed", "claims", "denied", "denies", "acknowledged",
        "acknowledges", "asked", "asks", "replied", "replies", "wrote", "writes", "tweeted", "argued", "argues",
        "recalled", "recalls", "estimated", "estimates", "predicted", "admitted", "admits", "stressed", "stresses",
        "saying", "adding", "called", "calls", "described", "describes",
    };

    /// <summary>Demonym-like adjectives ("Syrian", "Iraqi", "Kurdish") are modifiers, not entities, when they stand alone before a lower-case word.</summary>
    public static bool LooksLikeDemonym(string word) =>
        word.Length >= 4 && (word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ean", StringComparison.Ordinal)
            || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ish", StringComparison.Ordinal)
            || word.EndsWith("ite", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal)
            || (word.EndsWith('i') && word.Length >= 5));
}
