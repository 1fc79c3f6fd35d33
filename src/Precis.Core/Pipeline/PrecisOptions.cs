using Precis.Documents;

namespace Precis.Pipeline;

/// <summary>Run-wide settings, fixed when the pipeline is built.</summary>
public sealed record PrecisOptions
{
    public SummaryBudget Budget { get; init; } = SummaryBudget.Default;

    /// <summary>Inputs larger than this many bytes are skipped with a diagnostic.</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Characters of article text one briefing analyses; beyond it every article is read only up to a common share
    /// (<see cref="AnalysisBudgetStage"/>), with a diagnostic. About 150,000 words: ten times the largest benchmark cluster.
    /// </summary>
    public long MaxBriefingChars { get; init; } = 1_000_000;

    /// <summary>Lines of article text one briefing analyses (one-word lines cost a stage per line, not per character).</summary>
    public long MaxBriefingLines { get; init; } = 20_000;
}
