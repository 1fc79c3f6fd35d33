using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Rendering;

/// <summary>Renders a briefing as JSON; the schema is documented in docs/briefing-schema.md.</summary>
public sealed class JsonBriefingRenderer : IBriefingRenderer
{
    public static JsonBriefingRenderer Default { get; } = new();

    public const int SchemaVersion = 1;

    public string Format => "json";

    public void Render(Briefing briefing, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(briefing, json);
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    public static void Write(Briefing briefing, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("id", briefing.Id);
        json.WriteStartObject("summary");
        json.WriteString("method", briefing.Summary.Method);
        json.WriteString("budget", briefing.Summary.Budget.ToString());
        json.WriteStartArray("sentences");
        foreach (var s in briefing.Summary.Sentences)
        {
            json.WriteStartObject();
            json.WriteString("text", s.Text);
            json.WriteStartArray("citations");
            foreach (var c in s.Citations) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteStartArray("equivalents");
            foreach (var e in s.Equivalents)
            {
                json.WriteStartObject();
                json.WriteNumber("article", e.Article);
                json.WriteString("text", e.Text);
                json.WriteNumber("start", e.Span.Start);
                json.WriteNumber("length", e.Span.Length);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("article", s.Origin.Article);
            json.WriteNumber("start", s.Origin.Span.Start);
            json.WriteNumber("length", s.Origin.Span.Length);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("sources");
        foreach (var a in briefing.Articles)
        {
            json.WriteStartObject();
            json.WriteNumber("number", a.Number);
            json.WriteString("id", a.Id);
            json.WriteString("origin", a.Origin);
            json.WriteString("headline", a.Headline);
            json.WriteString("outlet", a.Outlet);
            json.WriteString("byline", a.Byline);
            json.WriteString("dateline", a.Dateline);
            json.WriteString("url", a.Url);
            if (a.Published is { } d)
            {
                json.WriteStartObject("published");
                json.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("time", d.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));
                json.WriteString("precision", d.Precision.ToString().ToLowerInvariant());
                json.WriteBoolean("inferred", d.Inferred);
                json.WriteString("evidence", d.Evidence);
                Sections.InferredDate.WriteBounds(d, json);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("published");
            }
            json.WriteNumber("syndicationGroup", briefing.GroupOf(a.Number).Id);
            json.WriteStartArray("removed");
            foreach (var r in a.Removed)
            {
                json.WriteStartObject();
                json.WriteString("text", r.Text);
                json.WriteString("reason", r.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("syndicationGroups");
        foreach (var g in briefing.SyndicationGroups)
        {
            json.WriteStartObject();
            json.WriteNumber("id", g.Id);
            json.WriteStartArray("articles");
            foreach (var n in g.Articles) json.WriteNumberValue(n);
            json.WriteEndArray();
            json.WriteNumber("similarity", Math.Round(g.Similarity, 4));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        Sections.TimelineSection.WriteJson(briefing, json);
        Sections.FactsSection.WriteJson(briefing, json);
        Sections.StorySection.WriteJson(briefing, json);
        Sections.SinceSection.WriteJson(briefing, json);
        Sections.QuotesSection.WriteJson(briefing, json);
        Sections.EntitiesSection.WriteJson(briefing, json);

        json.WriteStartArray("diagnostics");
        foreach (var d in briefing.Diagnostics) json.WriteStringValue(d.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
