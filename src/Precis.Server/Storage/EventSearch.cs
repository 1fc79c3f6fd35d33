namespace Precis.Server.Storage;

/// <summary>How the events list is ordered.</summary>
public enum EventSort
{
    /// <summary>Most recently changed first (the default).</summary>
    Activity,
    /// <summary>Most recently created first.</summary>
    Created,
    /// <summary>Most distinct outlets first.</summary>
    Sources,
}

/// <summary>A search of the events list. Every criterion is optional; all given ones must hold.</summary>
/// <param name="Words">Words that must each appear (case-insensitive substring) in a headline or the text of one of the event's articles.</param>
/// <param name="From">Only events with an article published (or, when undated, ingested) on or after this day.</param>
/// <param name="To">Only events with an article published (or ingested) on or before this day.</param>
/// <param name="Outlet">Only events with an article from this outlet (exact name).</param>
public sealed record EventQuery(
    IReadOnlyList<string> Words,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Outlet = null,
    EventSort Sort = EventSort.Activity,
    int Offset = 0,
    int Limit = 50)
{
    /// <summary>At most this many words are used (the rest are ignored): each is one indexed-free scan condition.</summary>
    public const int MaxWords = 8;

    /// <summary>Splits a search box's text into words (whitespace-separated, at most <see cref="MaxWords"/>, each at most 64 chars).</summary>
    public static IReadOnlyList<string> WordsOf(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 64 ? w[..64] : w).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList();
}

/// <summary>Searching and filtering the events list, server-side. Implemented by the SQL stores.</summary>
public interface IEventSearch
{
    Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>The distinct outlets of stored articles, by name (at most <paramref name="limit"/>), for the filter.</summary>
    Task<IReadOnlyList<string>> ListOutletsAsync(int limit, CancellationToken cancellationToken = default);
}
