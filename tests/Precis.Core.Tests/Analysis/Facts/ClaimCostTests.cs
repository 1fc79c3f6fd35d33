using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Core.Tests.Analysis.Dates;
using Precis.Core.Tests.Fixtures;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Facts;

/// <summary>
/// Bounded cost of the claims engine (issue 12), asserted on the work done (claims read, frame sizes), not on time:
/// a story reads at most <see cref="StoryAnalyzer.MaxClaims"/> claims (a fair share per article) and a frame holds at
/// most <see cref="StoryAnalyzer.MaxClaimsPerFrame"/>, so frames and relations, which compare claims within a frame,
/// stay bounded; a note says when a cap applied. The full-size inputs (40,000 lines, a 20,000-number sentence) are
/// measured by bench/run-scale-bench.sh. Also: the literal gates that let a sentence skip a pattern never skip one
/// that would match.
/// </summary>
public class ClaimCostTests
{
    private static readonly DateOnly Day = new(2025, 6, 2);

    private static (StoryReport Story, List<string> Notes) Analyze(params Article[] articles)
    {
        var arr = articles.ToImmutableArray();
        var notes = new List<string>();
        var story = StoryAnalyzer.Analyze(arr, [.. arr.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))], DateAnalyzer.Analyze(arr), null, notes.Add);
        return (story, notes);
    }

    [Fact]
    public void Thousands_of_one_claim_lines_read_at_most_the_claim_cap_in_bounded_frames_and_say_so()
    {
        // Before: 40,000 lines "N people were killed." put every claim in one frame and compared each with all the
        // others (167 s in the facts stage). 2,500 lines show the caps here.
        var text = string.Join('\n', Enumerable.Range(0, 2_500).Select(i => (i + 2_100).ToString(CultureInfo.InvariantCulture) + " people were killed."));
        var (story, notes) = Analyze(DatesTestArticles.Make(1, text, Day));
        Assert.Equal(StoryAnalyzer.MaxClaims, story.Claims.Length);
        Assert.All(story.Frames, f => Assert.True(f.Claims.Length <= StoryAnalyzer.MaxClaimsPerFrame));
        Assert.True(story.Frames.Length >= StoryAnalyzer.MaxClaims / StoryAnalyzer.MaxClaimsPerFrame);
        Assert.Contains(notes, n => n.Contains("more than one story reads", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("a frame holds at most", StringComparison.Ordinal));
        // The first claims of the article are the ones kept.
        Assert.Equal("2100", story.Claims[0].Value.Count?.Phrase);
    }

    [Fact]
    public void The_claim_cap_is_shared_fairly_between_articles()
    {
        var big = string.Join('\n', Enumerable.Range(0, 2_100).Select(i => (i + 2_100).ToString(CultureInfo.InvariantCulture) + " people were killed."));
        var (story, notes) = Analyze(DatesTestArticles.Make(1, big, Day), DatesTestArticles.Make(2, "Officials said 12 people were injured.", Day));
        Assert.Single(story.Claims, c => c.Article == 2);
        Assert.Equal(StoryAnalyzer.MaxClaims - 1, story.Claims.Count(c => c.Article == 1));
        Assert.Single(notes, n => n.Contains("more than one story reads", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_of_20000_numbers_is_read_with_bounded_frames()
    {
        var text = "Officials said " + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => (i + 2_100).ToString(CultureInfo.InvariantCulture) + " people were killed")) + ".";
        var article = Precis.Text.SegmentationStage.Segment(new Article
        {
            Number = 1, Id = "a", Origin = "a.txt", Text = text, Paragraphs = [new TextSpan(0, text.Length)],
        });
        var (story, _) = Analyze(article);
        Assert.NotEmpty(story.Claims);
        Assert.True(story.Claims.Length <= StoryAnalyzer.MaxClaims);
        Assert.All(story.Frames, f => Assert.True(f.Claims.Length <= StoryAnalyzer.MaxClaimsPerFrame));
    }

    [Fact]
    public void Small_stories_get_no_cap_note()
    {
        var (story, notes) = Analyze(
            DatesTestArticles.Make(1, "At least 50 dockers were injured in the blast.", Day),
            DatesTestArticles.Make(2, "The blast injured 53 dockers, the union said.", Day.AddDays(1)));
        Assert.NotEmpty(story.Claims);
        Assert.Empty(notes);
    }

    [Theory]
    [InlineData(@"under\s+control|contained|put\s+(it\s+)?out(?!\s+of)|fully\s+out", new[] { "contained", "control", "fully", "put" })]
    [InlineData(@"curfew\s+(was\s+)?(imposed|declared)|(imposed|declared)\s+an?\s+curfew", new[] { "declared", "imposed" })]
    [InlineData(@"(been|was|were)\s+evacuated|ordered\s+the\s+evacuation\s+of", new[] { "evacuated", "evacuation" })]
    [InlineData(@"(still\s+|again\s+)?(hold|holds|held)|captured|recaptured", new[] { "captured", "held", "hold" })]
    [InlineData(@"flare[sd]?\s+up|raging", new[] { "flare", "raging" })]
    public void Gate_literals_are_what_every_match_must_hold(string pattern, string[] literals) =>
        Assert.Equal(literals, LiteralGate.For(pattern).Literals);

    [Theory]
    [InlineData(@"\w+\s+|dead")]
    [InlineData(@"a|bc")]
    [InlineData(@"(ab)?c+")]
    public void A_pattern_with_an_alternative_without_literals_is_never_skipped(string pattern)
    {
        var gate = LiteralGate.For(pattern);
        Assert.Null(gate.Literals);
        Assert.True(gate.MayMatch("nothing here"));
        Assert.True(gate.MayMatch(new TextProbe().Load("nothing here")));
    }

    [Fact]
    public void Gates_never_skip_a_sentence_their_pattern_matches()
    {
        // Every status cue, the control verbs, on every line of the examples and on case and Unicode variants.
        string[] patterns = [.. MeasureLexicon.Statuses.Select(s => s.Cue), MeasureLexicon.GainVerbs, MeasureLexicon.LoseVerbs];
        var lines = Directory.GetFiles(RepositoryPaths.Examples, "*.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        lines.AddRange(["The FIRE WAS CONTAINED.", "Troops Recaptured the town.", "The blaze flared up again.",
            "The curfew was lifted; the ſtreet reopened.", "Police \u212Aept it closed."]);
        var probe = new TextProbe();
        int skipped = 0, matched = 0;
        foreach (var pattern in patterns)
        {
            var regex = new Regex(@"\b(" + pattern + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var gate = LiteralGate.For(pattern);
            Assert.NotNull(gate.Literals);
            foreach (var line in lines)
            {
                bool match = regex.IsMatch(line);
                matched += match ? 1 : 0;
                if (match) Assert.True(gate.MayMatch(line) && gate.MayMatch(probe.Load(line)), $"gate skipped /{pattern}/ on: {line}");
                else if (!gate.MayMatch(probe.Load(line))) skipped++;
            }
        }
        Assert.True(matched > 20);
        Assert.True(skipped > lines.Count); // the gates do skip most lines
    }
}
