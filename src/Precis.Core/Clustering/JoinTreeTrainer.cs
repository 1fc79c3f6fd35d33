namespace Precis.Clustering;

/// <summary>
/// Fits a <see cref="TreeEnsembleScorer"/>: gradient boosting of depth-limited regression trees on the logistic loss
/// (Friedman 2001), each leaf set by one Newton step with an L2 penalty and splits chosen by the second-order gain of
/// Chen &amp; Guestrin 2016 (XGBoost) over at most <see cref="Bins"/> quantile thresholds per feature, as LightGBM's
/// histograms do (Ke et al. 2017). No sampling and no randomness: ties go to the lower feature index and the lower
/// threshold, so the same pairs always give the same trees. A training-time tool (the CLI's <c>bench cluster
/// --train</c>); the clusterer only evaluates the trees.
/// </summary>
internal static class JoinTreeTrainer
{
    private const int Bins = 32;

    /// <summary>Tree settings; <paramref name="PositiveWeight"/> multiplies the loss of same-event pairs (1: unweighted; the
    /// pairs are about 6 % positive).</summary>
    public sealed record Settings(int Rounds = 120, int Depth = 3, double LearningRate = 0.1, double L2 = 1.0, double MinLeafHessian = 2.0, double PositiveWeight = 1.0);

    public static TreeEnsembleScorer Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0) throw new ArgumentException("one label per feature row, at least one row", nameof(y));
        settings ??= new Settings();
        int n = x.Count, d = JoinFeatures.Count;

        // Candidate thresholds per feature: midpoints between distinct values at evenly spaced ranks.
        var thresholds = new double[d][];
        var bin = new byte[d][];
        for (int j = 0; j < d; j++)
        {
            var values = new double[n];
            for (int i = 0; i < n; i++) values[i] = x[i][j];
            Array.Sort(values);
            var cuts = new List<double>();
            for (int b = 1; b < Bins; b++)
            {
                int r = (int)((long)b * n / Bins);
                if (r <= 0 || r >= n) continue;
                // The first distinct value at or after the rank, cut just below it.
                int k = r;
                while (k < n && values[k] == values[r - 1]) k++;
                if (k >= n) continue;
                double cut = (values[k - 1] + values[k]) / 2;
                if (cuts.Count == 0 || cut > cuts[^1]) cuts.Add(cut);
            }
            thresholds[j] = [.. cuts];
            bin[j] = new byte[n];
            for (int i = 0; i < n; i++)
            {
                int lo = 0, hi = cuts.Count;
                double v = x[i][j];
                while (lo < hi)
                {
                    int mid = (lo + hi) / 2;
                    if (v <= cuts[mid]) hi = mid; else lo = mid + 1;
                }
                bin[j][i] = (byte)lo;   // bin b holds values in (cuts[b-1], cuts[b]]
            }
        }

        int positives = y.Count(v => v);
        double weight = settings.PositiveWeight;
        double prior = Math.Clamp(weight == 1 ? (double)positives / n : weight * positives / (weight * positives + (n - positives)), 1e-6, 1 - 1e-6);
        double baseScore = Math.Log(prior / (1 - prior));
        var margin = new double[n];
        Array.Fill(margin, baseScore);
        var g = new double[n];
        var h = new double[n];
        var trees = new List<RegressionTree>();
        var rows = new int[n];
        for (int round = 0; round < settings.Rounds; round++)
        {
            for (int i = 0; i < n; i++)
            {
                double p = 1 / (1 + Math.Exp(-margin[i]));
                double w = y[i] ? weight : 1;
                g[i] = w * (p - (y[i] ? 1 : 0));
                h[i] = w * Math.Max(p * (1 - p), 1e-12);
                rows[i] = i;
            }
            var nodes = new TreeBuilder();
            Grow(nodes, rows, 0, n, 0);
            var tree = nodes.Build();
            trees.Add(tree);
            for (int i = 0; i < n; i++) margin[i] += tree.Evaluate(x[i]);
        }
        return new TreeEnsembleScorer(baseScore, trees);

        // Splits rows[from..to) at the node it adds; returns the node's index.
        int Grow(TreeBuilder nodes, int[] rowIndex, int from, int to, int depth)
        {
            double gs = 0, hs = 0;
            for (int k = from; k < to; k++)
            {
                gs += g[rowIndex[k]];
                hs += h[rowIndex[k]];
            }
            int node = nodes.Add();
            double leaf = -gs / (hs + settings.L2) * settings.LearningRate;
            if (depth >= settings.Depth || hs < 2 * settings.MinLeafHessian)
            {
                nodes.Leaf(node, leaf);
                return node;
            }
            double parentScore = gs * gs / (hs + settings.L2);
            (int Feature, int Bin, double Gain) best = (-1, -1, 1e-9);
            var gh = new double[Bins];
            var hh = new double[Bins];
            for (int j = 0; j < d; j++)
            {
                int cuts = thresholds[j].Length;
                if (cuts == 0) continue;
                Array.Clear(gh);
                Array.Clear(hh);
                var column = bin[j];
                for (int k = from; k < to; k++)
                {
                    int i = rowIndex[k];
                    gh[column[i]] += g[i];
                    hh[column[i]] += h[i];
                }
                double gl = 0, hl = 0;
                for (int b = 0; b < cuts; b++)
                {
                    gl += gh[b];
                    hl += hh[b];
                    double gr = gs - gl, hr = hs - hl;
                    if (hl < settings.MinLeafHessian || hr < settings.MinLeafHessian) continue;
                    double gain = gl * gl / (hl + settings.L2) + gr * gr / (hr + settings.L2) - parentScore;
                    if (gain > best.Gain) best = (j, b, gain);
                }
            }
            if (best.Feature < 0)
            {
                nodes.Leaf(node, leaf);
                return node;
            }
            // Stable partition: rows going left keep their order, then rows going right.
            var column2 = bin[best.Feature];
            var left = new List<int>(to - from);
            var right = new List<int>(to - from);
            for (int k = from; k < to; k++) (column2[rowIndex[k]] <= best.Bin ? left : right).Add(rowIndex[k]);
            left.CopyTo(rowIndex, from);
            right.CopyTo(rowIndex, from + left.Count);
            int l = Grow(nodes, rowIndex, from, from + left.Count, depth + 1);
            int r = Grow(nodes, rowIndex, from + left.Count, to, depth + 1);
            nodes.Split(node, best.Feature, thresholds[best.Feature][best.Bin], l, r);
            return node;
        }
    }

    private sealed class TreeBuilder
    {
        private readonly List<int> _feature = [];
        private readonly List<double> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<double> _value = [];

        public int Add()
        {
            _feature.Add(-1);
            _threshold.Add(0);
            _left.Add(0);
            _right.Add(0);
            _value.Add(0);
            return _feature.Count - 1;
        }

        public void Leaf(int node, double value) => _value[node] = value;

        public void Split(int node, int feature, double threshold, int left, int right)
        {
            _feature[node] = feature;
            _threshold[node] = threshold;
            _left[node] = left;
            _right[node] = right;
        }

        public RegressionTree Build() => new(_feature, _threshold, _left, _right, _value);
    }
}
