namespace Precis.Summarization;

/// <summary>Pairs of sentences that say the same thing (content-word cosine at or above a threshold).</summary>
internal static class Redundancy
{
    public static bool[][] Matrix(SentenceView[] sentences, double threshold)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var m = new bool[sentences.Length][];
        for (int i = 0; i < m.Length; i++) m[i] = new bool[sentences.Length];
        for (int i = 0; i < sentences.Length; i++)
        {
            for (int j = i + 1; j < sentences.Length; j++)
            {
                if (ClusterView.Cosine(sentences[i].ContentCounts, sentences[j].ContentCounts) >= threshold)
                {
                    m[i][j] = m[j][i] = true;
                }
            }
        }
        return m;
    }
}
