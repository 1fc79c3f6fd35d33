using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Facts;
using Precis.Documents;

namespace Precis.Evaluation;

/// <summary>A labelled claim of a story truth file (docs/truth-file.md, "Claims").</summary>
public sealed record TruthClaim(string Id, string File, string Evidence, string Frame, string Source, bool Retracted, ImmutableArray<string> Patterns);

/// <summary>A labelled relation: corroboration (one group), update (earlier → later), conflict (two sides).</summary>
public sealed record TruthRelation(string Kind, ImmutableArray<ImmutableArray<string>> Groups, ImmutableArray<string> Patterns);

/// <summary>A labelled frame's current state: the claims asserting the current value, or the disputed sides.</summary>
public sealed record TruthFrame(string Id, ImmutableArray<string> Current, ImmutableArray<ImmutableArray<string>> Disputed);

/// <summary>The claim part of a story truth file.</summary>
public sealed record StoryTruth(string Corpus, ImmutableArray<string> Files, ImmutableArray<TruthClaim> Claims, ImmutableArray<TruthRelation> Relations, ImmutableArray<TruthFrame> Frames)
{
    /// <summary>Reads a truth file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static StoryTruth Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            static ImmutableArray<string> Strings(JsonElement e, string name) =>
                e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
            var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToImmutableArray();
            var claims = root.GetProperty("claims").EnumerateArray().Select(c => new TruthClaim(
                c.GetProperty("id").GetString()!, c.GetProperty("file").GetString()!, c.GetProperty("evidence").GetString()!,
                c.GetProperty("frame").GetString()!, c.GetProperty("source").GetString()!,
                c.TryGetProperty("retracted", out var r) && r.ValueKind == JsonValueKind.True, Strings(c, "patterns"))).ToImmutableArray();
            var relations = root.GetProperty("relations").EnumerateArray().Select(r =>
            {
                var kind = r.GetProperty("kind").GetString()!;
                ImmutableArray<ImmutableArray<string>> groups;
                if (r.TryGetProperty("groups", out var g) && g.ValueKind == JsonValueKind.Array)
                {
                    groups = [.. g.EnumerateArray().Select(x => x.EnumerateArray().Select(y => y.GetString()!).ToImmutableArray())];
                }
                else
                {
                    var ids = Strings(r, "claims");
                    groups = kind == "corroboration" ? [ids] : [.. ids.Select(i => ImmutableArray.Create(i))];
                }
                return new TruthRelation(kind, groups, Strings(r, "patterns"));
            }).ToImmutableArray();
            var frames = root.GetProperty("frames").EnumerateArray().Select(f =>
            {
                var cur = f.GetProperty("current");
                var disputed = cur.TryGetProperty("disputed", out var d) && d.ValueKind == JsonValueKind.Array
                    ? d.EnumerateArray().Select(x => Strings(x, "claims")).ToImmutableArray() : [];
                return new TruthFrame(f.GetProperty("id").GetString()!, Strings(cur, "claims"), disputed);
            }).ToImmutableArray();
            return new StoryTruth(root.GetProperty("corpus").GetString() ?? Path.GetFileName(path), files, claims, relations, frames);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a story truth file ({e.Message})", e);
        }
    }
}

/// <summary>True positives, predictions and truths of one scored item (a relation kind, overall or for one pattern).</summary>
public sealed record ScoreCount(int Correct, int Predicted, int MatchedTruth, int Truth)
{
    public static ScoreCount Zero { get; } = new(0, 0, 0, 0);

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Truth == 0 ? 0 : (double)MatchedTruth / Truth;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public ScoreCount Add(ScoreCount o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(Correct + o.Correct, Predicted + o.Predicted, MatchedTruth + o.MatchedTruth, Truth + o.Truth);
    }
}

/// <summary>Scores of one cluster or of many (summed counts).</summary>
/// <param name="Items">Keys: "claims", "corroboration", "update", "conflict", "current", and "PATTERN/KIND" per pattern.</param>
public sealed record ClaimScores(ImmutableSortedDictionary<string, ScoreCount> Items)
{
    public static ClaimScores Empty { get; } = new(ImmutableSortedDictionary.Create<string, ScoreCount>(StringComparer.Ordinal));

    public ScoreCount this[string key] => Items.GetValueOrDefault(key) ?? ScoreCount.Zero;

    public ClaimScores Add(ClaimScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var b = Items.ToBuilder();
        foreach (var (k, v) in other.Items) b[k] = (b.GetValueOrDefault(k) ?? ScoreCount.Zero).Add(v);
        return new(b.ToImmutable());
    }
}

/// <summary>
/// Scores a briefing's <see cref="StoryReport"/> against a story truth file.
/// <list type="bullet">
/// <item>Claims: a produced claim matches a labelled one in the same file when their evidence spans overlap
/// (most overlap first, one to one); labelled evidence is located in the article text verbatim.</item>
/// <item>Corroboration: a produced corroboration is right when at least two of its matched claims lie in one
/// labelled corroboration and come from two different labelled sources; a labelled one is found when some
/// produced corroboration is right about it.</item>
/// <item>Update: produced (earlier → later) is right when its earlier side meets the labelled earlier group and its
/// later side the labelled later group. Conflict: the two sides meet the two labelled sides, in either order.</item>
/// <item>Current state: for each labelled frame, the produced frame holding most of its matched claims; right when
/// its current value's claims meet the labelled current claims, or, for a labelled dispute, when it is disputed and
/// its sides meet two labelled sides.</item>
/// </list>
/// Per pattern: labelled relations count for each of their patterns; a produced relation counts for the patterns of
/// the labelled claims it touches.
/// </summary>
public static class ClaimScorer
{
    public static ClaimScores Score(StoryTruth truth, Briefing briefing)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(briefing);
        var story = briefing.Story ?? StoryReport.Empty;
        var (toTruth, toProduced) = MatchClaims(truth, briefing, story);
        var articleOf = ArticlesByFile(briefing);
        var truthById = truth.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var items = new Dictionary<string, ScoreCount>(StringComparer.Ordinal);
        void add(string key, ScoreCount s) => items[key] = (items.GetValueOrDefault(key) ?? ScoreCount.Zero).Add(s);

        // Produced claims in the labelled files' body count; those in unlabelled files do not.
        var labelledArticles = truth.Files.Where(articleOf.ContainsKey).Select(f => articleOf[f].Number).ToHashSet();
        int producedClaims = story.Claims.Count(c => labelledArticles.Contains(c.Article));
        add("claims", new(toTruth.Count, producedClaims, toProduced.Count, truth.Claims.Length));

        HashSet<string> mapped(IEnumerable<int> ids) => [.. ids.Where(toTruth.ContainsKey).Select(i => toTruth[i])];
        IEnumerable<string> patternsOf(IEnumerable<string> truthIds) => truthIds.SelectMany(i => truthById[i].Patterns).Distinct(StringComparer.Ordinal);

        foreach (var kind in new[] { RelationKind.Corroboration, RelationKind.Update, RelationKind.Conflict })
        {
            var name = kind.ToString().ToLowerInvariant();
            var labelled = truth.Relations.Where(r => r.Kind == name).ToList();
            var produced = story.Relations.Where(r => r.Kind == kind).ToList();
            var found = new bool[labelled.Count];
            foreach (var p in produced)
            {
                var from = mapped(p.From);
                var to = mapped(p.To);
                bool right = false;
                for (int i = 0; i < labelled.Count; i++)
                {
                    if (!Matches(kind, labelled[i], from, to, truthById)) continue;
                    right = true;
                    found[i] = true;
                }
                add(name, new(right ? 1 : 0, 1, 0, 0));
                foreach (var pattern in patternsOf(from.Concat(to))) add($"{pattern}/{name}", new(right ? 1 : 0, 1, 0, 0));
            }
            for (int i = 0; i < labelled.Count; i++)
            {
                add(name, new(0, 0, found[i] ? 1 : 0, 1));
                foreach (var pattern in labelled[i].Patterns) add($"{pattern}/{name}", new(0, 0, found[i] ? 1 : 0, 1));
            }
        }

        // Current state.
        foreach (var f in truth.Frames)
        {
            var members = truth.Claims.Where(c => c.Frame == f.Id && toProduced.ContainsKey(c.Id)).Select(c => toProduced[c.Id]).ToList();
            var framePatterns = truth.Claims.Where(c => c.Frame == f.Id).SelectMany(c => c.Patterns).Distinct(StringComparer.Ordinal).ToList();
            var best = story.Frames.Select(pf => (Frame: pf, Count: pf.Claims.Count(members.Contains))).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Frame.Id).Select(x => x.Frame).FirstOrDefault();
            bool right = false;
            if (best is not null)
            {
                var state = story.States[best.Id - 1];
                if (f.Disputed.IsEmpty)
                {
                    right = state.Current is { } cur && mapped(cur.Claims).Overlaps(f.Current);
                }
                else
                {
                    var sides = state.Disputed.Select(d => mapped(d.Claims)).ToList();
                    right = state.Current is null && f.Disputed.Count(side => sides.Any(s => s.Overlaps(side))) >= 2;
                }
            }
            var score = new ScoreCount(right ? 1 : 0, best is null ? 0 : 1, right ? 1 : 0, 1);
            add("current", score);
            foreach (var p in framePatterns) add($"{p}/current", score);
        }
        return new ClaimScores(items.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The errors behind the scores, one line each, for someone improving the analyzer: labelled claims not found,
    /// produced relations that match no labelled one, labelled relations not found, and wrong current states.
    /// </summary>
    public static IReadOnlyList<string> Explain(StoryTruth truth, Briefing briefing)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(briefing);
        var story = briefing.Story ?? StoryReport.Empty;
        var (toTruth, toProduced) = MatchClaims(truth, briefing, story);
        var truthById = truth.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        string shortText(string s) => s.Length <= 90 ? s : s[..87] + "...";
        string produced(int id)
        {
            var c = story.ClaimById(id);
            var frame = story.Frames.FirstOrDefault(f => f.Claims.Contains(id))?.Id ?? 0;
            return $"#{id}{(toTruth.TryGetValue(id, out var t) ? "=" + t : "")}(f{frame} a{c.Article} {c.Value.Display}{(c.AsOf is { } d ? " " + d.ToString("MM-dd", CultureInfo.InvariantCulture) : "")} src={c.Source})";
        }
        string ids(IEnumerable<int> xs) => string.Join(" ", xs.Select(produced));
        foreach (var t in truth.Claims.Where(t => !toProduced.ContainsKey(t.Id))) lines.Add($"missed claim {t.Id} [{t.Frame}] {t.File}: {shortText(t.Evidence)}");
        foreach (var c in story.Claims.Where(c => !toTruth.ContainsKey(c.Id))) lines.Add($"extra claim {produced(c.Id)} {c.Measure}: {shortText(c.EvidenceText)}");
        HashSet<string> mapped(IEnumerable<int> xs) => [.. xs.Where(toTruth.ContainsKey).Select(i => toTruth[i])];
        foreach (var kind in new[] { RelationKind.Corroboration, RelationKind.Update, RelationKind.Conflict })
        {
            var name = kind.ToString().ToLowerInvariant();
            var labelled = truth.Relations.Where(r => r.Kind == name).ToList();
            var found = new bool[labelled.Count];
            foreach (var p in story.Relations.Where(r => r.Kind == kind))
            {
                bool right = false;
                for (int i = 0; i < labelled.Count; i++)
                {
                    if (!Matches(kind, labelled[i], mapped(p.From), mapped(p.To), truthById)) continue;
                    right = found[i] = true;
                }
                if (!right) lines.Add($"wrong {name}: {ids(p.From)} -> {ids(p.To)} ({p.Note})");
            }
            for (int i = 0; i < labelled.Count; i++)
            {
                if (found[i]) continue;
                var groups = string.Join(" | ", labelled[i].Groups.Select(g => string.Join(" ", g.Select(x => toProduced.TryGetValue(x, out var pid) ? produced(pid) : x + "(missed)"))));
                lines.Add($"missed {name} [{string.Join(",", labelled[i].Patterns)}]: {groups}");
            }
        }
        foreach (var f in truth.Frames)
        {
            var members = truth.Claims.Where(c => c.Frame == f.Id && toProduced.ContainsKey(c.Id)).Select(c => toProduced[c.Id]).ToList();
            var best = story.Frames.Select(pf => (Frame: pf, Count: pf.Claims.Count(members.Contains))).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Frame.Id).Select(x => x.Frame).FirstOrDefault();
            if (best is null) { lines.Add($"current {f.Id}: no produced frame"); continue; }
            var state = story.States[best.Id - 1];
            bool right = f.Disputed.IsEmpty
                ? state.Current is { } cur && mapped(cur.Claims).Overlaps(f.Current)
                : state.Current is null && f.Disputed.Count(side => state.Disputed.Select(d => mapped(d.Claims)).Any(s => s.Overlaps(side))) >= 2;
            if (right) continue;
            var got = state.Current is { } c2 ? ids(c2.Claims) : "disputed: " + string.Join(" vs ", state.Disputed.Select(d => ids(d.Claims)));
            var want = f.Disputed.IsEmpty ? string.Join(" ", f.Current) : "disputed: " + string.Join(" vs ", f.Disputed.Select(d => string.Join(" ", d)));
            lines.Add($"wrong current {f.Id} (f{best.Id} {best.Label}): got {got}; want {want}");
        }
        return lines;
    }

    private static Dictionary<string, Article> ArticlesByFile(Briefing briefing)
    {
        var articleOf = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var a in briefing.Articles) articleOf.TryAdd(Path.GetFileName(a.Origin), a);
        return articleOf;
    }

    /// <summary>Produced claims matched one to one with labelled ones by evidence overlap (most overlap first).</summary>
    private static (Dictionary<int, string> ToTruth, Dictionary<string, int> ToProduced) MatchClaims(StoryTruth truth, Briefing briefing, StoryReport story)
    {
        var articleOf = ArticlesByFile(briefing);

        // Locate labelled evidence.
        var spans = new Dictionary<string, (int Article, TextSpan Span)>(StringComparer.Ordinal);
        foreach (var t in truth.Claims)
        {
            if (!articleOf.TryGetValue(t.File, out var a)) continue;
            int at = a.Text.IndexOf(t.Evidence, StringComparison.Ordinal);
            if (at < 0) continue;
            spans[t.Id] = (a.Number, new TextSpan(at, t.Evidence.Length));
        }
        // Match claims one to one, most overlap first.
        var pairs = new List<(int Overlap, string Truth, int Produced)>();
        foreach (var (id, (article, span)) in spans)
        {
            foreach (var c in story.Claims.Where(c => c.Article == article))
            {
                int overlap = Math.Min(span.End, c.Evidence.End) - Math.Max(span.Start, c.Evidence.Start);
                if (overlap > 0) pairs.Add((overlap, id, c.Id));
            }
        }
        var toTruth = new Dictionary<int, string>();
        var toProduced = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in pairs.OrderByDescending(p => p.Overlap).ThenBy(p => p.Truth, StringComparer.Ordinal).ThenBy(p => p.Produced))
        {
            if (toTruth.ContainsKey(p.Produced) || toProduced.ContainsKey(p.Truth)) continue;
            toTruth[p.Produced] = p.Truth;
            toProduced[p.Truth] = p.Produced;
        }
        return (toTruth, toProduced);
    }

    private static bool Matches(RelationKind kind, TruthRelation r, HashSet<string> from, HashSet<string> to, Dictionary<string, TruthClaim> truth)
    {
        switch (kind)
        {
            case RelationKind.Corroboration:
                var hit = from.Where(r.Groups[0].Contains).ToList();
                return hit.Count >= 2 && hit.Select(i => truth[i].Source).Distinct(StringComparer.Ordinal).Count() >= 2;
            case RelationKind.Update:
                return r.Groups.Length >= 2 && from.Overlaps(r.Groups[0]) && to.Overlaps(r.Groups[1]);
            default:
                return r.Groups.Length >= 2
                    && ((from.Overlaps(r.Groups[0]) && to.Overlaps(r.Groups[1])) || (from.Overlaps(r.Groups[1]) && to.Overlaps(r.Groups[0])));
        }
    }

    /// <summary>Formats a score line: P, R, F1 with the counts behind them.</summary>
    public static string Line(string name, ScoreCount s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Precision:0.00} ({s.Correct}/{s.Predicted}) | {s.Recall:0.00} ({s.MatchedTruth}/{s.Truth}) | {s.F1:0.00} |");
    }
}

/// <summary>Runs the pipeline on every story cluster of a folder (<c>NAME/</c> beside <c>NAME.truth.json</c>) and scores it.</summary>
public static class ClaimEvaluation
{
    /// <summary>The story truth files of a folder, in ordinal name order; each with its cluster folder.</summary>
    public static IReadOnlyList<(string Name, string Truth, string Folder)> Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return [.. Directory.EnumerateFiles(folder, "*.truth.json").Order(StringComparer.Ordinal)
            .Select(t => (Name: Path.GetFileName(t)[..^".truth.json".Length], Truth: t, Folder: t[..^".truth.json".Length]))
            .Where(x => Directory.Exists(x.Folder))];
    }

    public static (ClaimScores Scores, Briefing Briefing) ScoreCluster(string truthPath, string clusterFolder, Pipeline.PrecisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var truth = StoryTruth.Load(truthPath);
        var diagnostics = new List<Diagnostic>();
        var sources = new Ingest.InputReader(pipeline.Options.MaxInputBytes).Read(clusterFolder, diagnostics);
        var briefing = pipeline.Run(sources);
        return (ClaimScorer.Score(truth, briefing), briefing);
    }
}
