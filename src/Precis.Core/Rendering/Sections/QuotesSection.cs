using System.Text.Json;
using Precis.Analysis.Quotes;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>"Who said what": the briefing's quotes in Markdown (grouped by speaker) and JSON.</summary>
internal static class QuotesSection
{
    public static void WriteMarkdown(Briefing briefing, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("## Who said what");
        writer.WriteLine();
        // a quoted term of one or two words inside a paraphrase ("a “scorched earth” policy") is kept in the model
        // as a partial quote but carries no statement to show
        var shown = briefing.Quotes.Where(q => !q.IsTerm).ToList();
        if (shown.Count == 0)
        {
            writer.WriteLine("_No attributed quotes found._");
            return;
        }
        // one entry per resolved speaker, in order of their first quote; each quote below it in text order
        foreach (var group in shown.GroupBy(q => SpeakerKey(q.Speaker), StringComparer.Ordinal))
        {
            var quotes = group.ToList();
            var speaker = quotes[0].Speaker;
            var roleText = quotes.Select(q => q.Speaker.Role).FirstOrDefault(r => r is not null);
            var role = roleText is null ? "" : $" — {MarkdownBriefingRenderer.Escape(OneLine(roleText))}";
            writer.WriteLine($"- **{MarkdownBriefingRenderer.Escape(speaker.Name)}**{role}");
            foreach (var q in quotes)
            {
                var outlets = q.Occurrences.Select(o => o.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).ToList();
                var outlet = outlets.Count == 0 ? "" : $" ({MarkdownBriefingRenderer.Escape(string.Join(", ", outlets))})";
                var text = MarkdownBriefingRenderer.Escape(OneLine(q.Text));
                // PRECIS: reported speech is the reporter's wording, so it is never shown inside quotation marks.
                var body = q.Kind switch
                {
                    QuoteKind.Direct => $"\u201C{text}\u201D",
                    QuoteKind.Partial => $"_in part:_ \u201C{text}\u201D",
                    _ => $"_reported:_ {text}",
                };
                writer.WriteLine($"  - {body}{outlet} [{string.Join(", ", q.Articles)}]");
            }
        }
    }

    private static string SpeakerKey(Speaker speaker) =>
        speaker.Entity is int e ? $"#{e}" : speaker.Name.ToLowerInvariant();

    public static void WriteJson(Briefing briefing, Utf8JsonWriter json)
    {
        json.WriteStartArray("quotes");
        foreach (var q in briefing.Quotes)
        {
            json.WriteStartObject();
            json.WriteNumber("id", q.Id);
            json.WriteString("kind", q.Kind switch { QuoteKind.Direct => "direct", QuoteKind.Partial => "partial", _ => "reported" });
            json.WriteString("text", q.Text);
            WriteSpeaker(json, "speaker", q.Speaker);
            json.WriteStartArray("articles");
            foreach (var a in q.Articles) json.WriteNumberValue(a);
            json.WriteEndArray();
            json.WriteStartArray("occurrences");
            foreach (var o in q.Occurrences)
            {
                json.WriteStartObject();
                json.WriteNumber("article", o.Article);
                json.WriteNumber("start", o.Span.Start);
                json.WriteNumber("length", o.Span.Length);
                if (!o.Pieces.IsDefaultOrEmpty)
                {
                    json.WriteStartArray("pieces");
                    foreach (var p in o.Pieces)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("start", p.Start);
                        json.WriteNumber("length", p.Length);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteString("outlet", o.Outlet);
                WriteSpeaker(json, "speaker", o.Speaker);
                if (o.SpeakerSpan is { } s)
                {
                    json.WriteStartObject("speakerSpan");
                    json.WriteNumber("start", s.Start);
                    json.WriteNumber("length", s.Length);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("speakerSpan");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSpeaker(Utf8JsonWriter json, string name, Speaker speaker)
    {
        json.WriteStartObject(name);
        json.WriteString("name", speaker.Name);
        json.WriteString("kind", speaker.Kind.ToString().ToLowerInvariant());
        json.WriteString("role", speaker.Role);
        if (speaker.Entity is int e) json.WriteNumber("entity", e); else json.WriteNull("entity");
        json.WriteEndObject();
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0));
}
