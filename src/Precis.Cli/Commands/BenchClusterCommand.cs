using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Precis.Clustering;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Sqlite;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench cluster</c>: streams every article of a bench file, shuffled with a fixed seed, through the ingest
/// path (parsing, online clustering, SQLite store) and scores the events found against the bench's clusters.
/// Thresholds are tuned on the even-numbered clusters (<c>--sweep</c>); the odd-numbered ones are held out.
/// </summary>
internal static class BenchClusterCommand
{
    private const int BatchSize = 128;

#if DEBUG
    private const string Build = "Debug build (speed figures are for a Release build: dotnet run -c Release)";
#else
    private const string Build = "Release build";
#endif

    public static Command Create(CliIO io)
    {
        var bench = new Option<string?>("--bench") { Description = "Bench file (JSON lines); default both ../shared/bench/multinews_dev.jsonl and duc2004.jsonl beside the repository." };
        var seed = new Option<int?>("--seed") { Description = "Shuffle seed; default seeds 1, 2 and 3." };
        var join = new Option<double?>("--join") { Description = "Join threshold (cosine to an event centroid), with --no-model." };
        var merge = new Option<double?>("--merge") { Description = "Merge threshold (cosine between event centroids), with --no-model." };
        var sweep = new Option<bool>("--sweep") { Description = "Print B-cubed F1 on the tuning half for a grid of cosine thresholds (clusterer only, no model)." };
        var bounds = new Option<bool>("--bounds") { Description = "Print offline reference points: nearest-neighbour accuracy and the best group-average partition per term weighting, with hindsight idf and threshold." };
        var train = new Option<bool>("--train") { Description = "Train the join model on the tuning halves of the bench files, write it (--out) and print both halves' figures." };
        var output = new Option<string?>("--out") { Description = "Where --train writes the model; default src/Precis.Core/Clustering/JoinModel.json in the repository." };
        var model = new Option<string?>("--model") { Description = "Join model JSON to evaluate instead of the embedded one." };
        var noModel = new Option<bool>("--no-model") { Description = "Decide by the cosine thresholds alone (the clusterer before issue 14)." };
        var window = new Option<int?>("--window") { Description = "Time window in days around an event's span within which a dated article may join it." };
        var halves = new Option<bool>("--halves") { Description = "Print only the in-memory clusterer's figures on both halves of each bench file, three seeds (no store, no speed)." };
        var drop = new Option<string?>("--drop") { Description = "With --train: comma-separated features to leave out of the model (their weights stay 0)." };
        var noScale = new Option<bool>("--no-scale") { Description = "Skip the retrieval-scale measurement (ingest rate at 1k, 10k and 100k stored articles)." };
        var mergePass = new Option<int?>("--merge-pass") { Description = "Run the second merge pass every N articles (0: off)." };
        var candidates = new Option<int?>("--candidates") { Description = "Candidate events scored per article (default 20)." };
        var queryTerms = new Option<int?>("--query-terms") { Description = "Highest-weighted article terms looked up in the postings (default 20)." };
        var trees = new Option<int?>("--trees") { Description = "With --train: boosted trees per scorer (default 120)." };
        var depth = new Option<int?>("--depth") { Description = "With --train: depth of each tree (default 3)." };
        var learningRate = new Option<double?>("--learning-rate") { Description = "With --train: shrinkage of each tree (default 0.1)." };
        var smoothCuts = new Option<bool>("--smooth-cuts") { Description = "With --train: choose the cuts by the grid's F1 averaged with the neighbouring join cuts (less swayed by one noisy grid point)." };
        var l2 = new Option<double?>("--l2") { Description = "With --train: L2 penalty of the trees' Newton leaves and split gains (default 1)." };
        var daggerRounds = new Option<int?>("--dagger-rounds") { Description = "With --train: further DAgger rounds run with the fitted trees (default 0)." };
        var showMissed = new Option<int?>("--show-missed") { Description = "With --halves: print up to N missed joins of the tuning halves (seed 1) with the model's probability and features for the article's own event and the best other candidate." };
        var runnerUp = new Option<bool>("--runner-up-grid") { Description = "Print the tuning halves' F1 for a join rule that also reads the runner-up's probability (simulated with merges off) and stop." };
        var positiveWeight = new Option<double?>("--positive-weight") { Description = "With --train: weight of same-event pairs in the trees' loss (default 1)." };
        var cvSplit = new Option<int?>("--cv-split") { Description = "With --cv: 1 (default) alternates the tuning topics between the two folds, 2 alternates pairs of topics." };
        var cvFolds = new Option<int?>("--cv-folds") { Description = "With --train: instead of writing a model, print the F1 of K-fold cross-validation by topic inside the tuning halves (K 3 to 10; trees only, folds trained in parallel)." };
        var cvSeed = new Option<int?>("--cv-seed") { Description = "With --cv-folds: 0 (default) deals the tuning topics to the folds in file order, N > 0 after shuffling them with seed N." };
        var cvDense = new Option<bool>("--cv-dense") { Description = "With --cv-folds: also score each fold's model on the whole tuning stream (all tuning topics competing), averaging B-cubed precision and recall over the fold's own articles." };
        var pairSeeds = new Option<int?>("--pair-seeds") { Description = "With --train: draw training pairs from shuffle seeds 1..N of the tuning halves (default 3; the cuts are still chosen on seeds 1, 2 and 3)." };
        var crossValidate = new Option<bool>("--cv") { Description = "With --train: instead of writing a model, print the F1 of two-fold cross-validation by topic inside the tuning halves." };
        var splitCut = new Option<double?>("--split-cut") { Description = "Event splitting: split a grown event's kept members in two when the merge scorer on the halves is below this probability (default: the model's setting; 0 turns splitting off)." };
        var splitEvery = new Option<int?>("--split-every") { Description = "Articles an event must gain between two split checks (default: the model's setting, else 4)." };
        var splitMin = new Option<int?>("--split-min") { Description = "Kept members an event needs for a split check (default: the model's setting, else 8; at most 16 are kept)." };
        var fallbackWindow = new Option<int?>("--fallback-window") { Description = "Fallback window in days: a dated article about to open an event looks again this far and joins the most probable event found outside --window at --fallback-cut (default: the model's setting; 0 turns it off). With --train: written into the model, never used in training." };
        var fallbackCut = new Option<double?>("--fallback-cut") { Description = "Lowest join-model probability for a join through the fallback window (default: the model's setting, else 0.7)." };
        var scaleTo = new Option<int?>("--scale-to") { Description = "Largest store of the retrieval-scale measurement (1000, 10000 or 100000; default 100000)." };
        var command = new Command("cluster", "Score online event clustering and ingest speed on the bench files.")
        {
            bench, seed, join, merge, sweep, bounds, train, output, model, noModel, noScale, window, halves, drop, scaleTo, mergePass, candidates, queryTerms, trees, depth, learningRate, l2, smoothCuts, daggerRounds, pairSeeds, positiveWeight, cvSplit, cvFolds, cvSeed, cvDense, crossValidate, showMissed, runnerUp, splitCut, splitEvery, splitMin, fallbackWindow, fallbackCut,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(io, new Settings(parse.GetValue(bench), parse.GetValue(seed), parse.GetValue(join), parse.GetValue(merge),
            parse.GetValue(sweep), parse.GetValue(bounds), parse.GetValue(train), parse.GetValue(output), parse.GetValue(model), parse.GetValue(noModel), parse.GetValue(noScale), parse.GetValue(window), parse.GetValue(halves), parse.GetValue(drop), parse.GetValue(scaleTo), parse.GetValue(mergePass)) { Candidates = parse.GetValue(candidates), QueryTerms = parse.GetValue(queryTerms), Trees = parse.GetValue(trees), Depth = parse.GetValue(depth), LearningRate = parse.GetValue(learningRate), L2 = parse.GetValue(l2), SmoothCuts = parse.GetValue(smoothCuts), DaggerRounds = parse.GetValue(daggerRounds), PairSeeds = parse.GetValue(pairSeeds), PositiveWeight = parse.GetValue(positiveWeight), CvSplit = parse.GetValue(cvSplit), CvFolds = parse.GetValue(cvFolds), CvSeed = parse.GetValue(cvSeed), CvDense = parse.GetValue(cvDense), CrossValidate = parse.GetValue(crossValidate), ShowMissed = parse.GetValue(showMissed), RunnerUp = parse.GetValue(runnerUp), SplitCut = parse.GetValue(splitCut), SplitEvery = parse.GetValue(splitEvery), SplitMin = parse.GetValue(splitMin), FallbackWindow = parse.GetValue(fallbackWindow), FallbackCut = parse.GetValue(fallbackCut) }, CliProgress.Enabled(io, parse), cancellationToken));
        return command;
    }

    private sealed record Settings(string? Bench, int? Seed, double? Join, double? Merge, bool Sweep, bool Bounds, bool Train, string? Out, string? Model, bool NoModel, bool NoScale, int? Window, bool Halves, string? Drop, int? ScaleTo, int? MergePass)
    {
        public int? Candidates { get; init; }
        public int? QueryTerms { get; init; }
        public int? Trees { get; init; }
        public int? Depth { get; init; }
        public double? LearningRate { get; init; }
        public double? L2 { get; init; }
        public bool SmoothCuts { get; init; }
        public int? DaggerRounds { get; init; }
        public int? PairSeeds { get; init; }
        public double? PositiveWeight { get; init; }
        public int? CvSplit { get; init; }
        public int? CvFolds { get; init; }
        public int? CvSeed { get; init; }
        public bool CvDense { get; init; }
        public bool CrossValidate { get; init; }
        public int? ShowMissed { get; init; }
        public bool RunnerUp { get; init; }
        public double? SplitCut { get; init; }
        public int? SplitEvery { get; init; }
        public int? SplitMin { get; init; }
        public int? FallbackWindow { get; init; }
        public double? FallbackCut { get; init; }
    }

    private static async Task<int> RunAsync(CliIO io, Settings settings, bool progress, CancellationToken cancellationToken)
    {
        var benchPaths = settings.Bench is { } given ? [given] : DefaultBenchPaths();
        if (benchPaths.Count == 0 || benchPaths.FirstOrDefault(p => !File.Exists(p)) is { } missing || benchPaths.Count == 0)
        {
            io.Error.WriteLine($"precis: bench file not found: {settings.Bench ?? "../shared/bench/multinews_dev.jsonl (and duc2004.jsonl)"}");
            return ExitCodes.Usage;
        }
        var options = new ClusteringOptions();
        if (settings.Join is { } j) options = options with { JoinThreshold = j };
        if (settings.Merge is { } m) options = options with { MergeThreshold = m };
        if (settings.Window is { } w) options = options with { WindowDays = w };
        if (settings.FallbackWindow is { } fw) options = options with { FallbackWindowDays = fw };
        if (settings.FallbackCut is { } fc) options = options with { FallbackCut = fc };
        if (settings.MergePass is { } mp) options = options with { MergePassInterval = mp };
        if (settings.Candidates is { } mc) options = options with { MaxCandidates = mc };
        if (settings.QueryTerms is { } qt) options = options with { QueryTerms = qt };
        // Event splitting: the model's settings (JoinModel.Split) unless these flags override them; --split-cut 0 turns
        // it off. Training and cross-validation split only as the flags say (a model trains with the settings it is
        // written with, never with those of the committed model).
        if (settings.SplitCut is { } sc) options = options with { SplitCut = sc };
        if (settings.SplitEvery is { } se) options = options with { SplitEvery = se };
        if (settings.SplitMin is { } sm) options = options with { SplitMinMembers = sm };
        if (settings.Train)
        {
            options = options with
            {
                SplitCut = settings.SplitCut ?? 0,
                SplitEvery = settings.SplitEvery ?? EventSplitting.DefaultEvery,
                SplitMinMembers = settings.SplitMin ?? EventSplitting.DefaultMinMembers,
                // The fallback window only as the flags say, as the splitting: the model carries it for use; training
                // and the cut choice run without it (BenchClusterTraining.Fit), the CV folds cluster with it.
                FallbackWindowDays = settings.FallbackWindow ?? 0,
                FallbackCut = settings.FallbackCut ?? FallbackWindow.DefaultCut,
            };
        }
        if (settings.SplitCut is < 0 or > 1 || settings.SplitEvery < 1 || settings.SplitMin is < EventSplitting.LeastMinMembers or > EventSplitting.MostMinMembers)
        {
            io.Error.WriteLine("precis: --split-cut must be 0 to 1, --split-every at least 1, --split-min 6 to 16");
            return ExitCodes.Usage;
        }
        if (settings.FallbackWindow is < 0 || settings.FallbackCut is <= 0 or > 1)
        {
            io.Error.WriteLine("precis: --fallback-window must be at least 0, --fallback-cut above 0 and at most 1");
            return ExitCodes.Usage;
        }
        if (settings.NoModel || settings.Sweep) options = options with { Model = null };
        else if (settings.Model is { } modelPath)
        {
            try
            {
                options = options with { Model = JoinModel.Parse(File.ReadAllText(modelPath), modelPath) };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                io.Error.WriteLine($"precis: cannot read join model {modelPath}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        var pipeline = new PrecisPipelineBuilder().Build();

        if (settings.Train)
        {
            var outPath = settings.Out ?? DefaultModelPath();
            if (outPath is null)
            {
                io.Error.WriteLine("precis: --train needs --out when not run inside the repository (src/Precis.Core/Clustering/JoinModel.json)");
                return ExitCodes.Usage;
            }
            var dropped = (settings.Drop ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (dropped.FirstOrDefault(f => !JoinFeatures.Names.Contains(f)) is { } unknown)
            {
                io.Error.WriteLine($"precis: unknown feature '{unknown}' in --drop; features: {string.Join(", ", JoinFeatures.Names)}");
                return ExitCodes.Usage;
            }
            var benches = benchPaths.Select(p => BenchClusterTraining.Load(p, pipeline, io)).ToList();
            var defaults = new JoinTreeTrainer.Settings();
            var treeSettings = defaults with
            {
                Rounds = settings.Trees ?? defaults.Rounds,
                Depth = settings.Depth ?? defaults.Depth,
                LearningRate = settings.LearningRate ?? defaults.LearningRate,
                L2 = settings.L2 ?? defaults.L2,
                PositiveWeight = settings.PositiveWeight ?? defaults.PositiveWeight,
            };
            if (treeSettings.Rounds < 1 || treeSettings.Depth < 1 || treeSettings.Depth > 8 || !(treeSettings.LearningRate > 0) || !(treeSettings.L2 >= 0) || !(treeSettings.PositiveWeight > 0) || settings.DaggerRounds is < 0 || settings.PairSeeds is < 1 or > 20 || settings.CvSplit is < 1 or > 2 || settings.CvFolds is < 3 or > 10 || settings.CvSeed is < 0 || ((settings.CvSeed is not null || settings.CvDense) && settings.CvFolds is null))
            {
                io.Error.WriteLine("precis: --trees must be at least 1, --depth 1 to 8, --learning-rate and --positive-weight above 0, --l2 at least 0, --dagger-rounds at least 0, --pair-seeds 1 to 20, --cv-split 1 or 2, --cv-folds 3 to 10, --cv-seed at least 0 (with --cv-folds), --cv-dense with --cv-folds");
                return ExitCodes.Usage;
            }
            int[]? pairSeedList = settings.PairSeeds is { } ps ? [.. Enumerable.Range(1, ps)] : null;
            if (settings.CvFolds is { } k)
            {
                BenchClusterTraining.CrossValidateFolds(io, benches, options, dropped, treeSettings, settings.DaggerRounds ?? 0, pairSeedList, k, settings.CvSeed ?? 0, settings.SmoothCuts, settings.CvDense);
                return ExitCodes.Success;
            }
            if (settings.CrossValidate)
            {
                BenchClusterTraining.CrossValidate(io, benches, options, dropped, treeSettings, settings.DaggerRounds ?? 0, pairSeedList, settings.CvSplit ?? 1, settings.SmoothCuts);
                return ExitCodes.Success;
            }
            return BenchClusterTraining.Train(io, benches, outPath, options, dropped, treeSettings, settings.DaggerRounds ?? 0, pairSeedList, settings.SmoothCuts, TrainCommand(settings));
        }

        if (settings.RunnerUp && options.Model is not null)
        {
            var benches = benchPaths.Select(p => BenchClusterTraining.Load(p, pipeline, io)).ToList();
            BenchClusterTraining.RunnerUpGrid(io, benches, options);
            return ExitCodes.Success;
        }

        if (settings.Halves)
        {
            var benches = benchPaths.Select(p => BenchClusterTraining.Load(p, pipeline, io)).ToList();
            BenchClusterTraining.PrintHalves(io, benches, options, options.Model is null ? "cosine thresholds" : "learned model");
            if (options.Model is not null) BenchClusterTraining.PrintErrors(io, benches, options, "learned model", Math.Max(0, settings.ShowMissed ?? 0));
            return ExitCodes.Success;
        }

        var benchPath = benchPaths[0];
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(benchPath, diagnostics).ToList();
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        var all = Shuffle(clusters.SelectMany(c => c.ToSources(Path.GetFileName(benchPath)).Select(s => (Source: s, Truth: c.Id))).ToList(), settings.Seed ?? 1);
        var tuneIds = clusters.Where((_, i) => i % 2 == 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var tune = all.Where(x => tuneIds.Contains(x.Truth)).ToList();

        if (settings.Sweep)
        {
            var inputs = tune.Select(x => (Input: ArticleIngestor.Read(pipeline, x.Source).Terms, x.Truth))
                .Where(x => x.Input is not null).Select(x => (Input: x.Input!, x.Truth)).ToList();
            io.Out.WriteLine($"Sweep on the tuning half ({tuneIds.Count} clusters, {tune.Count} articles), cosine thresholds without a model, B-cubed F1:");
            double[] joins = [0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.28, 0.32];
            double[] merges = [0.25, 0.30, 0.35, 0.40, 0.50, 1.01];
            io.Out.WriteLine("join\\merge " + string.Join(" ", merges.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(6))));
            foreach (var jt in joins)
            {
                var line = jt.ToString("0.00", CultureInfo.InvariantCulture).PadRight(10);
                foreach (var mt in merges)
                {
                    var clusterer = new OnlineEventClusterer(options with { JoinThreshold = jt, MergeThreshold = mt });
                    var events = inputs.Select(x => clusterer.Add(x.Input).EventId).ToList();
                    var scores = ClusteringScores.Compute(events.Select(clusterer.Resolve).ToList(), inputs.Select(x => x.Truth).ToList());
                    line += " " + scores.BCubedF1.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);
                }
                io.Out.WriteLine(line);
            }
            return ExitCodes.Success;
        }

        if (settings.Bounds) return Bounds(io, all, tuneIds, pipeline, options);

        io.Out.WriteLine($"{Build}, {Environment.ProcessorCount} cores. Decision: " + (options.Model is { } jm
            ? string.Create(CultureInfo.InvariantCulture, $"learned join model (join cut {jm.JoinCut}, merge cut {jm.MergeCut}; {(options.ResolvedSplitting() is { } sp ? $"events split below {sp.Cut} (every {sp.Every} articles, from {sp.MinMembers} kept members)" : "no event splitting")}; {(options.ResolvedFallback() is { } fb ? $"fallback window {fb.Days} days at p >= {fb.Cut}" : "no fallback window")}); {jm.TrainedOn}")
            : string.Create(CultureInfo.InvariantCulture, $"cosine thresholds (join {options.JoinThreshold}, merge {options.MergeThreshold})")));
        io.Out.WriteLine("The model and its cuts saw only the even-numbered clusters (tuning half); the odd-numbered half is held out.");
        int[] seeds = settings.Seed is { } one ? [one] : BenchClusterTraining.Seeds;
        var loaded = new List<BenchClusterTraining.BenchStream>();
        foreach (var path in benchPaths)
        {
            var bench = BenchClusterTraining.Load(path, pipeline, io);
            loaded.Add(bench);
            io.Out.WriteLine();
            io.Out.WriteLine($"Bench: {bench.Name}, {bench.Documents.Select(x => x.Truth).Distinct().Count()} clusters, {bench.Documents.Count} articles, seeds {string.Join(",", seeds)}");
            // Warm-up: one untimed pass through a scratch store, so the timed passes measure steady-state code rather
            // than the JIT's first, unoptimised compilations (a long-running server pays those once).
            await CliProgress.RunAsync(progress, $"{bench.Name} warm-up", bench.Documents.Count, advance => IngestAsync(bench.Documents, pipeline, options, cancellationToken, advance)).ConfigureAwait(false);
            io.Out.WriteLine($"{"set",-22} {"seed",4} {"articles",8} {"events",7} {"B3-P",6} {"B3-R",6} {"B3-F1",6} {"ARI",6} {"articles/s",10} {"articles/CPU-s",14}");
            foreach (var (name, tuning) in new[] { ("tuning half (even)", (bool?)true), ("held-out half (odd)", false), ("all", null) })
            {
                var rows = new List<ClusteringScores>();
                foreach (var s in seeds)
                {
                    var set = Shuffle(bench.Documents.ToList(), s).Where(x => tuning is null || bench.TuneIds.Contains(x.Truth) == tuning.Value).ToList();
                    var (scores, events, rate, cpuRate) = await CliProgress.RunAsync(progress, $"{name}, seed {s}", set.Count, advance => IngestAsync(set, pipeline, options, cancellationToken, advance)).ConfigureAwait(false);
                    rows.Add(scores);
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-22} {s,4} {set.Count,8} {events,7} {scores.BCubedPrecision,6:0.000} {scores.BCubedRecall,6:0.000} {scores.BCubedF1,6:0.000} {scores.AdjustedRandIndex,6:0.000} {rate,10:0} {cpuRate,14:0}"));
                }
                if (rows.Count > 1)
                {
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-22} {"mean",4} {"",8} {"",7} {rows.Average(r => r.BCubedPrecision),6:0.000} {rows.Average(r => r.BCubedRecall),6:0.000} {rows.Average(r => r.BCubedF1),6:0.000} {rows.Average(r => r.AdjustedRandIndex),6:0.000}"));
                }
            }
            var (_, _, rejected) = BenchClusterTraining.Simulate(bench.Stream(seeds[0], null), options);
            io.Out.WriteLine($"Rejected as page furniture (kept out of events), {rejected.Count} of {bench.Documents.Count} documents (stream of seed {seeds[0]}):");
            foreach (var (id, reason) in rejected.OrderBy(r => r.Id, StringComparer.Ordinal)) io.Out.WriteLine($"  {id,-28} {reason}");
        }
        io.Out.WriteLine();
        io.Out.WriteLine($"articles/s: parse + dedup + cluster + SQLite commit (WAL, synchronous=FULL, batches of {BatchSize}), from an empty store,");
        io.Out.WriteLine("after one untimed warm-up pass of the whole stream through a scratch store;");
        io.Out.WriteLine("articles/CPU-s: the same per second of this process's CPU time (all threads), steadier on a shared machine.");
        io.Out.WriteLine("A document rejected as page furniture counts as an event of its own; one folded into an identical stored text, in that article's event.");
        if (!settings.NoScale) await BenchClusterScale.RunAsync(io, loaded, pipeline, options, cancellationToken, settings.ScaleTo ?? 100_000).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The command line that trains the same model: the training flags given, in a fixed order.</summary>
    private static string TrainCommand(Settings s)
    {
        var parts = new List<string> { "precis bench cluster --train" };
        void Add(string flag, object? value)
        {
            if (value is not null) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{flag} {value}"));
        }
        Add("--bench", s.Bench);
        Add("--drop", s.Drop);
        Add("--window", s.Window);
        Add("--merge-pass", s.MergePass);
        Add("--candidates", s.Candidates);
        Add("--query-terms", s.QueryTerms);
        Add("--join", s.Join);
        Add("--merge", s.Merge);
        Add("--trees", s.Trees);
        Add("--depth", s.Depth);
        Add("--learning-rate", s.LearningRate);
        Add("--l2", s.L2);
        if (s.SmoothCuts) parts.Add("--smooth-cuts");
        Add("--dagger-rounds", s.DaggerRounds);
        Add("--pair-seeds", s.PairSeeds);
        Add("--positive-weight", s.PositiveWeight);
        Add("--split-cut", s.SplitCut);
        Add("--split-every", s.SplitEvery);
        Add("--split-min", s.SplitMin);
        Add("--fallback-window", s.FallbackWindow);
        Add("--fallback-cut", s.FallbackCut);
        return string.Join(" ", parts);
    }

    private static async Task<(ClusteringScores Scores, int Events, double Rate, double CpuRate)> IngestAsync(
        List<(SourceDocument Source, string Truth)> set, PrecisPipeline pipeline, ClusteringOptions options, CancellationToken cancellationToken, Action<int>? advance = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "precis-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new SqliteStore(folder);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            var results = new List<IngestResult>(set.Count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await foreach (var batch in ingestor.IngestBatchesAsync(set.Select(x => x.Source).Chunk(BatchSize), cancellationToken).ConfigureAwait(false))
            {
                results.AddRange(batch);
                advance?.Invoke(batch.Count);
            }
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            // Events as stored (merges applied), read back from the store.
            var eventOf = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var a in store.GetAllArticlesAsync(cancellationToken).ConfigureAwait(false)) eventOf[a.Id] = a.EventId;
            // Page furniture is kept out of events: a copy of a rejected page (the same archive notice sent with two
            // stories) is furniture too, not a member of the first copy's event.
            var furniture = results.Where(r => r.Rejection is not null && r.ArticleId is not null).Select(r => r.ArticleId!).ToHashSet(StringComparer.Ordinal);
            var predicted = new List<long>();
            var truth = new List<string>();
            foreach (var (x, r) in set.Zip(results))
            {
                // A document the ingest could not read still needs a label: it is its own event, as is a copy of page
                // furniture. One folded into an identical stored news text (a duplicate) is scored in that article's event.
                bool alone = r.ArticleId is not { } id || (r.Status == IngestStatus.Duplicate && furniture.Contains(id));
                predicted.Add(!alone && eventOf.TryGetValue(r.ArticleId!, out var e) ? e : -predicted.Count - 1);
                truth.Add(x.Truth);
            }
            return (ClusteringScores.Compute(predicted, truth), predicted.Distinct().Count(), set.Count / clock.Elapsed.TotalSeconds, set.Count / cpuSeconds);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Offline reference points on each half and on the whole set: how far the words alone separate the bench's
    /// clusters, whatever the order of arrival.</summary>
    private static int Bounds(CliIO io, List<(SourceDocument Source, string Truth)> all, HashSet<string> tuneIds, PrecisPipeline pipeline, ClusteringOptions options)
    {
        if (all.Count > ClusteringBounds.MaxItems)
        {
            io.Error.WriteLine($"precis: --bounds handles at most {ClusteringBounds.MaxItems} articles; this bench has {all.Count}");
            return ExitCodes.Usage;
        }
        var read = all.Select(x => (Terms: ArticleIngestor.Read(pipeline, x.Source).Terms?.Terms ?? [], x.Truth)).ToList();
        double[] thresholds = [0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.30, 0.35];
        io.Out.WriteLine("Offline reference points: every article in hand, idf over the whole set, group-average (UPGMA) clustering cut at");
        io.Out.WriteLine("the threshold that scores best against the very truth it is scored on. Not a method that can run on a stream;");
        io.Out.WriteLine("a bound on what one pass over the same words can be expected to reach.");
        io.Out.WriteLine($"{"set",-22} {"weighting",-26} {"NN-same",7} {"best-th",7} {"B3-P",6} {"B3-R",6} {"B3-F1",6} {"ARI",6}");
        foreach (var (name, set) in new[] { ("tuning half (even)", read.Where(x => tuneIds.Contains(x.Truth)).ToList()), ("held-out half (odd)", read.Where(x => !tuneIds.Contains(x.Truth)).ToList()), ("all", read) })
        {
            foreach (var weighting in Enum.GetValues<TermWeighting>())
            {
                var bound = ClusteringBounds.Measure(set.Select(x => (IReadOnlyList<string>)x.Terms).ToList(), set.Select(x => x.Truth).ToList(), weighting, thresholds);
                var b = bound.Best;
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {weighting,-26} {bound.NearestNeighbourAccuracy,7:0.000} {bound.BestThreshold,7:0.00} {b.BCubedPrecision,6:0.000} {b.BCubedRecall,6:0.000} {b.BCubedF1,6:0.000} {b.AdjustedRandIndex,6:0.000}"));
            }
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The online clusterer uses {TermWeighting.SublinearTfIdf} with join threshold {options.JoinThreshold}; run without --bounds for its scores."));
        return ExitCodes.Success;
    }

    internal static List<T> Shuffle<T>(List<T> items, int seed)
    {
        // Fisher–Yates with a seeded generator: the same seed gives the same stream order everywhere.
        var random = new Random(seed);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (items[i], items[k]) = (items[k], items[i]);
        }
        return items;
    }

    internal static string? DefaultBenchPath() => RepositoryRoot() is { } root && Path.Combine(root, "..", "shared", "bench", "multinews_dev.jsonl") is var path && File.Exists(path)
        ? Path.GetFullPath(path) : null;

    private static List<string> DefaultBenchPaths()
    {
        if (RepositoryRoot() is not { } root) return [];
        return [.. new[] { "multinews_dev.jsonl", "duc2004.jsonl" }.Select(f => Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", f))).Where(File.Exists)];
    }

    private static string? DefaultModelPath() => RepositoryRoot() is { } root ? Path.Combine(root, "src", "Precis.Core", "Clustering", "JoinModel.json") : null;

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) return dir.FullName;
            }
        }
        return null;
    }
}
