using System.Globalization;
using Precis.Clustering;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Ingestion;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench cluster --train</c>: trains the <see cref="JoinModel"/> on the tuning halves (even cluster lines) of
/// the bench streams and reports it on both halves. Training pairs come from simulated streams (three shuffles per
/// file): each tuning article is offered the candidate events the clusterer retrieves at that moment, every pair is
/// labelled by whether the candidate is the article's gold cluster, and the article is then added to its gold event
/// (teacher forcing), so the candidates look as they would to a clusterer that decided well. The logistic regression is
/// fitted by <see cref="JoinModelTrainer"/>; the join and merge cuts are then chosen on the same tuning streams by
/// running the clusterer with the fitted model over a grid and keeping the pair with the best mean B-cubed F1 over the
/// files. The odd cluster lines are never seen by either step.
/// </summary>
internal static class BenchClusterTraining
{
    internal static readonly int[] Seeds = [1, 2, 3];

    /// <summary>One bench file read for the clusterer: tuning and held-out cluster ids and every article's input.</summary>
    internal sealed record BenchStream(string Name, List<(SourceDocument Source, string Truth)> Documents, HashSet<string> TuneIds,
        Dictionary<string, ClusterInput> Inputs)
    {
        /// <summary>Process CPU time spent reading the documents (ingest's parse and term extraction), once each.</summary>
        public double ReadCpuSeconds { get; init; }

        public List<(ClusterInput Input, string Truth)> Stream(int seed, bool? tuning)
        {
            var ordered = BenchClusterCommand.Shuffle(Documents.ToList(), seed);
            return [.. ordered.Where(x => tuning is null || TuneIds.Contains(x.Truth) == tuning.Value)
                .Where(x => Inputs.ContainsKey(x.Source.Origin)).Select(x => (Inputs[x.Source.Origin], x.Truth))];
        }
    }

    internal static BenchStream Load(string path, PrecisPipeline pipeline, CliIO io)
    {
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(path, diagnostics).ToList();
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        var documents = clusters.SelectMany(c => c.ToSources(Path.GetFileName(path)).Select(s => (Source: s, Truth: c.Id))).ToList();
        var tuneIds = clusters.Where((_, i) => i % 2 == 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var inputs = new Dictionary<string, ClusterInput>(StringComparer.Ordinal);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (source, _) in documents)
        {
            if (ArticleIngestor.Read(pipeline, source).Terms is { } input) inputs[source.Origin] = input with { Id = source.Metadata.Id ?? source.Origin };
        }
        var readSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new BenchStream(Path.GetFileName(path), documents, tuneIds, inputs) { ReadCpuSeconds = readSeconds };
    }

    /// <summary>Runs the clusterer in memory over a stream; rejected documents keep the single-document events they get
    /// (the headline scores). <c>Apart</c> scores the same partition with the rejected documents left out of both the
    /// prediction and the truth (a side figure: what the clusterer did with the documents it clustered).</summary>
    internal static (ClusteringScores Scores, int Events, List<(string Id, string Reason)> Rejected) Simulate(
        List<(ClusterInput Input, string Truth)> stream, ClusteringOptions options) => SimulateApart(stream, options) is var r ? (r.Scores, r.Events, r.Rejected) : default;

    internal static (ClusteringScores Scores, int Events, List<(string Id, string Reason)> Rejected, ClusteringScores Apart) SimulateApart(
        List<(ClusterInput Input, string Truth)> stream, ClusteringOptions options)
    {
        var clusterer = new OnlineEventClusterer(options);
        var events = new List<long>(stream.Count);
        var rejected = new List<(string, string)>();
        foreach (var (input, _) in stream)
        {
            var decision = clusterer.Add(input);
            events.Add(decision.EventId);
            if (decision.Rejection is { } reason) rejected.Add((input.Id, reason));
        }
        var labels = LiveEvents(clusterer, stream, events);
        var truth = stream.Select(x => x.Truth).ToList();
        var rejectedIds = rejected.Select(r => r.Item1).ToHashSet(StringComparer.Ordinal);
        var kept = Enumerable.Range(0, stream.Count).Where(i => !rejectedIds.Contains(stream[i].Input.Id)).ToList();
        var apart = ClusteringScores.Compute(kept.ConvertAll(i => labels[i]), kept.ConvertAll(i => truth[i]));
        return (ClusteringScores.Compute(labels, truth), labels.Distinct().Count(), rejected, apart);
    }

    /// <summary>Clusters <paramref name="stream"/> with a fresh clusterer and returns each article's live event at the end.</summary>
    private static List<long> Labels(List<(ClusterInput Input, string Truth)> stream, ClusteringOptions options)
    {
        var clusterer = new OnlineEventClusterer(options);
        var events = stream.Select(x => clusterer.Add(x.Input).EventId).ToList();
        return LiveEvents(clusterer, stream, events);
    }

    /// <summary>Each article's live event at the end of the stream: its decision's event after later merges and splits.</summary>
    private static List<long> LiveEvents(OnlineEventClusterer clusterer, List<(ClusterInput Input, string Truth)> stream, List<long> events) =>
        [.. events.Select((e, i) => clusterer.EventOf(stream[i].Input.Id, e))];

    public static int Train(CliIO io, IReadOnlyList<BenchStream> benches, string outPath, ClusteringOptions baseOptions, IReadOnlyList<string> dropped,
        JoinTreeTrainer.Settings? treeSettings = null, int extraRounds = 0, int[]? pairSeeds = null, bool smoothCuts = false, string? command = null)
    {
        var (logistic, logisticF1, trees, treesF1) = Fit(io, benches, baseOptions, dropped, treeSettings ?? new JoinTreeTrainer.Settings(), extraRounds, pairSeeds ?? Seeds, smoothCuts: smoothCuts, command: command);
        var model = Kept(logistic, logisticF1, trees, treesF1);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Kept: {(ReferenceEquals(model, trees) ? "boosted trees" : "logistic regressions")} (tuning mean F1 {Math.Max(treesF1, logisticF1):0.000}; logistic {logisticF1:0.000}, trees {treesF1:0.000})."));
        File.WriteAllText(outPath, model.ToJson() + "\n");
        io.Out.WriteLine($"Wrote {outPath} (embedded into Precis.Core at the next build).");
        io.Out.WriteLine();
        PrintHalves(io, benches, baseOptions with { Model = logistic }, "logistic regressions");
        PrintHalves(io, benches, baseOptions with { Model = trees }, "boosted trees");
        PrintHalves(io, benches, baseOptions with { Model = null }, "cosine thresholds (before issue 14)");
        PrintErrors(io, benches, baseOptions with { Model = model }, "kept model");
        return ExitCodes.Success;
    }

    /// <summary>The kind of scorer <see cref="Train"/> keeps: the trees only when their tuning F1 is higher.</summary>
    private static JoinModel Kept(JoinModel logistic, double logisticF1, JoinModel trees, double treesF1) =>
        treesF1 > logisticF1 + 1e-12 ? trees : logistic;

    /// <summary>Fits both kinds of scorer on the tuning halves of <paramref name="benches"/> and chooses each kind's cuts
    /// there (the steps of <see cref="Train"/> before the model is written). Training pairs come from the shuffles
    /// <paramref name="pairSeeds"/> of the tuning halves; the cuts are chosen on <see cref="Seeds"/>.</summary>
    private static (JoinModel Logistic, double LogisticF1, JoinModel Trees, double TreesF1) Fit(CliIO io, IReadOnlyList<BenchStream> benches,
        ClusteringOptions baseOptions, IReadOnlyList<string> dropped, JoinTreeTrainer.Settings treeSettings, int extraRounds, int[] pairSeeds,
        bool logisticCuts = true, bool smoothCuts = false, string? command = null)
    {
        // Event splitting as the options set it (the bench command sets all three for training): the models are fitted
        // and their cuts chosen with it, and carry it (JoinModel.Split).
        EventSplitting? split = baseOptions.SplitCut is double cut && cut > 0
            ? new EventSplitting(cut, baseOptions.SplitEvery ?? EventSplitting.DefaultEvery, baseOptions.SplitMinMembers ?? EventSplitting.DefaultMinMembers)
            : null;
        // The fallback window is a use-time rule: the models carry the options' settings (JoinModel.Fallback) but are
        // fitted and their cuts chosen without it.
        FallbackWindow? fallback = baseOptions.FallbackWindowDays is int days && days > baseOptions.WindowDays
            ? new FallbackWindow(days, baseOptions.FallbackCut ?? FallbackWindow.DefaultCut)
            : null;
        baseOptions = baseOptions with { FallbackWindowDays = 0 };
        var x = new List<double[]>();
        var y = new List<bool>();
        int joinable = 0, retrieved = 0;
        foreach (var bench in benches)
        {
            foreach (var seed in pairSeeds)
            {
                var clusterer = new OnlineEventClusterer(baseOptions with { Model = null });
                var eventOf = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (input, truth) in bench.Stream(seed, tuning: true))
                {
                    long gold = eventOf.GetValueOrDefault(truth);
                    long chosen = clusterer.AddChosen(input, candidates =>
                    {
                        foreach (var (id, features) in candidates)
                        {
                            x.Add(features);
                            y.Add(id == gold);
                        }
                        if (gold != 0) joinable++;
                        if (gold != 0 && candidates.Any(c => c.EventId == gold)) retrieved++;
                        return gold;
                    });
                    if (chosen > 0 && gold == 0) eventOf[truth] = chosen;
                }
            }
        }
        int positives = y.Count(b => b);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Candidate retrieval: for {retrieved} of {joinable} tuning articles whose gold event already existed ({(double)retrieved / Math.Max(1, joinable):P1}) it was among the candidates."));
        io.Out.WriteLine($"Round 1 (gold events, teacher forcing): {x.Count} (article, candidate event) pairs, {positives} same-cluster.");
        // A dropped feature is held at 0 during fitting, so its standardised column is constant and its weight 0.
        var mask = dropped.Select(f => JoinFeatures.Names.ToList().IndexOf(f)).ToArray();
        void Mask(List<double[]> rows) { foreach (var r in rows) foreach (var j in mask) r[j] = 0; }
        Mask(x);
        var join0 = JoinModelTrainer.Fit(x, y);

        // Round 2 (DAgger, Ross et al. 2011): run the clusterer with the round-1 model so that the candidates look as
        // they will at run time (events holding mistakes), label each scored pair by the events' majority gold cluster,
        // and refit the join scorer on both rounds' pairs; the merge scorer is fitted on the event pairs of round 2.
        var (ax, ay, mx, my) = Dagger(benches, baseOptions with { Model = new JoinModel(join0, 0.5, join0, 2.0) }, pairSeeds);
        int round2 = ax.Count;
        x.AddRange(ax);
        y.AddRange(ay);
        io.Out.WriteLine($"Round 2 (clusterer run with the round-1 model): {round2} more article pairs ({y.Count(b => b) - positives} same-cluster), {mx.Count} event pairs ({my.Count(b => b)} same-cluster).");
        Mask(x);
        Mask(mx);
        var join = JoinModelTrainer.Fit(x, y);
        // A merge scorer needs event pairs of both kinds; without them the join scorer stands in.
        static bool BothKinds(List<bool> labels) => labels.Contains(true) && labels.Contains(false);
        var mergeScorer = BothKinds(my) ? JoinModelTrainer.Fit(mx, my) : join;
        string Note(string kind) =>
            $"precis bench cluster --train: {kind} on {x.Count} article pairs and {mx.Count} event pairs from the even cluster lines of {string.Join(" and ", benches.Select(b => b.Name))}, shuffle seeds {string.Join(",", pairSeeds)}, window {baseOptions.WindowDays} days{(dropped.Count > 0 ? "; features left out: " + string.Join(",", dropped) : "")}{(split is not null ? $"; event splitting ({split}) on in the DAgger round and while the cuts were chosen" : "")}{(fallback is not null ? $"; fallback window ({fallback}) for use only, off in training and while the cuts were chosen" : "")}; cuts chosen on the same halves{(smoothCuts ? " (each grid point judged with its neighbouring join cuts)" : "")}{(command is not null ? $"; reproduce: {command}" : "")}";
        var fitted = new JoinModel(join, 0.5, mergeScorer, 1.01, Note("logistic regressions"), split, fallback);
        io.Out.WriteLine($"{"feature",-16} {"join w",8} {"merge w",8}   (weights per standard deviation of the feature)");
        for (int j = 0; j < JoinFeatures.Count; j++)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{JoinFeatures.Names[j],-16} {join.Weights[j],8:0.000} {mergeScorer.Weights[j],8:0.000}"));
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"bias",-16} {join.Bias,8:0.000} {mergeScorer.Bias,8:0.000}"));

        var tuning = benches.Select(b => Seeds.Select(s => b.Stream(s, tuning: true)).ToList()).ToList();
        // Without logistic cuts (k-fold cross-validation, to save half its time) the logistic model is fitted, for the
        // DAgger round above, but never kept.
        var (logistic, logisticF1) = logisticCuts ? ChooseCuts(io, fitted, tuning, baseOptions, "logistic regressions", smoothCuts) : (fitted, double.NegativeInfinity);

        // The same pairs fitted by boosted trees (JoinTreeTrainer), which can read interactions the linear model cannot
        // (a cosine means less for a short article or a broad event); the kind with the better tuning F1 is kept.
        string weighted = treeSettings.PositiveWeight != 1
            ? string.Create(CultureInfo.InvariantCulture, $", same-event pairs weighted {treeSettings.PositiveWeight}") : "";
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Boosted trees: {treeSettings.Rounds} trees of depth {treeSettings.Depth}, learning rate {treeSettings.LearningRate}, L2 {treeSettings.L2}{weighted}."));
        static int Splits(TreeEnsembleScorer t, int j) => t.Trees.Sum(tree => tree.Feature.Count(f => f == j));
        (JoinModel, double) FitTrees()
        {
            var treeJoin = JoinTreeTrainer.Fit(x, y, treeSettings);
            var treeMerge = BothKinds(my) ? JoinTreeTrainer.Fit(mx, my, treeSettings) : treeJoin;
            io.Out.WriteLine("Boosted trees, splits per feature (join/merge): " + string.Join(", ", JoinFeatures.Names.Select((n, j) => $"{n} {Splits(treeJoin, j)}/{Splits(treeMerge, j)}")));
            string l2 = treeSettings.L2 != new JoinTreeTrainer.Settings().L2 ? string.Create(CultureInfo.InvariantCulture, $", L2 {treeSettings.L2}") : "";
            var note = Note($"boosted trees ({treeJoin.Trees.Count} join and {treeMerge.Trees.Count} merge trees of depth {treeSettings.Depth}{l2}{weighted}{(extraRounds > 0 ? $", {extraRounds} more DAgger round(s) with the trees" : "")})");
            return ChooseCuts(io, new JoinModel(treeJoin, 0.5, treeMerge, 1.01, note, split, fallback), tuning, baseOptions, "boosted trees", smoothCuts);
        }
        var (trees, treesF1) = FitTrees();

        // Further DAgger rounds with the trees themselves: the pairs the chosen model meets at decision time (its own
        // mistakes in the events, its own merges) are added to both pair sets, and the trees and their cuts are refitted.
        for (int round = 0; round < extraRounds; round++)
        {
            var (bx, by, bmx, bmy) = Dagger(benches, baseOptions with { Model = trees }, pairSeeds);
            Mask(bx);
            Mask(bmx);
            x.AddRange(bx);
            y.AddRange(by);
            mx.AddRange(bmx);
            my.AddRange(bmy);
            io.Out.WriteLine($"Round {round + 3} (clusterer run with the trees): {bx.Count} more article pairs ({by.Count(b => b)} same-cluster), {bmx.Count} more event pairs ({bmy.Count(b => b)} same-cluster).");
            (trees, treesF1) = FitTrees();
        }
        return (logistic, logisticF1, trees, treesF1);
    }

    /// <summary>Two-fold cross-validation by topic inside the tuning halves: the tuning clusters of each file are split in
    /// two (alternate tuning lines), the whole training (pairs, fit, cuts) runs on one fold and the model is scored on
    /// the other fold's streams, and the other way round. The held-out halves are never read. Prints and returns the
    /// mean B-cubed F1 over the two folds (mean over files, seeds within a file) for the kind <see cref="Train"/> would keep.</summary>
    internal static double CrossValidate(CliIO io, IReadOnlyList<BenchStream> benches, ClusteringOptions baseOptions, IReadOnlyList<string> dropped,
        JoinTreeTrainer.Settings treeSettings, int extraRounds, int[]? pairSeeds = null, int split = 1, bool smoothCuts = false)
    {
        // Split 1 alternates the tuning topics (in file order) between the folds; split 2 alternates pairs of them, a
        // second partition of the same topics to check that a difference between two recipes is not one split's luck.
        int FoldOf(int i) => split == 2 ? i / 2 % 2 : i % 2;
        var folds = new List<double>();
        for (int fold = 0; fold < 2; fold++)
        {
            List<BenchStream> Part(int part) => [.. benches.Select(b =>
            {
                var tuningIds = b.Documents.Select(d => d.Truth).Distinct(StringComparer.Ordinal).Where(b.TuneIds.Contains).ToList();
                return b with { TuneIds = tuningIds.Where((_, i) => FoldOf(i) == part).ToHashSet(StringComparer.Ordinal) };
            })];
            var quiet = new CliIO(TextReader.Null, TextWriter.Null, io.Error);
            var training = Part(fold);
            var (logistic, logisticF1, trees, treesF1) = Fit(quiet, training, baseOptions, dropped, treeSettings, extraRounds, pairSeeds ?? Seeds, smoothCuts: smoothCuts);
            var model = Kept(logistic, logisticF1, trees, treesF1);
            var other = Part(1 - fold);
            var perFile = other.Select(b => Seeds.Average(s => Simulate(b.Stream(s, tuning: true), baseOptions with { Model = model }).Scores.BCubedF1)).ToList();
            double f1 = perFile.Average();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fold {fold + 1}: trained on {training.Sum(b => b.TuneIds.Count)} tuning clusters ({(ReferenceEquals(model, trees) ? "trees" : "logistic")}, cuts {model.JoinCut:0.00}/{model.MergeCut:0.00}, fold-training F1 {Math.Max(logisticF1, treesF1):0.000}); other fold: {string.Join(", ", other.Select((b, i) => $"{b.Name} {perFile[i]:0.000}"))}, mean {f1:0.000}"));
            folds.Add(f1);
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cross-validated tuning F1 (two topic folds of the tuning halves): {folds.Average():0.000}"));
        return folds.Average();
    }

    /// <summary>The tuning topics of one bench file in the order the k-fold cross-validation deals them out: file order
    /// for <paramref name="assignment"/> 0, otherwise shuffled with that seed (a second partition of the same topics).
    /// Topic i of the result goes to fold i mod K.</summary>
    internal static List<string> FoldOrder(BenchStream bench, int assignment)
    {
        var topics = bench.Documents.Select(d => d.Truth).Distinct(StringComparer.Ordinal).Where(bench.TuneIds.Contains).ToList();
        return assignment == 0 ? topics : BenchClusterCommand.Shuffle(topics, assignment);
    }

    /// <summary>K-fold cross-validation by topic inside the tuning halves. Each file's tuning topics are dealt to K folds
    /// (<see cref="FoldOrder"/>); for each fold the whole training (pairs, fit, cuts) runs on the other K-1 folds'
    /// tuning streams and the model clusters this fold's topics alone (shuffle seeds <see cref="Seeds"/>). The held-out
    /// halves are never read. Prints, per fold and file, the B-cubed F1 (mean over seeds); the mean over folds of the
    /// files' mean with its standard error over folds; and the pooled F1 (each seed's fold partitions put side by side
    /// and scored over the whole tuning half, which weighs folds by their articles). Only the boosted trees are fitted
    /// with cuts (the logistic regressions, never kept since round 2, are fitted for the DAgger round only).
    /// Returns the pooled mean over files.</summary>
    internal static double CrossValidateFolds(CliIO io, IReadOnlyList<BenchStream> benches, ClusteringOptions baseOptions, IReadOnlyList<string> dropped,
        JoinTreeTrainer.Settings treeSettings, int extraRounds, int[]? pairSeeds, int folds, int assignment, bool smoothCuts = false, bool dense = false)
    {
        var orders = benches.Select(b => FoldOrder(b, assignment)).ToList();
        List<BenchStream> Part(Func<int, bool> keep) => [.. benches.Select((b, f) =>
            b with { TuneIds = orders[f].Where((_, i) => keep(i % folds)).ToHashSet(StringComparer.Ordinal) })];
        // Pooled labels per file and seed: the fold's event ids, made distinct across folds.
        var pooled = benches.Select(_ => Seeds.Select(_ => (Labels: new List<string>(), Truth: new List<string>())).ToList()).ToList();
        var foldMeans = new List<double>();
        var perFileFolds = benches.Select(_ => new List<double>()).ToList();
        var quiet = new CliIO(TextReader.Null, TextWriter.Null, io.Error);
        // The folds are independent trainings, run in parallel; each keeps its own results and they are read in fold order.
        var results = new (JoinModel Model, double TrainF1, int TrainClusters, int TestClusters, List<List<(List<long> Labels, List<string> Truth)>> Runs)[folds];
        // Dense judge (--cv-dense): each fold's model also clusters the whole tuning stream (every tuning topic), and each
        // of the fold's own articles keeps its B-cubed precision and recall against that whole partition, per file and seed.
        var denseItems = new List<List<List<(double P, double R)>>>[folds];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, held =>
        {
            var training = Part(k => k != held);
            var test = Part(k => k == held);
            var (logistic, logisticF1, trees, treesF1) = Fit(quiet, training, baseOptions, dropped, treeSettings, extraRounds, pairSeeds ?? Seeds, logisticCuts: false, smoothCuts: smoothCuts);
            var model = Kept(logistic, logisticF1, trees, treesF1);
            var options = baseOptions with { Model = model };
            var runs = test.Select(b => Seeds.Select(seed =>
            {
                var stream = b.Stream(seed, tuning: true);
                return (Labels(stream, options), stream.Select(x => x.Truth).ToList());
            }).ToList()).ToList();
            results[held] = (model, treesF1, training.Sum(b => b.TuneIds.Count), test.Sum(b => b.TuneIds.Count), runs);
            if (dense)
            {
                denseItems[held] = [.. benches.Select((b, f) => Seeds.Select(seed =>
                {
                    var stream = b.Stream(seed, tuning: true);
                    var truth = stream.Select(x => x.Truth).ToList();
                    var (precision, recall) = ClusteringScores.BCubedPerItem(Labels(stream, options), truth);
                    var own = test[f].TuneIds;
                    return Enumerable.Range(0, stream.Count).Where(i => own.Contains(truth[i])).Select(i => (precision[i], recall[i])).ToList();
                }).ToList())];
            }
        });
        for (int fold = 0; fold < folds; fold++)
        {
            var (model, trainF1, trainClusters, testClusters, runs) = results[fold];
            var perFile = new List<double>();
            for (int f = 0; f < runs.Count; f++)
            {
                perFile.Add(runs[f].Average(r => ClusteringScores.Compute(r.Labels, r.Truth).BCubedF1));
                perFileFolds[f].Add(perFile[^1]);
                for (int s = 0; s < runs[f].Count; s++)
                {
                    int k = fold;
                    pooled[f][s].Labels.AddRange(runs[f][s].Labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{k}:{l}")));
                    pooled[f][s].Truth.AddRange(runs[f][s].Truth);
                }
            }
            foldMeans.Add(perFile.Average());
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fold {fold + 1} of {folds}: trained on {trainClusters} tuning clusters (cuts {model.JoinCut:0.00}/{model.MergeCut:0.00}, fold-training F1 {trainF1:0.000}); this fold ({testClusters} clusters): {string.Join(", ", benches.Select((b, i) => $"{b.Name} {perFile[i]:0.000}"))}, mean {perFile.Average():0.000}"));
        }
        static double StandardError(List<double> v) =>
            v.Count < 2 ? 0 : Math.Sqrt(v.Sum(a => (a - v.Average()) * (a - v.Average())) / (v.Count - 1) / v.Count);
        var pooledPerFile = pooled.Select(perSeed => perSeed.Average(p => ClusteringScores.Compute(p.Labels, p.Truth).BCubedF1)).ToList();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per file over the {folds} folds (mean ± standard error): {string.Join(", ", benches.Select((b, f) => $"{b.Name} {perFileFolds[f].Average():0.000} ± {StandardError(perFileFolds[f]):0.000}"))}"));
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cross-validated tuning F1 ({folds} topic folds, assignment {assignment}): mean over folds {foldMeans.Average():0.000} ± {StandardError(foldMeans):0.000} (standard error); pooled {string.Join(", ", benches.Select((b, f) => $"{b.Name} {pooledPerFile[f]:0.000}"))}, mean {pooledPerFile.Average():0.000}"));
        if (dense) PrintDense(io, benches, folds, assignment, denseItems);
        return pooledPerFile.Average();
    }

    /// <summary>Prints the dense judge: per fold and file, and pooled over the folds per file (every tuning article once,
    /// scored by the model that did not train on its topic), the mean B-cubed precision and recall of the articles and
    /// their F1, each a mean over the seeds.</summary>
    private static void PrintDense(CliIO io, IReadOnlyList<BenchStream> benches, int folds, int assignment, List<List<List<(double P, double R)>>>[] items)
    {
        static (double P, double R, double F1) Score(IEnumerable<(double P, double R)> rows)
        {
            var list = rows.ToList();
            double p = list.Count == 0 ? 1 : list.Average(r => r.P), r = list.Count == 0 ? 1 : list.Average(r => r.R);
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
        static (double P, double R, double F1) MeanOverSeeds(IEnumerable<(double P, double R, double F1)> seeds)
        {
            var list = seeds.ToList();
            return (list.Average(s => s.P), list.Average(s => s.R), list.Average(s => s.F1));
        }
        for (int fold = 0; fold < folds; fold++)
        {
            var perFile = benches.Select((_, f) => MeanOverSeeds(items[fold][f].Select(Score))).ToList();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dense fold {fold + 1} of {folds} (its model on the whole tuning stream, scored on this fold's articles): {string.Join(", ", benches.Select((b, i) => $"{b.Name} P {perFile[i].P:0.000} R {perFile[i].R:0.000} F1 {perFile[i].F1:0.000}"))}, mean F1 {perFile.Average(x => x.F1):0.000}"));
        }
        var pooled = benches.Select((_, f) => MeanOverSeeds(Seeds.Select((_, s) => Score(Enumerable.Range(0, folds).SelectMany(k => items[k][f][s]))))).ToList();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dense cross-validated tuning F1 ({folds} topic folds, assignment {assignment}; each fold's model on the whole tuning stream): pooled {string.Join(", ", benches.Select((b, f) => $"{b.Name} P {pooled[f].P:0.000} R {pooled[f].R:0.000} F1 {pooled[f].F1:0.000}"))}, mean {pooled.Average(x => x.F1):0.000}"));
    }

    /// <summary>One DAgger round (Ross et al. 2011): runs the clusterer with <paramref name="options"/>' model over the
    /// tuning streams and returns every (article, event) and (event, event) pair it scored, each labelled by whether
    /// both sides' majority gold clusters agree (the article's own cluster for an article).</summary>
    private static (List<double[]> X, List<bool> Y, List<double[]> MX, List<bool> MY) Dagger(IReadOnlyList<BenchStream> benches, ClusteringOptions options, int[] pairSeeds)
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        var mx = new List<double[]>();
        var my = new List<bool>();
        foreach (var bench in benches)
        {
            foreach (var seed in pairSeeds)
            {
                var clusterer = new OnlineEventClusterer(options);
                var golds = new Dictionary<long, Dictionary<string, int>>();
                string current = "";
                string Majority(long id, bool withCurrent)
                {
                    var counts = golds.TryGetValue(clusterer.Resolve(id), out var c) ? new Dictionary<string, int>(c, StringComparer.Ordinal) : new Dictionary<string, int>(StringComparer.Ordinal);
                    if (withCurrent) counts[current] = counts.GetValueOrDefault(current) + 1;
                    return counts.Count == 0 ? "" : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
                }
                clusterer.Observer = o =>
                {
                    if (!o.Merge)
                    {
                        x.Add((double[])o.Features.Clone());
                        y.Add(Majority(o.B, false) == current);
                    }
                    else
                    {
                        mx.Add((double[])o.Features.Clone());
                        my.Add(Majority(o.A, true) == Majority(o.B, false));
                    }
                };
                foreach (var (input, truth) in bench.Stream(seed, tuning: true))
                {
                    current = truth;
                    var decision = clusterer.Add(input);
                    foreach (var merge in decision.Merges)
                    {
                        if (!golds.Remove(merge.Absorbed, out var absorbed)) continue;
                        if (!golds.TryGetValue(merge.Into, out var into)) golds[merge.Into] = into = new(StringComparer.Ordinal);
                        foreach (var (g, n) in absorbed) into[g] = into.GetValueOrDefault(g) + n;
                    }
                    long e = clusterer.Resolve(decision.EventId);
                    if (!golds.TryGetValue(e, out var counts)) golds[e] = counts = new(StringComparer.Ordinal);
                    counts[truth] = counts.GetValueOrDefault(truth) + 1;
                }
            }
        }
        return (x, y, mx, my);
    }

    /// <summary>A decision rule that reads the runner-up, tried outside the clusterer (tuning halves only): each article's
    /// candidates are scored by the join model through the training hook, and it joins the most probable event when that
    /// reaches the model's join cut, or when it reaches <c>low</c> while every other candidate stays below <c>rest</c>.
    /// Merges are off in this simulation, so the row "join cut only" is the baseline to compare with.</summary>
    internal static void RunnerUpGrid(CliIO io, IReadOnlyList<BenchStream> benches, ClusteringOptions options)
    {
        var model = options.Model ?? throw new InvalidOperationException("the runner-up grid needs a join model");
        var tuning = benches.Select(b => Seeds.Select(s => b.Stream(s, tuning: true)).ToList()).ToList();
        double Run(List<(ClusterInput Input, string Truth)> stream, double low, double rest)
        {
            var clusterer = new OnlineEventClusterer(options);
            var labels = new List<long>(stream.Count);
            foreach (var (input, _) in stream)
            {
                long chosen = clusterer.AddChosen(input, candidates =>
                {
                    long best = 0;
                    double top = 0, next = 0;
                    foreach (var (id, features) in candidates)
                    {
                        double p = model.Join.Score(features);
                        if (p > top || (p == top && p > 0 && id < best)) { next = top; top = p; best = id; }
                        else if (p > next) next = p;
                    }
                    return best != 0 && (top >= model.JoinCut || (top >= low && next < rest)) ? best : 0;
                });
                labels.Add(Math.Abs(chosen));
            }
            return ClusteringScores.Compute(labels.Select(clusterer.Resolve).ToList(), stream.Select(x => x.Truth).ToList()).BCubedF1;
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Runner-up rule on the tuning halves (seeds {string.Join(",", Seeds)}, merges off), B-cubed F1 per file and mean; join cut {model.JoinCut:0.00}:"));
        var grid = new List<(double Low, double Others)> { (2, 0) };
        foreach (var low in new[] { 0.30, 0.40, 0.50, 0.55, 0.60 }) foreach (var rest in new[] { 0.02, 0.05, 0.10, 0.20 }) grid.Add((low, rest));
        foreach (var (low, rest) in grid)
        {
            var perFile = tuning.Select(streams => streams.Average(st => Run(st, low, rest))).ToList();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(low > 1 ? "join cut only          " : $"low {low:0.00}, others < {rest:0.00}")}  {string.Join("  ", perFile.Select((f, i) => $"{benches[i].Name} {f:0.000}"))}  mean {perFile.Average():0.000}"));
        }
    }

    /// <summary>The cuts: the grid point with the best mean tuning F1 over the files (mean over seeds within a file).</summary>
    private static (JoinModel Model, double F1) ChooseCuts(CliIO io, JoinModel fitted, List<List<List<(ClusterInput Input, string Truth)>>> tuning, ClusteringOptions baseOptions, string label,
        bool smooth = false)
    {
        double[] joinCuts = [0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75];
        double[] mergeCuts = [0.50, 0.70, 0.80, 0.90, 1.01];
        io.Out.WriteLine($"Cut grid for the {label} on the tuning halves, mean B-cubed F1 over the files (rows: join cut; columns: merge cut):");
        io.Out.WriteLine("join\\merge " + string.Join(" ", mergeCuts.Select(m => m.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(6))));
        (double Join, double Merge, double F1, double Score) best = (0, 0, -1, -1);
        // Every grid point is an independent run of fresh clusterers, so they run in parallel; each result goes to its
        // own slot and the best is taken in grid order below, so the choice does not depend on the threads.
        var grid = new double[joinCuts.Length * mergeCuts.Length];
        Parallel.For(0, grid.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var options = baseOptions with { Model = fitted.WithCuts(joinCuts[k / mergeCuts.Length], mergeCuts[k % mergeCuts.Length]) };
            grid[k] = tuning.Average(streams => streams.Average(s => Simulate(s, options).Scores.BCubedF1));
        });
        // Smoothed choice: each point is judged by the mean of itself and its neighbours along the join cut (one step
        // either way, where the grid has them), so a lone peak of the noisy grid does not choose the cuts.
        var judged = new double[grid.Length];
        for (int k = 0; k < grid.Length; k++)
        {
            int row = k / mergeCuts.Length, col = k % mergeCuts.Length;
            var near = Enumerable.Range(row - (smooth ? 1 : 0), smooth ? 3 : 1).Where(r => r >= 0 && r < joinCuts.Length).Select(r => grid[r * mergeCuts.Length + col]).ToList();
            judged[k] = near.Average();
        }
        int gi = 0;
        foreach (var jc in joinCuts)
        {
            var line = jc.ToString("0.00", CultureInfo.InvariantCulture).PadRight(10);
            foreach (var mc in mergeCuts)
            {
                double f1 = grid[gi], score = judged[gi++];
                line += " " + f1.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);
                if (score > best.Score + 1e-12) best = (jc, mc, f1, score);
            }
            io.Out.WriteLine(line);
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Chosen cuts for the {label}: join {best.Join:0.00}, merge {best.Merge:0.00} (tuning mean F1 {best.F1:0.000}{(smooth ? string.Create(CultureInfo.InvariantCulture, $"; {best.Score:0.000} with its neighbouring join cuts") : "")})."));
        return (fitted.WithCuts(best.Join, best.Merge), best.F1);
    }

    /// <summary>Leave-half-out figures of the in-memory clusterer (no store): every file, both halves, each seed.</summary>
    internal static void PrintHalves(CliIO io, IReadOnlyList<BenchStream> benches, ClusteringOptions options, string label)
    {
        io.Out.WriteLine($"In-memory clusterer, {label}:");
        io.Out.WriteLine($"{"bench",-20} {"set",-20} {"seed",4} {"articles",8} {"events",7} {"B3-P",6} {"B3-R",6} {"B3-F1",6} {"ARI",6}");
        var cpuTimes = new List<string>();
        foreach (var bench in benches)
        {
            double clusterSeconds = 0;
            int clustered = 0;
            foreach (var (name, tuning) in new[] { ("tuning half (even)", (bool?)true), ("held-out half (odd)", false) })
            {
                var rows = new List<ClusteringScores>();
                var apartRows = new List<ClusteringScores>();
                int rejectedCount = 0;
                foreach (var seed in Seeds)
                {
                    var stream = bench.Stream(seed, tuning);
                    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    var (scores, events, rejected, apart) = SimulateApart(stream, options);
                    apartRows.Add(apart);
                    rejectedCount += rejected.Count;
                    clusterSeconds += (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    clustered += stream.Count;
                    rows.Add(scores);
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{bench.Name,-20} {name,-20} {seed,4} {stream.Count,8} {events,7} {scores.BCubedPrecision,6:0.000} {scores.BCubedRecall,6:0.000} {scores.BCubedF1,6:0.000} {scores.AdjustedRandIndex,6:0.000}"));
                }
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bench.Name,-20} {name,-20} {"mean",4} {"",8} {"",7} {rows.Average(r => r.BCubedPrecision),6:0.000} {rows.Average(r => r.BCubedRecall),6:0.000} {rows.Average(r => r.BCubedF1),6:0.000} {rows.Average(r => r.AdjustedRandIndex),6:0.000}"));
                if (rejectedCount > 0)
                {
                    // Side figure only: the headline rows above count each rejected document as an event of its own.
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{bench.Name,-20} {name,-20} {"mean",4} {"",8} {"",7} {apartRows.Average(r => r.BCubedPrecision),6:0.000} {apartRows.Average(r => r.BCubedRecall),6:0.000} {apartRows.Average(r => r.BCubedF1),6:0.000} {apartRows.Average(r => r.AdjustedRandIndex),6:0.000}  <- side figure: the {rejectedCount} rejected documents ({Seeds.Length} seeds) left out of the scoring"));
                }
            }
            cpuTimes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{bench.Name}: read {1e6 * bench.ReadCpuSeconds / Math.Max(1, bench.Documents.Count):0} µs, cluster {1e6 * clusterSeconds / Math.Max(1, clustered):0} µs"));
        }
        io.Out.WriteLine("CPU per article (process CPU time; reading once per document, clustering over the runs above, small stores): " + string.Join("; ", cpuTimes));
    }

    /// <summary>Where the decisions go wrong, summed over the three seeds per file and half: each article is classed by
    /// what the clusterer did and whether an event whose majority gold cluster is the article's own already existed
    /// (and was among the candidates scored); each merge by whether both events had the same majority cluster.</summary>
    internal static void PrintErrors(CliIO io, IReadOnlyList<BenchStream> benches, ClusteringOptions options, string label, int showMissed = 0)
    {
        var shown = new List<string>();
        io.Out.WriteLine($"Decisions by outcome, {label} (sums over seeds {string.Join(",", Seeds)}); 'its event' = a live event whose majority gold cluster is the article's:");
        io.Out.WriteLine($"{"bench",-20} {"set",-20} {"articles",8} {"rejected",8} {"new ok",7} {"join ok",7} {"join bad",8} {"new: missed",11} {"new: unseen",11} {"merge ok",8} {"merge bad",9} {"F1 ceiling",10}");
        io.Out.WriteLine($"{"",-20} {"",-20} {"",8} {"",8} {"",7} {"",7} {"",8} {"(scored low)",11} {"(not cand.)",11} {"",8} {"",9} {"(rejected apart)",10}");
        foreach (var bench in benches)
        {
            foreach (var (name, tuning) in new[] { ("tuning half (even)", true), ("held-out half (odd)", false) })
            {
                int articles = 0, rejected = 0, newOk = 0, joinOk = 0, joinBad = 0, missed = 0, unseen = 0, mergeOk = 0, mergeBad = 0;
                double ceiling = 0;
                foreach (var seed in Seeds)
                {
                    var clusterer = new OnlineEventClusterer(options);
                    var golds = new Dictionary<long, Dictionary<string, int>>();
                    var scored = new List<long>();
                    var rejectedEvents = new HashSet<long>();
                    var scoredFeatures = new List<double[]>();
                    clusterer.Observer = o =>
                    {
                        if (o.Merge) return;
                        scored.Add(o.B);
                        if (showMissed > 0) scoredFeatures.Add((double[])o.Features.Clone());
                    };
                    string Majority(long id) => golds.TryGetValue(clusterer.Resolve(id), out var c) && c.Count > 0
                        ? c.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key : "";
                    var stream = bench.Stream(seed, tuning);
                    var best = new List<string>(stream.Count);
                    foreach (var (input, truth) in stream)
                    {
                        articles++;
                        // A rejected document's event is nobody's to join: it does not count as the article's event.
                        var own = golds.Keys.Where(e => !rejectedEvents.Contains(e) && Majority(e) == truth).ToHashSet();
                        scored.Clear();
                        scoredFeatures.Clear();
                        var decision = clusterer.Add(input);
                        best.Add(decision.Rejection is null ? truth : "rejected " + input.Id);
                        if (decision.Rejection is not null)
                        {
                            rejected++;
                            rejectedEvents.Add(decision.EventId);
                        }
                        else if (!decision.IsNewEvent)
                        {
                            bool right = own.Any(e => clusterer.Resolve(e) == clusterer.Resolve(decision.EventId));
                            if (right) joinOk++; else joinBad++;
                        }
                        else if (own.Count == 0) newOk++;
                        else if (scored.Any(own.Contains))
                        {
                            missed++;
                            // Tuning half only: the missed article, its own event's probability and features, and the best other candidate's.
                            if (tuning && seed == Seeds[0] && shown.Count < showMissed && options.Model is { } model)
                            {
                                int k = scored.FindIndex(own.Contains);
                                int other = Enumerable.Range(0, scored.Count).Where(i => i != k).OrderByDescending(i => model.Join.Score(scoredFeatures[i])).DefaultIfEmpty(-1).First();
                                string Row(int i) => i < 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
                                    $"p {model.Join.Score(scoredFeatures[i]):0.00} [{string.Join(" ", JoinFeatures.Names.Select((n, j) => $"{n}={scoredFeatures[i][j]:0.##}"))}]");
                                shown.Add($"{input.Id} (of {truth}, {scored.Count} candidates) own event: {Row(k)}; best other: {Row(other)}");
                            }
                        }
                        else unseen++;
                        foreach (var merge in decision.Merges)
                        {
                            if (!golds.Remove(merge.Absorbed, out var absorbed)) continue;
                            var intoMajority = Majority(merge.Into);
                            var absorbedMajority = absorbed.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).FirstOrDefault().Key ?? "";
                            if (intoMajority == absorbedMajority) mergeOk++; else mergeBad++;
                            if (!golds.TryGetValue(merge.Into, out var into)) golds[merge.Into] = into = new(StringComparer.Ordinal);
                            foreach (var (g, n) in absorbed) into[g] = into.GetValueOrDefault(g) + n;
                        }
                        long e = clusterer.Resolve(decision.EventId);
                        if (!golds.TryGetValue(e, out var counts)) golds[e] = counts = new(StringComparer.Ordinal);
                        counts[truth] = counts.GetValueOrDefault(truth) + 1;
                    }
                    // The best any clusterer that rejects the same documents can score: gold events, rejected ones apart.
                    ceiling += ClusteringScores.Compute(best, stream.Select(x => x.Truth).ToList()).BCubedF1 / Seeds.Length;
                }
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bench.Name,-20} {name,-20} {articles,8} {rejected,8} {newOk,7} {joinOk,7} {joinBad,8} {missed,11} {unseen,11} {mergeOk,8} {mergeBad,9} {ceiling,10:0.000}"));
            }
        }
        if (shown.Count > 0)
        {
            io.Out.WriteLine($"Missed joins on the tuning halves (seed {Seeds[0]}; own event among the candidates but scored below the cut), first {shown.Count}:");
            foreach (var line in shown) io.Out.WriteLine("  " + line);
        }
    }
}
