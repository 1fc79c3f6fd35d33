using System.Collections.Immutable;

namespace Precis.Summarization;

/// <summary>The summarization methods Precis ships, by name.</summary>
public static class Summarizers
{
    public static ISummarizer Default { get; } = new LeadSummarizer();

    public static ImmutableArray<ISummarizer> All { get; } = [Default];

    public static ISummarizer? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
