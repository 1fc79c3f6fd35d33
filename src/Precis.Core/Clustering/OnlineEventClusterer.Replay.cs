namespace Precis.Clustering;

/// <summary>A decision another clusterer made could not be replayed here: this clusterer's state is not the one that
/// decision was made in (a gap in what was replayed, an unknown event or article). The caller rebuilds.</summary>
public sealed class ReplayMismatchException(string message) : InvalidOperationException(message);

/// <summary>An event's cached centroid norm (<see cref="OnlineEventClusterer.TakeNorms"/>): the value and the article
/// count it was computed at, as the deciding clusterer holds it.</summary>
public readonly record struct CachedNorm(long EventId, int Stamp, double Norm);

public sealed partial class OnlineEventClusterer
{
    // With RecordNorms: the events whose centroid norm was computed since the last TakeNorms.
    private HashSet<EventState>? _normsRead;

    /// <summary>Whether the clusterer records which cached centroid norms its decisions computed
    /// (<see cref="TakeNorms"/>). A norm is cached until the event changes or the article count grows by 5 %, so its
    /// value depends on when a decision first read it; a replica that replays the decisions (<see cref="Replay"/>)
    /// reads none, and takes the deciding clusterer's cached norms (<see cref="RestoreNorm"/>) to stay exact.</summary>
    public bool RecordNorms
    {
        get => _normsRead is not null;
        set => _normsRead = value ? _normsRead ?? [] : null;
    }

    /// <summary>The cached centroid norms computed since the last call that are still valid, by event id, and forgets
    /// them (empty unless <see cref="RecordNorms"/>).</summary>
    public IReadOnlyList<CachedNorm> TakeNorms()
    {
        if (_normsRead is not { Count: > 0 } read) return [];
        var norms = new List<CachedNorm>(read.Count);
        foreach (var e in read)
        {
            if (e.NormStamp > 0 && _events.TryGetValue(e.Id, out var live) && ReferenceEquals(live, e)) norms.Add(new CachedNorm(e.Id, e.NormStamp, e.Norm));
        }
        read.Clear();
        norms.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        return norms;
    }

    /// <summary>Sets a live event's cached centroid norm to what the deciding clusterer held (see <see cref="RecordNorms"/>).</summary>
    public void RestoreNorm(CachedNorm norm)
    {
        if (!_events.TryGetValue(norm.EventId, out var e) || norm.Stamp <= 0 || norm.Stamp > _documentCount)
            throw new ReplayMismatchException($"cached norm of event {norm.EventId} at {norm.Stamp} articles does not fit");
        e.Norm = norm.Norm;
        e.NormStamp = norm.Stamp;
    }

    /// <summary>
    /// Applies a decision another clusterer made (<see cref="Add"/> on the same state) without deciding anything:
    /// the article is read (term statistics, boilerplate openings) and added to <paramref name="joinedEventId"/>
    /// (<see cref="ClusterDecision.JoinedEventId"/>; the next event id when it opened one), the merge pass's counters
    /// advance as they did, <paramref name="merges"/> are applied in order, the split check's stamp is set where a check
    /// ran, and <paramref name="split"/>, if any, moves the kept members it lists. The state after it is the deciding
    /// clusterer's after its decision: same centroids, kept members and their order, split stamps, counters, retired
    /// events (cached centroid norms aside: see <see cref="RecordNorms"/>). Unlike <see cref="Restore"/>, which replays
    /// an article into its final event and so cannot reproduce merges and splits.
    /// <para>Throws <see cref="ReplayMismatchException"/> when the decision cannot have been made in this state; the
    /// clusterer is then partly changed and must be rebuilt.</para>
    /// </summary>
    public void Replay(ClusterInput input, long joinedEventId, IReadOnlyList<EventMerge> merges, EventSplit? split)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(merges);
        var article = Prepare(input);
        if (article.Rejection is not null)
        {
            if (joinedEventId != _nextEventId || merges.Count > 0 || split is not null)
                throw new ReplayMismatchException($"article {input.Id}: a rejected document opens event {_nextEventId}, not {joinedEventId}");
            long rid = _nextEventId++;
            var rejected = new EventState(rid, article) { Rejected = true };
            _events.Add(rid, rejected);
            AddToEvent(rejected, article);
            return;
        }

        bool opened;
        if (_events.TryGetValue(joinedEventId, out var target) && !target.Rejected)
        {
            opened = false;
        }
        else if (joinedEventId == _nextEventId)
        {
            opened = true;
            _nextEventId++;
            target = new EventState(joinedEventId, article);
            _events.Add(joinedEventId, target);
        }
        else
        {
            throw new ReplayMismatchException($"article {input.Id}: event {joinedEventId} is neither live nor the next one ({_nextEventId})");
        }
        AddToEvent(target, article);
        // MergeNeighbours marks the grown event touched and MergePass counts the article (and empties the touched set
        // when its pass runs); the pass's merges are among the logged ones.
        if (_options.MergePassInterval > 0)
        {
            _touched.Add(target.Id);
            if (++_sincePass >= _options.MergePassInterval)
            {
                _sincePass = 0;
                _touched.Clear();
            }
        }
        foreach (var merge in merges)
        {
            if (merge.Into >= merge.Absorbed || !_events.TryGetValue(merge.Into, out var into) || !_events.TryGetValue(merge.Absorbed, out var absorbed)
                || into.Rejected || absorbed.Rejected)
                throw new ReplayMismatchException($"article {input.Id}: merge of {merge.Absorbed} into {merge.Into} does not fit");
            Absorb(into, absorbed, out _);
        }
        // As Add: a joined (not opened) event that is still live gets its split check.
        if (!opened && _split is not null && _events.TryGetValue(Resolve(joinedEventId), out var grown))
        {
            bool due = SplitDue(grown);
            if (split is null) return;
            if (!due || split.From != grown.Id || split.Into != _nextEventId)
                throw new ReplayMismatchException($"article {input.Id}: split of {split.From} into {split.Into} does not fit");
            var movers = new List<SplitMember>(split.ArticleIds.Count);
            int next = 0;
            foreach (var m in grown.Kept)
            {
                if (next < split.ArticleIds.Count && string.Equals(m.Article.Id, split.ArticleIds[next], StringComparison.Ordinal))
                {
                    movers.Add(m);
                    next++;
                }
            }
            if (next != split.ArticleIds.Count || movers.Count == 0)
                throw new ReplayMismatchException($"article {input.Id}: the split of {split.From} moves articles it does not keep");
            ApplySplit(grown, movers, _nextEventId++);
        }
        else if (split is not null)
        {
            throw new ReplayMismatchException($"article {input.Id}: split of {split.From} without a split check");
        }
    }
}
