namespace Precis.Deduplication;

/// <summary>
/// A MinHash signature (Broder 1997): for each of <see cref="Permutations"/> seeded hash functions, the least hash of
/// the shingle set. The share of equal positions in two signatures estimates the Jaccard resemblance of the sets.
/// Deterministic: the hash functions are SplitMix64 over the shingle hash XOR a fixed per-permutation seed.
/// </summary>
internal sealed class MinHashSignature
{
    /// <summary>128 permutations give a standard error of about sqrt(J(1-J)/128) ≤ 0.044 for the estimate.</summary>
    public const int Permutations = 128;

    private static readonly ulong[] Seeds = MakeSeeds();

    private MinHashSignature(ulong[] values) => Values = values;

    public ulong[] Values { get; }

    public static MinHashSignature Of(ShingleSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var values = new ulong[Permutations];
        Array.Fill(values, ulong.MaxValue);
        foreach (ulong h in set.Hashes)
        {
            for (int p = 0; p < Permutations; p++)
            {
                ulong v = ShingleSet.Mix(h ^ Seeds[p]);
                if (v < values[p]) values[p] = v;
            }
        }
        return new(values);
    }

    /// <summary>Estimated Jaccard resemblance: the share of positions where the two signatures agree.</summary>
    public double EstimateJaccard(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int same = 0;
        for (int p = 0; p < Permutations; p++) if (Values[p] == other.Values[p] && Values[p] != ulong.MaxValue) same++;
        return same / (double)Permutations;
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Permutations];
        ulong state = 0x5052454349530001UL; // "PRECIS" + 1: any fixed value works; fixed keeps runs reproducible
        for (int p = 0; p < Permutations; p++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[p] = ShingleSet.Mix(state);
        }
        return seeds;
    }
}
