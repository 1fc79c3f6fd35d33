using FsCheck.Xunit;
using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

public class CoverageOptimizerTests
{
    [Fact]
    public void Optimizer_beats_greedy_when_the_densest_item_blocks_the_best_pair()
    {
        // Item 0 is the densest (7/6) but once it is in, nothing else fits; items 1 + 2 cover 10 within budget 10.
        int[][] items = [[0], [1], [2]];
        double[] weights = [7, 5, 5];
        int[] costs = [6, 5, 5];
        var solution = CoverageOptimizer.Solve(items, weights, costs, 10);
        Assert.Equal([1, 2], solution.Items);
        Assert.Equal(10, solution.Value);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Shared_concepts_count_once()
    {
        // Items 0 and 1 share the heavy concept 0: taking both adds only 1 + 2, less than item 1 + item 2.
        int[][] items = [[0, 1], [0, 2], [3]];
        double[] weights = [10, 1, 2, 4];
        int[] costs = [1, 1, 1];
        var solution = CoverageOptimizer.Solve(items, weights, costs, 2);
        Assert.Equal([1, 2], solution.Items);
        Assert.Equal(16, solution.Value);
    }

    [Fact]
    public void Conflicting_items_are_never_chosen_together()
    {
        int[][] items = [[0], [1], [2]];
        double[] weights = [5, 5, 1];
        int[] costs = [1, 1, 1];
        var solution = CoverageOptimizer.Solve(items, weights, costs, 2, (i, j) => (i, j) is (0, 1) or (1, 0));
        Assert.Equal(6, solution.Value);
        Assert.Contains(2, solution.Items);
    }

    [Property(MaxTest = 150)]
    public bool Optimizer_matches_brute_force_on_small_random_instances(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 11);
        int concepts = random.Next(1, 12);
        var items = new int[n][];
        var costs = new int[n];
        for (int i = 0; i < n; i++)
        {
            items[i] = [.. Enumerable.Range(0, concepts).Where(_ => random.NextDouble() < 0.3)];
            costs[i] = random.Next(1, 8);
        }
        var weights = Enumerable.Range(0, concepts).Select(_ => (double)random.Next(0, 6)).ToArray();
        bool[,] conflict = new bool[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++) conflict[i, j] = conflict[j, i] = random.NextDouble() < 0.1;
        }
        int budget = random.Next(1, 20);

        var solution = CoverageOptimizer.Solve(items, weights, costs, budget, (i, j) => conflict[i, j]);

        double best = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var set = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray();
            if (set.Sum(i => costs[i]) > budget) continue;
            if (set.Any(i => set.Any(j => conflict[i, j]))) continue;
            best = Math.Max(best, CoverageOptimizer.Evaluate(items, weights, set));
        }
        bool feasible = solution.Items.Sum(i => costs[i]) <= budget && !solution.Items.Any(i => solution.Items.Any(j => conflict[i, j]));
        return feasible && solution.Optimal && Math.Abs(solution.Value - best) < 1e-9
            && Math.Abs(CoverageOptimizer.Evaluate(items, weights, solution.Items) - solution.Value) < 1e-9;
    }

    [Fact]
    public void Search_stops_at_the_node_limit_and_says_so()
    {
        var random = new Random(7);
        int n = 60;
        var items = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 40).Where(_ => random.NextDouble() < 0.2).ToArray()).ToArray();
        var weights = Enumerable.Range(0, 40).Select(_ => 1.0 + random.Next(0, 3)).ToArray();
        var costs = Enumerable.Range(0, n).Select(_ => random.Next(5, 30)).ToArray();
        var limited = CoverageOptimizer.Solve(items, weights, costs, 60, nodeLimit: 3);
        var full = CoverageOptimizer.Solve(items, weights, costs, 60, nodeLimit: 1_000_000);
        Assert.False(limited.Optimal);
        Assert.True(full.Optimal);
        Assert.True(limited.Value <= full.Value + 1e-9);
        Assert.True(limited.Items.Sum(i => costs[i]) <= 60);
    }
}
