using Precis.Documents;

namespace Precis.Pipeline;

/// <summary>Run-wide settings, fixed when the pipeline is built.</summary>
public sealed record PrecisOptions
{
    public SummaryBudget Budget { get; init; } = SummaryBudget.Default;

    /// <summary>Inputs larger than this many bytes are skipped with a diagnostic.</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;
}
