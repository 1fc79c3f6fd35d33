using System.Collections.Concurrent;
using Precis.Cli;

namespace Precis.Cli.Tests;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(200)]
    public void Results_come_back_in_input_order_whatever_the_costs(int workers)
    {
        var items = Enumerable.Range(0, 100).ToList();
        var seen = new List<int>();
        int caller = Environment.CurrentManagedThreadId;
        var consumerThreads = new HashSet<int>();
        // Costs that put the items in another order than the input's (and many ties).
        OrderedParallel.Run(items, i => (i * 37) % 11, i => i * 2, workers, r =>
        {
            seen.Add(r);
            consumerThreads.Add(Environment.CurrentManagedThreadId);
        });
        Assert.Equal(items.Select(i => i * 2), seen);
        Assert.Equal([caller], consumerThreads);
    }

    [Fact]
    public void Each_item_is_worked_once()
    {
        var counts = new ConcurrentDictionary<int, int>();
        OrderedParallel.Run(Enumerable.Range(0, 500).ToList(), i => i % 7, i => counts.AddOrUpdate(i, 1, (_, c) => c + 1), 3, _ => { });
        Assert.Equal(500, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(1, c));
    }

    [Fact]
    public void One_worker_takes_the_costliest_item_first_ties_by_input_position()
    {
        var started = new List<string>();
        var items = new[] { "b", "ccc", "a", "dd", "e" };
        var output = new List<string>();
        OrderedParallel.Run(items, s => s.Length, s => { started.Add(s); return s; }, 1, output.Add);
        Assert.Equal(["ccc", "dd", "b", "a", "e"], started);
        Assert.Equal(items, output);
    }

    [Fact]
    public void A_failing_item_throws_on_the_caller_after_the_items_before_it()
    {
        var output = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(Enumerable.Range(0, 20).ToList(), _ => 0,
            i => i == 7 ? throw new InvalidOperationException("item 7") : i, 2, output.Add));
        Assert.Equal("item 7", e.Message);
        Assert.Equal(Enumerable.Range(0, 7), output);
    }

    [Fact]
    public void No_items_is_no_work()
    {
        bool called = false;
        OrderedParallel.Run(Array.Empty<int>(), _ => 0, i => { called = true; return i; }, 2, _ => called = true);
        Assert.False(called);
    }
}
