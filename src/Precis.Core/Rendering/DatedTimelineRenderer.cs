using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Rendering;

/// <summary>
/// Renders a <see cref="DatedEventTimeline"/> (<c>precis timeline</c>) as Markdown or JSON: each date with its
/// verbatim sentences cited by article number, the evidence that dates it (publication count and the referring
/// phrases), and the numbered sources the citations point to.
/// </summary>
public static class DatedTimelineRenderer
{
    public static void WriteMarkdown(DatedEventTimeline timeline, ImmutableArray<Article> articles, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Timeline");
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{timeline.Entries.Length} of {timeline.CandidateDates} candidate dates, chosen by how many articles appeared on each and how often articles of other days refer back to it."));
        if (timeline.Entries.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("_No dated events: no article has a publication day and no sentence dates an event to a day._");
        }
        foreach (var e in timeline.Entries)
        {
            writer.WriteLine();
            writer.WriteLine($"## {e.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}");
            writer.WriteLine();
            foreach (var s in e.Sentences)
            {
                var by = s.DatedBy is { } r ? $" — dated by \"{MarkdownBriefingRenderer.Escape(r.Phrase)}\"" : s.NextDay ? " — published the next day" : " — published that day";
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {MarkdownBriefingRenderer.Escape(s.Text)} [{s.Article}]{by}"));
            }
            if (e.Sentences.IsEmpty) writer.WriteLine("- _no sentence of that day passed the filters_");
            writer.WriteLine();
            writer.WriteLine($"  _Evidence: {Evidence(e.Evidence)}_");
        }
        writer.WriteLine();
        writer.WriteLine("## Sources");
        writer.WriteLine();
        var cited = timeline.Entries.SelectMany(e => e.Sentences.Select(s => s.Article).Concat(e.Evidence.Phrases.Select(p => p.Article))).ToHashSet();
        foreach (var a in articles.Where(a => cited.Contains(a.Number)))
        {
            var date = a.Published is null ? "undated" : MarkdownBriefingRenderer.FormatDate(a.Published);
            writer.WriteLine($"{a.Number}. **{MarkdownBriefingRenderer.Escape(a.Headline ?? a.Id)}** — {MarkdownBriefingRenderer.Escape(a.Outlet ?? "unknown outlet")}, {date}");
        }
    }

    public static void WriteJson(DatedEventTimeline timeline, ImmutableArray<Article> articles, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("candidateDates", timeline.CandidateDates);
            json.WriteStartArray("timeline");
            foreach (var e in timeline.Entries)
            {
                json.WriteStartObject();
                json.WriteString("date", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumber("score", Math.Round(e.Score, 4));
                json.WriteStartArray("sentences");
                foreach (var s in e.Sentences)
                {
                    json.WriteStartObject();
                    json.WriteString("text", s.Text);
                    json.WriteNumber("article", s.Article);
                    json.WriteNumber("start", s.Span.Start);
                    json.WriteNumber("length", s.Span.Length);
                    if (s.DatedBy is { } r) json.WriteString("datedBy", r.Phrase);
                    else json.WriteString("datedBy", s.NextDay ? "publication date (next day)" : "publication date");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartObject("evidence");
                json.WriteNumber("published", e.Evidence.Published);
                json.WriteNumber("references", e.Evidence.References);
                json.WriteNumber("sameDayReferences", e.Evidence.SameDayReferences);
                json.WriteStartArray("phrases");
                foreach (var p in e.Evidence.Phrases)
                {
                    json.WriteStartObject();
                    json.WriteString("phrase", p.Phrase);
                    json.WriteNumber("article", p.Article);
                    json.WriteNumber("start", p.Span.Start);
                    json.WriteString("resolution", p.Resolution);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var a in articles)
            {
                json.WriteStartObject();
                json.WriteNumber("number", a.Number);
                json.WriteString("id", a.Id);
                if (a.Headline is not null) json.WriteString("headline", a.Headline);
                if (a.Outlet is not null) json.WriteString("outlet", a.Outlet);
                if (a.Published is not null) json.WriteString("published", a.Published.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Evidence(DateEvidence e)
    {
        var parts = new List<string>
        {
            e.Published == 1 ? "1 article published that day" : string.Create(CultureInfo.InvariantCulture, $"{e.Published} articles published that day"),
            e.References == 1 ? "1 sentence of another day refers to it" : string.Create(CultureInfo.InvariantCulture, $"{e.References} sentences of other days refer to it"),
        };
        if (e.SameDayReferences > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.SameDayReferences} same-day"));
        var text = string.Join("; ", parts);
        if (!e.Phrases.IsEmpty)
        {
            text += "; e.g. " + string.Join(", ", e.Phrases.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{MarkdownBriefingRenderer.Escape(p.Phrase)}\" [{p.Article}] ({MarkdownBriefingRenderer.Escape(p.Resolution)})")));
        }
        return text;
    }
}
