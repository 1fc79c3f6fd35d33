namespace Precis.Evaluation;

/// <summary>
/// Perl's <c>rand</c> since 5.20 on every platform: its own drand48 — x₀ = (seed &lt;&lt; 16) + 0x330E,
/// x ← (0x5DEECE66D·x + 0xB) mod 2⁴⁸, rand = x / 2⁴⁸ (perl's util.c, <c>Perl_drand48_r</c>). ROUGE-1.5.5's
/// bootstrap calls <c>srand(i)</c> for resample i, so its confidence intervals depend on this exact sequence.
/// </summary>
internal struct Drand48
{
    private const ulong Multiplier = 0x5DEECE66DUL;
    private const ulong Increment = 0xBUL;
    private const ulong Mask = (1UL << 48) - 1;
    private ulong _x;

    /// <summary>The state after Perl's <c>srand(seed)</c> (the seed is taken as a 32-bit unsigned integer).</summary>
    public Drand48(uint seed) => _x = ((ulong)seed << 16) + 0x330EUL;

    /// <summary>The next value in [0, 1).</summary>
    public double Next()
    {
        _x = (Multiplier * _x + Increment) & Mask;
        return Math.ScaleB(_x, -48);
    }

    /// <summary>Perl's <c>int(rand(n))</c>.</summary>
    public int NextIndex(int n) => (int)(Next() * n);
}
