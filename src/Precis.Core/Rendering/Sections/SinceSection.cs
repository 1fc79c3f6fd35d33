using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Facts;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>"What changed since TIME": new frames, changed values and states, new conflicts, each cited.</summary>
internal static class SinceSection
{
    public static void WriteMarkdown(Briefing briefing, TextWriter writer)
    {
        if (briefing.Since is not { } since || briefing.Story is not { } story) return;
        var changes = StoryChanges.Since(story, briefing.Articles, since);
        writer.WriteLine($"## What changed since {Stamp(since)}");
        writer.WriteLine();
        if (changes.IsEmpty) writer.WriteLine("_Nothing new: no report after that time changes a claim._");
        foreach (var c in changes)
        {
            var frame = story.FrameById(c.Frame);
            var label = MarkdownBriefingRenderer.Escape(frame.Label);
            var value = MarkdownBriefingRenderer.Escape(c.Step.Value.Display);
            var cite = $"[{string.Join(", ", c.Step.Articles)}]";
            var unsure = c.Uncertain ? " (undated report: may be earlier)" : "";
            var text = c.Kind switch
            {
                ChangeKind.NewFrame => $"- **new**: {label}: {value} ({StorySection.When(c.Step)}) {cite}{unsure}",
                ChangeKind.Changed => $"- **changed**: {label}: {MarkdownBriefingRenderer.Escape(c.Relation!.Note)} {cite}{unsure}",
                _ => $"- **new conflict**: {label}: {MarkdownBriefingRenderer.Escape(c.Relation!.Note)} {cite}{unsure}",
            };
            writer.WriteLine(text);
        }
        writer.WriteLine();
    }

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        if (briefing.Since is not { } since || briefing.Story is not { } story) return;
        json.WriteStartObject("since");
        json.WriteString("time", since.ToString("o", CultureInfo.InvariantCulture));
        json.WriteStartArray("changes");
        foreach (var c in StoryChanges.Since(story, briefing.Articles, since))
        {
            json.WriteStartObject();
            json.WriteString("kind", c.Kind switch { ChangeKind.NewFrame => "new-frame", ChangeKind.Changed => "changed", _ => "new-conflict" });
            json.WriteNumber("frame", c.Frame);
            json.WriteString("label", story.FrameById(c.Frame).Label);
            json.WritePropertyName("step");
            StorySection.WriteStep(json, c.Step);
            json.WriteString("note", c.Relation?.Note);
            json.WriteBoolean("uncertain", c.Uncertain);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>"Fri 10 Nov 2017" for midnight, else with the time ("… 12:30 UTC" when the offset is zero).</summary>
    internal static string Stamp(DateTimeOffset t) =>
        t.TimeOfDay == TimeSpan.Zero ? t.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) : t.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + (t.Offset == TimeSpan.Zero ? " UTC" : "");
}
