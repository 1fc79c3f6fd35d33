using System.Globalization;

namespace Precis.Clustering;

/// <summary>Event splitting settings (issue 14): when an event that grew keeps at least <see cref="MinMembers"/> recent
/// members and has grown by <see cref="Every"/> articles since its last check, its kept members are bisected and the two
/// groups scored as an event pair by the model's merge scorer; below <see cref="Cut"/> the newer group leaves as an
/// event of its own (<see cref="OnlineEventClusterer.EventOf"/>). A <see cref="JoinModel"/> carries the settings it was
/// trained and its cuts chosen with (<see cref="JoinModel.Split"/>); <see cref="ClusteringOptions"/> can override them.
/// Immutable.</summary>
public sealed record EventSplitting
{
    /// <summary>Articles between two checks when not given.</summary>
    public const int DefaultEvery = 4;

    /// <summary>Kept members needed for a check when not given.</summary>
    public const int DefaultMinMembers = 8;

    /// <summary>The least and most kept members a check can need (at most 16 members are kept; each group of a split
    /// needs at least 3).</summary>
    public const int LeastMinMembers = 6, MostMinMembers = 16;

    public EventSplitting(double cut, int every = DefaultEvery, int minMembers = DefaultMinMembers)
    {
        if (!(cut > 0 && cut <= 1)) throw new ArgumentOutOfRangeException(nameof(cut), cut, "the split cut must be above 0 and at most 1");
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        if (minMembers is < LeastMinMembers or > MostMinMembers)
        {
            throw new ArgumentOutOfRangeException(nameof(minMembers), minMembers, $"kept members for a check must be {LeastMinMembers} to {MostMinMembers}");
        }
        Cut = cut;
        Every = every;
        MinMembers = minMembers;
    }

    /// <summary>Below this merge-scorer probability on the two groups, the event is split.</summary>
    public double Cut { get; }

    /// <summary>Articles an event must gain between two split checks.</summary>
    public int Every { get; }

    /// <summary>Kept members an event needs for a split check.</summary>
    public int MinMembers { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"cut {Cut}, every {Every}, min {MinMembers}");
}
