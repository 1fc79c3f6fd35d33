using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Fixtures;

/// <summary>Loads a folder of articles as pipeline inputs and, for stage tests, as bare articles.</summary>
public static class CorpusLoader
{
    public static List<SourceDocument> Sources(string folder)
    {
        var diagnostics = new List<Diagnostic>();
        var sources = new InputReader().Read(folder, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Skipped);
        return sources;
    }

    /// <summary>Articles as the parsing stage makes them (text, supplied metadata), numbered from 1 in file order.</summary>
    public static List<Article> Articles(string folder)
    {
        var context = new Precis.Pipeline.PipelineContext(null, [.. Sources(folder)], new Precis.Pipeline.PrecisOptions());
        new ParsingStage().Run(context, CancellationToken.None);
        return [.. context.Articles];
    }
}
