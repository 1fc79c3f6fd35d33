namespace Precis.Pipeline;

/// <summary>
/// One step of the pipeline. A stage reads what earlier stages left in the <see cref="PipelineContext"/> and
/// replaces it with new immutable values. Stages hold no per-run state and are safe to share between threads.
/// </summary>
public interface IPipelineStage
{
    /// <summary>A short name for diagnostics and timings ("segmentation", "syndication").</summary>
    string Name { get; }

    void Run(PipelineContext context, CancellationToken cancellationToken);
}
