using System.Text;
using System.Text.RegularExpressions;

namespace Precis.Cleaning;

/// <summary>
/// Shape rules for single lines of page furniture. Each rule reads one line (its <see cref="TextLine.Core"/>) and
/// names a reason, or returns null. The rules look at line shape and wording patterns that recur across news sites
/// (caption labels, credit suffixes, imperative calls to action addressed to the reader, CMS stubs), in the spirit
/// of boilerplate detectors such as jusText (Pomikálek 2011) and Boilerpipe (Kohlschütter et al. 2010): short,
/// sentence-less, reader-addressed lines are furniture; long sentences are content.
/// </summary>
internal static partial class FurnitureRules
{
    public const string CaptionLabel = FurnitureReasons.CaptionLabel;
    public const string Caption = FurnitureReasons.Caption;
    public const string Credit = FurnitureReasons.Credit;
    public const string Image = FurnitureReasons.Image;
    public const string CallToAction = FurnitureReasons.CallToAction;
    public const string Related = FurnitureReasons.Related;
    public const string Advertisement = FurnitureReasons.Advertisement;
    public const string Cookie = FurnitureReasons.Cookie;
    public const string Stub = FurnitureReasons.Stub;
    public const string AgencyTag = FurnitureReasons.AgencyTag;
    public const string Navigation = FurnitureReasons.Navigation;
    public const string Copyright = FurnitureReasons.Copyright;
    public const string Boilerplate = FurnitureReasons.Boilerplate;

    // Longest caption accepted by the caption rules, in words. Captions on news sites are one or two sentences;
    // BBC and AFP captions in practice stay under ~45 words; 60 leaves room without reaching typical paragraphs.
    public const int MaxCaptionWords = 60;

    // Calls to action, navigation and stubs are short: a sentence-long paragraph of content is not one of them.
    private const int MaxCallToActionWords = 30;

    /// <summary>
    /// Rules that hold anywhere, even on the first line (which is otherwise protected as the headline candidate):
    /// no headline, byline or date line has these shapes.
    /// </summary>
    public static string? Strong(TextLine line)
    {
        var c = line.Core;
        int w = line.WordCount;
        if (Markup.IsImageOnly(line.Text)) return Image;
        if (w == 0) return Navigation; // a line of symbols only: separators, "* * *", "|"
        if (CaptionLabelRegex().IsMatch(c)) return CaptionLabel;
        if (w <= MaxCaptionWords && InlineCaptionLabel().IsMatch(c)) return Caption;
        if (w <= MaxCaptionWords && MayContain(c, "image", "photo", "picture", "video") && ImageSourceRegex().IsMatch(c)) return Credit;
        if (w <= 12 && CreditOnly().IsMatch(c)) return Credit;
        if (w <= MaxCaptionWords && ((MayContain(c, "photo", "pic", "image", "credit") && CreditSuffix().IsMatch(c))
            || (c.Contains("PHOTO", StringComparison.Ordinal) && AgencyPhotoSuffix().IsMatch(c))
            || ((c.EndsWith(')') || c.EndsWith(").", StringComparison.Ordinal)) && ParenCreditSuffix().IsMatch(c)))) return Caption;
        if (w <= 60 && IsCookieNotice(c)) return Cookie;
        if (w <= 30 && MayContain(c, "\u00A9", "(c)", "copyright", "all rights reserved") && CopyrightRegex().IsMatch(c)) return Copyright;
        if (w <= 8 && IsStub(c)) return Stub;
        if (AgencyTagLine().IsMatch(c)) return AgencyTag;
        if (w <= 3 && AdvertisementRegex().IsMatch(c)) return Advertisement;
        if (IsNavigation(c)) return Navigation;
        return null;
    }

    /// <summary>Rules that could misfire on a headline, byline or date line; not applied to those.</summary>
    public static string? Weak(TextLine line)
    {
        var c = line.Core;
        int w = line.WordCount;
        if (w <= MaxCallToActionWords && RelatedPrefix().IsMatch(c)) return Related;
        if (w <= MaxCallToActionWords && IsCallToAction(c, w)) return CallToAction;
        if (w <= MaxCaptionWords && IsPhotoDescription(c)) return Caption;
        return null;
    }

    /// <summary>A line of article metadata: "By ..." (up to 20 words), or a short line carrying a full date.</summary>
    // Date lines ("March 3, 2026 | 9:15 AM", "Published on Tuesday 3 March 2026 at 09:15 GMT by admin") stay within
    // 12 words; a longer line with a date is a sentence or a caption.
    public static bool IsBylineOrDate(TextLine line) =>
        (line.WordCount <= 20 && BylineRegex().IsMatch(line.Core)) || (line.WordCount <= 12 && HasDate(line.Core));

    public static bool HasDate(string c) => HasDigit(c) && (FullDate().IsMatch(c) || NumericDate().IsMatch(c) || IsoDate().IsMatch(c)); // all three need a digit

    private static bool HasDigit(string c)
    {
        foreach (char ch in c) if (char.IsDigit(ch)) return true;
        return false;
    }

    /// <summary>
    /// Cheap pre-check before a case-insensitive regex: false only when none of the literal words the pattern needs
    /// occurs. Lines with non-ASCII characters always go to the regex (its case folding differs from ordinal
    /// ignore-case there, e.g. the Kelvin sign), so the pre-check never changes a result.
    /// </summary>
    private static bool MayContain(string c, params ReadOnlySpan<string> words)
    {
        if (!Ascii.IsValid(c)) return true;
        foreach (var word in words) if (c.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Ends like a sentence (or a quotation that ends one); headings, menus and prompts don't.</summary>
    public static bool EndsSentence(string c) =>
        c.Length > 0 && c[^1] is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or ')' or ':' or ';' or '…';

    private static bool IsCallToAction(string c, int words)
    {
        if (!CallToActionStart().IsMatch(c)) return false;
        // A short prompt needs nothing more; a longer one must address the reader or name the channel
        // ("our newsletter", "your inbox", "Facebook"), which content sentences starting with the same verb rarely do.
        return words <= 6 || ReaderAddress().IsMatch(c);
    }

    private static bool IsCookieNotice(string c) =>
        MayContain(c, "cookie") && CookieWord().IsMatch(c) && CookieContext().IsMatch(c);

    private static bool IsStub(string c)
    {
        if (HasDate(c)) return false; // "09/11/2017 06:22 by admin" is the date line: metadata reads it
        return StubRegex().IsMatch(c) || RelativeTimestamp().IsMatch(c);
    }

    /// <summary>
    /// A menu row: three or more items separated by bars, bullets, chevrons or runs of spaces, each item at most
    /// three words, none ending a sentence.
    /// </summary>
    private static bool IsNavigation(string c)
    {
        if (MenuWordLine().IsMatch(c)) return true;
        if (TextLine.CountWords(c) > 20) return false; // the final test below fails anyway; skip the split
        var items = MenuSeparator().Split(c);
        int n = 0;
        foreach (var raw in items)
        {
            var item = raw.Trim();
            if (item.Length == 0) continue;
            if (TextLine.CountWords(item) > 3 || EndsSentence(item)) return false;
            n++;
        }
        return n >= 3 && TextLine.CountWords(c) <= 20;
    }

    /// <summary>
    /// An uncredited photo caption: one sentence in the present progressive ("are watching", "is carrying") that
    /// ends with "on &lt;full date&gt;" — the shape of wire-photo captions (AP/AFP/Reuters caption style guides).
    /// </summary>
    private static bool IsPhotoDescription(string c) =>
        EndsWithYear(c) && c.Contains("ing", StringComparison.Ordinal) && PresentProgressive().IsMatch(c) && EndsWithDate().IsMatch(c) && SentenceCount(c) == 1;

    // EndsWithDate needs a final "\d{4}\.?"
    private static bool EndsWithYear(string c) =>
        c.Length > 1 && (char.IsDigit(c[^1]) || (c[^1] == '.' && char.IsDigit(c[^2])));

    private static int SentenceCount(string c)
    {
        int n = 0;
        for (int i = 0; i < c.Length; i++)
        {
            if (c[i] is '.' or '!' or '?' && (i == c.Length - 1 || (c[i + 1] == ' ' && i + 2 < c.Length && char.IsUpper(c[i + 2])))) n++;
        }
        return Math.Max(n, 1);
    }

    // "Image caption," / "Media caption," (BBC), "Photo caption:", "Video caption"
    [GeneratedRegex(@"^(image|media|video|photo|picture|gallery)\s+caption\s*[,:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionLabelRegex();

    [GeneratedRegex(@"^(image|media|video|photo|picture)\s+caption\s*[,:]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineCaptionLabel();

    // "Image source, AFP", "Image copyright Getty Images", also glued to alt text ("...Deir al-ZourImage source, AFP")
    [GeneratedRegex(@"(?i:image|photo|picture|video)\s+(?i:source|copyright|credit)\s*[,:]?\s*\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex ImageSourceRegex();

    // A line that is only a credit: "Photo: Calder Courier / J. Smith", "(Photo: AFP)", "Picture by Jane Doe", "Credit: Reuters"
    [GeneratedRegex(@"^[\(\[]?(photo(graph)?s?|images?|pictures?|pics?|credits?|video|footage|illustration)\s*(by\b|:|-|–|—|/|\|)\s*[^.!?]{1,80}[\)\]]?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditOnly();

    // A caption ending with its credit: "... on November 12. Photo - Reuters", "... Thursday. Photo: Calder Courier / J. Penrose".
    // The credit keyword must follow a sentence end or a separator, so "he took a photo of them" does not match.
    [GeneratedRegex(@"(^|[.!?""”)]\s+|\s[-–—|/]\s*)(?i:photo(graph)?s?|pictures?|images?|pic|credit)\s*[-–—:/|]\s*\p{Lu}[^.!?]{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditSuffix();

    // Wire-agency photo credit: "... 2017. / AFP PHOTO / STRINGER", "... | REUTERS PHOTO"
    [GeneratedRegex(@"[/|]\s*\p{Lu}{2,}\s+PHOTO\b[\p{Lu}\s/.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPhotoSuffix();

    // "... on March 3, 2026. (Photo: NWS)", "(Image: Getty)", "(AP Photo/Jane Doe)"
    [GeneratedRegex(@"\(((?i:photo|image|picture|credit)|\p{Lu}{2,}\s+(?i:photo))s?\s*[:/-]?[^()]{0,60}\)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ParenCreditSuffix();

    [GeneratedRegex(@"\bcookies?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieWord();

    [GeneratedRegex(@"\b(accept|consent|privacy|policy|we use|this (site|website)|your experience|settings|preferences)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieContext();

    [GeneratedRegex(@"^(©|\(c\)\s|copyright\b)|\ball rights reserved\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightRegex();

    // CMS stubs: "Published", "Updated", "Published by admin", "06:22 by admin", "Posted 14:05 GMT", a lone "18:40".
    // "by <name>" alone is a byline and kept, unless the name is a CMS default account.
    [GeneratedRegex(@"^(?=.*\S)((published|updated|posted|last updated|modified|first published)\b\s*:?\s*(on\s+)?)?(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*\p{Lu}{2,4})?\s*)?(by\s+(admin|administrator|webmaster|editor|user\d*|root|staff writer)\s*)?$|^(published|updated|posted|last updated|modified)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StubRegex();

    // "2 hours ago", "5 min read", "Updated 3 hours ago"
    [GeneratedRegex(@"^((published|updated|posted)\s+)?\d+\s+(sec|second|min|minute|hour|hr|day)s?\s+(ago|read)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTimestamp();

    // A trailing agency tag on its own line: "- AFP", "— NWS", "(Reuters)", "(NWS)", "AFP", "Reuters/AP"
    [GeneratedRegex(@"^([-–—]\s*\(?\p{Lu}[\p{L}]{1,11}(\s*/\s*\p{Lu}[\p{L}]{1,11})?\)?|\(\p{Lu}[\p{L}]{1,11}(\s*/\s*\p{Lu}[\p{L}]{1,11})?\)|\p{Lu}{2,8}(\s*/\s*\p{Lu}{2,8})?)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyTagLine();

    [GeneratedRegex(@"^(advertisement|advert|sponsored( content)?|promoted( content)?|ad|paid content|partner content)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementRegex();

    [GeneratedRegex(@"\s*[|•·»›>]\s*|\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MenuSeparator();

    [GeneratedRegex(@"^(skip to (main )?content|skip navigation|main menu|menu|search|back to top|top stories|toggle navigation|close|open menu)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MenuWordLine();

    // "Related:", "Read more:", "See also:", "Also read:", "More on this story", "Most read", "Recommended"
    [GeneratedRegex(@"^(related( (stories|articles|coverage|content|news))?|read (more|also|next)|see also|also read|also see|more on this( story)?|more from|most read|most popular|recommended( for you)?|you (may|might) also (like|be interested))\b\s*[:\-–—]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedPrefix();

    // Imperative verbs of reader prompts at the start of the line.
    [GeneratedRegex(@"^(subscribe|sign up|signup|register (now|for|here|today)|follow (us|our|the latest|live)|like us|join (us|our)|share (this|on|via|the (story|article)|your)|download (our|the)|get (our|the latest|breaking|the app|the best|the day|unlimited)|read the full|click (here|to|for)|tap (here|to)|listen (to (the full|our|this|the latest)|live|again|now)|watch (the (full|video)|live|now|our|video)|don'?t miss|never miss|sign in|log in|email us|send us|tell us|contact us|continue reading|story continues|scroll (down|to)|leave a comment|print this|save (this|for later)|support (our|us|independent))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToActionStart();

    [GeneratedRegex(@"\b(us|our|your|you|newsletters?|app|inbox|here|updates|alerts|facebook|twitter|x|instagram|whatsapp|telegram|youtube|linkedin|tiktok|podcasts?|weekdays|daily|free)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReaderAddress();

    [GeneratedRegex(@"\b(is|are)\s+\p{Ll}{3,}ing\b", RegexOptions.CultureInvariant)]
    private static partial Regex PresentProgressive();

    [GeneratedRegex(@"\bon\s+(((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{Ll}*\.?\s+\d{1,2},?\s+\d{4})|(\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{Ll}*\.?\s+\d{4}))\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithDate();

    [GeneratedRegex(@"^(?i:by)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"\b((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{Ll}*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{Ll}*\.?\s+\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
