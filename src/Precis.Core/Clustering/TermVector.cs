using System.Runtime.CompilerServices;

namespace Precis.Clustering;

/// <summary>
/// A sparse vector over term ids that keeps its entries in order of first insertion (terms and values in two plain
/// arrays, with a chained hash index beside them), for an event's centroid. Dot products walk the two arrays in
/// insertion order (the order a <see cref="Dictionary{TKey,TValue}"/> without removals enumerates), so sums come out
/// bit for bit as they did over a dictionary, at the cost of an array walk instead of an enumerator over hash entries.
/// Entries are never removed. Not thread-safe.
/// </summary>
internal sealed class TermVector
{
    private int[] _terms;
    private double[] _values;
    // _buckets[term & mask] = 1 + the first slot of the chain; _next[slot] = 1 + the next slot (0 ends a chain).
    private int[] _buckets;
    private int[] _next;
    private int _count;

    public TermVector(int capacity = 0)
    {
        int size = capacity <= 4 ? 4 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _terms = new int[size];
        _values = new double[size];
        _buckets = new int[size];
        _next = new int[size];
    }

    /// <summary>Distinct terms held.</summary>
    public int Count => _count;

    /// <summary>The terms in insertion order.</summary>
    public ReadOnlySpan<int> Terms => _terms.AsSpan(0, _count);

    /// <summary>The values, parallel to <see cref="Terms"/>.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>The arrays behind <see cref="Terms"/> and <see cref="Values"/> (entries past <see cref="Count"/> are
    /// spare), for a caller that needs arrays (a sort comparer) without copying.</summary>
    internal int[] TermArray => _terms;

    internal double[] ValueArray => _values;

    /// <summary>The value of <paramref name="term"/>, or 0 when absent.</summary>
    public double this[int term] => Find(term) is var slot and >= 0 ? _values[slot] : 0;

    public bool TryGetValue(int term, out double value)
    {
        int slot = Find(term);
        if (slot < 0)
        {
            value = 0;
            return false;
        }
        value = _values[slot];
        return true;
    }

    public bool Contains(int term) => Find(term) >= 0;

    /// <summary>Adds <paramref name="value"/> to the term's entry, appending the term when absent.</summary>
    public void Add(int term, double value) => AddReturningOld(term, value);

    /// <summary>Adds <paramref name="value"/> to the term's entry (appending the term when absent) and returns the
    /// entry's value before (0 for a new term).</summary>
    public double AddReturningOld(int term, double value)
    {
        int slot = Find(term);
        if (slot >= 0)
        {
            double old = _values[slot];
            _values[slot] = old + value;
            return old;
        }
        if (_count == _terms.Length) Grow();
        slot = _count++;
        _terms[slot] = term;
        _values[slot] = value;
        ref int bucket = ref _buckets[term & (_buckets.Length - 1)];
        _next[slot] = bucket;
        bucket = slot + 1;
        return 0;
    }

    /// <summary>Adds every entry of <paramref name="other"/>, in its order.</summary>
    public void AddAll(TermVector other)
    {
        var terms = other.Terms;
        var values = other.Values;
        for (int i = 0; i < terms.Length; i++) Add(terms[i], values[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int term)
    {
        int slot = _buckets[term & (_buckets.Length - 1)] - 1;
        var terms = _terms;
        var next = _next;
        while ((uint)slot < (uint)terms.Length)
        {
            if (terms[slot] == term) return slot;
            slot = next[slot] - 1;
        }
        return -1;
    }

    private void Grow()
    {
        int size = _terms.Length * 2;
        Array.Resize(ref _terms, size);
        Array.Resize(ref _values, size);
        _next = new int[size];
        _buckets = new int[size];
        int mask = size - 1;
        for (int slot = 0; slot < _count; slot++)
        {
            ref int bucket = ref _buckets[_terms[slot] & mask];
            _next[slot] = bucket;
            bucket = slot + 1;
        }
    }
}
