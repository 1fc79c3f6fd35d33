using Precis.Documents;

namespace Precis.Timeline;

/// <summary>A day that could go on the timeline, with the counts its importance is judged by.</summary>
/// <param name="Published">Articles published that day.</param>
/// <param name="References">Sentences of articles published on other days whose day-precise expression resolves to it.</param>
/// <param name="SameDayReferences">Such sentences in articles published that day.</param>
/// <param name="ReferringArticles">Distinct articles published on other days that refer to it.</param>
public sealed record DateCandidate(DateOnly Date, int Published, int References, int SameDayReferences, int ReferringArticles);

/// <summary>
/// Ranks candidate days by importance: how many articles published on other days refer back to the day
/// (Tran et al. 2013 and Martschat &amp; Markert 2018 find references from other days the strongest single date
/// feature: an event that later reports keep dating is an important one), log-damped and scaled by the maximum over
/// the candidates so that scores mean the same on a dozen articles and on a thousand. The number of articles published
/// on the day (the PUBCOUNT baseline of Ghalandari &amp; Ifrim 2020) breaks ties, so a set whose articles date nothing
/// falls back to publication bursts.
/// PRECIS: on the 11 shared T17 tasks, mixing in the log publication count as a weighted term lowered every figure
/// (weight 0.5: AR1-F 0.1186, AR2-F 0.0297; 0.1: 0.1270, 0.0331; 0.05: 0.1281, 0.0330; 0: 0.1304, 0.0343), so it
/// only breaks ties (docs/BENCHMARKS.md, timelines section). Counting referring articles rather than referring
/// sentences (<see cref="DatedTimelineTuning.CountArticles"/>) raised AR2-F 0.03934 → 0.03971 and Date-F1 0.6877 → 0.6933.
/// </summary>
public static class DateSelector
{
    /// <summary>The importance of each candidate in [0, 1], in the candidates' order.</summary>
    public static double[] Score(IReadOnlyList<DateCandidate> candidates, DatedTimelineTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        tuning ??= DatedTimelineTuning.Default;
        var raw = new double[candidates.Count];
        double max = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double refs = (tuning.CountArticles ? c.ReferringArticles : c.References) + tuning.SameDayWeight * c.SameDayReferences;
            raw[i] = Math.Log(1 + refs) + tuning.PublishedWeight * Math.Log(1 + c.Published);
            max = Math.Max(max, raw[i]);
        }
        var scores = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++) scores[i] = max == 0 ? 0 : raw[i] / max;
        return scores;
    }

    /// <summary>The <paramref name="count"/> most important candidates (ties: more articles published, then the
    /// earlier day), in date order.</summary>
    public static List<(DateCandidate Candidate, double Score)> Select(IReadOnlyList<DateCandidate> candidates, int count, DatedTimelineTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var scores = Score(candidates, tuning);
        return [.. candidates.Select((c, i) => (Candidate: c, Score: scores[i]))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Candidate.Published)
            .ThenBy(x => x.Candidate.Date)
            .Take(count)
            .OrderBy(x => x.Candidate.Date)];
    }
}
