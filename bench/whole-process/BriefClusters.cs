#:project ../../src/Precis.Core/Precis.Core.csproj
#:property PublishAot=false
#:property InvariantGlobalization=true

// Stand-in for `precis brief --clusters FILE` until the CLI has that option: briefs every cluster of a bench file
// in one process (the same pipeline and Markdown renderer the CLI uses) and writes the briefings to standard output.
// bench/run-bench.sh times this process when the CLI lacks --clusters.
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Rendering;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: BriefClusters FILE.jsonl");
    return 2;
}
var pipeline = new PrecisPipelineBuilder().Build();
var diagnostics = new List<Diagnostic>();
var stdout = Console.Out;
int clusters = 0;
foreach (var cluster in BenchFile.Read(args[0], diagnostics))
{
    var briefing = pipeline.Run(cluster.ToSources(Path.GetFileName(args[0])), cluster.Id);
    MarkdownBriefingRenderer.Default.Render(briefing, stdout);
    clusters++;
}
foreach (var d in diagnostics) Console.Error.WriteLine(d);
Console.Error.WriteLine($"{clusters} clusters briefed");
return clusters > 0 ? 0 : 3;
