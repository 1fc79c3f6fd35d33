namespace Precis.Cli;

/// <summary>
/// Runs independent work items on several threads and hands their results to the calling thread in input order, each
/// as soon as it and every item before it are done (a streaming, order-preserving parallel map).
/// </summary>
/// <remarks>
/// The workers take the items by descending <c>cost</c> (ties by input position), so that the largest items do not
/// start last and leave one core working alone at the end (longest-processing-time-first scheduling). The results,
/// and so the output, do not depend on that order or on the number of workers: only the work's own result is used.
/// An exception in an item is rethrown on the calling thread when that item's turn comes; the workers then stop
/// taking new items.
/// </remarks>
internal static class OrderedParallel
{
    public static void Run<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, long> cost, Func<TIn, TOut> work, int workers, Action<TOut> consume)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(consume);
        int n = items.Count;
        if (n == 0) return;
        var costs = new long[n];
        for (int i = 0; i < n; i++) costs[i] = cost(items[i]);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (a, b) => costs[a] != costs[b] ? costs[b].CompareTo(costs[a]) : a.CompareTo(b));

        var slots = new TaskCompletionSource<TOut>[n];
        for (int i = 0; i < n; i++) slots[i] = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        int next = -1;
        var stop = false;
        void Work()
        {
            int k;
            while (!Volatile.Read(ref stop) && (k = Interlocked.Increment(ref next)) < n)
            {
                int i = order[k];
                try { slots[i].SetResult(work(items[i])); }
                catch (Exception e) { slots[i].SetException(e); }
            }
        }

        int threads = Math.Clamp(workers, 1, n);
        var running = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            running[t] = new Thread(Work) { IsBackground = true, Name = $"precis worker {t + 1}" };
            running[t].Start();
        }
        try
        {
            for (int i = 0; i < n; i++) consume(slots[i].Task.GetAwaiter().GetResult());
        }
        finally
        {
            Volatile.Write(ref stop, true);
            foreach (var t in running) t.Join();
        }
    }
}
