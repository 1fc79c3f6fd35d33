using System.Text.Json;
using Precis.Core.Tests.Fixtures;

namespace Precis.Core.Tests.Analysis.Claims;

/// <summary>
/// Keeps the labelled claim set (examples/stories) honest: every evidence span is found exactly once in its article
/// as the parsing stage reads it, every id resolves, every article is listed, and the set is as large as promised.
/// </summary>
public class StoryTruthConsistencyTests
{
    private static readonly Lazy<IReadOnlyList<StoryTruth>> Stories = new(StoryTruth.All);

    private static readonly HashSet<string> Patterns =
    [
        "rising-toll", "disputed-toll", "same-day-similar-number", "denial", "retraction", "syndicated-changed-figure",
        "reworded-copy", "control-changes", "number-words", "ranges", "negated-status", "relayed-report",
        "incident-vs-cumulative", "attribution-chain",
    ];

    private static readonly HashSet<string> Statuses =
    [
        "controls", "lost", "contested", "evacuated", "not-evacuated", "under-curfew", "lifted", "open", "closed",
        "operating", "shut", "suspended", "resumed", "contained", "not-contained", "declared", "not-declared", "held",
        "released", "detained", "contaminated", "not-contaminated", "won", "not-detained",
    ];

    [Fact]
    public void The_set_has_at_least_twelve_clusters_and_two_hundred_claims()
    {
        var stories = Stories.Value;
        Assert.True(stories.Count >= 12, $"{stories.Count} clusters, want at least 12");
        var claims = stories.Sum(s => s.Claims.Count());
        Assert.True(claims >= 200, $"{claims} claims, want at least 200");
        foreach (var story in stories)
        {
            var articles = story.Files.Count();
            Assert.True(articles is >= 5 and <= 12, $"{story.Name}: {articles} articles, want 5 to 12");
        }
    }

    [Fact]
    public void Every_article_is_listed_once_in_file_order_and_in_one_syndication_group()
    {
        foreach (var story in Stories.Value)
        {
            var onDisk = Directory.GetFiles(story.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var listed = story.Files.Select(f => StoryTruth.Text(f, "file")).ToList();
            Assert.True(onDisk.SequenceEqual(listed), $"{story.Name}: files listed [{string.Join(", ", listed)}] differ from the folder [{string.Join(", ", onDisk)}]");
            var grouped = story.Root.GetProperty("syndication_groups").EnumerateArray().SelectMany(g => g.EnumerateArray()).Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.True(onDisk.SequenceEqual(grouped), $"{story.Name}: syndication groups do not hold every file exactly once");
        }
    }

    [Fact]
    public void Every_evidence_span_occurs_exactly_once_in_its_article()
    {
        var problems = new List<string>();
        foreach (var story in Stories.Value)
        {
            var parsed = CorpusLoader.Articles(story.Folder).ToDictionary(a => Path.GetFileName(a.Origin), a => a.Text, StringComparer.Ordinal);
            foreach (var claim in story.Claims)
            {
                var id = StoryTruth.Text(claim, "id");
                var file = StoryTruth.Text(claim, "file");
                var evidence = StoryTruth.Text(claim, "evidence");
                if (!parsed.TryGetValue(file, out var text))
                {
                    problems.Add($"{story.Name} {id}: file {file} is not in the folder");
                    continue;
                }
                var raw = File.ReadAllText(Path.Combine(story.Folder, file));
                int inText = Occurrences(text, evidence), inRaw = Occurrences(raw, evidence);
                if (inText != 1 || inRaw != 1) problems.Add($"{story.Name} {id}: \"{evidence}\" occurs {inText}x in the parsed text and {inRaw}x in {file}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_id_resolves_and_every_value_has_its_frame_kind_shape()
    {
        var problems = new List<string>();
        foreach (var story in Stories.Value)
        {
            void Check(bool ok, string what) { if (!ok) problems.Add($"{story.Name}: {what}"); }
            var files = story.Files.Select(f => StoryTruth.Text(f, "file")).ToHashSet(StringComparer.Ordinal);
            var sources = story.Sources.Select(s => StoryTruth.Text(s, "id")).ToHashSet(StringComparer.Ordinal);
            var frames = story.Frames.ToDictionary(f => StoryTruth.Text(f, "id"), StringComparer.Ordinal);
            var claims = story.Claims.ToDictionary(c => StoryTruth.Text(c, "id"), StringComparer.Ordinal);
            foreach (var pattern in StoryTruth.Strings(story.Root, "patterns")) Check(Patterns.Contains(pattern), $"unknown pattern {pattern}");

            foreach (var (id, claim) in claims)
            {
                Check(files.Contains(StoryTruth.Text(claim, "file")), $"{id} names an unlisted file");
                Check(sources.Contains(StoryTruth.Text(claim, "source")), $"{id} names an undeclared source");
                foreach (var pattern in StoryTruth.Strings(claim, "patterns")) Check(Patterns.Contains(pattern), $"{id}: unknown pattern {pattern}");
                if (!frames.TryGetValue(StoryTruth.Text(claim, "frame"), out var frame)) { Check(false, $"{id} names an unknown frame"); continue; }
                Check(ValueFits(frame, claim.GetProperty("value")), $"{id}: value does not fit its frame's kind");
            }

            foreach (var (id, frame) in frames)
            {
                var current = frame.GetProperty("current");
                var referenced = StoryTruth.Strings(current, "claims").ToList();
                if (current.TryGetProperty("disputed", out var disputed))
                {
                    Check(current.GetProperty("value").ValueKind == JsonValueKind.Null, $"{id}: a disputed current state has a value");
                    foreach (var side in disputed.EnumerateArray())
                    {
                        Check(ValueFits(frame, side.GetProperty("value")), $"{id}: disputed value does not fit the frame's kind");
                        referenced.AddRange(StoryTruth.Strings(side, "claims"));
                    }
                }
                else
                {
                    Check(ValueFits(frame, current.GetProperty("value")), $"{id}: current value does not fit the frame's kind");
                    Check(referenced.Count > 0, $"{id}: current value has no claims");
                }
                if (frame.TryGetProperty("sequence", out var sequence))
                    foreach (var step in sequence.EnumerateArray()) referenced.AddRange(StoryTruth.Strings(step, "claims"));
                foreach (var claim in referenced)
                    Check(claims.TryGetValue(claim, out var c) && StoryTruth.Text(c, "frame") == id, $"{id} refers to {claim}, which is not one of its claims");
                Check(claims.Values.Any(c => StoryTruth.Text(c, "frame") == id), $"{id} has no claims");
            }

            foreach (var relation in story.Relations)
            {
                var kind = StoryTruth.Text(relation, "kind");
                var members = StoryTruth.Strings(relation, "claims");
                var what = $"{kind} [{string.Join(", ", members)}]";
                Check(kind is "corroboration" or "update" or "conflict", $"{what}: unknown kind");
                Check(members.All(claims.ContainsKey), $"{what}: unknown claim");
                if (!members.All(claims.ContainsKey)) continue;
                Check(members.Select(m => StoryTruth.Text(claims[m], "frame")).Distinct().Count() == 1, $"{what}: claims of different frames");
                Check(kind == "corroboration" ? members.Count >= 2 : members.Count == 2, $"{what}: wrong number of claims");
                if (kind != "update")
                    Check(members.Select(m => StoryTruth.Text(claims[m], "source")).Distinct().Count() >= 2, $"{what}: needs two sources");
                foreach (var group in relation.TryGetProperty("groups", out var groups) ? groups.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    foreach (var member in group.EnumerateArray().Select(e => e.GetString()!))
                        Check(claims.TryGetValue(member, out var c) && StoryTruth.Text(c, "frame") == StoryTruth.Text(claims[members[0]], "frame"), $"{what}: group member {member} is not a claim of the frame");
                foreach (var pattern in StoryTruth.Strings(relation, "patterns")) Check(Patterns.Contains(pattern), $"{what}: unknown pattern {pattern}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool ValueFits(JsonElement frame, JsonElement value)
    {
        if (StoryTruth.Text(frame, "kind") == "state")
            return value.TryGetProperty("status", out var status) && Statuses.Contains(status.GetString() ?? "")
                && value.TryGetProperty("holder", out _) && value.TryGetProperty("negated", out var negated)
                && negated.ValueKind is JsonValueKind.True or JsonValueKind.False;
        if (!value.TryGetProperty("min", out var min) || !value.TryGetProperty("max", out var max)) return false;
        if (min.ValueKind == JsonValueKind.Null && max.ValueKind == JsonValueKind.Null) return false;
        return min.ValueKind != JsonValueKind.Number || max.ValueKind != JsonValueKind.Number || min.GetInt64() <= max.GetInt64();
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
