using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Pipeline;

/// <summary>
/// The working state of one pipeline run over one article set. Each stage replaces the values it produces;
/// the values themselves are immutable records.
/// </summary>
public sealed class PipelineContext
{
    internal PipelineContext(string? id, ImmutableArray<SourceDocument> sources, PrecisOptions options)
    {
        Id = id;
        Sources = sources;
        Options = options;
    }

    public string? Id { get; }

    public PrecisOptions Options { get; }

    /// <summary>The raw inputs of this run.</summary>
    public ImmutableArray<SourceDocument> Sources { get; }

    public ImmutableArray<Article> Articles { get; set; } = [];

    public ImmutableArray<SyndicationGroup> SyndicationGroups { get; set; } = [];

    public Summary? Summary { get; set; }

    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Extra results of stages that later stages or renderers read, keyed by type.</summary>
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T value) where T : class => _features[typeof(T)] = value;

    public T? Get<T>() where T : class => _features.TryGetValue(typeof(T), out var v) ? (T)v : null;
}
