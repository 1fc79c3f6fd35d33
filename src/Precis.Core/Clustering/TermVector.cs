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
    // Open addressing with linear probing over twice the capacity (at most half full): each entry packs 1 + the slot
    // (high 32 bits; 0 = empty) with the term (low 32 bits), so a lookup compares terms within the index itself and
    // touches one cache line (rarely two) before reading the value, where a chained index read the bucket, the term and
    // the chain link from three arrays.
    private long[] _index;
    private int _count;

    public TermVector(int capacity = 0)
    {
        int size = capacity <= 4 ? 4 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _terms = new int[size];
        _values = new double[size];
        _index = new long[2 * size];
    }

    /// <summary>Distinct terms held.</summary>
    public int Count => _count;

    /// <summary>The terms in insertion order.</summary>
    public ReadOnlySpan<int> Terms => _terms.AsSpan(0, _count);

    /// <summary>The values, parallel to <see cref="Terms"/>.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

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
        var index = _index;
        int mask = index.Length - 1;
        int i = Home(term, mask);
        while (true)
        {
            long entry = index[i];
            if (entry == 0) break;
            if ((int)entry == term)
            {
                int found = (int)(entry >>> 32) - 1;
                double old = _values[found];
                _values[found] = old + value;
                return old;
            }
            i = (i + 1) & mask;
        }
        if (_count == _terms.Length)
        {
            Grow();
            index = _index;
            mask = index.Length - 1;
            i = Home(term, mask);
            while (index[i] != 0) i = (i + 1) & mask;
        }
        int slot = _count++;
        _terms[slot] = term;
        _values[slot] = value;
        index[i] = Entry(term, slot);
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
        var index = _index;
        int mask = index.Length - 1;
        int i = Home(term, mask);
        while (true)
        {
            long entry = index[i];
            if (entry == 0) return -1;
            if ((int)entry == term) return (int)(entry >>> 32) - 1;
            i = (i + 1) & mask;
        }
    }

    // Fibonacci hashing: a centroid often holds runs of nearby ids (terms first met in the same article), which the
    // multiply scatters so that they do not fill one long probe run.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int term, int mask) => (int)((ulong)(uint)term * 0x9E3779B97F4A7C15UL >> 32) & mask;

    private static long Entry(int term, int slot) => ((long)(slot + 1) << 32) | (uint)term;

    private void Grow()
    {
        int size = _terms.Length * 2;
        Array.Resize(ref _terms, size);
        Array.Resize(ref _values, size);
        var index = new long[2 * size];
        int mask = index.Length - 1;
        for (int slot = 0; slot < _count; slot++)
        {
            int i = Home(_terms[slot], mask);
            while (index[i] != 0) i = (i + 1) & mask;
            index[i] = Entry(_terms[slot], slot);
        }
        _index = index;
    }
}
