using System.CommandLine;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server;
using Precis.Server.Ingestion;
using Precis.Server.Storage;

namespace Precis.Cli.Commands;

/// <summary><c>precis ingest PATH</c>: stores articles and assigns them to events; re-ingesting is a no-op.</summary>
internal static class IngestCommand
{
    private const int ProgressBatch = 64;

    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "A folder (read recursively), a file, or - for standard input." };
        var data = new Option<string>("--data") { Description = "Data folder for the SQLite store.", DefaultValueFactory = _ => "data" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (instead of --data)." };
        var command = new Command("ingest", "Add articles to the store and group them into events.") { input, data, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pipeline = new PrecisPipelineBuilder().Build();
            var diagnostics = new List<Diagnostic>();
            var path = parse.GetValue(input)!;
            var reader = new InputReader(pipeline.Options.MaxInputBytes);
            var sources = path == "-" ? CliInput.ReadStdin(io, reader, diagnostics) : reader.Read(path, diagnostics);
            foreach (var d in diagnostics) io.Error.WriteLine(d);
            int skippedInputs = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Skipped);
            if (sources.Count == 0)
            {
                io.Error.WriteLine($"{(path == "-" ? "stdin" : path)}: no usable article: {CliInput.WhyNothing(path, diagnostics)}");
                io.Out.WriteLine($"0 new, 0 already stored, {skippedInputs} skipped");
                return ExitCodes.NoUsableArticle;
            }
            IPrecisStore store;
            try
            {
                store = await PrecisServer.OpenStoreAsync(parse.GetValue(postgres), parse.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (CliInput.IsStoreOpenFailure(e))
            {
                io.Error.WriteLine($"precis: cannot open the store ({(parse.GetValue(postgres) is { Length: > 0 } ? "PostgreSQL" : "data folder " + parse.GetValue(data))}): {e.Message}");
                return ExitCodes.Usage;
            }
            await using var storeScope = store.ConfigureAwait(false);
            var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, cancellationToken: cancellationToken).ConfigureAwait(false);
            // In batches, so that a folder's progress shows; each batch is one commit, and the next batch is parsed while one commits.
            var list = sources.ToList();
            var results = await CliProgress.RunAsync(CliProgress.Enabled(io, parse), "ingesting", list.Count, async advance =>
            {
                var all = new List<IngestResult>(list.Count);
                await foreach (var batch in ingestor.IngestBatchesAsync(list.Chunk(ProgressBatch), cancellationToken).ConfigureAwait(false))
                {
                    all.AddRange(batch);
                    advance(batch.Count);
                }
                return all;
            }).ConfigureAwait(false);
            foreach (var r in results)
            {
                var line = r.Status switch
                {
                    IngestStatus.Created when r.Rejection is not null => $"{r.Origin}: stored as {r.ArticleId}, rejected from events (page furniture): {r.Rejection}",
                    IngestStatus.Created => $"{r.Origin}: new article {r.ArticleId} in event {r.EventId}",
                    IngestStatus.Duplicate => $"{r.Origin}: already stored as {r.ArticleId}",
                    _ => $"{r.Origin}: skipped: {r.Error}",
                };
                (r.Status == IngestStatus.Rejected ? io.Error : io.Out).WriteLine(line);
            }
            io.Out.WriteLine($"{results.Count(r => r.Status == IngestStatus.Created)} new, {results.Count(r => r.Status == IngestStatus.Duplicate)} already stored, {results.Count(r => r.Status == IngestStatus.Rejected) + skippedInputs} skipped");
            return results.Count == 0 || results.All(r => r.Status == IngestStatus.Rejected) ? ExitCodes.NoUsableArticle : ExitCodes.Success;
        });
        return command;
    }
}
