namespace Precis.Clustering;

/// <summary>
/// Fits the <see cref="JoinModel"/>'s logistic regression: features standardised to mean 0 and unit variance, then
/// Newton–Raphson (iteratively reweighted least squares) with an L2 penalty on the weights, a fixed number of steps
/// and no randomness, so the same pairs always give the same model (Hastie, Tibshirani &amp; Friedman, ESL §4.4.1).
/// </summary>
internal static class JoinModelTrainer
{
    public static LogisticScorer Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 1.0, int steps = 25)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0) throw new ArgumentException("one label per feature row, at least one row", nameof(y));
        int d = JoinFeatures.Count, n = x.Count;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var row in x) for (int j = 0; j < d; j++) mean[j] += row[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        foreach (var row in x) for (int j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        for (int j = 0; j < d; j++) scale[j] = Math.Sqrt(scale[j] / n) is var s && s > 1e-9 ? s : 1;

        // Parameters: [bias, w_0 .. w_{d-1}] over standardised features.
        int m = d + 1;
        var beta = new double[m];
        var z = new double[m];
        for (int step = 0; step < steps; step++)
        {
            var gradient = new double[m];
            var hessian = new double[m, m];
            for (int i = 0; i < n; i++)
            {
                z[0] = 1;
                for (int j = 0; j < d; j++) z[j + 1] = (x[i][j] - mean[j]) / scale[j];
                double eta = 0;
                for (int j = 0; j < m; j++) eta += beta[j] * z[j];
                double p = 1 / (1 + Math.Exp(-eta));
                double r = (y[i] ? 1 : 0) - p;
                double w = Math.Max(p * (1 - p), 1e-9);
                for (int a = 0; a < m; a++)
                {
                    gradient[a] += r * z[a];
                    for (int b = a; b < m; b++) hessian[a, b] += w * z[a] * z[b];
                }
            }
            for (int a = 1; a < m; a++)
            {
                gradient[a] -= l2 * beta[a];
                hessian[a, a] += l2;
            }
            for (int a = 0; a < m; a++) for (int b = 0; b < a; b++) hessian[a, b] = hessian[b, a];
            var delta = Solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < m; a++)
            {
                beta[a] += delta[a];
                change = Math.Max(change, Math.Abs(delta[a]));
            }
            if (change < 1e-8) break;
        }
        return new LogisticScorer(mean, scale, beta.Skip(1).ToArray(), beta[0]);
    }

    /// <summary>Gaussian elimination with partial pivoting (the system is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            if (pivot != c)
            {
                for (int k = 0; k < n; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
                (v[c], v[pivot]) = (v[pivot], v[c]);
            }
            if (Math.Abs(m[c, c]) < 1e-12) continue;
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) m[r, k] -= f * m[c, k];
                v[r] -= f * v[c];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = v[r];
            for (int k = r + 1; k < n; k++) s -= m[r, k] * x[k];
            x[r] = Math.Abs(m[r, r]) < 1e-12 ? 0 : s / m[r, r];
        }
        return x;
    }
}
