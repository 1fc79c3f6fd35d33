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
        var groups = BySpeaker(briefing);
        if (groups.Count == 0)
        {
            writer.WriteLine("_No attributed quotes found._");
            return;
        }
        foreach (var (speaker, roleText, quotes) in groups)
        {
            var role = roleText is null ? "" : $" — {MarkdownBriefingRenderer.Escape(roleText)}";
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

    /// <summary>One speaker of "Who said what": the speaker, a role (one line) when a report gives one, and the quotes.</summary>
    internal sealed record SpeakerQuotes(Speaker Speaker, string? Role, IReadOnlyList<Quote> Quotes);

    /// <summary>
    /// Quotes grouped by resolved speaker, in order of each speaker's first quote, each quote in text order. A quoted
    /// term of one or two words inside a paraphrase ("a “scorched earth” policy") is kept in the model as a partial
    /// quote but carries no statement to show, so it is left out. Both renderers read this.
    /// </summary>
    internal static IReadOnlyList<SpeakerQuotes> BySpeaker(Briefing briefing) =>
        [.. briefing.Quotes.Where(q => !q.IsTerm).GroupBy(q => SpeakerKey(q.Speaker), StringComparer.Ordinal).Select(g =>
        {
            var quotes = g.ToList();
            var role = quotes.Select(q => q.Speaker.Role).FirstOrDefault(r => r is not null);
            return new SpeakerQuotes(quotes[0].Speaker, role is null ? null : OneLine(role), quotes);
        })];

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
