using System.Collections.Immutable;
using System.Globalization;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>
/// Groups claims across articles into facts and finds conflicts:
/// <list type="bullet">
/// <item>Counts: claims with the same topic (counted noun + event predicate) whose sentences name compatible
/// things, merged while their value intervals overlap ("at least 50" and "53" agree). Two facts of one topic with
/// disjoint intervals conflict.</item>
/// <item>States: claims of one family about one target (control of a place, the fire's status, its cause), put in
/// time order; consecutive claims with the same pole form one side, so a claim, its reversal and the reversal of
/// that are separate, ordered sides.</item>
/// </list>
/// A conflict whose sides follow each other in time (every source of a side published, or dated, before every
/// source of the next) is an <see cref="ConflictKind.Update"/>; otherwise a <see cref="ConflictKind.Conflict"/>.
/// </summary>
public static class FactsAnalyzer
{
    /// <summary>
    /// Most claims of one topic that are grouped (grouping compares a claim with every group of its topic, so its
    /// cost grows with the square of the count); later claims, in reading order, are left out and
    /// <c>capped</c> is told. A news event has a handful of claims per topic; thousands means a list, not a story.
    /// </summary>
    public const int MaxClaimsPerTopic = 500;

    public static FactsReport Analyze(ImmutableArray<Article> articles, ImmutableArray<SyndicationGroup> groups, DateAnalysis dates, Action<string>? capped = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var byNumber = articles.ToDictionary(a => a.Number);
        var groupOf = new Dictionary<int, int>();
        foreach (var g in groups) foreach (var n in g.Articles) groupOf[n] = g.Id;
        var facts = new List<Fact>();
        var conflicts = new List<FactConflict>();

        // Counts.
        var numeric = articles.SelectMany(a => NumericClaimExtractor.Extract(a, dates)).ToList();
        foreach (var topic in numeric.GroupBy(c => c.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var clusters = new List<List<NumericClaim>>();
            foreach (var c in Capped(topic, topic.Key, capped))
            {
                // Values must agree with every member; named things with at least one (single link: sentences name
                // different subsets of the same places).
                var home = clusters.FirstOrDefault(k => k.All(o => o.Quantity.CompatibleWith(c.Quantity)) && k.Any(o => SentenceFeatures.NamesCompatible(o.Names, c.Names)));
                if (home is null) clusters.Add([c]);
                else home.Add(c);
            }
            var topicFacts = clusters.Select(k => (Claims: k, Fact: MakeFact(topic.Key, ValueOf(k), k.Select(c => Evidence(c.Sentence, c.Quantity.Phrase, c.Quantity.Span, c.When)), byNumber, groupOf))).ToList();
            // A count with no event predicate near it ("the two victims were ...") is listed only when two
            // independent sources carry it; alone it is too weak to be a fact.
            if (topic.First().Predicate.Length == 0)
            {
                facts.AddRange(topicFacts.Select(t => t.Fact).Where(f => f.IndependentSources >= 2));
                continue;
            }
            facts.AddRange(topicFacts.Select(t => t.Fact));
            // Conflicting pairs: disjoint values about compatible named things; connected pairs form one conflict.
            var parent = Enumerable.Range(0, topicFacts.Count).ToArray();
            int find(int i) => parent[i] == i ? i : parent[i] = find(parent[i]);
            bool any = false;
            for (int i = 0; i < topicFacts.Count; i++)
            {
                for (int j = i + 1; j < topicFacts.Count; j++)
                {
                    var a = topicFacts[i].Claims;
                    var b = topicFacts[j].Claims;
                    bool disjoint = a.All(x => b.All(y => !x.Quantity.CompatibleWith(y.Quantity)));
                    bool sameThing = a.Any(x => b.Any(y => SentenceFeatures.NamesCompatible(x.Names, y.Names)));
                    if (disjoint && sameThing)
                    {
                        parent[find(i)] = find(j);
                        any = true;
                    }
                }
            }
            if (!any) continue;
            foreach (var set in Enumerable.Range(0, topicFacts.Count).GroupBy(find).Where(g => g.Count() > 1))
            {
                var sides = set.Select(i => topicFacts[i].Fact).ToList();
                conflicts.Add(MakeConflict(topic.Key, sides, byNumber, "different counts for the same thing"));
            }
        }

        // States.
        // A cause is claimed, not dated: its time is the report's publication, not the date of the event it explains.
        var states = articles.SelectMany(a => StateClaimExtractor.Extract(a, dates))
            .Select(c => c.Family == "cause" ? c with { When = null } : c).ToList();
        foreach (var topic in states.GroupBy(c => (c.Family, c.Target)).OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal))
        {
            var label = topic.Key.Family switch
            {
                "control" => $"control of {topic.Key.Target}",
                "status" => $"{topic.Key.Target} status",
                _ => $"cause of the {topic.Key.Target}",
            };
            // Time order: the claim's own date when it gives one, else its article's publication date.
            var ordered = Capped(topic, label, capped).OrderBy(c => TimeOf(c.When, byNumber[c.Sentence.Article].Published) ?? DateOnly.MaxValue)
                .ThenBy(c => byNumber[c.Sentence.Article].Published?.SortKey ?? DateTime.MaxValue)
                .ThenBy(c => c.Sentence.Article).ThenBy(c => c.Sentence.Index).ToList();
            var runs = new List<List<StateClaim>>();
            foreach (var c in ordered)
            {
                if (runs.Count > 0 && runs[^1].All(o => SameSide(o.Pole, c.Pole))) runs[^1].Add(c);
                else runs.Add([c]);
            }
            // A side is named by its most specific claim: the first whose holder is named.
            var sides = runs.Select(r => MakeFact(label, (r.FirstOrDefault(c => !c.Value.EndsWith("unnamed side", StringComparison.Ordinal)) ?? r[0]).Value, r.Select(c => Evidence(c.Sentence, c.Cue, c.CueSpan, c.When)), byNumber, groupOf)).ToList();
            facts.AddRange(sides);
            if (runs.Count > 1)
            {
                conflicts.Add(MakeConflict(label, sides, byNumber, topic.Key.Family == "control" ? "opposite claims about who holds the place" : "opposite claims about the same thing"));
            }
        }

        return new FactsReport(
            [.. facts.OrderByDescending(f => f.IndependentSources).ThenByDescending(f => f.Sources.Length)
                .ThenBy(f => f.Evidence[0].Article).ThenBy(f => f.Evidence[0].Sentence).ThenBy(f => f.Evidence[0].PhraseSpan.Start)],
            [.. conflicts]);
    }

    private static IEnumerable<T> Capped<T>(IEnumerable<T> claims, string topic, Action<string>? capped)
    {
        var list = claims.ToList();
        if (list.Count <= MaxClaimsPerTopic) return list;
        capped?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{list.Count:N0} claims about \"{topic}\": only the first {MaxClaimsPerTopic:N0} were grouped into facts"));
        return list.Take(MaxClaimsPerTopic);
    }

    /// <summary>
    /// Whether two state poles agree. Plain poles agree when equal. Control poles ("gain:holder", "lose:holder")
    /// agree when they say the same thing about who holds the place: same verb class and same or unnamed holder,
    /// or opposite classes by different named holders (A takes it = B loses it).
    /// </summary>
    internal static bool SameSide(string a, string b)
    {
        int ia = a.IndexOf(':', StringComparison.Ordinal), ib = b.IndexOf(':', StringComparison.Ordinal);
        if (ia < 0 || ib < 0) return string.Equals(a, b, StringComparison.Ordinal);
        var (va, ha) = (a[..ia], a[(ia + 1)..]);
        var (vb, hb) = (b[..ib], b[(ib + 1)..]);
        bool sameHolder = ha.Length == 0 || hb.Length == 0 || ha == hb;
        return va == vb ? sameHolder : ha.Length > 0 && hb.Length > 0 && ha != hb;
    }

    private static DateOnly? TimeOf(DateResolution? when, PublicationDate? published) =>
        when is { Precision: >= DatePrecision.Day } w ? w.Date : published is { Inferred: false } p ? p.Date : published?.NotBefore;

    private static ClaimEvidence Evidence(Sentence s, string phrase, TextSpan phraseSpan, DateResolution? when) =>
        new(s.Article, s.Index, s.Span, s.Text, phrase, phraseSpan, when);

    private static string ValueOf(List<NumericClaim> claims)
    {
        // The tightest interval stated: the narrowest claim, written as a reader would say it.
        // Stated numbers before vague magnitudes ("at least 30" says more than "dozens" though its interval is open).
        var best = claims.OrderBy(c => c.Quantity.Qualifier == QuantityQualifier.Vague ? 1 : 0)
            .ThenBy(c => c.Quantity.High - c.Quantity.Low).ThenBy(c => c.Sentence.Article).First().Quantity;
        var qualifier = best.Qualifier switch
        {
            QuantityQualifier.AtLeast => "at least ",
            QuantityQualifier.MoreThan => "more than ",
            QuantityQualifier.About => "about ",
            QuantityQualifier.Nearly => "nearly ",
            QuantityQualifier.UpTo => "up to ",
            QuantityQualifier.FewerThan => "fewer than ",
            _ => "",
        };
        if (best.Qualifier == QuantityQualifier.Vague) return best.Phrase.ToLowerInvariant();
        return qualifier + best.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    private static Fact MakeFact(string topic, string value, IEnumerable<ClaimEvidence> evidence, Dictionary<int, Article> byNumber, Dictionary<int, int> groupOf)
    {
        var ev = evidence.OrderBy(e => e.Article).ThenBy(e => e.Sentence).ThenBy(e => e.PhraseSpan.Start).ToImmutableArray();
        var sources = ev.Select(e => e.Article).Distinct().Order().ToImmutableArray();
        var independent = sources.Select(n => groupOf.TryGetValue(n, out var g) ? g : -n).Distinct().Count();
        var published = sources.Select(n => byNumber[n].Published).Where(p => p is not null)
            .OrderBy(p => p!.Inferred ? p.NotBefore ?? p.Date : p.Date).ThenBy(p => p!.SortKey).FirstOrDefault();
        return new Fact(topic, value, ev, sources, independent, published);
    }

    private static FactConflict MakeConflict(string topic, List<Fact> sides, Dictionary<int, Article> byNumber, string why)
    {
        // Order sides by their earliest dated evidence, else earliest publication.
        DateTime key(Fact f) => f.Evidence.Select(e => TimeOf(e.When, byNumber[e.Article].Published))
            .Where(d => d is not null).Select(d => d!.Value.ToDateTime(TimeOnly.MinValue)).DefaultIfEmpty(DateTime.MaxValue).Min();
        var ordered = sides.OrderBy(key).ThenBy(f => f.Published?.SortKey ?? DateTime.MaxValue).ThenBy(f => f.Sources[0]).ToImmutableArray();

        bool update = true;
        string how = "";
        for (int i = 0; i + 1 < ordered.Length && update; i++)
        {
            var (aLast, aHow) = Latest(ordered[i], byNumber);
            var (bFirst, bHow) = Earliest(ordered[i + 1], byNumber);
            if (aLast is null || bFirst is null || aLast >= bFirst) update = false;
            else how = aHow == "date" && bHow == "date" ? "by the dates the reports give" : "by publication time";
        }
        var note = update
            ? $"{why}; each side reported after the previous one ({how}): read as an update"
            : $"{why}; the reports overlap in time: a conflict";
        return new FactConflict(topic, update ? ConflictKind.Update : ConflictKind.Conflict, ordered, note);
    }

    // The time each report of a side covers, as [Lo, Hi]: a claim's own day-precise date, else its article's
    // stated publication instant, else the article's inferred bounds (either may be open).
    private static IEnumerable<(DateTime? Lo, DateTime? Hi, string How)> Instants(Fact f, Dictionary<int, Article> byNumber) =>
        f.Evidence.Select(e =>
        {
            if (e.When is { Precision: >= DatePrecision.Day } w && w.Start == w.End)
            {
                var d = w.Date.ToDateTime(TimeOnly.MinValue);
                return ((DateTime?)d, (DateTime?)d, "date");
            }
            var p = byNumber[e.Article].Published;
            if (p is { Inferred: false }) return (p.SortKey, p.SortKey, "published");
            return (p?.NotBefore?.ToDateTime(TimeOnly.MinValue), p?.NotAfter?.ToDateTime(TimeOnly.MaxValue), "inferred publication bounds");
        });

    private static (DateTime?, string) Latest(Fact f, Dictionary<int, Article> byNumber)
    {
        var all = Instants(f, byNumber).ToList();
        if (all.Any(x => x.Hi is null)) return (null, "");
        var m = all.MaxBy(x => x.Hi);
        return (m.Hi, m.How);
    }

    private static (DateTime?, string) Earliest(Fact f, Dictionary<int, Article> byNumber)
    {
        var all = Instants(f, byNumber).Where(x => x.Lo is not null).ToList();
        if (all.Count == 0) return (null, "");
        var m = all.MinBy(x => x.Lo);
        return (m.Lo, m.How);
    }
}
