using System.Text.RegularExpressions;

namespace Precis.Timeline;

/// <summary>
/// What opens a sentence before its report: a wire dateline ("HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) - ",
/// "NEW ORLEANS -- "), a time stamp ("Thursday, April 29, 2010; 4:49 PM "), or the date of an entry in a timeline the
/// article itself lists ("April 28: ", "22 April - "). A timeline shows the sentence from where the report starts (a
/// verbatim slice of it; a headline run into the sentence before such a stamp goes with it), and an entry of an article's own timeline is a sentence written for a timeline.
/// </summary>
public static partial class LeadIn
{
    private const string Month = @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    private const string Weekday = @"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?";

    /// <summary>A day with a month, optionally a weekday before and a year after: "April 28", "22 April 2010", "Thu Apr 22, 2010".</summary>
    private const string Day = $@"(?:{Weekday},?\s+)?(?:{Month}\s+\d{{1,2}}|\d{{1,2}}\s+{Month})(?:,?\s+\d{{4}})?";

    // A wire credit ends the dateline: "WASHINGTON (AP) -- ", "... LONDON (Reuters) - ". Only in the first 200 characters.
    [GeneratedRegex(@"^.{0,200}?\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI|PA|Xinhua|[A-Z][A-Za-z]{1,12} Life!)\)\s*(?:-{1,2}|\u2013|\u2014)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Wire();

    // A place in capitals with a dash: "NEW ORLEANS -- ", "MOUTH OF THE MISSISSIPPI RIVER -- ".
    [GeneratedRegex(@"^[A-Z][A-Z.,' ]{2,40}?\s*(?:-{1,2}|\u2013|\u2014)\s+(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Place();

    // A time stamp: "Thursday, April 29, 2010; 4:49 PM ".
    [GeneratedRegex($@"^{Day}\s*[;,]\s*\d{{1,2}}:\d\d\s*[AaPp]\.?[Mm]\.?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();

    // A time stamp after a run-in headline and standfirst: "BP hopes to cap the flow ... Friday 4 June 2010 18.15 BST ".
    [GeneratedRegex($@"^.{{0,300}}?\b{Weekday},?\s+(?:\d{{1,2}}\s+{Month}|{Month}\s+\d{{1,2}}),?\s+\d{{4}}\s*[;,]?\s+\d{{1,2}}[.:]\d\d\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:BST|GMT|EDT|EST|CDT|CST|PDT|PST|UTC|CET)?\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex RunInStamp();

    // A timeline entry: "April 28: ", "Apr. 21 - ", "22 April 2010 — ".
    [GeneratedRegex($@"^{Day}\s*(?::|-{{1,2}}|\u2013|\u2014)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    /// <summary>Where the report starts in <paramref name="text"/> (0: no lead-in) and whether the lead-in is the
    /// date of a timeline entry.</summary>
    public static (int Start, bool IsEntry) Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Entry().Match(text) is { Success: true } e) return (e.Length, true);
        if (Stamp().Match(text) is { Success: true } s) return (s.Length, false);
        if (Wire().Match(text) is { Success: true } w) return (w.Length, false);
        if (RunInStamp().Match(text) is { Success: true } r) return (r.Length, false);
        if (Place().Match(text) is { Success: true } p) return (p.Length, false);
        return (0, false);
    }
}
