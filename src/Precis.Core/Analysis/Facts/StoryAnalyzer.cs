using System.Collections.Immutable;
using System.Globalization;
using Precis.Analysis.Dates;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>
/// Builds the <see cref="StoryReport"/>: claims → frames → relations → state.
/// <list type="bullet">
/// <item>Frames: a claim joins the frame it is compatible with on every member (same measure and counted class,
/// same place and incident kind when both name one, same scope — one incident or a running count — and, for an
/// incident's toll, overlapping event dates), preferring the frame that matches on most named attributes.</item>
/// <item>Independence: the claim's original asserter (entity aliases folded); a claim in an article's own voice
/// is its syndication group, which is also the agency that group's articles carry, so "..., AFP reported" in one
/// article and AFP's own report are one source.</item>
/// <item>Counts: compatible values form a value group (corroborated by two or more independent sources). A later
/// group updates an earlier one when they share a source (a party revising its figure), when it carries a revision
/// cue ("rose to", "now"), or, for a running count, when it is reported strictly later; otherwise they conflict.</item>
/// <item>States: claims in time order (own date, else the report's first possible day); on one day, opposite values
/// from different sources conflict and the assertion prevails over a denial; consecutive different values are updates.</item>
/// </list>
/// Cost: claims are compared only with the frames of their own measure, and values only within a frame.
/// </summary>
public static partial class StoryAnalyzer
{
    /// <summary>Frames compared per claim at most (bounded cost on very large events: beyond it a claim starts a new frame).</summary>
    private const int MaxFramesPerMeasure = 200;

    /// <summary>
    /// Claims one story reads at most (bounded cost: frames and relations compare claims within a measure and a frame).
    /// Over it, each article keeps its first claims up to a common share (the largest share that fits), in reading
    /// order, and the note says so. Far above any benchmark cluster (tens of claims).
    /// </summary>
    public const int MaxClaims = 2_000;

    /// <summary>Claims one frame holds at most: relations compare the value groups of a frame pairwise. A compatible claim
    /// beyond it starts or joins another frame.</summary>
    public const int MaxClaimsPerFrame = 200;

    public static StoryReport Analyze(ImmutableArray<Article> articles, ImmutableArray<SyndicationGroup> groups, DateAnalysis dates, EntityAnalysis? entities) =>
        Analyze(articles, groups, dates, entities, null);

    /// <summary>As above; <paramref name="note"/> hears when a cost cap applied.</summary>
    public static StoryReport Analyze(ImmutableArray<Article> articles, ImmutableArray<SyndicationGroup> groups, DateAnalysis dates, EntityAnalysis? entities, Action<string>? note)
    {
        ArgumentNullException.ThrowIfNull(dates);
        // Without the entity stage (a caller that runs this alone), find the entities here: places and asserters need them.
        entities ??= EntityExtractor.Extract(articles, groups);
        var groupOf = new Dictionary<int, int>();
        foreach (var g in groups) foreach (var n in g.Articles) groupOf[n] = g.Id;
        var keys = new UnionFind();
        foreach (var a in articles)
        {
            var gk = "g:" + (groupOf.TryGetValue(a.Number, out var gid) ? gid : -a.Number).ToString(CultureInfo.InvariantCulture);
            keys.Add(gk);
            if (a.Byline is { } by && by.Split(' ').Length <= 4 && AttributionFinder.LooksLikeAgency(by)) keys.Union(gk, "e:" + AttributionFinder.NormalName(by));
            if (a.Outlet is { } outlet) keys.Union(gk, "e:" + AttributionFinder.NormalName(outlet));
        }
        string sourceOf(Article a, string? speaker, TextSpan span)
        {
            if (speaker is null) return "g:" + (groupOf.TryGetValue(a.Number, out var gid) ? gid : -a.Number).ToString(CultureInfo.InvariantCulture);
            return AttributionFinder.KeyOf(speaker, span, a.Number, entities);
        }

        var raw = new List<Claim>();
        var perArticle = articles.Select(a => ClaimExtractor.Extract(a, dates, entities, sourceOf)).ToList();
        long share = Pipeline.AnalysisBudgetStage.Share([.. perArticle.Select(l => (long)l.Count)], MaxClaims);
        foreach (var l in perArticle) raw.AddRange(share == long.MaxValue ? l : l.Take((int)share));
        if (share != long.MaxValue)
        {
            note?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"claims: {perArticle.Sum(l => l.Count):N0} found, more than one story reads ({MaxClaims:N0}): each article's first {share:N0} kept ({raw.Count:N0} in all)"));
        }
        // A control claim whose holder is a clause, not a side ("whoever holds it can cut the road", "did not say who
        // held the centre") asserts no state.
        raw.RemoveAll(c => c.Measure == "control" && c.Value.Holder is { } h && !NamesAHolder(h));
        // Claims an article states in its own voice: the outlet relays them (often several parties' figures side by
        // side), so its key neither makes one figure a revision of another nor keeps two figures from conflicting.
        var ownVoice = raw.Select((c, i) => (c, i)).Where(x => x.c.Source.StartsWith("g:", StringComparison.Ordinal)).Select(x => x.i + 1).ToHashSet();
        FoldShortAsserters(raw, keys);
        var claims = raw.Select((c, i) => c with { Id = i + 1, Source = keys.Find(c.Source), Group = groupOf.TryGetValue(c.Article, out var g) ? g : -c.Article }).ToImmutableArray();
        claims = FoldNames(claims);
        claims = FoldGenericHolders(claims);
        claims = AssignOwners(claims, articles, entities);

        // The places each claim's sentence names (a bridge, the river it spans, the city): two claims whose nearest
        // places differ are still about one place when one's place is named in the other's sentence.
        var placeCache = new Dictionary<(int, int), HashSet<string>>();
        HashSet<string> placesOf(Claim c)
        {
            if (placeCache.TryGetValue((c.Article, c.Sentence), out var set)) return set;
            set = [.. entities.MentionsIn(c.Article, c.Span).Where(m => m.Group.Kind == EntityKind.Place).Select(m => m.Group.Name)];
            placeCache[(c.Article, c.Sentence)] = set;
            return set;
        }

        // Claims whose date is the time of a report, not of the incident: the date attaches to the speech verb
        // ("police said on Tuesday") or the clause revises a figure ("rose to seven on Thursday").
        var reportDated = new HashSet<int>();
        foreach (var c in claims)
        {
            if (c.When is null || c.Kind != ClaimKind.Count) continue;
            if (c.Cue is not null && c.Cue != "still") { reportDated.Add(c.Id); continue; }
            var e = dates.InSentence(c.Article, c.Sentence).FirstOrDefault(x => ReferenceEquals(x.Resolution, c.When));
            int rel = e is null ? -1 : e.Span.Start - c.Span.Start;
            if (rel > 0 && rel <= c.Text.Length && SpeechBefore().IsMatch(c.Text.AsSpan(Math.Max(0, rel - 40), Math.Min(40, rel)))) reportDated.Add(c.Id);
        }

        // Frames.
        var frames = new List<List<Claim>>();
        var byMeasure = new Dictionary<(ClaimKind, string), List<int>>();
        bool fullFrames = false;
        foreach (var c in claims)
        {
            if (!byMeasure.TryGetValue((c.Kind, c.Measure), out var ids)) byMeasure[(c.Kind, c.Measure)] = ids = [];
            int best = -1, bestScore = -1;
            bool full = false;
            foreach (var f in ids.TakeLast(MaxFramesPerMeasure))
            {
                if (frames[f].Count >= MaxClaimsPerFrame) { full = true; continue; }
                if (!frames[f].All(o => Compatible(o, c, placesOf, reportDated))) continue;
                int score = frames[f].Max(o => Agreement(o, c)) * 2 + (frames[f].Any(o => o.Article == c.Article) ? 1 : 0);
                if (score > bestScore) { best = f; bestScore = score; }
            }
            if (best < 0)
            {
                frames.Add([c]);
                ids.Add(frames.Count - 1);
            }
            else frames[best].Add(c);
            fullFrames |= full;
        }
        if (fullFrames) note?.Invoke(string.Create(CultureInfo.InvariantCulture, $"claims: a frame holds at most {MaxClaimsPerFrame:N0} claims; later compatible claims went to other frames"));

        PlaceUndated(frames);
        var placed = frames.SelectMany(f => f).ToDictionary(c => c.Id);
        claims = [.. claims.Select(c => placed[c.Id])];

        var frameList = new List<ClaimFrame>();
        var relations = new List<ClaimRelation>();
        var states = new List<FrameState>();
        // Frames in order of their first claim (article, position), so ids are stable for the same input.
        foreach (var members in frames.OrderBy(f => f[0].Id))
        {
            int id = frameList.Count + 1;
            var first = members[0];
            var frame = new ClaimFrame(id, first.Kind, first.Measure, Label(members), members.Select(m => m.Place).FirstOrDefault(p => p is not null),
                members.Select(m => m.Subject).FirstOrDefault(p => p is not null), first.Running, [.. members.Select(m => m.Id)]);
            frameList.Add(frame);
            var (rels, state) = first.Kind == ClaimKind.Count ? CountRelations(frame, members, ownVoice) : StateRelations(frame, members, ownVoice);
            relations.AddRange(rels);
            states.Add(state);
        }
        return new StoryReport(claims, [.. frameList], [.. relations], [.. states]);
    }

    // ------------------------------------------------------------------ frames

    /// <summary>
    /// A report with no stated date is placed after the latest dated event it recounts: when it gives a state that
    /// other reports date, it was written after that — unless that date is past the last day the report can have been
    /// published on, when the two reports tell two events with the same value (first from dated reports only, then once more with the
    /// placements of the first pass, so an undated report can follow another undated one).
    /// </summary>
    private static void PlaceUndated(List<List<Claim>> frames)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var floor = new Dictionary<int, DateOnly>();
            foreach (var members in frames.Where(f => f[0].Kind == ClaimKind.State))
            {
                foreach (var c in members.Where(c => !c.Dated))
                {
                    foreach (var o in members)
                    {
                        if (o.Article == c.Article || (pass == 0 && !o.Dated) || o.AsOf is not { } d || !ClaimValue.SameState(o.Value, c.Value)) continue;
                        // A report cannot recount an event later than the last day it can have been published on.
                        if (c.ReportedBy is { } by && d > by) continue;
                        if (!floor.TryGetValue(c.Article, out var f) || d > f) floor[c.Article] = d;
                    }
                }
            }
            foreach (var members in frames)
            {
                for (int i = 0; i < members.Count; i++)
                {
                    var c = members[i];
                    if (!c.Dated && floor.TryGetValue(c.Article, out var f)) members[i] = c with { PlacedAfter = f };
                }
            }
        }
    }

    private static bool Compatible(Claim a, Claim b, Func<Claim, HashSet<string>> placesOf, HashSet<int> reportDated)
    {
        if (a.Kind != b.Kind || a.Measure != b.Measure) return false;
        if (a.Kind == ClaimKind.State) return string.Equals(a.Subject, b.Subject, StringComparison.Ordinal);
        // An unnamed count counts people ("the toll at nine", "killed dozens").
        if ((a.Counted ?? "people") != (b.Counted ?? "people")) return false;
        if (a.Running != b.Running) return false;
        // A running count over a stated period ("since 2011") is not one over an unstated, recent one.
        if (a.Running && (a.When is null) != (b.When is null))
        {
            var dated = a.When ?? b.When!;
            var other = a.When is null ? a : b;
            if (other.Reported is { } r && dated.Start.DayNumber < r.DayNumber - 31) return false;
        }
        if (a.Place is not null && b.Place is not null && a.Place != b.Place && !placesOf(a).Contains(b.Place) && !placesOf(b).Contains(a.Place)) return false;
        if (a.Subject is not null && b.Subject is not null && a.Subject != b.Subject) return false;
        // A count over a whole war or country is only ever the same as another such count, never an incident's.
        if (IsWide(a.Subject) != IsWide(b.Subject)) return false;
        // Two tolls dated to different days are two incidents, unless a date is only the day of its own report
        // ("police said on Tuesday"): a toll reported as it rises carries the report's day, not the incident's.
        if (!a.Running && a.When is { Precision: >= DatePrecision.Day } wa && b.When is { Precision: >= DatePrecision.Day } wb && !wa.Overlaps(wb)
            && !reportDated.Contains(a.Id) && !reportDated.Contains(b.Id)) return false;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(said|says|told|tells|reported|announced|confirmed|added|stated)\b(\s+\S+){0,4}\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SpeechBefore();

    /// <summary>
    /// Places and state subjects that differ only by a leading "the" or by case ("the Sefra", "SEFRA" from a dateline)
    /// are one name: the form without "the" that sorts first (ordinal) stands for all. Linear in claims.
    /// </summary>
    private static ImmutableArray<Claim> FoldNames(ImmutableArray<Claim> claims)
    {
        static string Key(string n) => (n.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? n[4..] : n).ToUpperInvariant();
        var best = new Dictionary<string, string>(StringComparer.Ordinal);
        void see(string? n)
        {
            if (n is null) return;
            var k = Key(n);
            if (!best.TryGetValue(k, out var b)) { best[k] = n; return; }
            bool nThe = n.StartsWith("the ", StringComparison.OrdinalIgnoreCase), bThe = b.StartsWith("the ", StringComparison.OrdinalIgnoreCase);
            if ((bThe && !nThe) || (bThe == nThe && string.CompareOrdinal(n, b) < 0)) best[k] = n;
        }
        foreach (var c in claims) { see(c.Place); if (c.Kind == ClaimKind.State) see(c.Subject); }
        string? map(string? n) => n is null ? null : best[Key(n)];
        return [.. claims.Select(c => c with { Place = map(c.Place), Subject = c.Kind == ClaimKind.State ? map(c.Subject) : c.Subject })];
    }

    /// <summary>
    /// An asserter named in full once and then by its head ("the Sarovian rights monitor" … "the monitor", "the
    /// Calvenian interior ministry" … "the interior ministry") is one source: a key whose words end exactly one longer
    /// key of the story joins it. A head that ends two different keys ("ministry": health and interior) stays apart.
    /// Cost: each key's word suffixes are indexed once (keys hold at most three words).
    /// </summary>
    private static void FoldShortAsserters(List<Claim> raw, UnionFind keys)
    {
        var named = raw.Select(c => c.Source).Where(k => k.StartsWith("e:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var endingIn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var k in named)
        {
            for (int i = k.IndexOf(' ', 2); i >= 0; i = k.IndexOf(' ', i + 1))
            {
                var suffix = "e:" + k[(i + 1)..];
                if (!endingIn.TryGetValue(suffix, out var list)) endingIn[suffix] = list = [];
                list.Add(k);
            }
        }
        foreach (var k in named.Order(StringComparer.Ordinal))
        {
            if (endingIn.TryGetValue(k, out var longer) && longer.Count == 1) keys.Union(k, longer[0]);
            // A side named by its bare head noun ("the army", "the military", "the troops") is one asserter.
            var head = k[2..];
            if (head.Contains(' ', StringComparison.Ordinal)) continue;
            if ((MeasureLexicon.Sides.GetValueOrDefault(head) ?? MeasureLexicon.Sides.GetValueOrDefault(head + "s")) is { } side) keys.Union(k, "side:" + side);
        }
    }

    private static bool IsWide(string? subject) => subject is ClaimExtractor.WarScope or ClaimExtractor.NationScope;

    private static int Agreement(Claim a, Claim b) =>
        (a.Place is not null && a.Place == b.Place ? 1 : 0) + (a.Subject is not null && a.Subject == b.Subject ? 1 : 0)
        + (a.Counted is not null && a.Counted == b.Counted ? 1 : 0) + (a.When is not null && b.When is not null && a.When.Overlaps(b.When) ? 1 : 0);

    private static string Label(List<Claim> members)
    {
        var first = members[0];
        var place = members.Select(m => m.Place).FirstOrDefault(p => p is not null);
        var subject = members.Select(m => m.Subject).FirstOrDefault(p => p is not null);
        if (first.Kind == ClaimKind.State)
        {
            return first.Measure switch
            {
                "control" => $"control of {subject}",
                "cause" => $"cause of the {subject}",
                "containment" => $"{subject} status",
                var m => $"{subject} {m}",
            };
        }
        var counted = members.Select(m => m.Counted).FirstOrDefault(p => p is not null) ?? "people";
        // A count whose noun names its measure ("1,200 hectares", "85 jobs") is labelled by the measure alone.
        if (MeasureLexicon.Units.GetValueOrDefault(counted) == first.Measure || MeasureLexicon.Units.GetValueOrDefault(counted + "s") == first.Measure) counted = "";
        var plural = counted is "people" or "" || counted.EndsWith("men", StringComparison.Ordinal) ? counted : counted.EndsWith('y') ? counted[..^1] + "ies" : counted + "s";
        var parts = new List<string>();
        if (subject is not null) parts.Add(subject);
        if (place is not null) parts.Add(place);
        var when = members.Where(m => !m.Running).Select(m => m.When).FirstOrDefault(w => w is { Precision: >= DatePrecision.Day });
        if (when is not null) parts.Add(DateFormat.Of(when));
        if (first.Running) parts.Add("running count");
        return (counted.Length == 0 ? first.Measure : $"{plural} {first.Measure}") + (parts.Count > 0 ? " — " + string.Join(", ", parts) : "");
    }

    /// <summary>
    /// A control claim whose holder is only a generic side noun ("the jihadists", "rebels") is about the frame's one
    /// named non-government side when there is exactly one (IS, the Free Banner Front): news names a side once and
    /// then calls it by its kind.
    /// </summary>
    private static ImmutableArray<Claim> FoldGenericHolders(ImmutableArray<Claim> claims)
    {
        var named = claims.Where(c => c.Measure == "control" && c.Value.HolderKey.StartsWith("n:", StringComparison.Ordinal))
            .GroupBy(c => c.Subject).ToDictionary(g => g.Key ?? "", g => g.Select(c => c.Value.HolderKey).Distinct().ToList());
        return [.. claims.Select(c =>
        {
            if (c.Measure != "control" || c.Value.HolderKey is not ("rebels" or "militants")) return c;
            return named.TryGetValue(c.Subject ?? "", out var n) && n.Count == 1 ? c with { Value = c.Value with { HolderKey = n[0] } } : c;
        })];
    }

    private static readonly HashSet<string> NotInHolders = new(StringComparer.Ordinal)
    {
        "whoever", "who", "whom", "which", "whether", "not", "say", "said", "know", "knew", "unclear", "if",
    };

    /// <summary>False for a holder phrase that opens with a conjunction or carries a wh-word, a negation or a speech verb.</summary>
    private static bool NamesAHolder(string holder)
    {
        var words = holder.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        return words.Count > 0 && words[0] is not ("and" or "or" or "but") && !words.Any(NotInHolders.Contains);
    }

    /// <summary>Counts that belong to someone: a candidate's votes, a party's seats, a company's jobs.</summary>
    private static readonly HashSet<string> OwnedMeasures = new(StringComparer.Ordinal) { "votes", "seats", "jobs" };

    /// <summary>
    /// A count that belongs to someone is about its owner: the person or organisation named last before the number
    /// in its sentence ("Kovel finished with 248,118 votes to Brandt's 245,867"), not one attached by "of" ("Irina
    /// Kovel of the Civic Alliance had 248,112 votes"). Two candidates' votes are two frames, never a conflict.
    /// </summary>
    private static ImmutableArray<Claim> AssignOwners(ImmutableArray<Claim> claims, ImmutableArray<Article> articles, EntityAnalysis entities)
    {
        var byNumber = articles.ToDictionary(a => a.Number);
        return [.. claims.Select(c =>
        {
            if (c.Kind != ClaimKind.Count || !OwnedMeasures.Contains(c.Measure) || c.Evidence.Start <= c.Span.Start || !byNumber.TryGetValue(c.Article, out var a)) return c;
            var before = new TextSpan(c.Span.Start, c.Evidence.Start - c.Span.Start);
            string? owner = null;
            foreach (var (m, g) in entities.MentionsIn(c.Article, before))
            {
                if (m.IsDescription || g.Kind is not (EntityKind.Person or EntityKind.Organization)) continue;
                var lead = a.Text.AsSpan(Math.Max(c.Span.Start, m.Span.Start - 8), m.Span.Start - Math.Max(c.Span.Start, m.Span.Start - 8)).TrimEnd();
                if (lead.EndsWith(" of", StringComparison.OrdinalIgnoreCase) || lead.EndsWith(" of the", StringComparison.OrdinalIgnoreCase)) continue;
                int of = g.Name.IndexOf(" of ", StringComparison.Ordinal);
                owner = of > 0 ? g.Name[..of] : g.Name;
            }
            return owner is null ? c : c with { Subject = owner };
        })];
    }

    /// <summary>Whether a revision cue's direction fits the change ("rose" needs a higher figure, "fell" a lower one).</summary>
    private static bool CueFits(string cue, ClaimValue from, ClaimValue to)
    {
        if (from.Count is not { } a || to.Count is not { } b) return true;
        return cue switch
        {
            "rose" or "risen" or "rising" or "climbed" or "increased" or "raised" or "jumped" or "bringing" or "brought" or "reached" => b.Value > a.Value,
            "fell" or "fallen" or "dropped" or "lowered" or "reduced" => b.Value < a.Value,
            _ => true,
        };
    }

    // ------------------------------------------------------------------ counts

    private static (List<ClaimRelation>, FrameState) CountRelations(ClaimFrame frame, List<Claim> members, HashSet<int> ownVoice)
    {
        var ordered = members.OrderBy(c => c.AsOf ?? DateOnly.MaxValue).ThenBy(c => c.Id).ToList();
        var valueGroups = new List<List<Claim>>();
        foreach (var c in ordered)
        {
            var home = valueGroups.FirstOrDefault(g => g.All(o => o.Value.CompatibleWith(c.Value)));
            if (home is null) valueGroups.Add([c]);
            else home.Add(c);
        }
        var rels = new List<ClaimRelation>();
        var steps = valueGroups.Select(g => Step(g, ownVoice)).ToList();
        foreach (var (g, s) in valueGroups.Zip(steps))
        {
            if (s.IndependentSources >= 2)
            {
                rels.Add(new ClaimRelation(RelationKind.Corroboration, frame.Id, s.Claims, [], s.IndependentSources,
                    $"{s.IndependentSources} independent sources give compatible values"));
            }
        }
        // For each later value group: its predecessor (the update it makes) and the groups it conflicts with.
        var predecessor = new int[valueGroups.Count];
        Array.Fill(predecessor, -1);
        bool grows = MeasureLexicon.Growing.Contains(frame.Measure);
        for (int j = 1; j < valueGroups.Count; j++)
        {
            var b = valueGroups[j];
            var bSources = b.Where(c => !ownVoice.Contains(c.Id)).Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
            bool shares(List<Claim> a) => a.Any(c => !ownVoice.Contains(c.Id) && bSources.Contains(c.Source));
            var bFirst = b.Min(c => c.AsOf ?? DateOnly.MaxValue);
            var bLast = b.Max(c => c.AsOf ?? DateOnly.MinValue);
            string? cue = b.Select(c => c.Cue).FirstOrDefault(x => x is not null && x != "still");
            bool revisesOwn = Enumerable.Range(0, j).Any(i => shares(valueGroups[i]));
            // Why group i is revised by group j, strongest reason first: the same source revises its own figure; a
            // revision cue; a running count reported later; a count that only grows (deaths, cases) reported higher
            // on a later day than the last report of the lower figure; any figure reported days after the last one.
            string? Why(int i)
            {
                var a = valueGroups[i];
                var aLast = a.Max(c => c.AsOf ?? DateOnly.MinValue);
                var aFirst = a.Min(c => c.AsOf ?? DateOnly.MaxValue);
                bool later = bFirst > aFirst || (bFirst == aFirst && cue is not null);
                if (shares(a)) return later ? "the same source revises its figure" : null;
                if (revisesOwn) return null;
                if (cue is not null && later && CueFits(cue, a[0].Value, b[0].Value)) return $"revised (\"{cue}\")";
                if (frame.Running && bFirst > aLast) return "a running count reported later";
                if (grows && bFirst > aLast && b[0].Value.Count is { } hi && a[0].Value.Count is { } lo && hi.Low > lo.High) return "a higher count reported later";
                if (bFirst.DayNumber - 1 > aLast.DayNumber) return "reported later";
                return null;
            }
            var reasons = Enumerable.Range(0, j).Select(Why).ToList();
            int rank(string? why) => why switch
            {
                null => 9,
                "the same source revises its figure" => 0,
                _ when why.StartsWith("revised", StringComparison.Ordinal) => 1,
                _ => 2,
            };
            // The predecessor: the most recent group with the strongest reason.
            int best = -1;
            for (int i = j - 1; i >= 0; i--)
            {
                if (reasons[i] is not null && (best < 0 || rank(reasons[i]) < rank(reasons[best]))) best = i;
            }
            if (best >= 0)
            {
                predecessor[j] = best;
                rels.Add(new ClaimRelation(RelationKind.Update, frame.Id, steps[best].Claims, steps[j].Claims, Sources(valueGroups[best].Concat(b), ownVoice),
                    $"{reasons[best]}: {steps[best].Value.Display} ({Day(steps[best])}) → {steps[j].Value.Display} ({Day(steps[j])})"));
            }
            for (int i = j - 1; i >= 0; i--)
            {
                if (reasons[i] is not null) continue;
                var a = valueGroups[i];
                if (shares(a)) continue;
                // Incompatible values conflict when they are reported at the same time (within a day of each other).
                var aLast = a.Max(c => c.AsOf ?? DateOnly.MinValue);
                var aFirst = a.Min(c => c.AsOf ?? DateOnly.MaxValue);
                bool overlap = aFirst.DayNumber - 1 <= bLast.DayNumber && bFirst.DayNumber - 1 <= aLast.DayNumber;
                if (!overlap || OneVoice(a, b)) continue;
                rels.Add(new ClaimRelation(RelationKind.Conflict, frame.Id, steps[i].Claims, steps[j].Claims, Sources(a.Concat(b), ownVoice),
                    $"different sources give incompatible values for the same frame: {steps[i].Value.Display} vs {steps[j].Value.Display}"));
            }
        }
        // The sequence: the chain of updates ending at the latest group; groups in conflict with the chain's end at the end are disputed.
        var superseded = predecessor.Where(p => p >= 0).ToHashSet();
        var live = Enumerable.Range(0, valueGroups.Count).Where(i => !superseded.Contains(i)).ToList();
        var sequence = new List<StateStep>();
        int last = live.Count == 0 ? valueGroups.Count - 1 : live.OrderBy(i => steps[i].AsOf ?? DateOnly.MinValue).ThenBy(i => i).Last();
        for (int i = last; i >= 0; i = predecessor[i]) sequence.Insert(0, steps[i]);
        var rivals = live.Where(i => i != last && rels.Any(r => r.Kind == RelationKind.Conflict && Touches(r, steps[i], steps[last]))).ToList();
        StateStep? current = rivals.Count == 0 ? steps[last] : null;
        var disputed = rivals.Count == 0 ? ImmutableArray<StateStep>.Empty : [steps[last], .. rivals.Select(i => steps[i])];
        return (rels, new FrameState(frame.Id, current, disputed, [.. sequence]));
    }

    /// <summary>
    /// Two value groups all from one article in one voice (one source key): an article does not contradict itself, so
    /// its two values are two frames the matcher joined or a sequence it tells ("retook the crossing, two days after
    /// losing it"), never a conflict. Two parties quoted in one article are two voices and still conflict.
    /// </summary>
    private static bool OneVoice(List<Claim> a, List<Claim> b)
    {
        var first = a[0];
        return a.Concat(b).All(c => c.Article == first.Article && c.Source == first.Source);
    }

    private static bool Touches(ClaimRelation r, StateStep x, StateStep y) =>
        (r.From.SequenceEqual(x.Claims) && r.To.SequenceEqual(y.Claims)) || (r.From.SequenceEqual(y.Claims) && r.To.SequenceEqual(x.Claims));

    // ------------------------------------------------------------------ states

    private static (List<ClaimRelation>, FrameState) StateRelations(ClaimFrame frame, List<Claim> members, HashSet<int> ownVoice)
    {
        bool sameAsserter(Claim x, Claim y) => x.Source == y.Source && !ownVoice.Contains(x.Id) && !ownVoice.Contains(y.Id);
        // Days in order; on each day, the values asserted.
        var days = members.GroupBy(c => (Day: c.AsOf ?? DateOnly.MaxValue, Tier: c.Dated ? 0 : 1)).OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Tier).ToList();
        var rels = new List<ClaimRelation>();
        var runs = new List<List<Claim>>();
        var disputedAtEnd = new List<List<Claim>>();
        foreach (var day in days)
        {
            var values = new List<List<Claim>>();
            foreach (var c in day.OrderBy(c => c.Id))
            {
                var home = values.FirstOrDefault(v => v.All(o => ClaimValue.SameState(o.Value, c.Value)));
                if (home is null) values.Add([c]);
                else home.Add(c);
            }
            // The value that prevails that day: one that continues the current run, else an assertion over a denial,
            // then the one with more sources.
            var prevailing = values
                .OrderByDescending(v => runs.Count > 0 && ClaimValue.SameState(runs[^1][0].Value, v[0].Value) ? 0 : 1)
                .ThenBy(v => v.All(c => c.Value.Negated) ? 1 : 0)
                .ThenByDescending(v => Sources(v, ownVoice)).ThenBy(v => v[0].Id).First();
            if (values.Count > 1 && runs.Count > 0 && ClaimValue.SameState(runs[^1][0].Value, prevailing[0].Value))
            {
                // Something new that day: prefer the change (news reports changes) when it is asserted, not denied.
                var change = values.Where(v => v != prevailing && !v.All(c => c.Value.Negated)).OrderByDescending(v => Sources(v, ownVoice)).ThenBy(v => v[0].Id).FirstOrDefault();
                if (change is not null) prevailing = change;
            }
            foreach (var other in values.Where(v => v != prevailing))
            {
                bool sameSource = other.Any(c => prevailing.Any(p => sameAsserter(p, c)));
                if (runs.Count > 0 && ClaimValue.SameState(runs[^1][0].Value, other[0].Value))
                {
                    runs[^1].AddRange(other);
                    continue;
                }
                if (!sameSource && !OneVoice(prevailing, other))
                {
                    rels.Add(new ClaimRelation(RelationKind.Conflict, frame.Id, [.. prevailing.Select(c => c.Id)], [.. other.Select(c => c.Id)], Sources(prevailing.Concat(other), ownVoice),
                        $"opposite claims on {Day(day.Key.Day == DateOnly.MaxValue ? null : day.Key.Day)}: {prevailing[0].Value.Display} vs {other[0].Value.Display}"));
                }
            }
            if (runs.Count > 0 && ClaimValue.SameState(runs[^1][0].Value, prevailing[0].Value)) runs[^1].AddRange(prevailing);
            else runs.Add([.. prevailing]);
            disputedAtEnd = [.. values.Where(v => v != prevailing && !v.Any(c => prevailing.Any(p => sameAsserter(p, c))) && !ClaimValue.SameState(v[0].Value, prevailing[0].Value))];
        }
        var steps = runs.Select(g => Step(g, ownVoice)).ToList();
        foreach (var s in steps.Where(s => s.IndependentSources >= 2))
        {
            rels.Add(new ClaimRelation(RelationKind.Corroboration, frame.Id, s.Claims, [], s.IndependentSources, $"{s.IndependentSources} independent sources agree: {s.Value.Display}"));
        }
        for (int i = 0; i + 1 < steps.Count; i++)
        {
            rels.Add(new ClaimRelation(RelationKind.Update, frame.Id, steps[i].Claims, steps[i + 1].Claims, Sources(runs[i].Concat(runs[i + 1]), ownVoice),
                $"{steps[i].Value.Display} ({Day(steps[i])}) → {steps[i + 1].Value.Display} ({Day(steps[i + 1])})"));
        }
        var current = steps.Count == 0 ? null : steps[^1];
        var disputed = disputedAtEnd.Count == 0 || current is null ? ImmutableArray<StateStep>.Empty : [current, .. disputedAtEnd.Select(g => Step(g, ownVoice))];
        return (rels, new FrameState(frame.Id, disputed.IsEmpty ? current : null, disputed, [.. steps]));
    }

    // ------------------------------------------------------------------ helpers

    private static StateStep Step(List<Claim> claims, HashSet<int> ownVoice)
    {
        // The value shown: the most informative (named holder; narrowest stated count).
        var best = claims.OrderBy(c => c.Value.Count is { Qualifier: QuantityQualifier.Vague } ? 1 : 0)
            .ThenBy(c => c.Value.Count is { } q ? q.High - q.Low : 0)
            .ThenBy(c => c.Value.Negated ? 1 : 0)
            .ThenBy(c => c.Value.Holder is null ? 1 : 0).ThenBy(c => c.Id).First();
        var asOf = claims.Select(c => c.AsOf).Where(d => d is not null).DefaultIfEmpty(null).Min();
        bool afterOnly = claims.All(c => !c.Dated && c.PlacedAfter is not null);
        return new StateStep(best.Value, asOf, [.. claims.Select(c => c.Id).Order()], [.. claims.Select(c => c.Article).Distinct().Order()], Sources(claims, ownVoice), afterOnly);
    }

    /// <summary>
    /// Independent sources among claims: distinct asserters, where two asserters seen in copies of one report (one
    /// syndication group) are one source however the copies word the attribution. (An outlet's own-voice figure counts
    /// as the outlet's own source: dropping it beside named asserters of the same value was measured and lost more
    /// true corroborations than false ones.)
    /// </summary>
    private static int Sources(IEnumerable<Claim> claims, HashSet<int> ownVoice)
    {
        var uf = new UnionFind();
        _ = ownVoice;
        var list = claims.ToList();
        foreach (var c in list) uf.Add(c.Source);
        foreach (var byGroup in list.GroupBy(c => c.Group))
        {
            var first = byGroup.First().Source;
            foreach (var c in byGroup) uf.Union(first, c.Source);
        }
        return list.Select(c => uf.Find(c.Source)).Distinct(StringComparer.Ordinal).Count();
    }

    private static string Day(StateStep s) => (s.AfterOnly && s.AsOf is not null ? "after " : "") + Day(s.AsOf);

    private static string Day(DateOnly? d) => d is { } x ? x.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "undated";

    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public void Add(string k) => _parent.TryAdd(k, k);

        public string Find(string k)
        {
            if (!_parent.TryGetValue(k, out var p)) return k;
            if (p == k) return k;
            var root = Find(p);
            _parent[k] = root;
            return root;
        }

        public void Union(string a, string b)
        {
            Add(a);
            Add(b);
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return;
            // The smaller key (ordinal) becomes the root: deterministic.
            if (string.CompareOrdinal(ra, rb) < 0) _parent[rb] = ra; else _parent[ra] = rb;
        }
    }
}
