namespace Precis.Evaluation;

/// <summary>
/// Settings of a ROUGE run, named after the ROUGE-1.5.5.pl options they reproduce.
/// The defaults are ROUGE's own defaults plus ROUGE-1/-2 and ROUGE-SU4 (<c>-n 2 -2 4 -u</c>).
/// </summary>
public sealed record RougeOptions
{
    /// <summary><c>-b N</c>: keep the first N bytes (UTF-8) of each summary and reference; 0 = no limit.
    /// ROUGE does not count the space it inserts between sentences.</summary>
    public int MaxBytes { get; init; }

    /// <summary><c>-l N</c>: keep the first N whitespace-separated words of each summary and reference; 0 = no limit.</summary>
    public int MaxWords { get; init; }

    /// <summary><c>-m</c>: map tokens longer than 3 characters through WordNet's exception DB (or, without it, our
    /// irregular-form table), else through ROUGE's Porter stemmer.</summary>
    public bool Stem { get; init; }

    /// <summary>With <see cref="Stem"/>: directory holding WordNet's <c>adj/adv/noun/verb.exc</c>, read as ROUGE's exception
    /// DB (see <see cref="WordNetExceptions"/>); null = <c>$PRECIS_WORDNET_DIR</c> or /usr/share/wordnet. When the files
    /// are absent, our own table of common irregular forms (<see cref="RougeIrregularForms"/>) stands in.</summary>
    public string? WordNetDirectory { get; init; }

    /// <summary><c>-s</c>: drop tokens found in <see cref="StopWords"/> before counting.</summary>
    public bool RemoveStopWords { get; init; }

    /// <summary>The stop list used with <see cref="RemoveStopWords"/> (lower-case words), e.g. ROUGE's
    /// <c>smart_common_words.txt</c> read with <see cref="RougeStopWords.Load"/>; required when RemoveStopWords is set.</summary>
    public IReadOnlySet<string>? StopWords { get; init; }

    /// <summary><c>-n N</c>: compute ROUGE-1 … ROUGE-N; 0 = no ROUGE-N.</summary>
    public int MaxN { get; init; } = 2;

    /// <summary>Compute ROUGE-L (false = <c>-x</c>).</summary>
    public bool ComputeL { get; init; } = true;

    /// <summary><c>-2 D</c>: skip-bigram maximum gap; null = no ROUGE-S; negative = no gap limit.</summary>
    public int? SkipDistance { get; init; } = 4;

    /// <summary><c>-u</c>: count unigrams with the skip bigrams (ROUGE-SU instead of ROUGE-S).</summary>
    public bool SkipBigramUnigrams { get; init; } = true;

    /// <summary><c>-p</c>: F = PR / ((1-α)P + αR); 0.5 weighs recall and precision equally.</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>DUC 2004 task 2 convention: <c>-n 2 -m -b 665 -x -2 4 -u</c>.</summary>
    public static RougeOptions Duc2004 { get; } = new() { MaxBytes = 665, Stem = true, ComputeL = false };

    /// <summary>Multi-News convention used by the bench baselines: <c>-n 2 -2 4 -u -m</c> (no length limit, ROUGE-L on).</summary>
    public static RougeOptions MultiNews { get; } = new() { Stem = true };

    /// <summary>The metric names this configuration produces, in report order (ROUGE-1 … ROUGE-N, ROUGE-L, ROUGE-S*).</summary>
    public IReadOnlyList<string> MetricNames
    {
        get
        {
            var names = new List<string>();
            for (int n = 1; n <= MaxN; n++) names.Add($"ROUGE-{n}");
            if (ComputeL) names.Add("ROUGE-L");
            if (SkipDistance is int d) names.Add(d >= 0 ? $"ROUGE-{(SkipBigramUnigrams ? "SU" : "S")}{d}" : $"ROUGE-{(SkipBigramUnigrams ? "SU" : "S")}*");
            return names;
        }
    }

    /// <summary>The ROUGE-1.5.5.pl command-line options equivalent to these settings.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (MaxN > 0) parts.Add($"-n {MaxN}");
        if (SkipDistance is int d) parts.Add($"-2 {d}");
        if (SkipDistance is not null && SkipBigramUnigrams) parts.Add("-u");
        if (Stem) parts.Add("-m");
        if (RemoveStopWords) parts.Add("-s");
        if (MaxBytes > 0) parts.Add($"-b {MaxBytes}");
        if (MaxWords > 0) parts.Add($"-l {MaxWords}");
        if (!ComputeL) parts.Add("-x");
        if (Alpha != 0.5) parts.Add(FormattableString.Invariant($"-p {Alpha}"));
        return string.Join(' ', parts);
    }
}
