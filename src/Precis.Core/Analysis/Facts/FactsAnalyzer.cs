using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Analysis.Entities;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>
/// The facts view of a <see cref="StoryReport"/>, kept for readers of <see cref="FactsReport"/>: each value a frame
/// went through is a <see cref="Fact"/>, and a frame with updates or conflicts is a <see cref="FactConflict"/> whose
/// sides are its values in time order (a conflict when any two of its values conflict, else an update).
/// </summary>
public static class FactsAnalyzer
{
    public static FactsReport Analyze(ImmutableArray<Article> articles, ImmutableArray<SyndicationGroup> groups, DateAnalysis dates, EntityAnalysis? entities = null) =>
        FromStory(StoryAnalyzer.Analyze(articles, groups, dates, entities), articles);

    public static FactsReport FromStory(StoryReport story, ImmutableArray<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byNumber = articles.ToDictionary(a => a.Number);
        var facts = new List<Fact>();
        var conflicts = new List<FactConflict>();
        foreach (var frame in story.Frames)
        {
            var state = story.States[frame.Id - 1];
            var steps = state.Sequence.Concat(state.Disputed.Where(d => !state.Sequence.Contains(d))).ToList();
            var sides = steps.Select(s => MakeFact(story, frame, s, byNumber)).ToList();
            facts.AddRange(sides);
            var rels = story.Relations.Where(r => r.Frame == frame.Id && r.Kind != RelationKind.Corroboration).ToList();
            if (rels.Count == 0 || sides.Count < 2) continue;
            bool conflict = rels.Any(r => r.Kind == RelationKind.Conflict);
            var ordered = sides.Zip(steps).OrderBy(x => x.Second.AsOf ?? DateOnly.MaxValue).ThenBy(x => x.Second.Claims[0]).Select(x => x.First).ToImmutableArray();
            conflicts.Add(new FactConflict(frame.Label, conflict ? ConflictKind.Conflict : ConflictKind.Update, ordered,
                string.Join("; ", rels.Select(r => r.Note))));
        }
        return new FactsReport(
            [.. facts.OrderByDescending(f => f.IndependentSources).ThenByDescending(f => f.Sources.Length)
                .ThenBy(f => f.Evidence[0].Article).ThenBy(f => f.Evidence[0].Sentence).ThenBy(f => f.Evidence[0].PhraseSpan.Start)],
            [.. conflicts]);
    }

    private static Fact MakeFact(StoryReport story, ClaimFrame frame, StateStep step, Dictionary<int, Article> byNumber)
    {
        var claims = step.Claims.Select(story.ClaimById).ToList();
        var ev = claims.Select(c => new ClaimEvidence(c.Article, c.Sentence, c.Span, c.Text, c.EvidenceText, c.Evidence, c.When))
            .OrderBy(e => e.Article).ThenBy(e => e.Sentence).ThenBy(e => e.PhraseSpan.Start).ToImmutableArray();
        var published = step.Articles.Select(n => byNumber.TryGetValue(n, out var a) ? a.Published : null).Where(p => p is not null)
            .OrderBy(p => p!.Inferred ? p.NotBefore ?? p.Date : p.Date).ThenBy(p => p!.SortKey).FirstOrDefault();
        return new Fact(frame.Label, step.Value.Display, ev, step.Articles, step.IndependentSources, published);
    }
}
