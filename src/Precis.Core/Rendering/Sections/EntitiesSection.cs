using System.Text.Json;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>"Who is involved": entity groups with aliases and counts, in Markdown and JSON.</summary>
internal static class EntitiesSection
{
    /// <summary>Markdown lists this many entities per kind; JSON lists all.</summary>
    public const int MarkdownLimitPerKind = 15;

    public static void WriteMarkdown(Briefing briefing, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("## Who is involved");
        writer.WriteLine();
        if (briefing.Entities.IsEmpty)
        {
            writer.WriteLine("_No named people, organisations or places found._");
            return;
        }
        foreach (var (kind, title) in new[] { (EntityKind.Person, "People"), (EntityKind.Organization, "Organisations"), (EntityKind.Place, "Places") })
        {
            var list = briefing.Entities.Where(e => e.Kind == kind).ToList();
            if (list.Count == 0) continue;
            writer.WriteLine($"**{title}**");
            writer.WriteLine();
            foreach (var e in list.Take(MarkdownLimitPerKind))
            {
                var aliases = e.Aliases.Length > 1 ? $" (also: {MarkdownBriefingRenderer.Escape(string.Join(", ", e.Aliases.Skip(1)))})" : "";
                var sources = e.Sources == 1 ? "1 source" : $"{e.Sources} sources";
                writer.WriteLine($"- {MarkdownBriefingRenderer.Escape(e.Name)}{aliases} — {sources}, {e.MentionCount} mention{(e.MentionCount == 1 ? "" : "s")} [{string.Join(", ", e.Articles.Select(a => a.Article))}]");
            }
            if (list.Count > MarkdownLimitPerKind) writer.WriteLine($"- _and {list.Count - MarkdownLimitPerKind} more_");
            writer.WriteLine();
        }
    }

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        json.WriteStartArray("entities");
        foreach (var e in briefing.Entities)
        {
            json.WriteStartObject();
            json.WriteNumber("id", e.Id);
            json.WriteString("name", e.Name);
            json.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            json.WriteStartArray("aliases");
            foreach (var a in e.Aliases) json.WriteStringValue(a);
            json.WriteEndArray();
            json.WriteNumber("sources", e.Sources);
            json.WriteNumber("mentions", e.MentionCount);
            json.WriteStartArray("articles");
            foreach (var a in e.Articles)
            {
                json.WriteStartObject();
                json.WriteNumber("article", a.Article);
                json.WriteNumber("mentions", a.Mentions);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("spans");
            foreach (var m in e.Mentions)
            {
                json.WriteStartObject();
                json.WriteNumber("article", m.Article);
                json.WriteNumber("start", m.Span.Start);
                json.WriteNumber("length", m.Span.Length);
                json.WriteString("text", m.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
