using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Facts;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>
/// The story state ("Where things stand", which leads the briefing), the relations between claims ("Who agrees,
/// who conflicts"), and the JSON "story" object (claims, frames, relations, states).
/// </summary>
internal static class StorySection
{
    /// <summary>Frames shown in "Where things stand": those with a relation or two or more claims, most supported first.</summary>
    private const int MaxStateLines = 8;

    /// <summary>One line of "Where things stand": a frame, its state, and the values before the current one.</summary>
    internal sealed record StateLine(ClaimFrame Frame, FrameState State, ImmutableArray<StateStep> Before);

    /// <summary>One corroborated value of "Who agrees": the step with its claims and independent sources.</summary>
    internal sealed record Corroboration(ClaimFrame Frame, StateStep Step);

    /// <summary>One frame that changed or is disputed: its values in time order and the relations between them.</summary>
    internal sealed record ChangeTable(ClaimFrame Frame, bool HasUpdate, bool HasConflict, ImmutableArray<StateStep> Rows, ImmutableArray<ClaimRelation> Relations)
    {
        public string Kind => HasUpdate && HasConflict ? "updates and conflicts" : HasUpdate ? "update" : "conflict";
    }

    /// <summary>The frames "Where things stand" shows, in order (both renderers read this).</summary>
    internal static IReadOnlyList<StateLine> StateLines(StoryReport story) =>
        [.. story.NotableFrames().Take(MaxStateLines).Select(frame =>
        {
            var state = story.States[frame.Id - 1];
            var before = state.Current is null ? state.Sequence : state.Sequence.RemoveAt(state.Sequence.Length - 1);
            return new StateLine(frame, state, before);
        })];

    /// <summary>Values reported by two or more independent sources, best supported first.</summary>
    internal static IReadOnlyList<Corroboration> Corroborations(StoryReport story) =>
        [.. story.Relations.Where(r => r.Kind == RelationKind.Corroboration).OrderByDescending(r => r.IndependentSources).ThenBy(r => r.Frame).Select(r =>
        {
            var frame = story.FrameById(r.Frame);
            var state = story.States[frame.Id - 1];
            // A corroborated value that is neither in the frame's sequence nor disputed (an older value the update
            // chain passed over) is shown from its claims.
            var step = state.Sequence.Concat(state.Disputed).FirstOrDefault(s => s.Claims.SequenceEqual(r.From))
                ?? new StateStep(story.ClaimById(r.From[0]).Value, story.ClaimById(r.From[0]).AsOf, r.From,
                    [.. r.From.Select(id => story.ClaimById(id).Article).Distinct().Order()], r.IndependentSources);
            return new Corroboration(frame, step);
        })];

    /// <summary>Each frame with an update or a conflict: every value it took (sequence and disputed sides) by date.</summary>
    internal static IReadOnlyList<ChangeTable> ChangeTables(StoryReport story) =>
        [.. story.Frames.Where(f => story.Relations.Any(r => r.Frame == f.Id && r.Kind != RelationKind.Corroboration)).Select(frame =>
        {
            var state = story.States[frame.Id - 1];
            var relations = story.Relations.Where(r => r.Frame == frame.Id && r.Kind != RelationKind.Corroboration).ToImmutableArray();
            var rows = state.Sequence.Concat(state.Disputed.Where(d => !state.Sequence.Contains(d)))
                .OrderBy(s => s.AsOf ?? DateOnly.MaxValue).ThenBy(s => s.Claims[0]).ToImmutableArray();
            return new ChangeTable(frame, relations.Any(r => r.Kind == RelationKind.Update), relations.Any(r => r.Kind == RelationKind.Conflict), rows, relations);
        })];

    /// <summary>How a value reached the articles when it was relayed ("the monitor → AFP"), one chain per distinct path.</summary>
    internal static IReadOnlyList<string> ChainsOf(StoryReport story, StateStep step) =>
        [.. step.Claims.Select(id => story.ClaimById(id)).Where(c => c.Chain.Length > 1)
            .Select(c => string.Join(" → ", c.Chain)).Distinct(StringComparer.Ordinal)];

    public static void WriteStateMarkdown(Briefing briefing, TextWriter writer)
    {
        if (briefing.Story is not { } story || story.Frames.IsEmpty) return;
        var shown = StateLines(story);
        if (shown.Count == 0) return;
        writer.WriteLine("## Where things stand");
        writer.WriteLine();
        foreach (var (frame, state, before) in shown)
        {
            var label = Esc(frame.Label);
            if (state.Current is { } cur)
            {
                writer.WriteLine($"- **{label}**: {Esc(cur.Value.Display)} ({When(cur)}) — {Count(cur)} {Cite(cur)}{Chains(story, cur)}");
            }
            else
            {
                writer.WriteLine($"- **{label}**: disputed — {string.Join(" vs ", state.Disputed.Select(d => $"{Esc(d.Value.Display)} {Cite(d)}"))}");
            }
            if (!before.IsEmpty)
            {
                writer.WriteLine($"  - before: {string.Join(" → ", before.Select(s => $"{Esc(s.Value.Display)} ({When(s)}) {Cite(s)}"))}");
            }
        }
        writer.WriteLine();
    }

    public static void WriteRelationsMarkdown(Briefing briefing, TextWriter writer)
    {
        var story = briefing.Story!;
        writer.WriteLine();
        writer.WriteLine("## Who agrees, who conflicts");
        writer.WriteLine();
        var corroborations = Corroborations(story);
        var changing = ChangeTables(story);
        if (corroborations.Count == 0 && changing.Count == 0)
        {
            writer.WriteLine("_No claim is reported by two independent sources, and no update or conflict was found._");
        }
        foreach (var (frame, step) in corroborations)
        {
            writer.WriteLine($"- **{Esc(frame.Label)}**: {Esc(step.Value.Display)} — {Count(step)} {Cite(step)}{Chains(story, step)}");
        }
        foreach (var table in changing)
        {
            writer.WriteLine();
            writer.WriteLine($"### {Esc(table.Frame.Label)} — {table.Kind}");
            writer.WriteLine();
            writer.WriteLine("| value | as of | sources | evidence |");
            writer.WriteLine("|---|---|---|---|");
            foreach (var s in table.Rows)
            {
                var first = story.ClaimById(s.Claims[0]);
                writer.WriteLine($"| {Cell(s.Value.Display)} | {Cell(When(s))} | {string.Join(", ", s.Articles)} ({Count(s)}) | {Cell(first.EvidenceText)} |");
            }
            writer.WriteLine();
            foreach (var r in table.Relations)
            {
                writer.WriteLine($"- _{(r.Kind == RelationKind.Update ? "update" : "conflict")}_: {Esc(r.Note)}");
            }
        }
    }

    private static string Chains(StoryReport story, StateStep step)
    {
        var chains = ChainsOf(story, step);
        return chains.Count == 0 ? "" : " — reported as: " + string.Join("; ", chains.Select(Esc));
    }

    private static string Count(StateStep s) =>
        s.IndependentSources == 1 ? "1 independent source" : $"{s.IndependentSources.ToString(CultureInfo.InvariantCulture)} independent sources";

    private static string Cite(StateStep s) => $"[{string.Join(", ", s.Articles)}]";

    /// <summary>"as of Mon 13 Nov 2017", or "after Mon 13 Nov 2017" when the reports are undated and placed after what they recount.</summary>
    internal static string When(StateStep s) => s.AsOf is null ? "undated" : (s.AfterOnly ? "after " : "as of ") + Day(s.AsOf);

    internal static string Day(DateOnly? d) => d is { } x ? x.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) : "undated";

    private static string Esc(string s) => MarkdownBriefingRenderer.Escape(s);

    private static string Cell(string s) => Esc(s).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // ------------------------------------------------------------------ JSON

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        if (briefing.Story is not { } story)
        {
            json.WriteNull("story");
            return;
        }
        json.WriteStartObject("story");
        json.WriteStartArray("claims");
        foreach (var c in story.Claims)
        {
            json.WriteStartObject();
            json.WriteNumber("id", c.Id);
            json.WriteNumber("article", c.Article);
            json.WriteNumber("start", c.Evidence.Start);
            json.WriteNumber("length", c.Evidence.Length);
            json.WriteString("evidence", c.EvidenceText);
            json.WriteString("sentence", c.Text);
            json.WriteString("kind", c.Kind == ClaimKind.Count ? "count" : "state");
            json.WriteString("measure", c.Measure);
            json.WriteString("counted", c.Counted);
            json.WriteString("subject", c.Subject);
            json.WriteString("place", c.Place);
            json.WriteBoolean("running", c.Running);
            WriteValue(json, c.Value);
            if (c.When is { } w)
            {
                json.WriteStartObject("when");
                TimelineSection.WriteWhen(json, w);
                json.WriteString("evidence", w.Evidence);
                json.WriteEndObject();
            }
            else json.WriteNull("when");
            json.WriteString("asOf", Iso(c.AsOf));
            json.WriteStartArray("chain");
            foreach (var a in c.Chain) json.WriteStringValue(a);
            json.WriteEndArray();
            json.WriteString("source", c.Source);
            json.WriteString("cue", c.Cue);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("frames");
        foreach (var f in story.Frames)
        {
            json.WriteStartObject();
            json.WriteNumber("id", f.Id);
            json.WriteString("kind", f.Kind == ClaimKind.Count ? "count" : "state");
            json.WriteString("measure", f.Measure);
            json.WriteString("label", f.Label);
            json.WriteString("subject", f.Subject);
            json.WriteString("place", f.Place);
            json.WriteBoolean("running", f.Running);
            WriteIds(json, "claims", f.Claims);
            var state = story.States[f.Id - 1];
            if (state.Current is { } cur) { json.WritePropertyName("current"); WriteStep(json, cur); }
            else json.WriteNull("current");
            json.WriteStartArray("disputed");
            foreach (var d in state.Disputed) WriteStep(json, d);
            json.WriteEndArray();
            json.WriteStartArray("sequence");
            foreach (var s in state.Sequence) WriteStep(json, s);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("relations");
        foreach (var r in story.Relations)
        {
            json.WriteStartObject();
            json.WriteString("kind", r.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("frame", r.Frame);
            WriteIds(json, "from", r.From);
            WriteIds(json, "to", r.To);
            json.WriteNumber("independentSources", r.IndependentSources);
            json.WriteString("note", r.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteStep(Utf8JsonWriter json, StateStep s)
    {
        json.WriteStartObject();
        WriteValue(json, s.Value);
        json.WriteString("asOf", Iso(s.AsOf));
        json.WriteBoolean("afterOnly", s.AfterOnly);
        WriteIds(json, "claims", s.Claims);
        WriteIds(json, "articles", s.Articles);
        json.WriteNumber("independentSources", s.IndependentSources);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, ClaimValue v)
    {
        json.WriteStartObject("value");
        json.WriteString("display", v.Display);
        if (v.Count is { } q)
        {
            json.WriteString("phrase", q.Phrase);
            json.WriteNumber("low", q.Low);
            if (double.IsPositiveInfinity(q.High)) json.WriteNull("high"); else json.WriteNumber("high", q.High);
            json.WriteString("qualifier", q.Qualifier.ToString().ToLowerInvariant());
        }
        else
        {
            json.WriteString("holder", v.Holder);
            json.WriteString("status", v.Status);
            json.WriteBoolean("negated", v.Negated);
        }
        json.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<int> ids)
    {
        json.WriteStartArray(name);
        foreach (var i in ids) json.WriteNumberValue(i);
        json.WriteEndArray();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
