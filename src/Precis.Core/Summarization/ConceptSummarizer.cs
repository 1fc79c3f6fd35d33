using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// The default method: maximum weighted coverage of bigram concepts under the length budget, after Gillick &amp;
/// Favre (2009, "A scalable global model for summarization", the ICSI system of TAC 2008/2009).
/// <list type="bullet">
/// <item>Concepts are bigrams of adjacent stemmed words, ignoring punctuation, except bigrams of two stop words.</item>
/// <item>A concept's weight is the number of independent documents containing it (syndicated copies count once),
/// plus <see cref="LeadBonus"/> for each of those documents that has it in its first <see cref="LeadSentences"/>
/// sentences (news puts the essential facts first; Gillick &amp; Favre's TAC 2009 system likewise counts concepts
/// of the first sentences extra).</item>
/// <item>Concepts found in fewer than <see cref="MinDocumentFrequency"/> documents are dropped (G&amp;F prune
/// df &lt; 3 for 10-document clusters; smaller clusters get a proportionally smaller cut-off).</item>
/// <item>The chosen set maximises the covered weight within the budget (<see cref="CoverageOptimizer"/>:
/// greedy + local search + bounded branch and bound), with no two redundant sentences.</item>
/// </list>
/// </summary>
public sealed class ConceptSummarizer : ISummarizer
{
    public string Name => "concept";

    /// <summary>Extra weight per document that has the concept in its lead.</summary>
    public double LeadBonus { get; init; } = 1.0;

    /// <summary>How many first sentences of each article count as its lead.</summary>
    public int LeadSentences { get; init; } = 3;

    /// <summary>Sentences whose content-word cosine reaches this are redundant (see <see cref="CitationLinker"/>).</summary>
    public double RedundancyThreshold { get; init; } = CitationLinker.EquivalenceThreshold;

    /// <summary>
    /// Factor for concepts below the df cut-off: they only break ties and fill the budget once the frequent
    /// concepts are covered (G&amp;F drop them entirely, which leaves small clusters with too few concepts).
    /// </summary>
    public double RareWeight { get; init; } = 0.1;

    /// <summary>Branch-and-bound nodes per run before settling for the best solution found.</summary>
    public int NodeLimit { get; init; } = 20_000;

    /// <summary>
    /// df cut-off for a cluster of <paramref name="documents"/> independent documents: 3 for ten or more (G&amp;F),
    /// 2 from four documents, 1 below that (with two or three documents a df ≥ 2 cut would discard most of the text).
    /// </summary>
    public static int MinDocumentFrequency(int documents) => documents >= 10 ? 3 : documents >= 4 ? 2 : 1;

    /// <summary>
    /// Most candidates the optimizer searches (its greedy and local search cost grows with the square of the count):
    /// the ones with the best concept weight per unit of length, kept in reading order. Far above the benchmark
    /// clusters (a DUC 2004 cluster has at most about 600 sentences), so it only bites on huge inputs.
    /// </summary>
    public int MaxCandidates { get; init; } = RankedSelection.MaxPool;

    public ImmutableArray<Sentence> Select(SummarizationInput input, SummaryBudget budget)
    {
        var view = ClusterView.Build(input);
        var candidates = view.Sentences.Where(s => s.IsCandidate).ToArray();
        var (items, weights) = Concepts(view, candidates);
        if (candidates.Length > MaxCandidates)
        {
            // Keep the densest candidates (weight of their concepts per character; ties to the earlier sentence),
            // then restore reading order so the optimizer's lower-index tie rule is unchanged.
            var keep = Enumerable.Range(0, candidates.Length)
                .OrderByDescending(i => items[i].Sum(c => weights[c]) / Math.Max(1, candidates[i].Sentence.Text.Length))
                .ThenBy(i => i).Take(MaxCandidates).Order().ToArray();
            candidates = [.. keep.Select(i => candidates[i])];
            items = [.. keep.Select(i => items[i])];
        }
        var costs = candidates.Select(s => BudgetMeter.CostWithSeparator(s.Sentence.Text, budget)).ToArray();
        int limit = BudgetMeter.LimitWithSeparator(budget);
        var redundancy = new Redundancy(candidates, RedundancyThreshold);
        Func<int, int, bool> conflicts = (i, j) => redundancy[i, j];
        var solution = CoverageOptimizer.Solve(items, weights, costs, limit, conflicts, NodeLimit, redundancy.Row);
        if (solution.Items.Length == 0) return new LeadSummarizer().Select(input, budget);

        var chosen = solution.Items.Select(i => candidates[i]).ToList();
        var ordered = ReadingOrder.Sort(view, chosen);
        if (!budget.Fill) return ordered;
        int fill = FillItem(items, weights, costs, limit - solution.Items.Sum(i => costs[i]), solution.Items, conflicts);
        return fill < 0 ? ordered : ordered.Add(candidates[fill].Sentence);
    }

    /// <summary>Concept ids per candidate (distinct, pruned by df) and the concept weights.</summary>
    internal (int[][] Items, double[] Weights) Concepts(ClusterView view, SentenceView[] candidates)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(candidates);
        // Concept ids per sentence (in order of first appearance), then per concept the number of document groups
        // containing it and containing it in a lead sentence, counted with a last-seen stamp per group.
        var ids = new Dictionary<long, int>();
        var bySentence = new Dictionary<SentenceView, int[]>(view.Sentences.Length, ReferenceEqualityComparer.Instance);
        var buffer = new List<int>();
        foreach (var s in view.Sentences) bySentence[s] = ConceptIds(view, s, ids, buffer);
        int count = ids.Count;
        var df = new int[count];
        var leadDf = new int[count];
        var seen = new int[count];
        var seenLead = new int[count];
        Array.Fill(seen, -1);
        Array.Fill(seenLead, -1);
        foreach (var s in view.Sentences.OrderBy(s => s.Group)) // OrderBy is stable: article order within a group
        {
            bool lead = s.Sentence.Index < LeadSentences;
            foreach (int c in bySentence[s])
            {
                if (seen[c] != s.Group) { seen[c] = s.Group; df[c]++; }
                if (lead && seenLead[c] != s.Group) { seenLead[c] = s.Group; leadDf[c]++; }
            }
        }
        int minDf = MinDocumentFrequency(view.GroupCount);
        var weights = new double[count];
        for (int c = 0; c < count; c++)
        {
            double w = df[c] + LeadBonus * leadDf[c];
            weights[c] = df[c] >= minDf ? w : RareWeight * w;
        }
        var items = new int[candidates.Length][];
        for (int i = 0; i < candidates.Length; i++)
        {
            items[i] = DistinctPositive(bySentence[candidates[i]], weights);
        }
        return (items, weights);
    }

    /// <summary>Bigrams of adjacent words, except those of two stop words, as concept ids.</summary>
    private static int[] ConceptIds(ClusterView view, SentenceView s, Dictionary<long, int> ids, List<int> result)
    {
        result.Clear();
        for (int i = 1; i < s.Words.Length; i++)
        {
            int a = s.Words[i - 1], b = s.Words[i];
            if (view.IsStop[a] && view.IsStop[b]) continue;
            long key = ((long)a << 32) | (uint)b;
            if (!ids.TryGetValue(key, out int id))
            {
                id = ids.Count;
                ids[key] = id;
            }
            result.Add(id);
        }
        return [.. result];
    }

    /// <summary>The distinct concepts of positive weight, sorted.</summary>
    private static int[] DistinctPositive(int[] concepts, double[] weights)
    {
        var sorted = (int[])concepts.Clone();
        Array.Sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            int c = sorted[i];
            if (weights[c] > 0 && (n == 0 || sorted[n - 1] != c)) sorted[n++] = c;
        }
        return sorted[..n];
    }

    /// <summary>
    /// Fill mode: the one extra sentence that crosses the limit. Only its first <paramref name="room"/> units
    /// survive the evaluator's cut, so its gain is scaled by the fraction that survives.
    /// </summary>
    private static int FillItem(int[][] items, double[] weights, int[] costs, int room, int[] chosen, Func<int, int, bool> conflicts)
    {
        if (room <= 1) return -1;
        var covered = new HashSet<int>(chosen.SelectMany(i => items[i]));
        int best = -1;
        double bestScore = 0;
        for (int j = 0; j < items.Length; j++)
        {
            if (chosen.Contains(j) || chosen.Any(i => conflicts(j, i))) continue;
            double gain = items[j].Where(c => !covered.Contains(c)).Sum(c => weights[c]);
            double score = gain * Math.Min(1.0, (double)room / costs[j]);
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }
}

