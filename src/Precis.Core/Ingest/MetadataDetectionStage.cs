using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Documents;
using Precis.Pipeline;

namespace Precis.Ingest;

/// <summary>
/// Detects headline, outlet, byline, dateline and publication date where the input did not supply them, from the line
/// shapes news pages use (a short title line, "by Reuters", "Reuters, AMMAN", "November 13, 2017 | 1:18 PM",
/// "09/11/2017 06:22 by admin", "WASHINGTON (AP) —", "AMMAN:", a trailing "- AFP", "AFP PHOTO" credits).
/// </summary>
/// <remarks>
/// Runs after furniture removal. It takes metadata lines out of <see cref="Article.Paragraphs"/>, only from the start
/// and end of the article (they are metadata, not furniture, so they are not listed in <see cref="Article.Removed"/>),
/// and trims a dateline ("AMMAN: ", "WASHINGTON (AP) — ") off the start of the first content paragraph. Lines that
/// furniture removal already took out are still read for metadata. Ambiguous all-numeric dates are settled in a
/// second pass that can use the other articles' dates (see <see cref="PublicationDateParser.Resolve"/>).
/// </remarks>
public sealed partial class MetadataDetectionStage : IPipelineStage
{
    public string Name => "metadata";

    /// <summary>How many leading or trailing lines may be metadata.</summary>
    private const int MaxLeadingLines = 8;
    private const int MaxTrailingLines = 3;

    public void Run(PipelineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = context.Articles.Select(Detect).ToList();

        // Second pass: ambiguous dates, settled with the text and the dates of the other articles of the set.
        for (int i = 0; i < results.Count; i++)
        {
            if (results[i].PendingDate is not { } pending) continue;
            var others = results.Where((r, j) => j != i && r.PendingDate is null && r.Article.Published is { Inferred: false, Precision: >= DatePrecision.Day })
                .Select(r => r.Article.Published!.Date).ToImmutableArray();
            var date = PublicationDateParser.Resolve(pending, new DateEvidence(results[i].Article.Text, others), $"date line \"{results[i].DateLine}\"");
            results[i] = results[i] with { Article = results[i].Article with { Published = date }, PendingDate = null };
            context.Report(new Diagnostic(results[i].Article.Origin, DiagnosticSeverity.Note, $"ambiguous date: {date.Evidence}"));
        }
        context.Articles = [.. results.Select(r => r.Article)];
    }

    internal sealed record Detection(Article Article, DateMatch? PendingDate, string? DateLine = null);

    /// <summary>Detects one article's metadata; an ambiguous date is returned unsettled.</summary>
    internal static Detection Detect(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var paragraphs = article.Paragraphs.ToList();
        string? headline = article.Headline, byline = article.Byline, dateline = article.Dateline;
        DateMatch? date = null;
        string? dateLine = null;
        var outlets = new OutletVotes();

        // Lines furniture removal took out before the first content paragraph still tell metadata.
        int firstContent = paragraphs.Count > 0 ? paragraphs[0].Start : text.Length;
        foreach (var removed in article.Removed.Where(r => r.Span.End <= firstContent).OrderBy(r => r.Span.Start))
        {
            Classify(removed.Text, allowHeadline: false, hasMore: true);
        }

        // Leading metadata lines.
        int leading = 0;
        while (paragraphs.Count > 1 && leading < MaxLeadingLines)
        {
            var span = paragraphs[0];
            var lines = Lines(text, span);
            int consumed = 0;
            foreach (var line in lines)
            {
                bool first = leading == 0 && consumed == 0;
                if (!Classify(line.Slice(text), allowHeadline: first, hasMore: paragraphs.Count > 1)) break;
                consumed++;
            }
            if (consumed == 0) break;
            leading += consumed;
            if (consumed == lines.Count) paragraphs.RemoveAt(0);
            else
            {
                paragraphs[0] = TextSpan.FromBounds(lines[consumed].Start, span.End);
                break;
            }
        }

        // Trailing metadata lines: "- AFP", a date line, a byline.
        for (int t = 0; t < MaxTrailingLines && paragraphs.Count > 1; t++)
        {
            var last = paragraphs[^1].Slice(text).Trim();
            if (TrailingTag().Match(last) is { Success: true } tag && IsOutletName(tag.Groups["name"].Value, strict: false))
            {
                outlets.Add(tag.Groups["name"].Value, 1.0);
            }
            else if (!(DateLine(last) is { } d && SetDate(d.Match, d.Byline, last)) && !Byline(last))
            {
                break;
            }
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        // A trailing agency tag ("- AFP") that furniture removal took out after the last content paragraph still names the outlet.
        int lastContent = paragraphs.Count > 0 ? paragraphs[^1].End : 0;
        foreach (var removed in article.Removed.Where(r => r.Span.Start >= lastContent && r.Reason == Cleaning.FurnitureReasons.AgencyTag))
        {
            if (TrailingTag().Match(removed.Text.Trim()) is { Success: true } tag && IsOutletName(tag.Groups["name"].Value, strict: false))
            {
                outlets.Add(tag.Groups["name"].Value, 1.0);
            }
        }
        if (paragraphs.Count > 0 && TrailingSuffix().Match(paragraphs[^1].Slice(text)) is { Success: true } suffix && IsOutletName(suffix.Groups["name"].Value, strict: true))
        {
            outlets.Add(suffix.Groups["name"].Value, 1.0);
            paragraphs[^1] = new TextSpan(paragraphs[^1].Start, suffix.Index);
        }

        // A dateline opens the first content paragraph (allowing one caption-like paragraph before it).
        for (int p = 0; p < Math.Min(2, paragraphs.Count) && dateline is null; p++)
        {
            var body = paragraphs[p].Slice(text);
            if (Dateline(body) is not { } found) continue;
            dateline = found.Place;
            if (found.Agency is not null) outlets.Add(found.Agency, 1.0);
            if (paragraphs[p].Length - found.Length > 0) paragraphs[p] = TextSpan.FromBounds(paragraphs[p].Start + found.Length, paragraphs[p].End);
        }

        // Weaker outlet evidence anywhere in the text: agency photo credits, and "told AFP" (reporters quote to their own agency).
        // pre-checks: each pattern needs one of these literals (case-sensitive patterns), and the ones led by a
        // capital-letter class would otherwise be tried at every capital of the text
        bool mayCredit = text.Contains("PHOTO", StringComparison.Ordinal) || text.Contains("Photo", StringComparison.Ordinal) || text.Contains("Picture", StringComparison.Ordinal);
        foreach (Match m in mayCredit ? PhotoCredit().Matches(text) : Enumerable.Empty<Match>())
        {
            // "AFP PHOTO" (an all-caps agency token) is the agency's own credit form; "Photo: X" counts when X is agency-like.
            var name = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
            if (NotACredit.Contains(name)) continue;
            if (m.Groups["a"].Success || IsOutletName(name, strict: true)) outlets.Add(name, 0.5);
        }
        foreach (Match m in ToldAgency().Matches(text)) outlets.Mention(m.Groups["name"].Value, +1);
        bool mayThirdParty = text.Contains("news agency", StringComparison.Ordinal) || text.Contains("according to ", StringComparison.Ordinal);
        if (mayThirdParty) foreach (Match m in ThirdParty().Matches(text)) outlets.Mention(m.Groups["name"].Value, -2);

        var result = article with
        {
            Headline = headline,
            Byline = byline,
            Dateline = dateline,
            Outlet = article.Outlet ?? outlets.Best(),
            Paragraphs = [.. paragraphs],
        };
        if (result.Published is null && date is not null && !date.IsAmbiguous) result = result with { Published = PublicationDateParser.Resolve(date, DateEvidence.FromText(text), $"date line \"{dateLine}\"") };
        return new Detection(result, result.Published is null && date is { IsAmbiguous: true } ? date : null, dateLine);

        // Returns true when the line is metadata (and records what it says).
        bool Classify(string raw, bool allowHeadline, bool hasMore)
        {
            var line = raw.Trim();
            if (line.Length == 0) return true;
            if (article.Headline is not null && SameText(line, article.Headline)) return true;
            if (DateLine(line) is { } d) return SetDate(d.Match, d.Byline, line);
            if (DateStub().IsMatch(line)) return true;
            if (Byline(line)) return true;
            if (AgencyLine().Match(line) is { Success: true } agency && AgencyAndPlace(agency) is { } ap)
            {
                outlets.Add(ap.Outlet, 1.0);
                dateline ??= ap.Place;
                return true;
            }
            if (allowHeadline && hasMore && headline is null && IsTitleLike(line))
            {
                headline = line;
                return true;
            }
            return false;
        }

        bool SetDate(DateMatch match, string? by, string line)
        {
            if (date is null)
            {
                date = match;
                dateLine = line;
            }
            if (by is not null) AddByline(by);
            return true;
        }

        bool Byline(string line)
        {
            if (BylineParser.Parse(line) is { } parts)
            {
                ApplyByline(parts, line);
                return true;
            }
            if (ByLine().Match(line) is not { Success: true } m) return false;
            var names = m.Groups["names"].Value;
            if (!IsNameList(names)) return false;
            AddByline(names);
            return true;
        }

        void ApplyByline(BylineParts parts, string line)
        {
            if (parts.Date is not null) SetDate(parts.Date, null, line);
            // A line that names both the wire agency (as author) and the publisher after it is the most direct
            // statement of who published the page, so it outweighs the agency's own tag ("- NWS") further down.
            if (parts.Outlet is not null) outlets.Add(parts.Outlet, parts.WireAndPublisher ? 1.5 : 1.0);
            if (parts.Byline is not null) byline ??= parts.Byline;
        }

        void AddByline(string names)
        {
            if (BylineParser.Parse("By " + names) is { Date: null } parts)
            {
                ApplyByline(parts, names);
                return;
            }
            var people = new List<string>();
            foreach (var part in NameSeparator().Split(names))
            {
                var name = part.Trim().TrimEnd('.');
                if (name.Length == 0) continue;
                bool single = !name.Contains(' ', StringComparison.Ordinal);
                // "by Reuters", "by AFP", "By Jane Doe, Reuters": an agency-like name is the outlet; a single
                // capitalised word is an outlet too (people sign with two or more names); "by admin" is a user name.
                if (IsOutletName(name, strict: false) && (single ? char.IsUpper(name[0]) : IsWireAgency(name) || HasOutletWord(name))) outlets.Add(name, 1.0);
                else people.Add(name);
            }
            if (people.Count > 0) byline ??= string.Join(" and ", people);
        }
    }

    // ---- Line shapes ------------------------------------------------------------------------------------------

    /// <summary>A line that is a date (with labels, a time, a weekday, a "by NAME" tail) and nothing else.</summary>
    internal static (DateMatch Match, string? Byline)? DateLine(string line)
    {
        if (line.Length > 120 || PublicationDateParser.Find(line) is not { } match) return null;
        var rest = line.Remove(match.Start, match.Length);
        string? by = null;
        if (ByTail().Match(rest) is { Success: true } tail)
        {
            by = tail.Groups["name"].Value.Trim();
            rest = rest[..tail.Index];
        }
        rest = TimeOrLabel().Replace(rest, " ");
        return rest.Any(char.IsLetterOrDigit) ? null : (match, by);
    }

    /// <summary>"Reuters, AMMAN" / "AMMAN, Reuters" / "Xinhua, Beijing": which part is the outlet.</summary>
    private static (string Outlet, string Place)? AgencyAndPlace(Match m)
    {
        var a = m.Groups["a"].Value;
        var b = m.Groups["b"].Value;
        if (IsWireAgency(a) && !IsWireAgency(b)) return (a, b);
        if (IsWireAgency(b) && !IsWireAgency(a)) return (b, a);
        // Datelines are set in capitals by convention (AP Stylebook, "datelines"): the all-caps part is the place.
        bool capsA = IsAllCaps(a), capsB = IsAllCaps(b);
        if (capsB && !capsA) return (a, b);
        if (capsA && !capsB) return (b, a);
        return null;
    }

    internal sealed record DatelineMatch(string Place, string? Agency, int Length);

    /// <summary>"WASHINGTON (AP) — ", "AMMAN, Jordan (Reuters) - ", "DEIR EZZOR: ", "Beirut: ", "BEIRUT — ".</summary>
    internal static DatelineMatch? Dateline(string paragraph)
    {
        if (ParenDateline().Match(paragraph) is { Success: true } p && IsOutletName(p.Groups["agency"].Value, strict: false))
        {
            return new DatelineMatch(p.Groups["place"].Value, p.Groups["agency"].Value.Trim(), p.Length);
        }
        if (ColonDateline().Match(paragraph) is { Success: true } c && !NotAPlace.Contains(c.Groups["place"].Value.Split(' ')[0]))
        {
            return new DatelineMatch(c.Groups["place"].Value, null, c.Length);
        }
        if (CapsDashDateline().Match(paragraph) is { Success: true } d && d.Groups["place"].Value.Length >= 3)
        {
            return new DatelineMatch(d.Groups["place"].Value, null, d.Length);
        }
        return null;
    }

    /// <summary>Caption words before "PHOTO" that are not a credit ("FILE PHOTO: ...").</summary>
    private static readonly HashSet<string> NotACredit = new(StringComparer.OrdinalIgnoreCase) { "FILE", "STOCK", "STAFF", "THE", "OUR", "THIS", "TOP", "MAIN", "COVER", "LEAD", "SEE" };

    /// <summary>Capitalised words before a colon that label a paragraph rather than name a place.</summary>
    private static readonly HashSet<string> NotAPlace = new(StringComparer.OrdinalIgnoreCase)
    {
        "Update", "Updated", "Note", "Editor's", "Editors", "Watch", "Video", "Read", "Breaking", "Exclusive", "Analysis", "Opinion", "Photo",
        "Photos", "Live", "Warning", "Topics", "Tags", "Share", "Follow", "Subscribe", "Source", "Sources", "Related", "Comment", "Correction", "Image", "Caption", "Q", "A", "Listen", "See", "More", "Also",
    };

    /// <summary>
    /// A headline: the first line, short (2–25 words, at most 200 characters), starting with a capital, digit or quote,
    /// not ending like a sentence or a label (no final '.', ':', ',' or ';'), and a single sentence.
    /// </summary>
    internal static bool IsTitleLike(string line)
    {
        if (line.Length is < 8 or > 200) return false;
        int words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is < 2 or > 25) return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '\'' or '“' or '‘')) return false;
        if (line[^1] is '.' or ':' or ',' or ';' or '…') return false;
        return !SentenceBreak().IsMatch(line);
    }

    private static bool IsNameList(string names)
    {
        if (names.Length > 80) return false;
        var words = names.Split([' ', ',', '|', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 8) return false;
        // One lowercase handle ("admin") or capitalised names with connectors ("Jane Doe and John Roe", "Rami al-Ali").
        if (words.Length == 1) return UserHandle().IsMatch(words[0]) || char.IsUpper(words[0][0]);
        return words.All(w => char.IsUpper(w[0]) || NameConnectors.Contains(w) || w.StartsWith("al-", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "and", "de", "da", "del", "van", "von", "der", "bin", "ibn", "al", "el", "le", "la", "di", "du", "in", "&", "-" };

    // ---- Outlets ----------------------------------------------------------------------------------------------

    // A prior of the well-known wire agencies (the "Big Three" and the larger national agencies). Detection does not
    // depend on it: unknown outlets are recognised by line shape; the list only breaks ties and vets weak evidence.
    private static readonly HashSet<string> WireAgencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AFP", "Agence France-Presse", "Agence France Presse", "AP", "Associated Press", "The Associated Press", "Bloomberg",
        "Xinhua", "TASS", "Interfax", "RIA Novosti", "DPA", "ANSA", "EFE", "Kyodo", "Yonhap", "UPI", "PTI", "ANI", "IANS", "Anadolu",
        "Anadolu Agency", "SANA", "IRNA", "WAM", "KUNA", "QNA", "MENA", "Bernama", "AAP", "Press Association", "PA", "Europa Press", "Lusa",
    };

    private static readonly string[] OutletWords =
    [
        "News", "Agency", "Press", "Wire", "Service", "Media", "Network", "Times", "Post", "Herald", "Tribune", "Gazette", "Journal", "Daily", "TV", "Radio",
    ];

    internal static bool IsWireAgency(string name) => WireAgencies.Contains(name.Trim());

    private static bool HasOutletWord(string name) => name.Split(' ').Any(w => OutletWords.Contains(w, StringComparer.Ordinal) || BylineParser.OutletWords.Contains(w));

    private static bool IsAllCaps(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    /// <summary>A plausible outlet name: 1–4 capitalised words, or a short all-caps token; strict requires agency-like.</summary>
    internal static bool IsOutletName(string name, bool strict)
    {
        name = name.Trim();
        if (name.Length is < 2 or > 40) return false;
        if (IsWireAgency(name) || (IsAllCaps(name) && name.Length <= 6 && !name.Contains(' ', StringComparison.Ordinal)) || HasOutletWord(name)) return true;
        if (strict) return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 && words.All(w => char.IsUpper(w[0]));
    }

    /// <summary>Outlet candidates with summed evidence weights; the first-seen spelling is kept. Deterministic.</summary>
    private sealed class OutletVotes
    {
        private readonly List<(string Name, double Score)> _votes = [];

        public void Add(string name, double weight)
        {
            name = name.Trim();
            int i = _votes.FindIndex(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
            if (i < 0) _votes.Add((name, weight));
            else _votes[i] = (_votes[i].Name, _votes[i].Score + weight);
        }

        private readonly List<(string Name, int Units)> _mentions = [];

        /// <summary>
        /// A mention in the running text: "told X" (+1 unit of 0.25, at most 2 units counted: reporters quote to their own
        /// agency) or "the X news agency reported" / "according to X" (−2 units: a citation of someone else's report).
        /// Mentions only adjust candidates found by line shape or credit; alone they never make an outlet.
        /// </summary>
        public void Mention(string name, int units) => _mentions.Add((name.Trim(), units));

        private double Adjusted((string Name, double Score) v)
        {
            int told = 0, cited = 0;
            foreach (var (name, units) in _mentions)
            {
                if (!string.Equals(name, v.Name, StringComparison.OrdinalIgnoreCase)) continue;
                if (units > 0) told += units;
                else cited += units;
            }
            return v.Score + 0.25 * (Math.Min(told, 2) + cited);
        }

        // A candidate needs at least one agency photo credit's worth (0.5) of evidence.
        public string? Best() => _votes.Select(v => (v.Name, Score: Adjusted(v))).Where(v => v.Score >= 0.5)
            .OrderByDescending(v => v.Score).Select(v => v.Name).FirstOrDefault() // stable: ties keep first-seen order
            ?? ToldFallback();

        /// <summary>
        /// Fallback when no line shape or credit names an outlet: an organisation that is self-evidently a news outlet
        /// (a known agency, or a name with an outlet word such as Radio, News, Times) that people in the story "told"
        /// is the reporting outlet — sources speak to the outlet that reports them (the same convention the +1
        /// mention unit rests on). Names also cited as someone else's report are excluded; the most-told name wins.
        /// </summary>
        private string? ToldFallback() => _mentions.Where(m => m.Units > 0 && (IsWireAgency(m.Name) || HasOutletWord(m.Name)))
            .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => !_mentions.Any(c => c.Units < 0 && string.Equals(c.Name, g.Key, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(g => g.Count()).Select(g => g.First().Name).FirstOrDefault();
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    private static List<TextSpan> Lines(string text, TextSpan span)
    {
        var lines = new List<TextSpan>();
        int start = span.Start;
        for (int i = span.Start; i <= span.End; i++)
        {
            if (i == span.End || text[i] == '\n')
            {
                int s = start, e = i;
                while (s < e && char.IsWhiteSpace(text[s])) s++;
                while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                if (e > s) lines.Add(TextSpan.FromBounds(s, e));
                start = i + 1;
            }
        }
        return lines;
    }

    private static bool SameText(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private const string OutletPattern = @"[A-Z][\w&'.\-]*(?:[ ][A-Z][\w&'.\-]*){0,3}";

    [GeneratedRegex(@"^(?:by|By|BY)\s+(?<names>[^.!?:;]+?)\s*$")]
    private static partial Regex ByLine();

    [GeneratedRegex(@"\s(?:by|By|BY)\s+(?<name>\S.*)$")]
    private static partial Regex ByTail();

    [GeneratedRegex(@"\s*(?:,|\band\b|\||/|\s[-–—]\s)\s*")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^[a-z0-9_.\-]{2,30}$")]
    private static partial Regex UserHandle();

    // Labels, weekdays, clock times and zones that may surround a date on a date line.
    [GeneratedRegex(@"\b(?:published|updated|posted|last|first|modified|date|on|at|local|time|gmt|utc|[ecmp][sd]?t|bst|cet|cest|ast|ist|msk|z|a\.?m\.?|p\.?m\.?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}|\bUTC[+-]\d{1,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOrLabel();

    [GeneratedRegex(@"^[\W_]*(?:published|updated|posted|last updated|first published|date)[\W_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStub();

    [GeneratedRegex(@"^(?<a>[A-Z][\w&'.\-]*(?:[ ][A-Z][\w&'.\-]*){0,2})\s*,\s*(?<b>[A-Z][\w&'.\-]*(?:[ ][A-Z][\w&'.\-]*){0,2})$")]
    private static partial Regex AgencyLine();

    [GeneratedRegex(@"^(?:[-–—]+\s*(?<name>" + OutletPattern + @")|\((?<name>" + OutletPattern + @")\))$")]
    private static partial Regex TrailingTag();

    [GeneratedRegex(@"(?<=[.!?""”’])\s+[-–—]\s*(?<name>[A-Z][\w&'.\-]*(?:[ ][A-Z][\w&'.\-]*){0,2})\s*$")]
    private static partial Regex TrailingSuffix();

    [GeneratedRegex(@"^(?<place>[A-Z][\w'.\-]*(?:[ ][A-Z][\w'.\-]*){0,3})(?:,\s*[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?<agency>[^()]{2,40})\)\s*[-–—:]+\s*")]
    private static partial Regex ParenDateline();

    [GeneratedRegex(@"^(?<place>[A-Z][\w'\-]*(?:[ ][A-Z][\w'\-]*){0,2})\s*:\s+(?=[""“‘'A-Z0-9])")]
    private static partial Regex ColonDateline();

    [GeneratedRegex(@"^(?<place>[A-Z][A-Z'.\-]+(?:[ ][A-Z][A-Z'.\-]+){0,3})(?:,\s*[A-Z][\w.]*)?\s*[-–—]\s+")]
    private static partial Regex CapsDashDateline();

    [GeneratedRegex(@"\b(?<a>[A-Z]{2,6})\s+(?:PHOTO|Photo|PHOTOS)\b|\b(?:Photo|PHOTO|Picture)\s*(?:[-–—:|/©]|by)\s*(?<b>[A-Z][\w\-]*(?:[ ][A-Z][\w\-]*)?)")]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"\btold\s+(?<name>[A-Z][\w\-]*(?:[ ][A-Z][\w\-]*)?)")]
    private static partial Regex ToldAgency();

    [GeneratedRegex(@"\b(?<name>[A-Z][\w\-]*)\s+news agency\b|\baccording to (?:the )?(?<name>[A-Z][\w\-]*)\b")]
    private static partial Regex ThirdParty();

    [GeneratedRegex(@"[a-z]{2}[.!?]\s+[A-Z]")]
    private static partial Regex SentenceBreak();
}
