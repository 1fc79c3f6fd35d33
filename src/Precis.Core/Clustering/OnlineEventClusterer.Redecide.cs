namespace Precis.Clustering;

public sealed partial class OnlineEventClusterer
{
    /// <summary>A one-article event waiting for its second look: the article as read, and when it is due.</summary>
    private readonly record struct Pending(long EventId, ArticleVector Article, int DueAt, int Round);

    // Young one-article events in order of due time (the delay doubles per round, so a round's entries stay ordered
    // within it; Redecide walks the heads of both queues).
    private readonly Queue<Pending> _pending = new();
    private readonly Queue<Pending> _pendingLater = new();

    /// <summary>One-article events that re-decision moved into another event so far.</summary>
    public int RedecidedCount { get; private set; }

    /// <summary>Notes a one-article event just opened for a second look (<see cref="ClusteringOptions.RedecideAfter"/>).</summary>
    private void Enqueue(long eventId, ArticleVector article)
    {
        if (_options.RedecideAfter <= 0 || _model is null) return;
        _pending.Enqueue(new Pending(eventId, article, _documentCount + _options.RedecideAfter, 1));
    }

    /// <summary>Decides again, with the join model, every one-article event that is due: its article is scored against
    /// the candidate events retrieved now (its own event left out), as at arrival; when the most probable one reaches
    /// the cut, the one-article event is merged into it (a merge like any other, reported in <paramref name="merges"/>).
    /// Events that grew or were merged meanwhile are skipped.</summary>
    private void Redecide(List<EventMerge> merges)
    {
        if (_options.RedecideAfter <= 0 || _model is null) return;
        while (true)
        {
            Queue<Pending> queue;
            if (_pending.Count > 0 && _pending.Peek().DueAt <= _documentCount
                && (_pendingLater.Count == 0 || _pending.Peek().DueAt <= _pendingLater.Peek().DueAt)) queue = _pending;
            else if (_pendingLater.Count > 0 && _pendingLater.Peek().DueAt <= _documentCount) queue = _pendingLater;
            else return;
            var due = queue.Dequeue();
            if (!_events.TryGetValue(due.EventId, out var own) || own.Size != 1 || own.Rejected) continue;
            var article = due.Article;
            var candidates = Candidates(article.Query, article.Date, article.Date, due.EventId);
            var (cosines, bests) = ScoreCosines(article, candidates, true);
            var (top, next) = TopTwo(cosines);
            var features = _features;
            long best = 0;
            double bestScore = 0;
            for (int i = 0; i < candidates.Count; i++)
            {
                PairFeatures(article, _events[candidates[i].Id], cosines[i], Other(cosines[i], top, next), top, bests[i], candidates[i].Votes, candidates[i].Weight, features);
                double p = _model.Join.Score(features);
                if (p > bestScore || (p == bestScore && p > 0 && candidates[i].Id < best))
                {
                    best = candidates[i].Id;
                    bestScore = p;
                }
            }
            double cut = _options.RedecideCut > 0 ? _options.RedecideCut : _model.JoinCut;
            if (best != 0 && bestScore >= cut)
            {
                merges.Add(Absorb(own, _events[best], out _));
                RedecidedCount++;
            }
            else if (due.Round < _options.RedecideRounds)
            {
                _pendingLater.Enqueue(due with { DueAt = _documentCount + (_options.RedecideAfter << due.Round), Round = due.Round + 1 });
            }
        }
    }
}
