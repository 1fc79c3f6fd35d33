
namespace Precis.Summarization;

/// <summary>A chosen set of items, its objective value, and whether the search proved it optimal.</summary>
internal sealed record CoverageSolution(int[] Items, double Value, bool Optimal, int Nodes);

/// <summary>
/// Budgeted maximum weighted coverage: choose items (sentences), each covering a set of concepts and costing some
/// length, to maximise the total weight of the concepts covered at least once (each counted once, Gillick &amp;
/// Favre 2009's ILP objective) within the budget, with no two conflicting (redundant) items together.
/// <para>
/// Solved in three steps: (1) the cost-scaled greedy of Lin &amp; Bilmes (2010), compared with the best single
/// item (their approximation guarantee needs both); (2) 1-for-1 swap and add local search; (3) depth-first branch
/// and bound seeded with that incumbent, bounding each node by the fractional knapsack over the remaining items'
/// marginal gains (valid because coverage is submodular: a set's gain never exceeds the sum of its members'
/// marginal gains). The search stops after <c>nodeLimit</c> nodes; then the solution is the best found and
/// <see cref="CoverageSolution.Optimal"/> is false. Deterministic: ties go to the lower item index.
/// </para>
/// </summary>
internal sealed class CoverageOptimizer
{
    private const double Epsilon = 1e-9;

    private readonly int[][] _items;
    private readonly double[] _weights;
    private readonly int[] _costs;
    private readonly int _budget;
    private readonly Func<int, int, bool>? _conflicts;
    private readonly Func<int, int[]>? _conflictRow;
    private readonly int[] _coverCount;
    private readonly int _nodeLimit;

    private CoverageOptimizer(int[][] items, double[] weights, int[] costs, int budget, Func<int, int, bool>? conflicts, int nodeLimit, Func<int, int[]>? conflictRow)
    {
        _conflictRow = conflictRow;
        _items = items;
        _weights = weights;
        _costs = costs;
        _budget = budget;
        _conflicts = conflicts;
        _coverCount = new int[weights.Length];
        _nodeLimit = nodeLimit;
        // Concept → items containing it, and each item's gain on an empty summary (weights summed in concept
        // order, so the running gains are reproducible).
        var lists = new List<int>[weights.Length];
        _initialGain = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            foreach (int c in items[i])
            {
                (lists[c] ??= []).Add(i);
                _initialGain[i] += weights[c];
            }
        }
        _conceptItems = [.. lists.Select(l => l is null ? [] : l.ToArray())];
        _gain = (double[])_initialGain.Clone();
    }

    private readonly int[][] _conceptItems;
    private readonly double[] _initialGain;
    private readonly double[] _gain;

    /// <param name="items">Per item, the distinct concept ids it covers.</param>
    /// <param name="weights">Per concept, a non-negative weight.</param>
    /// <param name="costs">Per item, a positive cost.</param>
    /// <param name="conflicts">Optional symmetric relation: items that must not be chosen together.</param>
    /// <param name="nodeLimit">Branch-and-bound nodes before giving up on a proof of optimality (0: heuristics only).</param>
    /// <param name="conflictRow">Optional: all items conflicting with one item, ascending (the same relation as
    /// <paramref name="conflicts"/>, computed faster than item by item).</param>
    public static CoverageSolution Solve(int[][] items, double[] weights, int[] costs, int budget, Func<int, int, bool>? conflicts = null, int nodeLimit = 20_000, Func<int, int[]>? conflictRow = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(costs);
        if (items.Length != costs.Length) throw new ArgumentException("one cost per item", nameof(costs));
        return new CoverageOptimizer(items, weights, costs, budget, conflicts, nodeLimit, conflictRow).Run();
    }

    /// <summary>Objective value of a set of items.</summary>
    public static double Evaluate(int[][] items, double[] weights, IEnumerable<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(chosen);
        var seen = new HashSet<int>();
        double value = 0;
        foreach (int i in chosen)
        {
            foreach (int c in items[i])
            {
                if (seen.Add(c)) value += weights[c];
            }
        }
        return value;
    }

    private CoverageSolution Run()
    {
        var greedy = Greedy();
        var single = BestSingleton();
        var start = Value(single) > Value(greedy) + Epsilon ? single : greedy;
        var local = LocalSearch(start);
        double localValue = Value(local);
        if (_nodeLimit <= 0) return new CoverageSolution([.. local.Order()], localValue, false, 0);

        // Branch and bound over items in decreasing value/cost order (good solutions first, tight bounds early).
        var order = Enumerable.Range(0, _items.Length)
            .Where(i => _costs[i] <= _budget && _items[i].Length > 0)
            .OrderByDescending(i => Gain(i) / _costs[i]).ThenBy(i => i).ToArray();
        _best = [.. local];
        _bestValue = localValue;
        _nodes = 0;
        _order = order;
        _chosen = [];
        _boundGain = new double[order.Length];
        _boundCost = new double[order.Length];
        _keys = new double[order.Length];
        _rootGain = order.Select(Gain).ToArray();
        _blocked = new int[order.Length];
        _conflictRows = new int[order.Length][];
        ResetCoverage();
        // The search reads everything by position in the order (costs, marginal gains, conflict counts), so the
        // bound's scan over the remaining positions walks arrays in sequence. Each position's gain goes through the
        // same additions and subtractions as its item's gain would: the values are the same.
        _position = new int[_items.Length];
        Array.Fill(_position, -1);
        for (int p = 0; p < order.Length; p++) _position[order[p]] = p;
        _orderCost = [.. order.Select(i => _costs[i])];
        _orderGain = [.. order.Select(i => _gain[i])];
        _conceptPositions = new int[_conceptItems.Length][];
        for (int c = 0; c < _conceptItems.Length; c++)
        {
            var positions = new List<int>();
            foreach (int j in _conceptItems[c])
            {
                if (_position[j] >= 0) positions.Add(_position[j]);
            }
            _conceptPositions[c] = [.. positions];
        }
        Search(0, 0, 0);
        bool optimal = _nodes <= _nodeLimit;
        return new CoverageSolution([.. _best.Order()], _bestValue, optimal, _nodes);
    }

    private int[] _order = [];
    private List<int> _chosen = [];
    private List<int> _best = [];
    private double _bestValue;
    private int _nodes;
    private double[] _boundGain = [];
    private double[] _boundCost = [];
    private double[] _keys = [];
    private double _value;
    private double[] _rootGain = [];
    private int[] _blocked = [];        // per position: how many chosen items of the search conflict with it
    private int[]?[] _conflictRows = []; // per position: the positions it conflicts with, built on first use
    private int[] _position = [];       // per item: its position in the order, or -1
    private int[] _orderCost = [];      // per position: the item's cost
    private double[] _orderGain = [];   // per position: the item's marginal gain during the search
    private int[][] _conceptPositions = []; // per concept: the positions of the items holding it

    /// <summary>The positions of the items conflicting with the item at position <paramref name="k"/> (asked once, then cached).</summary>
    private int[] ConflictRow(int k)
    {
        if (_conflictRows[k] is { } row) return row;
        int item = _order[k];
        var list = new List<int>();
        if (_conflictRow is not null)
        {
            foreach (int j in _conflictRow(item))
            {
                if (_position[j] >= 0) list.Add(_position[j]);
            }
        }
        else if (_conflicts is not null)
        {
            for (int j = 0; j < _items.Length; j++)
            {
                if (j != item && _position[j] >= 0 && _conflicts(item, j)) list.Add(_position[j]);
            }
        }
        return _conflictRows[k] = [.. list];
    }

    private void Choose(int k)
    {
        _chosen.Add(_order[k]);
        foreach (int q in ConflictRow(k)) _blocked[q]++;
    }

    private void Unchoose(int k)
    {
        _chosen.RemoveAt(_chosen.Count - 1);
        foreach (int q in ConflictRow(k)) _blocked[q]--;
    }

    /// <summary><see cref="Add"/> for the search: the same updates, on the gains by position.</summary>
    private void AddAt(int k)
    {
        foreach (int c in _items[_order[k]])
        {
            if (_coverCount[c]++ == 0)
            {
                foreach (int q in _conceptPositions[c]) _orderGain[q] -= _weights[c];
            }
        }
    }

    private void RemoveAt(int k)
    {
        foreach (int c in _items[_order[k]])
        {
            if (--_coverCount[c] == 0)
            {
                foreach (int q in _conceptPositions[c]) _orderGain[q] += _weights[c];
            }
        }
    }

    private void Search(int k, double value, int used)
    {
        if (++_nodes > _nodeLimit) return;
        if (value > _bestValue + Epsilon)
        {
            _bestValue = value;
            _best = [.. _chosen];
        }
        if (k >= _order.Length) return;
        _value = value;
        if (RootBound(k, used) + value <= _bestValue + Epsilon) return;
        if (Bound(k, used) + value <= _bestValue + Epsilon) return;

        int cost = _orderCost[k];
        if (used + cost <= _budget && _blocked[k] == 0)
        {
            double gain = _orderGain[k];
            if (gain > Epsilon)
            {
                AddAt(k);
                Choose(k);
                Search(k + 1, value + gain, used + cost);
                Unchoose(k);
                RemoveAt(k);
                if (_nodes > _nodeLimit) return;
            }
        }
        Search(k + 1, value, used);
    }

    /// <summary>
    /// The cheapest valid bound: the fractional knapsack over the items' gains on an empty summary, which never
    /// fall below their marginal gains (monotone submodular objective). Items are already in density order, so
    /// it reads only as many items as fill the remaining budget.
    /// </summary>
    private double RootBound(int k, int used)
    {
        double room = _budget - used;
        double bound = 0;
        for (int p = k; p < _order.Length && room > 0; p++)
        {
            int cost = _orderCost[p];
            double gain = _rootGain[p];
            if (cost <= room)
            {
                bound += gain;
                room -= cost;
            }
            else
            {
                bound += gain * room / cost;
                room = 0;
            }
        }
        return bound;
    }

    /// <summary>
    /// Fractional knapsack over the marginal gains of items order[k..] that still fit. A cheaper bound
    /// (remaining budget × best density) is tried first and returned when it already prunes. The knapsack stops as
    /// soon as its partial sum can no longer prune (the rest only adds to it): the caller's test then gives the same
    /// answer as with the whole sum.
    /// </summary>
    private double Bound(int k, int used)
    {
        int remaining = _budget - used;
        int n = 0;
        double maxDensity = 0, total = 0;
        var costs = _orderCost;
        var gains = _orderGain;
        var blocked = _blocked;
        for (int p = k; p < costs.Length; p++)
        {
            int cost = costs[p];
            if (cost > remaining) continue;
            double gain = gains[p];
            if (gain <= Epsilon || blocked[p] != 0) continue;
            _boundGain[n] = gain;
            _boundCost[n] = cost;
            double density = gain / cost;
            _keys[n] = -density;
            if (density > maxDensity) maxDensity = density;
            total += gain;
            n++;
        }
        if (n == 0) return 0;
        double cheap = Math.Min(total, remaining * maxDensity);
        if (cheap + _value <= _bestValue + Epsilon) return cheap;
        // Partial selection sort by density: the knapsack fills after a few items, so sorting all n is wasted.
        double bound = 0;
        double room = remaining;
        for (int i = 0; i < n && room > 0; i++)
        {
            int top = i;
            for (int q = i + 1; q < n; q++)
            {
                if (_keys[q] < _keys[top]) top = q;
            }
            if (top != i)
            {
                (_keys[i], _keys[top]) = (_keys[top], _keys[i]);
                (_boundGain[i], _boundGain[top]) = (_boundGain[top], _boundGain[i]);
                (_boundCost[i], _boundCost[top]) = (_boundCost[top], _boundCost[i]);
            }
            if (_boundCost[i] <= room)
            {
                bound += _boundGain[i];
                room -= _boundCost[i];
                if (bound + _value > _bestValue + Epsilon) return bound;
            }
            else
            {
                bound += _boundGain[i] * room / _boundCost[i];
                room = 0;
            }
        }
        return bound;
    }

    private List<int> Greedy()
    {
        ResetCoverage();
        var chosen = new List<int>();
        var taken = new bool[_items.Length];
        int used = 0;
        while (true)
        {
            int best = -1;
            double bestRatio = 0;
            for (int j = 0; j < _items.Length; j++)
            {
                if (taken[j] || used + _costs[j] > _budget || Conflicts(j, chosen)) continue;
                double ratio = Gain(j) / _costs[j]; // Lin & Bilmes (2010) with scaling exponent r = 1
                if (ratio > bestRatio + Epsilon)
                {
                    bestRatio = ratio;
                    best = j;
                }
            }
            if (best < 0) break;
            taken[best] = true;
            chosen.Add(best);
            Add(best);
            used += _costs[best];
        }
        ResetCoverage();
        return chosen;
    }

    private List<int> BestSingleton()
    {
        ResetCoverage();
        int best = -1;
        double bestValue = 0;
        for (int j = 0; j < _items.Length; j++)
        {
            if (_costs[j] > _budget) continue;
            double v = Gain(j);
            if (v > bestValue + Epsilon)
            {
                bestValue = v;
                best = j;
            }
        }
        return best < 0 ? [] : [best];
    }

    /// <summary>Swaps one chosen item for one unchosen one, or adds one, while that improves the objective.</summary>
    private List<int> LocalSearch(List<int> start)
    {
        var chosen = new List<int>(start);
        ResetCoverage();
        foreach (int i in chosen) Add(i);
        double value = Value(chosen);
        int used = chosen.Sum(i => _costs[i]);
        for (int round = 0; round < 4 * _items.Length + 8; round++)
        {
            bool improved = false;
            // Add moves.
            for (int j = 0; j < _items.Length && !improved; j++)
            {
                if (chosen.Contains(j) || used + _costs[j] > _budget || Conflicts(j, chosen)) continue;
                double gain = Gain(j);
                if (gain > Epsilon)
                {
                    Add(j);
                    chosen.Add(j);
                    value += gain;
                    used += _costs[j];
                    improved = true;
                }
            }
            // Swap moves: first improving swap wins (deterministic scan order).
            for (int a = 0; a < chosen.Count && !improved; a++)
            {
                int i = chosen[a];
                Remove(i);
                double loss = Gain(i);
                for (int j = 0; j < _items.Length; j++)
                {
                    if (j == i || chosen.Contains(j) || used - _costs[i] + _costs[j] > _budget) continue;
                    if (ConflictsExcept(j, chosen, i)) continue;
                    double gain = Gain(j);
                    if (gain > loss + Epsilon)
                    {
                        Add(j);
                        chosen[a] = j;
                        value += gain - loss;
                        used += _costs[j] - _costs[i];
                        improved = true;
                        break;
                    }
                }
                if (!improved) Add(i);
            }
            if (!improved) break;
        }
        ResetCoverage();
        return chosen;
    }

    private double Value(List<int> chosen) => Evaluate(_items, _weights, chosen);

    /// <summary>The item's marginal gain given the current coverage, kept up to date by Add and Remove.</summary>
    private double Gain(int item) => _gain[item];

    private void ResetCoverage()
    {
        Array.Clear(_coverCount);
        _initialGain.CopyTo(_gain, 0);
    }

    private void Add(int item)
    {
        foreach (int c in _items[item])
        {
            if (_coverCount[c]++ == 0)
            {
                foreach (int j in _conceptItems[c]) _gain[j] -= _weights[c];
            }
        }
    }

    private void Remove(int item)
    {
        foreach (int c in _items[item])
        {
            if (--_coverCount[c] == 0)
            {
                foreach (int j in _conceptItems[c]) _gain[j] += _weights[c];
            }
        }
    }

    private bool Conflicts(int item, List<int> chosen)
    {
        if (_conflicts is null) return false;
        foreach (int c in chosen)
        {
            if (_conflicts(item, c)) return true;
        }
        return false;
    }

    private bool ConflictsExcept(int item, List<int> chosen, int except)
    {
        if (_conflicts is null) return false;
        foreach (int c in chosen)
        {
            if (c != except && _conflicts(item, c)) return true;
        }
        return false;
    }
}
