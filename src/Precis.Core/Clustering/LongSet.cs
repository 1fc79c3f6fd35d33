namespace Precis.Clustering;

/// <summary>
/// A set of 64-bit keys (shingle and bigram hashes, posting keys) with open addressing and linear probing in one
/// power-of-two array: a lookup reads one slot (rarely a few neighbours) where <see cref="HashSet{T}"/> reads a bucket
/// and then an entry, and the clusterer probes these sets for every candidate event. Only adds, membership and counts:
/// nothing reads an order out of it. Not thread-safe.
/// </summary>
internal sealed class LongSet
{
    // Slot value 0 marks an empty slot; the key 0 itself is kept in _hasZero.
    private long[] _slots;
    private int _count;
    private bool _hasZero;

    public LongSet(int capacity = 0)
    {
        int size = 8;
        while (size < 2 * capacity) size *= 2;
        _slots = new long[size];
    }

    public int Count => _count + (_hasZero ? 1 : 0);

    public bool Contains(long key)
    {
        if (key == 0) return _hasZero;
        var slots = _slots;
        int mask = slots.Length - 1;
        int i = Home(key, mask);
        while (true)
        {
            long s = slots[i];
            if (s == key) return true;
            if (s == 0) return false;
            i = (i + 1) & mask;
        }
    }

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    public bool Add(long key)
    {
        if (key == 0)
        {
            if (_hasZero) return false;
            _hasZero = true;
            return true;
        }
        // At most half full, so probes stay short.
        if (2 * (_count + 1) > _slots.Length) Grow();
        var slots = _slots;
        int mask = slots.Length - 1;
        int i = Home(key, mask);
        while (true)
        {
            long s = slots[i];
            if (s == key) return false;
            if (s == 0)
            {
                slots[i] = key;
                _count++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public void UnionWith(LongSet other)
    {
        if (other._hasZero) Add(0);
        foreach (var key in other._slots) if (key != 0) Add(key);
    }

    /// <summary>How many keys the two sets share (walks the smaller one).</summary>
    public static int SharedCount(LongSet a, LongSet b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int n = small._hasZero && large._hasZero ? 1 : 0;
        foreach (var key in small._slots) if (key != 0 && large.Contains(key)) n++;
        return n;
    }

    // Fibonacci hashing: the top bits of the key times 2^64/phi, so keys that differ only in a few bits spread out.
    private static int Home(long key, int mask) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32) & mask;

    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        _count = 0;
        foreach (var key in old) if (key != 0) Add(key);
    }
}
