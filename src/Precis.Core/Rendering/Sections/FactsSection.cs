using System.Globalization;
using System.Text.Json;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>The "Who agrees, who conflicts" section: corroborated facts, conflicts and updates side by side.</summary>
internal static class FactsSection
{
    public static void WriteMarkdown(Briefing briefing, TextWriter writer)
    {
        if (briefing.Story is not null)
        {
            StorySection.WriteRelationsMarkdown(briefing, writer);
            return;
        }
        if (briefing.Facts is not { } report) return;
        writer.WriteLine();
        writer.WriteLine("## Who agrees, who conflicts");
        writer.WriteLine();
        // Facts that are sides of a conflict are shown in its table, not twice.
        var sides = report.Conflicts.SelectMany(c => c.Sides).ToHashSet(ReferenceEqualityComparer.Instance);
        var corroborated = report.Facts.Where(f => f.IndependentSources >= 2 && !sides.Contains(f)).ToList();
        if (corroborated.Count == 0 && report.Conflicts.IsEmpty)
        {
            writer.WriteLine("_No fact is reported by two independent sources, and no conflict was found._");
        }
        foreach (var f in corroborated)
        {
            writer.WriteLine($"- **{Esc(f.Topic)}**: {Esc(f.Value)} — {Count(f)} [{string.Join(", ", f.Sources)}]");
        }
        foreach (var c in report.Conflicts)
        {
            writer.WriteLine();
            writer.WriteLine($"### {Esc(c.Topic)} — {(c.Kind == ConflictKind.Update ? "update" : "conflict")}");
            writer.WriteLine();
            writer.WriteLine("| value | sources | date |");
            writer.WriteLine("|---|---|---|");
            foreach (var side in c.Sides)
            {
                writer.WriteLine($"| {Cell(side.Value)} | {string.Join(", ", side.Sources)} ({Count(side)}) | {Cell(DateOf(side))} |");
            }
            writer.WriteLine();
            writer.WriteLine($"_{Esc(c.Note)}._");
        }
    }

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        if (briefing.Facts is not { } report)
        {
            json.WriteNull("facts");
            return;
        }
        json.WriteStartObject("facts");
        json.WriteStartArray("facts");
        foreach (var f in report.Facts) WriteFact(json, f);
        json.WriteEndArray();
        json.WriteStartArray("conflicts");
        foreach (var c in report.Conflicts)
        {
            json.WriteStartObject();
            json.WriteString("topic", c.Topic);
            json.WriteString("kind", c.Kind == ConflictKind.Update ? "update" : "conflict");
            json.WriteString("note", c.Note);
            json.WriteStartArray("sides");
            foreach (var s in c.Sides) WriteFact(json, s);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter json, Fact f)
    {
        json.WriteStartObject();
        json.WriteString("topic", f.Topic);
        json.WriteString("value", f.Value);
        json.WriteStartArray("sources");
        foreach (var s in f.Sources) json.WriteNumberValue(s);
        json.WriteEndArray();
        json.WriteNumber("independentSources", f.IndependentSources);
        json.WriteStartArray("evidence");
        foreach (var e in f.Evidence)
        {
            json.WriteStartObject();
            json.WriteNumber("article", e.Article);
            json.WriteNumber("start", e.Span.Start);
            json.WriteNumber("length", e.Span.Length);
            json.WriteString("text", e.Text);
            json.WriteString("phrase", e.Phrase);
            if (e.When is { } w)
            {
                json.WriteStartObject("when");
                TimelineSection.WriteWhen(json, w);
                json.WriteString("evidence", w.Evidence);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Count(Fact f) =>
        f.IndependentSources == 1 ? "1 independent source" : $"{f.IndependentSources.ToString(CultureInfo.InvariantCulture)} independent sources";

    private static string DateOf(Fact f)
    {
        var dated = f.Evidence.Where(e => e.When is not null).Select(e => e.When!).OrderBy(w => w.Date).FirstOrDefault();
        if (dated is not null) return DateFormat.Of(dated);
        return f.Published is { } p ? "published " + MarkdownBriefingRenderer.FormatDate(p) : "undated";
    }

    private static string Esc(string s) => MarkdownBriefingRenderer.Escape(s);

    private static string Cell(string s) => Esc(s).Replace("|", "\\|", StringComparison.Ordinal);
}
