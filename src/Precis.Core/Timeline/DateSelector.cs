using Precis.Documents;

namespace Precis.Timeline;

/// <summary>A day that could go on the timeline, with the counts its importance is judged by.</summary>
/// <param name="Published">Articles published that day.</param>
/// <param name="References">Sentences of articles published on other days whose day-precise expression resolves to it.</param>
/// <param name="SameDayReferences">Such sentences in articles published that day.</param>
/// <param name="ReferringArticles">Distinct articles published on other days that refer to it.</param>
public sealed record DateCandidate(DateOnly Date, int Published, int References, int SameDayReferences, int ReferringArticles);

/// <summary>
/// Ranks candidate days by importance. Two signals from the literature carry it: how many articles appear on a day
/// (publication bursts: the PUBCOUNT baseline of Ghalandari &amp; Ifrim 2020) and how many sentences of articles from
/// other days refer back to it (Tran et al. 2013 and Martschat &amp; Markert 2018 find references from other days
/// the strongest single date feature: an event that later reports keep dating is an important one). Counts are
/// log-damped so one huge news day does not drown the references, and each is scaled by its maximum over the
/// candidates so the weights mean the same on a dozen articles and on a thousand.
/// </summary>
public static class DateSelector
{
    /// <summary>Weight of the publication count against the references (1 = references only).</summary>
    internal static readonly double PublicationWeight = Knob.Get("PW", 0.5);

    /// <summary>The importance of each candidate in [0, 1], in the candidates' order.</summary>
    public static double[] Score(IReadOnlyList<DateCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        double maxPub = 0, maxRef = 0;
        foreach (var c in candidates)
        {
            maxPub = Math.Max(maxPub, Math.Log(1 + c.Published));
            maxRef = Math.Max(maxRef, Math.Log(1 + c.References));
        }
        var scores = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double pub = maxPub == 0 ? 0 : Math.Log(1 + c.Published) / maxPub;
            double refs = maxRef == 0 ? 0 : Math.Log(1 + c.References) / maxRef;
            scores[i] = (PublicationWeight * pub) + ((1 - PublicationWeight) * refs);
        }
        return scores;
    }

    /// <summary>The <paramref name="count"/> most important candidates (ties: the earlier day), in date order.</summary>
    public static List<(DateCandidate Candidate, double Score)> Select(IReadOnlyList<DateCandidate> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var scores = Score(candidates);
        return [.. candidates.Select((c, i) => (Candidate: c, Score: scores[i]))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Candidate.Date)
            .Take(count)
            .OrderBy(x => x.Candidate.Date)];
    }
}
