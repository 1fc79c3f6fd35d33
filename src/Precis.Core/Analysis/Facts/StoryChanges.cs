using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Analysis.Facts;

public enum ChangeKind
{
    /// <summary>A frame no report before the time mentioned.</summary>
    NewFrame,
    /// <summary>A frame whose value or state changed after the time (an update made after it).</summary>
    Changed,
    /// <summary>A conflict that exists only because of a report after the time.</summary>
    NewConflict,
}

/// <summary>One thing that is new after a time, with the claims (and so the articles) that make it new.</summary>
/// <param name="Relation">The update or conflict behind a change, when there is one.</param>
/// <param name="Uncertain">True when a report it rests on is undated and only its date bounds straddle the time.</param>
public sealed record StoryChange(ChangeKind Kind, int Frame, StateStep Step, ClaimRelation? Relation, bool Uncertain);

/// <summary>
/// Update summarization over the story state: what a reader who read the briefing at a time has not seen. A report
/// is new when its article was published after the time; an undated article counts as new when its inferred
/// bounds allow a day after the time (and is marked uncertain unless they exclude every day before it).
/// </summary>
public static class StoryChanges
{
    public static ImmutableArray<StoryChange> Since(StoryReport story, ImmutableArray<Article> articles, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byNumber = articles.ToDictionary(a => a.Number);
        var cut = since.UtcDateTime;
        var cutDay = DateOnly.FromDateTime(cut);
        (bool New, bool Uncertain) isNew(int article)
        {
            var p = byNumber.TryGetValue(article, out var a) ? a.Published : null;
            if (p is null) return (true, true);
            if (!p.Inferred) return (p.Time is null ? p.Date > cutDay : p.SortKey > cut, false);
            if (p.NotBefore is { } lo && lo > cutDay) return (true, false);
            if (p.NotAfter is { } hi && hi <= cutDay) return (false, false);
            return (true, true);
        }
        return Of(story, isNew);
    }

    /// <summary>
    /// What is new in the story when <paramref name="isNew"/> says which articles a reader has not seen (by number; the
    /// server asks by ingest time, "since your last visit"). <c>Uncertain</c> marks an article that may not be new.
    /// </summary>
    public static ImmutableArray<StoryChange> Of(StoryReport story, Func<int, (bool New, bool Uncertain)> isNew)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(isNew);
        bool claimNew(int id, out bool uncertain)
        {
            var r = isNew(story.ClaimById(id).Article);
            uncertain = r.Uncertain;
            return r.New;
        }
        var changes = new List<StoryChange>();
        foreach (var frame in story.Frames)
        {
            var state = story.States[frame.Id - 1];
            bool anyOld = frame.Claims.Any(id => !claimNew(id, out _));
            if (!anyOld)
            {
                var shown = state.Current ?? state.Disputed.FirstOrDefault() ?? state.Sequence.LastOrDefault();
                if (shown is null) continue;
                bool unsure = frame.Claims.All(id => claimNew(id, out var u) && u);
                changes.Add(new StoryChange(ChangeKind.NewFrame, frame.Id, shown, null, unsure));
                continue;
            }
            foreach (var r in story.Relations.Where(r => r.Frame == frame.Id && r.Kind != RelationKind.Corroboration))
            {
                // The relation is new when one of its sides rests only on new reports.
                var fromNew = r.From.All(id => claimNew(id, out _));
                var toNew = r.To.All(id => claimNew(id, out _));
                if (!fromNew && !toNew) continue;
                var side = toNew ? r.To : r.From;
                var step = state.Sequence.Concat(state.Disputed).FirstOrDefault(s => s.Claims.SequenceEqual(side));
                if (step is null) continue;
                bool unsure = side.All(id => claimNew(id, out var u) && u);
                changes.Add(new StoryChange(r.Kind == RelationKind.Update ? ChangeKind.Changed : ChangeKind.NewConflict, frame.Id, step, r, unsure));
            }
        }
        return [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.Frame).ThenBy(c => c.Step.Claims[0])];
    }
}

/// <summary>Reads the time a "since" request gives: a day ("2026-05-08", midnight UTC) or an ISO 8601 instant.</summary>
public static class SinceTime
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        return DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }
}
