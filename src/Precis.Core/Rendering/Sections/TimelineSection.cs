using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Rendering.Sections;

/// <summary>The "When" section: the timeline in Markdown, with date evidence as footnotes, and its JSON form.</summary>
internal static class TimelineSection
{
    public static void WriteMarkdown(Briefing briefing, TextWriter writer)
    {
        if (briefing.Timeline is not { } timeline) return;
        writer.WriteLine();
        writer.WriteLine("## When");
        writer.WriteLine();
        if (timeline.Entries.IsEmpty)
        {
            writer.WriteLine("_No dated events found._");
            return;
        }
        int note = 0;
        var notes = new List<string>();
        foreach (var e in timeline.Entries)
        {
            note++;
            var sources = string.Join(", ", e.Sources);
            var independent = e.IndependentSources < e.Sources.Length
                ? $" ({e.IndependentSources.ToString(CultureInfo.InvariantCulture)} independent)" : "";
            writer.WriteLine($"- **{DateFormat.Of(e.When)}** — {MarkdownBriefingRenderer.Escape(e.Text)} [{sources}]{independent}[^t{note.ToString(CultureInfo.InvariantCulture)}]");
            notes.Add($"[^t{note.ToString(CultureInfo.InvariantCulture)}]: {MarkdownBriefingRenderer.Escape(e.First.When.Evidence)} (article {e.First.Article.ToString(CultureInfo.InvariantCulture)}, rule {e.First.When.Rule})");
        }
        writer.WriteLine();
        foreach (var n in notes) writer.WriteLine(n);
    }

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        if (briefing.Timeline is not { } timeline)
        {
            json.WriteNull("timeline");
            return;
        }
        json.WriteStartArray("timeline");
        foreach (var e in timeline.Entries)
        {
            json.WriteStartObject();
            WriteWhen(json, e.When);
            json.WriteString("text", e.Text);
            json.WriteNumber("article", e.First.Article);
            json.WriteNumber("start", e.First.Span.Start);
            json.WriteNumber("length", e.First.Span.Length);
            json.WriteStartArray("sources");
            foreach (var s in e.Sources) json.WriteNumberValue(s);
            json.WriteEndArray();
            json.WriteNumber("independentSources", e.IndependentSources);
            json.WriteStartArray("reports");
            foreach (var r in e.Reports)
            {
                json.WriteStartObject();
                json.WriteNumber("article", r.Article);
                json.WriteNumber("start", r.Span.Start);
                json.WriteNumber("length", r.Span.Length);
                json.WriteString("phrase", r.Phrase);
                json.WriteString("rule", r.When.Rule);
                json.WriteString("evidence", r.When.Evidence);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static void WriteWhen(Utf8JsonWriter json, DateResolution when)
    {
        json.WriteString("date", DateFormat.Iso(when.Date));
        json.WriteString("from", DateFormat.Iso(when.Start));
        json.WriteString("to", DateFormat.Iso(when.End));
        json.WriteString("precision", when.Precision.ToString().ToLowerInvariant());
    }
}
