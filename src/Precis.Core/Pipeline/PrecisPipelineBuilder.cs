using Precis.Documents;
using Precis.Summarization;

namespace Precis.Pipeline;

/// <summary>
/// Configures a <see cref="PrecisPipeline"/>. Not thread-safe; call <see cref="Build"/> once and share the result.
/// </summary>
public sealed class PrecisPipelineBuilder
{
    private PrecisOptions _options = new();
    private ISummarizer? _summarizer;

    public PrecisPipelineBuilder UseBudget(SummaryBudget budget)
    {
        _options = _options with { Budget = budget };
        return this;
    }

    public PrecisPipelineBuilder UseMaxInputBytes(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        _options = _options with { MaxInputBytes = bytes };
        return this;
    }

    /// <summary>Caps what one briefing analyses (<see cref="AnalysisBudgetStage"/>).</summary>
    public PrecisPipelineBuilder UseAnalysisBudget(long maxChars, long maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLines);
        _options = _options with { MaxBriefingChars = maxChars, MaxBriefingLines = maxLines };
        return this;
    }

    public PrecisPipelineBuilder UseSummarizer(ISummarizer summarizer)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        _summarizer = summarizer;
        return this;
    }

    public PrecisPipeline Build() => new(_options, _summarizer ?? Summarizers.Default);
}
