using System.Collections.Immutable;
using System.Globalization;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>A count or a state.</summary>
public enum ClaimKind
{
    /// <summary>A number of something: people killed, displaced, homes destroyed.</summary>
    Count,
    /// <summary>A state that can flip: who holds a place, whether a fire is contained, a road open.</summary>
    State,
}

/// <summary>What a claim asserts: an interval of counts, or a state (who or what, in which status).</summary>
/// <param name="Count">The count, for <see cref="ClaimKind.Count"/>.</param>
/// <param name="Holder">For control: who holds (or lost) the place, as written ("Syrian troops"); null when unnamed.</param>
/// <param name="HolderKey">The holder folded for comparison (entity name or head concept); "" when unnamed.</param>
/// <param name="Status">The state after reading any negation: "controls", "lost", "contained", "not-contained", "open", ...</param>
/// <param name="Negated">True when the text says it with a negation or a denial ("denied it had lost the town").</param>
public sealed record ClaimValue(Quantity? Count, string? Holder, string HolderKey, string? Status, bool Negated)
{
    /// <summary>The value as a reader should see it.</summary>
    public string Display
    {
        get
        {
            if (Count is { } q) return QuantityText(q);
            // "held by The army": a sentence-initial determiner is lower-cased inside the value.
            var who = Holder is null ? "" : " " + (Holder.StartsWith("The ", StringComparison.Ordinal) ? "the " + Holder[4..] : Holder);
            return Status switch
            {
                "controls" => Holder is null ? "taken" : $"held by{who}",
                "lost" => Holder is null ? "lost" : $"lost by{who}",
                "won" => Holder is null ? "won" : $"won by{who}",
                "not-won" => Holder is null ? "not won" : $"not won by{who}",
                null => "?",
                var s => s.Replace('-', ' '),
            };
        }
    }

    /// <summary>Whether two values can both be true of one frame at one time.</summary>
    public bool CompatibleWith(ClaimValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count is { } a && other.Count is { } b) return a.CompatibleWith(b);
        if (Count is not null || other.Count is not null) return false;
        return SameState(this, other);
    }

    internal static bool SameState(ClaimValue a, ClaimValue b)
    {
        bool holders = a.HolderKey.Length == 0 || b.HolderKey.Length == 0 || a.HolderKey == b.HolderKey;
        if (a.Status == b.Status) return holders;
        // "A took the town" and "B lost the town" say the same thing when A and B are different named sides.
        if (a.Status is "controls" or "lost" && b.Status is "controls" or "lost")
        {
            return a.HolderKey.Length > 0 && b.HolderKey.Length > 0 && a.HolderKey != b.HolderKey;
        }
        return false;
    }

    internal static string QuantityText(Quantity q)
    {
        if (q.Qualifier == QuantityQualifier.Vague) return q.Phrase.ToLowerInvariant();
        string n(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (q.Qualifier == QuantityQualifier.Exact && q.High > q.Low) return $"{n(q.Low)}–{n(q.High)}";
        var qualifier = q.Qualifier switch
        {
            QuantityQualifier.AtLeast => "at least ",
            QuantityQualifier.MoreThan => "more than ",
            QuantityQualifier.About => "about ",
            QuantityQualifier.Nearly => "nearly ",
            QuantityQualifier.UpTo => "up to ",
            QuantityQualifier.FewerThan => "fewer than ",
            _ => "",
        };
        return qualifier + n(q.Value);
    }
}

/// <summary>
/// One claim: what is measured or asserted, about what, where, when the event happened, who asserts it, the value,
/// and the evidence span.
/// </summary>
/// <param name="Id">1-based, in article then text order.</param>
/// <param name="Span">The sentence's range in the article's text; <see cref="Text"/> is that slice.</param>
/// <param name="Evidence">The range of the words that carry the value (the number with its noun, or the state verb).</param>
/// <param name="Measure">The concept measured: "killed", "injured", "displaced", "control", "containment", ...</param>
/// <param name="Counted">For counts, the class of what is counted ("people", "fighters"), or null when not said.</param>
/// <param name="Subject">For states, what the state is about (a place's canonical name, "fire"); for counts the incident noun.</param>
/// <param name="Place">The place the claim is about (the entity stage's canonical name), or null.</param>
/// <param name="Running">True for a running count (over a period: "since Friday", "in six days of bombing") rather than one incident.</param>
/// <param name="When">The event time the dates stage gives for it, or null.</param>
/// <param name="Reported">The day its article was published (or the first day it can have been), or null.</param>
/// <param name="ReportedBy">The last day its article can have been published, or null.</param>
/// <param name="Chain">Who asserts it, original speaker first, the article's agency and outlet last.</param>
/// <param name="Source">The independence key: the original asserter, or the article's syndication group when it speaks in its own voice.</param>
/// <param name="Group">The article's syndication group: copies of one report never count as two sources.</param>
/// <param name="Cue">A revision cue in the claim's clause ("rose to", "now", "again", "revised"), or null.</param>
public sealed record Claim(
    int Id,
    int Article,
    int Sentence,
    TextSpan Span,
    string Text,
    TextSpan Evidence,
    string EvidenceText,
    ClaimKind Kind,
    string Measure,
    string? Counted,
    string? Subject,
    string? Place,
    bool Running,
    DateResolution? When,
    DateOnly? Reported,
    DateOnly? ReportedBy,
    ClaimValue Value,
    ImmutableArray<string> Chain,
    string Source,
    string? Cue,
    DateOnly? PlacedAfter = null,
    int Group = 0)
{
    /// <summary>
    /// The day the claimed value holds from: its own day-precise date, else its report's first possible day, or for a
    /// report with no stated date, the latest dated event it recounts (<see cref="PlacedAfter"/>) when that is later.
    /// </summary>
    public DateOnly? AsOf
    {
        get
        {
            if ((Kind == ClaimKind.State || Running) && OwnDay is { } own) return own;
            if (PlacedAfter is { } floor && (Reported is null || floor > Reported)) return floor;
            return Reported;
        }
    }

    private DateOnly? OwnDay => When is { Precision: >= DatePrecision.Day } w && w.Start == w.End ? w.Date : null;

    /// <summary>True when the claim's time is known from its own date or a stated publication date (not only bounds).</summary>
    public bool Dated => ((Kind == ClaimKind.State || Running) && OwnDay is not null) || (Reported is not null && Reported == ReportedBy);
}

/// <summary>What a set of claims is about: same measure, same subject or incident, compatible place and time.</summary>
/// <param name="Label">For a reader: "people killed — air strike, Sukariya", "control of Albu Kamal".</param>
public sealed record ClaimFrame(int Id, ClaimKind Kind, string Measure, string Label, string? Place, string? Subject, bool Running, ImmutableArray<int> Claims);

public enum RelationKind
{
    /// <summary>Compatible values from at least two independent sources.</summary>
    Corroboration,
    /// <summary>A later report or a later event time revises the value or the state.</summary>
    Update,
    /// <summary>Incompatible values for the same frame and time from different sources.</summary>
    Conflict,
}

/// <summary>A relation between claims of one frame.</summary>
/// <param name="From">Corroboration: every claim of the group. Update: the earlier value's claims. Conflict: one side.</param>
/// <param name="To">Update: the later value's claims. Conflict: the other side. Corroboration: empty.</param>
/// <param name="IndependentSources">Distinct independence keys among the claims of the relation.</param>
/// <param name="Note">Why, for a reader (cue, dates, sources).</param>
public sealed record ClaimRelation(RelationKind Kind, int Frame, ImmutableArray<int> From, ImmutableArray<int> To, int IndependentSources, string Note);

/// <summary>One value a frame went through, with the claims that assert it.</summary>
/// <param name="AsOf">The first day the value is reported to hold, when known.</param>
/// <param name="Articles">The articles that carry it, ascending.</param>
/// <param name="IndependentSources">Distinct independence keys among its claims.</param>
/// <param name="AfterOnly">True when <paramref name="AsOf"/> is only a lower bound: the reports are undated and placed after the dated events they recount.</param>
public sealed record StateStep(ClaimValue Value, DateOnly? AsOf, ImmutableArray<int> Claims, ImmutableArray<int> Articles, int IndependentSources, bool AfterOnly = false);

/// <summary>
/// Where a frame stands: the current value (null when the latest reports conflict: then <see cref="Disputed"/> lists the
/// sides), and the sequence of values before it, in time order (the current value last when there is one).
/// </summary>
public sealed record FrameState(int Frame, StateStep? Current, ImmutableArray<StateStep> Disputed, ImmutableArray<StateStep> Sequence);

/// <summary>The story as it evolves: claims, the frames they are about, relations within frames, and each frame's state.</summary>
public sealed record StoryReport(ImmutableArray<Claim> Claims, ImmutableArray<ClaimFrame> Frames, ImmutableArray<ClaimRelation> Relations, ImmutableArray<FrameState> States)
{
    public static StoryReport Empty { get; } = new([], [], [], []);

    public Claim ClaimById(int id) => Claims[id - 1];

    public ClaimFrame FrameById(int id) => Frames[id - 1];

    /// <summary>Frames worth a line: with an update or conflict, or corroborated, or with two or more claims; states first, then most related and supported.</summary>
    public IEnumerable<ClaimFrame> NotableFrames() =>
        Frames
            .Select(f => (Frame: f, Rel: Relations.Count(r => r.Frame == f.Id && r.Kind != RelationKind.Corroboration),
                Sources: States[f.Id - 1].Sequence.Concat(States[f.Id - 1].Disputed).Select(s => s.IndependentSources).DefaultIfEmpty(0).Max()))
            .Where(x => x.Rel > 0 || x.Sources >= 2 || x.Frame.Claims.Length >= 2)
            .OrderByDescending(x => x.Frame.Kind == ClaimKind.State ? 1 : 0).ThenByDescending(x => x.Rel).ThenByDescending(x => x.Sources)
            .ThenByDescending(x => x.Frame.Claims.Length).ThenBy(x => x.Frame.Id)
            .Select(x => x.Frame);
}
