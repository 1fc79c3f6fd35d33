using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Precis.Rendering.Html;

/// <summary>
/// Writes HTML to a <see cref="TextWriter"/>. Content goes through <see cref="Text"/>, which escapes everything markup
/// could read (&lt; &gt; &amp; quotes); only the renderer's own tags go through <see cref="Raw(string)"/>.
/// </summary>
public sealed class HtmlWriter(TextWriter writer)
{
    // Every script keeps its letters (a page in Arabic stays readable in the source); markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public TextWriter Inner { get; } = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Escapes and writes article or user content.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) Encoder.Encode(Inner, text);
        return this;
    }

    /// <summary>Writes the renderer's own markup, unescaped. Never pass content through here.</summary>
    public HtmlWriter Raw(string markup)
    {
        Inner.Write(markup);
        return this;
    }

    public HtmlWriter Raw(int number)
    {
        Inner.Write(number.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes <c> name="value"</c> with the value escaped; nothing when the value is null.</summary>
    public HtmlWriter Attr(string name, string? value)
    {
        if (value is null) return this;
        Inner.Write(' ');
        Inner.Write(name);
        Inner.Write("=\"");
        Encoder.Encode(Inner, value);
        Inner.Write('"');
        return this;
    }

    /// <summary>Writes a one-line element with escaped content: <c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? cssClass, string? text)
    {
        Raw("<").Raw(tag).Attr("class", cssClass).Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
        return this;
    }

    public static string Encode(string? text) => Encoder.Encode(text ?? "");
}
