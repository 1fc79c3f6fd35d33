using Precis.Evaluation;

namespace Precis.Core.Tests.Evaluation;

public class RougeScorerTests
{
    private static readonly RougeOptions Plain = new() { MaxN = 2, ComputeL = true, SkipDistance = 4, SkipBigramUnigrams = true };

    private static RougeScore Score(RougeOptions options, string metric, string summary, params string[] references) =>
        new RougeScorer(options).ScoreCluster("c1", summary, references).Find(metric)!.Value;

    [Fact]
    public void Tokens_are_runs_of_ascii_letters_and_digits_lower_cased()
    {
        var tokens = RougeText.Tokens(RougeText.JoinTruncated(RougeText.ToByteSentences(["The Mayor's $5 plan -- re-elected, café!"]), 0, 0), new RougeTokenFilter(new RougeOptions()));
        // '$' and the apostrophe become spaces, '-' splits, the two UTF-8 bytes of 'é' become spaces.
        Assert.Equal(["the", "mayor", "s", "5", "plan", "re", "elected", "caf"], tokens);
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var s = Score(Plain, "ROUGE-1", "the council voted on tuesday", "the council voted on tuesday");
        Assert.Equal((1.0, 1.0, 1.0), (s.Recall, s.Precision, s.F));
    }

    [Fact]
    public void Rouge_n_clips_hits_per_reference_and_sums_over_references()
    {
        // Summary unigrams: a×3, b. Reference 1: a, b, c (hits 2 of 3). Reference 2: a, a, d, e (hits 2 of 4).
        var s = Score(Plain, "ROUGE-1", "a a a b", "a b c", "a a d e");
        Assert.Equal(4, s.Hits);
        Assert.Equal(7, s.ReferenceCount);
        Assert.Equal(8, s.SummaryCount); // 2 references × 4 summary unigrams
        Assert.Equal(0.57143, s.Recall);
        Assert.Equal(0.5, s.Precision);
        Assert.Equal(0.53333, s.F); // from the rounded R and P: 0.5·0.57143/(0.5·0.5 + 0.5·0.57143) = 0.5333331…
    }

    [Fact]
    public void Bigrams_run_across_sentence_boundaries()
    {
        var s = Score(Plain, "ROUGE-2", "storm hit\ncoast today", "storm hit coast");
        Assert.Equal(2, s.Hits); // "storm hit", "hit coast"
        Assert.Equal(3, s.SummaryCount);
    }

    [Fact]
    public void Su4_counts_skip_bigrams_within_four_gaps_and_unigrams_of_all_but_the_last_token()
    {
        // 6 tokens: unigrams of the first 5 (ROUGE's loop stops one token early) + pairs (i, j), j ≤ i + 5.
        var s = Score(Plain, "ROUGE-SU4", "a b c d e f", "a b c d e f");
        Assert.Equal(5 + 15, s.ReferenceCount);
        Assert.Equal(1.0, s.Recall);
        // A one-token text has no SU gram at all.
        Assert.Equal(0, Score(Plain, "ROUGE-SU4", "a", "a").ReferenceCount);
        // With the 7th token, (a, g) is 6 apart and not counted: 6 unigrams + 5+4+3+2+1+… pairs.
        Assert.Equal(6 + 5 + 5 + 4 + 3 + 2 + 1, Score(Plain, "ROUGE-SU4", "a b c d e f g", "a").SummaryCount);
    }

    [Fact]
    public void Lcs_marks_the_union_over_summary_sentences_and_clips_by_unigram_counts()
    {
        // Reference sentence "a b c d e": LCS with "a b x" marks a, b; with "c e" marks c, e → 4 hits of 5.
        var s = Score(Plain, "ROUGE-L", "a b x\nc e", "a b c d e");
        Assert.Equal(4, s.Hits);
        Assert.Equal(5, s.ReferenceCount);
        Assert.Equal(5, s.SummaryCount);
        // The summary has one "a": two reference sentences cannot both use it.
        var clipped = Score(Plain, "ROUGE-L", "a", "a\na");
        Assert.Equal(1, clipped.Hits);
        Assert.Equal(2, clipped.ReferenceCount);
    }

    [Fact]
    public void Lcs_traceback_prefers_moving_up_on_ties_as_rouge_does()
    {
        var mask = new bool[3];
        RougeScorer.MarkLcs([0, 1, 0], [0], mask); // model "a b a", summary "a"
        // c[i-1][j] >= c[i][j-1] goes up first, so the last "a" of the model is the one marked.
        Assert.Equal([false, false, true], mask);
    }

    [Fact]
    public void Byte_limit_does_not_count_joining_spaces_and_cuts_the_crossing_sentence()
    {
        var sentences = RougeText.ToByteSentences(["abcd", "efgh", "ijkl"]);
        // 4 + 4 bytes kept whole (8 < 10), the third sentence cut to 10 - 8 = 2 bytes.
        Assert.Equal("abcd efgh ij", RougeText.JoinTruncated(sentences, 10, 0));
        // A sentence that exactly reaches the limit ends reading.
        Assert.Equal("abcd efgh", RougeText.JoinTruncated(sentences, 8, 0));
    }

    [Fact]
    public void Byte_limit_counts_utf8_bytes()
    {
        var sentences = RougeText.ToByteSentences(["naïve cafe"]);
        Assert.Equal(11, sentences[0].Length);
        Assert.Equal(7, RougeText.JoinTruncated(sentences, 7, 0)!.Length);
    }

    [Fact]
    public void Word_limit_counts_whitespace_words_of_the_raw_sentences()
    {
        var sentences = RougeText.ToByteSentences(["one two -- three", "four five"]);
        // "--" counts as a word before punctuation is removed.
        Assert.Equal("one two -- three four", RougeText.JoinTruncated(sentences, 0, 5));
        Assert.Equal("one two", RougeText.JoinTruncated(sentences, 0, 2));
    }

    [Fact]
    public void Lcs_byte_limit_keeps_rouge_bug_of_not_adding_up_bytes()
    {
        var sentences = RougeText.ToByteSentences(["abcd", "efgh", "ijklmnopqrst", "uvw"]);
        // ROUGE's readText_LCS never adds up what it read: short sentences stay whole; the first one of
        // at least 10 bytes is cut to 10 bytes and ends reading.
        Assert.Equal(["abcd", "efgh", "ijklmnopqr"], RougeText.SplitTruncated(sentences, 10, 0));
    }

    [Fact]
    public void Perl_split_keeps_a_leading_empty_field_and_drops_trailing_ones()
    {
        Assert.Equal(["", "a", "b"], RougeText.PerlSplit(" a  b \t"));
        Assert.Empty(RougeText.PerlSplit(""));
    }

    [Fact]
    public void Stemming_leaves_tokens_of_three_characters_or_less()
    {
        var filter = new RougeTokenFilter(new RougeOptions { Stem = true });
        Assert.Equal("runs", new RougeTokenFilter(new RougeOptions()).Apply("runs"));
        Assert.Equal("run", filter.Apply("runs"));
        Assert.Equal("was", filter.Apply("was"));
        Assert.Equal("ies", filter.Apply("ies"));
    }

    [Fact]
    public void Irregular_forms_map_to_an_unstemmed_base_form()
    {
        var filter = new RougeTokenFilter(new RougeOptions { Stem = true });
        Assert.Equal("say", filter.Apply("said"));  // matches the 3-letter token "say"
        Assert.Equal("be", filter.Apply("were"));
        Assert.Equal("sai", filter.Apply("says"));  // Porter: says → say → sai
        var s = Score(new RougeOptions { Stem = true, MaxN = 1, ComputeL = false, SkipDistance = null }, "ROUGE-1", "officials said", "officials say");
        Assert.Equal(1.0, s.Recall);
    }

    [Fact]
    public void Stop_words_are_kept_unless_asked_and_removed_before_counting()
    {
        var stop = new HashSet<string>(StringComparer.Ordinal) { "the", "of" };
        var options = new RougeOptions { MaxN = 1, ComputeL = false, SkipDistance = null, RemoveStopWords = true, StopWords = stop };
        var s = Score(options, "ROUGE-1", "the end of the war", "end war");
        Assert.Equal(2, s.SummaryCount);
        Assert.Equal(1.0, s.Precision);
        Assert.Equal(5, Score(options with { RemoveStopWords = false }, "ROUGE-1", "the end of the war", "end war").SummaryCount);
    }

    [Fact]
    public void Stop_word_removal_without_a_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RougeScorer(new RougeOptions { RemoveStopWords = true }));
    }

    [Fact]
    public void Empty_summary_scores_zero_without_failing()
    {
        var s = Score(Plain, "ROUGE-L", "", "a b c");
        Assert.Equal((0.0, 0.0, 0.0), (s.Recall, s.Precision, s.F));
    }

    [Fact]
    public void Metric_names_follow_the_options()
    {
        Assert.Equal(["ROUGE-1", "ROUGE-2", "ROUGE-SU4"], RougeOptions.Duc2004.MetricNames);
        Assert.Equal(["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"], RougeOptions.MultiNews.MetricNames);
        Assert.Equal("-n 2 -2 4 -u -m -b 665 -x", RougeOptions.Duc2004.ToString());
    }
}
