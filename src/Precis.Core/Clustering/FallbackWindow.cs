using System.Globalization;

namespace Precis.Clustering;

/// <summary>Fallback window settings (issue 14): a dated article that would open an event (no candidate within
/// <see cref="ClusteringOptions.WindowDays"/> reaches the join cut) looks again for candidate events within
/// <see cref="Days"/> days, scores those outside the first window with the join model, and joins the most probable one
/// if it reaches <see cref="Cut"/>. A use-time rule: models are trained and their cuts chosen without it, and a
/// <see cref="JoinModel"/> carries the settings it is used with (<see cref="JoinModel.Fallback"/>);
/// <see cref="ClusteringOptions"/> can override them. Immutable.</summary>
public sealed record FallbackWindow
{
    /// <summary>The cut when not given.</summary>
    public const double DefaultCut = 0.7;

    public FallbackWindow(int days, double cut = DefaultCut)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        if (!(cut > 0 && cut <= 1)) throw new ArgumentOutOfRangeException(nameof(cut), cut, "the fallback cut must be above 0 and at most 1");
        Days = days;
        Cut = cut;
    }

    /// <summary>Days before an event's first and after its last article within which the second look finds it.</summary>
    public int Days { get; }

    /// <summary>Lowest join-model probability for a join found by the second look.</summary>
    public double Cut { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Days} days, cut {Cut}");
}
