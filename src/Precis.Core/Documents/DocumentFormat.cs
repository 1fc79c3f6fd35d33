namespace Precis.Documents;

public enum DocumentFormat
{
    PlainText,
    Markdown,
    Html,
    /// <summary>A JSON record (or a JSON-lines line) with fields id, title, source, url, published, text | html.</summary>
    JsonRecord,
}
