using System.Collections.Immutable;

namespace Precis.Evaluation.Timex;

/// <summary>One TIMEX3: character offsets into its article's text (end exclusive), TYPE and normalised VALUE.</summary>
public sealed record TimexAnnotation(int Start, int End, string Type, string Value)
{
    /// <summary>Optional TimeML <c>mod</c> (START, MID, END, APPROX ...); not scored by TE3 Task A.</summary>
    public string? Mod { get; init; }
}

/// <summary>
/// An article of a TempEval-3 style bench file: id, document creation time (<see cref="Dct"/>, day precision), text
/// and, for gold files, its timexes. A system-output line has only id and timexes (<see cref="Text"/> is empty).
/// </summary>
public sealed record TimexDocument(string Id, string Corpus, DateOnly? Dct, string Text, ImmutableArray<TimexAnnotation> Timexes);
