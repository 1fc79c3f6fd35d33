using BenchmarkDotNet.Attributes;
using Precis.Clustering;

namespace Precis.Benchmarks;

/// <summary>
/// The clusterer's learned decision on its own: the committed join model (Clustering/JoinModel.json) scoring one
/// (article, event) pair, as the ensemble walks its trees (one flat node array) and as the trees walked one by one
/// (what it did before; the sum is the same, bit for bit). The clusterer scores every candidate event of every article
/// this way, and every merge pair with the merge trees.
/// </summary>
public class ClusteringBenchmarks
{
    private readonly JoinModel _model = JoinModel.Default;
    private double[][] _pairs = [];
    private RegressionTree[] _trees = [];
    private double _base;

    [GlobalSetup]
    public void Setup()
    {
        // Feature vectors spread like the candidates' (a seeded generator: the same pairs on every run).
        if (_model.Join is TreeEnsembleScorer ensemble)
        {
            _trees = [.. ensemble.Trees];
            _base = ensemble.BaseScore;
        }
        var random = new Random(14);
        _pairs = new double[256][];
        for (int n = 0; n < _pairs.Length; n++)
        {
            var x = new double[JoinFeatures.Count];
            for (int j = 0; j < x.Length; j++) x[j] = random.Next(4) == 0 ? 0 : random.NextDouble();
            _pairs[n] = x;
        }
    }

    /// <summary>256 pairs scored by the join ensemble.</summary>
    [Benchmark]
    public double ScoreFlat()
    {
        double sum = 0;
        foreach (var x in _pairs) sum += _model.Join.Score(x);
        return sum;
    }

    /// <summary>The same pairs with each tree walked on its own node arrays.</summary>
    [Benchmark(Baseline = true)]
    public double ScoreTreeByTree()
    {
        double sum = 0;
        foreach (var x in _pairs)
        {
            double z = _base;
            foreach (var tree in _trees) z += tree.Evaluate(x);
            sum += 1 / (1 + Math.Exp(-z));
        }
        return sum;
    }
}
