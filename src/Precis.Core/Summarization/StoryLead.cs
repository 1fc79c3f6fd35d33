using System.Collections.Immutable;
using Precis.Analysis.Facts;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Makes the summary tell the story as it evolved (issue 10): for the story's main changing state (the first
/// state frame with two or more steps, most supported first), every step is represented by a sentence that
/// asserts it; and a sentence that asserts only a superseded value that would read as current (a state with no
/// date of its own, or any superseded count: a toll of three names the incident's day, not the day it was given) is
/// dropped. Sentences added push out the longest sentences that carry no step, until the
/// summary fits its budget again. Not applied in evaluation (fill) mode, so benchmark figures measure the
/// summarizer alone.
/// </summary>
internal static class StoryLead
{
    public static ImmutableArray<Sentence> Apply(ImmutableArray<Sentence> chosen, ImmutableArray<Article> articles, StoryReport? story, SummaryBudget budget)
    {
        if (story is null || budget.Fill || story.Frames.IsEmpty) return chosen;
        var main = story.NotableFrames()
            .FirstOrDefault(f => f.Kind == ClaimKind.State && story.States[f.Id - 1].Sequence.Length >= 2);
        var byNumber = articles.ToDictionary(a => a.Number);
        Sentence SentenceOf(Claim c) => byNumber[c.Article].Sentences[c.Sentence];
        var result = chosen.ToList();

        // Superseded values in undated sentences read as current: drop them.
        var superseded = new HashSet<(int, int)>();
        var current = new HashSet<(int, int)>();
        foreach (var state in story.States)
        {
            var live = state.Current is null ? state.Disputed : [state.Current];
            foreach (var id in live.SelectMany(s => s.Claims)) current.Add(Key(story.ClaimById(id)));
            foreach (var step in state.Sequence.Where(s => !live.Contains(s)))
            {
                foreach (var id in step.Claims)
                {
                    var c = story.ClaimById(id);
                    // A dated state is history ("took the town on 9 November"); a superseded count reads as the
                    // toll now even when it names the incident's day ("three people were killed on Monday").
                    if (c.Kind == ClaimKind.Count || !(c.When is { Precision: >= DatePrecision.Day })) superseded.Add(Key(c));
                }
            }
        }
        result.RemoveAll(s => superseded.Contains((s.Article, s.Index)) && !current.Contains((s.Article, s.Index)));

        if (main is not null)
        {
            var steps = story.States[main.Id - 1].Sequence;
            var stepSentences = new HashSet<(int, int)>(steps.SelectMany(s => s.Claims).Select(id => Key(story.ClaimById(id))));
            foreach (var step in steps)
            {
                var claims = step.Claims.Select(story.ClaimById).ToList();
                if (result.Any(s => claims.Any(c => c.Article == s.Article && c.Sentence == s.Index))) continue;
                // The step's clearest sentence: dated by its own words, asserted (not denied), shortest.
                var best = claims.Where(c => !c.Value.Negated)
                    .OrderBy(c => c.When is { Precision: >= DatePrecision.Day } ? 0 : 1)
                    .ThenBy(c => c.Text.Length).ThenBy(c => c.Id).FirstOrDefault();
                if (best is null) continue;
                result.Add(SentenceOf(best));
            }
            // Back within budget: drop the longest sentences that carry no step.
            while (!Fits(result, budget))
            {
                var drop = result.Where(s => !stepSentences.Contains((s.Article, s.Index))).OrderByDescending(s => s.Text.Length).ThenBy(s => s.Article).ThenBy(s => s.Index).FirstOrDefault();
                if (drop is null) break;
                result.Remove(drop);
            }
            while (!Fits(result, budget) && result.Count > 1)
            {
                result.Remove(result.OrderByDescending(s => s.Text.Length).ThenBy(s => s.Article).ThenBy(s => s.Index).First());
            }
        }
        return [.. result];
    }

    private static (int, int) Key(Claim c) => (c.Article, c.Sentence);

    private static bool Fits(List<Sentence> sentences, SummaryBudget budget)
    {
        var meter = new BudgetMeter(budget);
        return sentences.All(s => meter.TryAdd(s.Text));
    }
}
