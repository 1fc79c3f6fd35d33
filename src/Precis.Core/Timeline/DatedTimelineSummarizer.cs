using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Timeline;

/// <summary>
/// Writes a dated timeline of an article set: the L most important days (<see cref="DateSelector"/>), each with up to
/// K verbatim sentences chosen among the sentences that belong to that day — those whose day-precise temporal
/// expression resolves to it, and the lead sentences of articles published that day or the day after that date nothing
/// else (a report usually runs the day after its event) — by centrality to all of them (cosine to the idf-weighted centroid of the day's sentences: the date-wise centroid summaries of
/// Ghalandari &amp; Ifrim 2020), skipping near-duplicates of sentences already chosen; a further sentence is taken
/// only when it scores close to the day's best (<see cref="DatedTimelineTuning.MinRelativeScore"/>: a weak second
/// sentence costs more words than it brings), and each is shown from where its report starts, without a leading
/// dateline or time stamp (<see cref="LeadIn"/>). The constants are in <see cref="DatedTimelineTuning"/>. Deterministic: every tie is
/// ordered by date, then article number, then sentence position. Cost: linear in sentences plus, per chosen day,
/// linear in that day's sentences.
/// </summary>
public static class DatedTimelineSummarizer
{
    public static DatedEventTimeline Summarize(ImmutableArray<Article> articles, DateAnalysis dates, DatedTimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Dates);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SentencesPerDate);
        if (articles.IsDefaultOrEmpty || options.Dates == 0) return DatedEventTimeline.Empty;
        var tuning = options.Tuning ?? DatedTimelineTuning.Default;

        var byNumber = articles.ToDictionary(a => a.Number);
        var published = new Dictionary<int, DateOnly>();
        foreach (var a in articles)
        {
            if (a.Published is { Precision: >= DatePrecision.Day } p && (!p.Inferred || p.NotBefore == p.NotAfter)) published[a.Number] = p.Date;
        }
        DateOnly? last = options.Last ?? (published.Count > 0 ? published.Values.Max() : null);
        bool InRange(DateOnly d) => (options.First is not { } f || d >= f) && (last is not { } l || d <= l);

        // Day references per sentence (one per day per sentence).
        var references = new Dictionary<(int Article, int Sentence), List<(DateOnly Day, TemporalExpression Expression)>>();
        foreach (var e in dates.Expressions)
        {
            if (e.Resolution is not { Precision: >= DatePrecision.Day } r || !byNumber.ContainsKey(e.Article)) continue;
            if (!references.TryGetValue((e.Article, e.Sentence), out var list)) references[(e.Article, e.Sentence)] = list = [];
            if (!list.Exists(x => x.Day == r.Date)) list.Add((r.Date, e));
        }

        // Candidate days and their counts.
        var pubCount = new Dictionary<DateOnly, int>();
        foreach (var d in published.Values) if (InRange(d)) pubCount[d] = pubCount.GetValueOrDefault(d) + 1;
        var refCount = new Dictionary<DateOnly, (int Other, int Same, HashSet<int> Articles)>();
        foreach (var ((article, _), list) in references)
        {
            bool hasDay = published.TryGetValue(article, out var pubDay);
            foreach (var (day, _) in list)
            {
                if (!InRange(day)) continue;
                var c = refCount.TryGetValue(day, out var v) ? v : (Other: 0, Same: 0, Articles: new HashSet<int>());
                if (hasDay && pubDay == day) c.Same++;
                else
                {
                    c.Other++;
                    c.Articles.Add(article);
                }
                refCount[day] = c;
            }
        }
        var candidates = pubCount.Keys.Concat(refCount.Keys).Distinct().Order()
            .Select(d => refCount.TryGetValue(d, out var r)
                ? new DateCandidate(d, pubCount.GetValueOrDefault(d), r.Other, r.Same, r.Articles.Count)
                : new DateCandidate(d, pubCount.GetValueOrDefault(d), 0, 0, 0))
            .ToList();
        var chosen = options.Days is { } days
            ? [.. days.Distinct().Order().Select(d => (candidates.Find(c => c.Date == d) ?? new DateCandidate(d, 0, 0, 0, 0), 1.0))]
            : DateSelector.Select(candidates, options.Dates, tuning);
        var chosenDays = chosen.Select(c => c.Candidate.Date).ToHashSet();

        // Sentences per chosen day.
        var pool = new Dictionary<DateOnly, List<(Sentence Sentence, DateReference? By, bool NextDay)>>();
        foreach (var day in chosenDays) pool[day] = [];
        foreach (var a in articles.OrderBy(a => a.Number))
        {
            bool hasDay = published.TryGetValue(a.Number, out var pubDay);
            foreach (var s in a.Sentences)
            {
                references.TryGetValue((a.Number, s.Index), out var refs);
                if (refs is not null)
                {
                    foreach (var (day, e) in refs)
                    {
                        if (pool.TryGetValue(day, out var list)) list.Add((s, Reference(e), false));
                    }
                }
                if (!hasDay || s.Index >= tuning.LeadSentences || refs is { Count: > 0 }) continue;
                if (pool.TryGetValue(pubDay, out var own)) own.Add((s, null, false));
                if (tuning.NextDayLeads && pool.TryGetValue(pubDay.AddDays(-1), out var before)) before.Add((s, null, true));
            }
        }

        // Inverse document frequency over every sentence of the set.
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int sentenceCount = 0;
        foreach (var a in articles)
        {
            foreach (var s in a.Sentences)
            {
                sentenceCount++;
                foreach (var stem in Stems(s)) df[stem] = df.GetValueOrDefault(stem) + 1;
            }
        }
        double Idf(string stem) => Math.Log((double)(sentenceCount + 1) / (df.GetValueOrDefault(stem) + 1));

        var keywords = options.Keywords ?? [];
        // The centroid of the set's lead sentences: what the story is about.
        Dictionary<string, double>? topicCentroid = null;
        if (tuning.TopicCentroidWeight != 0)
        {
            topicCentroid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var a in articles)
            {
                foreach (var s in a.Sentences)
                {
                    if (s.Index >= tuning.LeadSentences) continue;
                    foreach (var stem in Stems(s)) topicCentroid[stem] = topicCentroid.GetValueOrDefault(stem) + Idf(stem);
                }
            }
        }
        var taken = new List<HashSet<string>>();
        var entries = ImmutableArray.CreateBuilder<DatedTimelineEntry>();
        var fullDays = chosen.OrderByDescending(c => c.Score).ThenBy(c => c.Candidate.Date)
            .Take((int)Math.Ceiling(tuning.FullDayShare * chosen.Count)).Select(c => c.Candidate.Date).ToHashSet();
        foreach (var (candidate, score) in chosen)
        {
            var day = candidate.Date;
            int k = fullDays.Contains(day) ? options.SentencesPerDate : Math.Min(options.SentencesPerDate, Math.Max(1, options.SentencesPerDate / 2));
            var usable = pool[day].Where(x => Usable(x.Sentence, tuning)).ToList();
            var matching = keywords.Count == 0 || !tuning.KeywordFilter ? usable : usable.Where(x => keywords.Any(k => x.Sentence.Text.Contains(k, StringComparison.OrdinalIgnoreCase))).ToList();
            if (matching.Count > 0) usable = matching;
            var picked = PickCentral(usable, k, Idf, taken, keywords, tuning, topicCentroid);
            var phrases = pool[day].Where(x => x.By is not null).Select(x => x.By!)
                .DistinctBy(r => (r.Article, r.Span.Start))
                .OrderBy(r => published.TryGetValue(r.Article, out var pd) && pd == day ? 1 : 0)
                .ThenBy(r => r.Article).ThenBy(r => r.Span.Start)
                .Take(3).ToImmutableArray();
            var evidence = new DateEvidence(candidate.Published, candidate.References, candidate.SameDayReferences, phrases);
            entries.Add(new DatedTimelineEntry(day, score, evidence,
                [.. picked.Select(x => Shown(x.Sentence, x.By, x.NextDay, tuning))]));
        }
        return new DatedEventTimeline(entries.ToImmutable(), candidates.Count);
    }

    private static DateReference Reference(TemporalExpression e) => new(e.Article, e.Span, e.Phrase, e.Resolution?.Evidence ?? "");

    /// <summary>The sentence as the timeline shows it: from where its report starts (<see cref="LeadIn"/>).</summary>
    private static DatedTimelineSentence Shown(Sentence s, DateReference? by, bool nextDay, DatedTimelineTuning tuning)
    {
        int cut = tuning.TrimLeadIn ? LeadIn.Find(s.Text).Start : 0;
        // Keep the whole sentence when too little would be left to read as one.
        if (cut > 0 && s.Text.Length - cut < 20) cut = 0;
        return new DatedTimelineSentence(s.Article, s.Index, new TextSpan(s.Span.Start + cut, s.Span.Length - cut), s.Text[cut..], by, nextDay);
    }

    private static int Words(Sentence s)
    {
        int words = 0;
        foreach (var t in s.Tokens) if (t.Kind is TokenKind.Word or TokenKind.Number) words++;
        return words;
    }

    private static bool Usable(Sentence s, DatedTimelineTuning tuning)
    {
        int words = Words(s);
        // "..." marks a teaser cut short (site furniture listing other stories), not a sentence of the report.
        return words >= tuning.MinWords && words <= tuning.MaxWords && !s.Text.Contains("...", StringComparison.Ordinal) && !s.Text.Contains('\u2026');
    }

    private static IEnumerable<string> Stems(Sentence s)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in s.Tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number && !t.IsStopWord && seen.Add(t.Stem)) yield return t.Stem;
        }
    }

    /// <summary>Greedy: the best sentence first (centrality, plus the keyword and lead bonuses), skipping
    /// near-duplicates of any sentence already taken.</summary>
    private static List<(Sentence Sentence, DateReference? By, bool NextDay)> PickCentral(
        List<(Sentence Sentence, DateReference? By, bool NextDay)> candidates, int k, Func<string, double> idf, List<HashSet<string>> taken,
        IReadOnlyList<string> keywords, DatedTimelineTuning tuning, Dictionary<string, double>? topicCentroid)
    {
        var result = new List<(Sentence, DateReference?, bool)>();
        if (k == 0 || candidates.Count == 0) return result;
        // One entry per sentence (a sentence can refer to the day twice).
        candidates = [.. candidates.DistinctBy(x => (x.Sentence.Article, x.Sentence.Index))];
        var stems = candidates.Select(x => Stems(x.Sentence).ToHashSet(StringComparer.Ordinal)).ToList();
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var set in stems) foreach (var t in set) centroid[t] = centroid.GetValueOrDefault(t) + idf(t);
        double centroidNorm = Math.Sqrt(centroid.Values.Sum(v => v * v));
        double topicNorm = topicCentroid is null ? 0 : Math.Sqrt(topicCentroid.Values.Sum(v => v * v));
        var scores = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            double dot = 0, norm = 0, topicDot = 0;
            foreach (var t in stems[i])
            {
                double w = idf(t);
                dot += w * centroid[t];
                norm += w * w;
                if (topicCentroid is not null) topicDot += w * topicCentroid.GetValueOrDefault(t);
            }
            double cos = norm == 0 || centroidNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * centroidNorm);
            double topicCos = topicCentroid is not null && norm > 0 && topicNorm > 0 ? topicDot / (Math.Sqrt(norm) * topicNorm) : 0;
            cos += tuning.TopicCentroidWeight * topicCos;
            if (candidates[i].By is null) cos *= tuning.PublicationSentenceWeight;
            else cos += tuning.ReferenceBonus;
            if (tuning.LengthExponent != 0) cos *= Math.Pow(Math.Max(1, Words(candidates[i].Sentence)) / 20.0, tuning.LengthExponent);
            var text = candidates[i].Sentence.Text;
            int named = keywords.Count(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
            if (tuning.EntryBonus != 0 && LeadIn.Find(text).IsEntry) cos += tuning.EntryBonus;
            scores[i] = cos + tuning.KeywordWeight * Math.Min(named, 2) + tuning.LeadWeight / (1 + candidates[i].Sentence.Index);
        }
        var order = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i]).ThenBy(i => candidates[i].Sentence.Article).ThenBy(i => candidates[i].Sentence.Index).ToList();
        if (tuning.RedundancyPenalty == 0)
        {
            foreach (var i in order)
            {
                if (result.Count == k) break;
                if (result.Count > 0 && tuning.MinRelativeScore > 0 && scores[i] < tuning.MinRelativeScore * scores[order[0]]) break;
                if (taken.Exists(t => Analysis.Dates.SentenceOverlap.Jaccard(t, stems[i]) >= tuning.DuplicateOverlap)) continue;
                result.Add(candidates[i]);
                taken.Add(stems[i]);
            }
            return result;
        }
        // Maximal marginal relevance (Carbonell & Goldstein 1998) over the best 50 by score.
        var pool = order.Take(50).Where(i => !taken.Exists(t => Analysis.Dates.SentenceOverlap.Jaccard(t, stems[i]) >= tuning.DuplicateOverlap)).ToList();
        while (result.Count < k && pool.Count > 0)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            foreach (var i in pool)
            {
                double overlap = 0;
                foreach (var t in taken) overlap = Math.Max(overlap, Analysis.Dates.SentenceOverlap.Jaccard(t, stems[i]));
                double value = scores[i] - tuning.RedundancyPenalty * overlap;
                if (value > bestValue) (best, bestValue) = (i, value);
            }
            result.Add(candidates[best]);
            taken.Add(stems[best]);
            pool.Remove(best);
            pool.RemoveAll(i => Analysis.Dates.SentenceOverlap.Jaccard(stems[best], stems[i]) >= tuning.DuplicateOverlap);
        }
        return result;
    }
}
