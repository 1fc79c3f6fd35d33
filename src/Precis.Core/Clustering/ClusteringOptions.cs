namespace Precis.Clustering;

/// <summary>Thresholds of the <see cref="OnlineEventClusterer"/>. Defaults were tuned on one half of the clusters of
/// both bench files (even line numbers of Multi-News dev and DUC 2004) with <c>precis bench cluster --sweep</c> and
/// checked on the other halves (docs/BENCHMARKS.md §5).</summary>
public sealed record ClusteringOptions
{
    /// <summary>Lowest cosine between an article's tf-idf vector and an event centroid for the article to join it.</summary>
    public double JoinThreshold { get; init; } = 0.18;

    /// <summary>Lowest cosine between two event centroids for the events to be merged into one. It sits well above the
    /// join threshold: the centroid of a large, mixed event is broad, so centroid-to-centroid cosines run high, and at
    /// 0.25 merges cascaded into one catch-all event on DUC 2004 (B-cubed precision 0.27). 0.35–0.40 score best on the
    /// DUC tuning half; Multi-News is indifferent from 0.30 up.</summary>
    public double MergeThreshold { get; init; } = 0.40;

    /// <summary>How many of an article's highest-weighted terms are looked up in the postings to find candidate events.</summary>
    public int QueryTerms { get; init; } = 20;

    /// <summary>At most this many candidate events (those sharing the most query terms) are scored in full. On the
    /// Multi-News dev stream 10, 20 and 40 candidates give B-cubed F1 within 0.002 of each other; 20 halves the cost.</summary>
    public int MaxCandidates { get; init; } = 20;

    /// <summary>Days before an event's first and after its last article within which a dated article may join it
    /// (news events are bursty: TDT systems limit comparisons to a recent window, Yang et al. 1998). 28 since issue 14:
    /// the 50 DUC 2004 topics span a median of 17 days from first to last article and up to 80, so the earlier 7 days
    /// split slow topics; the learned model reads the gap itself (feature gap_days) inside the window.</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>Fallback window (issue 14; see <see cref="FallbackWindow"/>): with a model, a dated article that would
    /// open an event looks again for candidates within this many days and joins the most probable one outside
    /// <see cref="WindowDays"/> if it reaches the fallback cut. Null (the default): the model's setting
    /// (<see cref="JoinModel.Fallback"/>, none when the model has none); 0, or a value not above
    /// <see cref="WindowDays"/>: off. Undated articles are untouched.</summary>
    public int? FallbackWindowDays { get; init; }

    /// <summary>Lowest join-model probability for a join found by the fallback window; null: the model's, else
    /// <see cref="FallbackWindow.DefaultCut"/>.</summary>
    public double? FallbackCut { get; init; }

    /// <summary>The fallback window in force: <see cref="FallbackWindowDays"/> and <see cref="FallbackCut"/> where set,
    /// else the model's (<see cref="JoinModel.Fallback"/>), else the default cut; null when the days are 0 or not above
    /// <see cref="WindowDays"/>, or none is set and the model has none, or there is no model. Throws
    /// <see cref="ArgumentOutOfRangeException"/> when the settings are out of range.</summary>
    public FallbackWindow? ResolvedFallback()
    {
        if (Model is not { } model) return null;
        var given = model.Fallback;
        int days = FallbackWindowDays ?? given?.Days ?? 0;
        return days <= WindowDays ? null : new FallbackWindow(days, FallbackCut ?? given?.Cut ?? FallbackWindow.DefaultCut);
    }

    /// <summary>The learned join decision (issue 14). When set, an article joins its most probable candidate event if the
    /// model's probability reaches <see cref="JoinModel.JoinCut"/>, and events merge when the model, read on the event
    /// pair, reaches <see cref="JoinModel.MergeCut"/>; <see cref="JoinThreshold"/> and <see cref="MergeThreshold"/>
    /// are then unused. Null: the cosine thresholds alone decide (the clusterer before issue 14).</summary>
    public JoinModel? Model { get; init; } = JoinModel.Default;

    /// <summary>Every this many articles the clusterer runs a second merge pass over the events that grew meanwhile,
    /// each looking for neighbours through its own centroid's top terms (issue 14); 0 turns the pass off.</summary>
    public int MergePassInterval { get; init; }

    /// <summary>Event splitting (issue 14; see <see cref="EventSplitting"/>): below this merge-scorer probability on the
    /// two groups of a grown event's kept members, the newer group leaves as an event of its own;
    /// <see cref="OnlineEventClusterer.EventOf"/> gives an article's event after splits. Null (the default): the
    /// model's setting (<see cref="JoinModel.Split"/>, none when the model has none); 0: off. Needs a model.</summary>
    public double? SplitCut { get; init; }

    /// <summary>Articles an event must gain between two split checks; null: the model's, else
    /// <see cref="EventSplitting.DefaultEvery"/>.</summary>
    public int? SplitEvery { get; init; }

    /// <summary>Kept members an event needs for a split check (at most 16 are kept); null: the model's, else
    /// <see cref="EventSplitting.DefaultMinMembers"/>.</summary>
    public int? SplitMinMembers { get; init; }

    /// <summary>The event splitting in force: each of <see cref="SplitCut"/>, <see cref="SplitEvery"/> and
    /// <see cref="SplitMinMembers"/> where set, else the model's (<see cref="JoinModel.Split"/>), else the defaults; null
    /// when the cut is 0, or none is set and the model has none, or there is no model. Throws
    /// <see cref="ArgumentOutOfRangeException"/> when the settings are out of range.</summary>
    public EventSplitting? ResolvedSplitting()
    {
        if (Model is not { } model) return null;
        var trained = model.Split;
        double cut = SplitCut ?? trained?.Cut ?? 0;
        return cut == 0 ? null : new EventSplitting(cut, SplitEvery ?? trained?.Every ?? EventSplitting.DefaultEvery,
            SplitMinMembers ?? trained?.MinMembers ?? EventSplitting.DefaultMinMembers);
    }

    /// <summary>Keep page furniture (see <see cref="BoilerplateDetector"/>) out of events: such a document gets an event
    /// of its own that no other article can join, and its decision says why.</summary>
    public bool RejectBoilerplate { get; init; } = true;
}
