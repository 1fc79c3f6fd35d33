using System.Text.RegularExpressions;

namespace Precis.Ingest;

/// <summary>What a byline line says: the author(s), the publishing outlet, a date, and whether a wire byline was named beside the publisher.</summary>
internal sealed record BylineParts(string? Byline, string? Outlet, DateMatch? Date, bool WireAndPublisher);

/// <summary>
/// Splits the byline shapes news pages print into author, outlet and date: "By NAME, OUTLET", "By NAME | OUTLET",
/// "By AGENCY | OUTLET", "By NAME — DATE", "NAME, OUTLET — DATE", "By Coastline Daily staff".
/// </summary>
/// <remarks>
/// Each part between separators (',', '|', '/', a spaced dash, '·') is classified by shape: a person name is 2–4
/// capitalised words (name particles such as "van", "al-" allowed) without an outlet word; an organisation is a known
/// wire agency, a name containing an outlet word (News, Times, Courier, Radio, Wire, ...), or — after "By" — a single
/// capitalised word ("By Reuters": people sign with given and family name). The part after '|' is the publisher: sites
/// append their name after a bar, as in HTML titles "Headline | Site"; when two organisations are named, the other one
/// is the wire agency that wrote the story and becomes the byline. A part that is neither shape rejects the whole line,
/// so sentences starting with "By" ("By Thursday, the river ...") stay content.
/// </remarks>
internal static partial class BylineParser
{
    public static BylineParts? Parse(string line)
    {
        line = line.Trim();
        if (line.Length is < 4 or > 160) return null;
        var rest = line;
        bool hasBy = ByPrefix().Match(rest) is { Success: true } by && (rest = rest[by.Length..]).Length > 0;

        var date = PublicationDateParser.Find(rest);
        if (date is not null) rest = string.Concat(rest.AsSpan(0, date.Start), " | ", rest.AsSpan(date.Start + date.Length));
        if (ClockTime().Replace(rest, " ").AsSpan().IndexOfAny("!?;:\"“”") >= 0) return null;

        var people = new List<string>();
        var orgs = new List<(string Name, bool AfterBar)>();
        string? staffLine = null;
        bool afterBar = false;
        int last = 0;
        var separators = Separator().Matches(rest);
        for (int i = 0; i <= separators.Count; i++)
        {
            int end = i < separators.Count ? separators[i].Index : rest.Length;
            var part = rest[last..end].Trim();
            bool thisAfterBar = afterBar;
            if (i < separators.Count)
            {
                afterBar = separators[i].Value.Contains('|', StringComparison.Ordinal);
                last = separators[i].Index + separators[i].Length;
            }
            if (part.Length == 0) continue;
            // Time of day and labels left beside the date ("9:15 AM", "Updated") are not parts.
            if (date is not null && !TimeOrLabel().Replace(part, " ").Any(char.IsLetterOrDigit)) continue;
            if (StaffSuffix().Match(part) is { Success: true } staff && IsOrganisation(staff.Groups["org"].Value, hasBy))
            {
                // "Coastline Daily staff": the outlet's own reporters.
                orgs.Add((staff.Groups["org"].Value, thisAfterBar));
                staffLine ??= part;
            }
            else if (IsOrganisation(part, hasBy && people.Count == 0 && orgs.Count == 0)) orgs.Add((part, thisAfterBar));
            else if (PersonList(part) is { } names) people.AddRange(names);
            else return null;
        }
        if (people.Count == 0 && orgs.Count == 0) return null;
        // Without "By" the line must say who and for whom and when ("NAME, OUTLET — DATE"): place names and
        // short phrases beside a date are not bylines.
        if (!hasBy && (date is null || people.Count == 0 || orgs.Count == 0)) return null;

        string? outlet = null;
        bool wire = false;
        if (orgs.Count > 0)
        {
            // The publisher: the last part after a bar, else the last organisation named.
            int publisher = orgs.FindLastIndex(o => o.AfterBar);
            if (publisher < 0) publisher = orgs.Count - 1;
            outlet = orgs[publisher].Name;
            var others = orgs.Where((_, j) => j != publisher).Select(o => o.Name).ToList();
            if (others.Count > 0 && people.Count == 0)
            {
                people.AddRange(others);
                wire = true;
            }
        }
        var byline = people.Count > 0 ? string.Join(" and ", people) : staffLine;
        return new BylineParts(byline, outlet, date, wire);
    }

    /// <summary>A known wire agency, a name with an outlet word, or (where allowed) a single capitalised word or short all-caps token.</summary>
    internal static bool IsOrganisation(string part, bool allowSingleWord)
    {
        part = part.Trim();
        if (part.Length is < 2 or > 50) return false;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || (!char.IsUpper(part[0]) && !part.StartsWith("the ", StringComparison.Ordinal))) return false;
        if (MetadataDetectionStage.IsWireAgency(part)) return true;
        if (words.Any(w => OutletWords.Contains(w))) return words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "the" or "of" or "and" or "&");
        return allowSingleWord && words.Length == 1 && part.All(c => char.IsLetter(c) || c is '-' or '.' or '&');
    }

    /// <summary>"Jane Doe", "Jane Doe and John Roe", "Rami al-Ali", "admin" (a lowercase user handle): the names, or null.</summary>
    private static List<string>? PersonList(string part)
    {
        var names = new List<string>();
        foreach (var raw in AndSeparator().Split(part))
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (!IsPersonName(name) && !(UserHandle().IsMatch(name) && !name.Contains(' ', StringComparison.Ordinal))) return null;
            names.Add(name);
        }
        return names.Count > 0 ? names : null;
    }

    /// <summary>2–4 capitalised words (initials and name particles allowed), no outlet word.</summary>
    internal static bool IsPersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int capitalised = 0;
        foreach (var w in words)
        {
            if (OutletWords.Contains(w)) return false;
            if (NameParticles.Contains(w) || w.StartsWith("al-", StringComparison.Ordinal) || w.StartsWith("el-", StringComparison.Ordinal)) continue;
            if (!char.IsUpper(w[0]) || !w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.')) return false;
            capitalised++;
        }
        return capitalised is >= 2 and <= 4 && words.Length <= 6;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "de", "da", "del", "van", "von", "der", "den", "bin", "ibn", "al", "el", "le", "la", "di", "du", "dos" };

    /// <summary>
    /// Words that mark a news organisation's name (newspaper titles, broadcasters, agencies). Capitalised in the
    /// name; compared case-sensitively so "post" or "mail" in running text does not count.
    /// </summary>
    internal static readonly HashSet<string> OutletWords = new(StringComparer.Ordinal)
    {
        "News", "Agency", "Press", "Wire", "Service", "Media", "Network", "Times", "Post", "Herald", "Tribune", "Gazette", "Journal",
        "Daily", "TV", "Radio", "Courier", "Chronicle", "Observer", "Telegraph", "Guardian", "Independent", "Examiner", "Inquirer",
        "Dispatch", "Bulletin", "Monitor", "Broadcasting", "Television", "Channel", "Mail", "Express", "Mirror", "Standard", "Weekly",
        "Review", "Reporter", "Sentinel", "Globe", "Star", "Magazine", "FM", "Online",
    };

    [GeneratedRegex(@"^(?:by|By|BY)\s+")]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|\||/|·|•)\s*|\s+[-–—]+\s+|\s*[–—]+\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s+(?:and|&)\s+")]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^(?<org>.+?)\s+(?:staff|reporters|correspondents?|newsroom|desk|team)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffSuffix();

    [GeneratedRegex(@"\d{1,2}:\d{2}(?::\d{2})?")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^[a-z0-9_.\-]{2,30}$")]
    private static partial Regex UserHandle();

    // Labels, weekdays, clock times and zones that may stand beside a date in a byline.
    [GeneratedRegex(@"\b(?:published|updated|posted|last|first|modified|date|on|at|local|time|gmt|utc|[ecmp][sd]?t|bst|cet|cest|z|a\.?m\.?|p\.?m\.?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOrLabel();
}
