namespace Precis.Documents;

/// <summary>
/// A range of UTF-16 code units in an article's <see cref="Article.Text"/>.
/// Every sentence, token, quote and entity mention carries one, so anything Precis reports can be traced
/// back to the exact characters it came from.
/// </summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public string Slice(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start}..{End})";
}
