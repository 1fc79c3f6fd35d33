using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

public sealed class SentenceSegmenterTests
{
    private static string[] Sentences(string text) =>
        [.. SentenceSegmenter.Split(text, new TextSpan(0, text.Length)).Select(s => s.Slice(text))];

    [Fact]
    public void Splits_plain_sentences_at_terminal_punctuation()
    {
        Assert.Equal(["The river rose.", "Is it over?", "Yes!", "It is."], Sentences("The river rose. Is it over? Yes! It is."));
    }

    [Fact]
    public void Titles_and_number_prefixes_do_not_end_sentences()
    {
        const string text = "Gen. Mark Hale met Mr. Jones and Dr. Ava Ruiz at No. 10 St. James Street on Jan. 5. They talked.";
        Assert.Equal(["Gen. Mark Hale met Mr. Jones and Dr. Ava Ruiz at No. 10 St. James Street on Jan. 5.", "They talked."],
            Sentences(text));
    }

    [Fact]
    public void Rank_that_ends_a_name_ends_a_sentence_before_a_function_word()
    {
        Assert.Equal(["The envoy met Hun Sen.", "The talks went well."], Sentences("The envoy met Hun Sen. The talks went well."));
        Assert.Single(Sentences("They met Sen. A. Cole and Gen. Ray Holt."));
    }

    [Fact]
    public void Courtesy_title_never_ends_a_sentence_even_before_a_short_surname()
    {
        Assert.Single(Sentences("The letter reached Ms. He on Monday."));
    }

    [Fact]
    public void Lower_case_titles_in_recased_text_do_not_end_sentences()
    {
        Assert.Single(Sentences("The letter reached mr. Hale on Monday."));
    }

    [Fact]
    public void Dotted_abbreviation_followed_by_lower_case_never_ends_a_sentence()
    {
        Assert.Single(Sentences("The U.S. officials said U.K. ministers and U.N. envoys agreed."));
    }

    [Fact]
    public void Dotted_abbreviation_before_a_name_does_not_end_a_sentence()
    {
        Assert.Single(Sentences("The envoy met U.S. President Ann Cole in Geneva."));
    }

    [Fact]
    public void Dotted_abbreviation_before_a_capitalised_function_word_ends_a_sentence()
    {
        Assert.Equal(["The firm moved to the U.K.", "The move surprised many."],
            Sentences("The firm moved to the U.K. The move surprised many."));
    }

    [Fact]
    public void Dotted_abbreviation_before_a_quotation_ends_a_sentence()
    {
        Assert.Equal(["Talks were held in the U.S.", "\"We welcome them,\" he said."],
            Sentences("Talks were held in the U.S. \"We welcome them,\" he said."));
    }

    [Fact]
    public void Company_suffix_ends_a_sentence_only_before_a_function_word()
    {
        Assert.Equal(["The shares went to Acme Inc.", "The deal closed."], Sentences("The shares went to Acme Inc. The deal closed."));
        Assert.Single(Sentences("Acme Inc. Chairman Bob Ray resigned."));
    }

    [Fact]
    public void Times_and_state_abbreviations_are_handled()
    {
        Assert.Equal(["The blast hit at 3 p.m. Tuesday.", "Nobody was hurt."], Sentences("The blast hit at 3 p.m. Tuesday. Nobody was hurt."));
        Assert.Equal(["He grew up in Little Rock, Ark.", "He left at 18."], Sentences("He grew up in Little Rock, Ark. He left at 18."));
        Assert.Single(Sentences("DOVER, Del. (AP) Flood waters rose."));
    }

    [Fact]
    public void Initials_do_not_end_sentences()
    {
        Assert.Equal(["J. R. Hale and Harry S. Bloom met today.", "It rained."],
            Sentences("J. R. Hale and Harry S. Bloom met today. It rained."));
    }

    [Fact]
    public void Decimals_and_thousands_stay_inside_sentences()
    {
        Assert.Equal(["Growth was 3.5 percent in 2017.", "About 1,500 people, or 2.75%, came."],
            Sentences("Growth was 3.5 percent in 2017. About 1,500 people, or 2.75%, came."));
    }

    [Fact]
    public void Ellipsis_ends_a_sentence_only_before_a_capital()
    {
        Assert.Equal(["He paused... and went on.", "Then he left\u2026", "The end came."],
            Sentences("He paused... and went on. Then he left\u2026 The end came."));
    }

    [Fact]
    public void Punctuation_after_a_sentence_end_stays_with_it()
    {
        Assert.Equal(["He hesitated. ...", "Then he spoke."], Sentences("He hesitated. ... Then he spoke."));
    }

    [Fact]
    public void Closing_quote_after_the_period_belongs_to_the_sentence()
    {
        Assert.Equal(["He said, \u201CWe are ready.\u201D", "The talks began."],
            Sentences("He said, \u201CWe are ready.\u201D The talks began."));
    }

    [Fact]
    public void Quotation_with_two_sentences_is_split_at_its_inner_sentence_end()
    {
        Assert.Equal(["\"We left.", "Then we came back,\" he said."], Sentences("\"We left. Then we came back,\" he said."));
    }

    [Fact]
    public void Question_or_exclamation_inside_quotes_keeps_lower_case_attribution()
    {
        Assert.Equal(["\"Why?\" he asked.", "\"Because!\" she shouted."], Sentences("\"Why?\" he asked. \"Because!\" she shouted."));
        Assert.Equal(["\u201CWhy not?\u201D asked Ms. Lee."], Sentences("\u201CWhy not?\u201D asked Ms. Lee."));
    }

    [Fact]
    public void Detached_closing_quote_is_not_read_as_an_opening_one()
    {
        Assert.Single(Sentences("\"We won! \" one fighter shouted."));
    }

    [Fact]
    public void Newswire_double_backtick_quotes_are_understood()
    {
        const string text = "``We are ready,'' he said. ``Then we left.'' Officials agreed.";
        Assert.Equal(["``We are ready,'' he said.", "``Then we left.''", "Officials agreed."], Sentences(text));
    }

    [Fact]
    public void Parenthesised_sentence_stands_alone()
    {
        Assert.Equal(["The vote passed.", "(Two members abstained.)", "Debate ended."],
            Sentences("The vote passed. (Two members abstained.) Debate ended."));
    }

    [Fact]
    public void Line_without_final_punctuation_is_one_sentence()
    {
        Assert.Equal(["Floods cut off river towns after week of rain"], Sentences("Floods cut off river towns after week of rain"));
    }

    [Fact]
    public void Each_range_is_split_on_its_own()
    {
        const string text = "Floods cut off river towns\nWater rose overnight. Roads closed.";
        var headline = SentenceSegmenter.Split(text, new TextSpan(0, 26));
        var body = SentenceSegmenter.Split(text, TextSpan.FromBounds(27, text.Length));
        Assert.Equal(["Floods cut off river towns"], headline.Select(s => s.Slice(text)));
        Assert.Equal(["Water rose overnight.", "Roads closed."], body.Select(s => s.Slice(text)));
    }

    [Fact]
    public void List_items_on_their_own_lines_are_sentences()
    {
        const string text = "Key points:\n- Prices rose\n- Wages fell\n\u2022 Rents held\n2) Taxes stayed";
        Assert.Equal(["Key points:", "- Prices rose", "- Wages fell", "\u2022 Rents held", "2) Taxes stayed"], Sentences(text));
    }

    [Fact]
    public void Blank_line_ends_a_sentence()
    {
        Assert.Equal(["Storm warning", "Residents left."], Sentences("Storm warning\n\nResidents left."));
    }

    [Fact]
    public void Single_line_break_inside_a_sentence_is_white_space()
    {
        Assert.Single(Sentences("The water rose\nquickly overnight."));
    }

    [Fact]
    public void Inline_bullet_glyphs_start_new_sentences()
    {
        Assert.Equal(["Highlights", "\u2022 Prices rose", "\u2022 Wages fell"], Sentences("Highlights \u2022 Prices rose \u2022 Wages fell"));
    }

    [Fact]
    public void Numbered_list_markers_do_not_end_sentences()
    {
        Assert.Equal(["1. Prices rose.", "2. Wages fell."], Sentences("1. Prices rose. 2. Wages fell."));
    }

    [Fact]
    public void Spans_are_trimmed_and_point_into_the_original_text()
    {
        const string text = "  Intro words.   Second one.  ";
        var spans = SentenceSegmenter.Split(text, new TextSpan(0, text.Length));
        Assert.Equal([TextSpan.FromBounds(2, 14), TextSpan.FromBounds(17, 28)], spans);
    }

    [Fact]
    public void Only_the_given_range_is_split()
    {
        const string text = "Skip this. Take this one. And this. Skip again.";
        var spans = SentenceSegmenter.Split(text, TextSpan.FromBounds(11, 35));
        Assert.Equal(["Take this one.", "And this."], spans.Select(s => s.Slice(text)));
    }

    [Fact]
    public void Out_of_range_span_is_clamped_not_thrown()
    {
        Assert.Equal(["Short."], SentenceSegmenter.Split("Short.", new TextSpan(0, 100)).Select(s => s.Slice("Short.")));
        Assert.Empty(SentenceSegmenter.Split("Short.", new TextSpan(50, 10)));
        Assert.Empty(SentenceSegmenter.Split("", new TextSpan(0, 0)));
    }

    [Fact]
    public void Appending_overload_adds_to_an_existing_list()
    {
        var list = new List<TextSpan> { new(0, 1) };
        SentenceSegmenter.Split("A b. C d.", new TextSpan(0, 9), list);
        Assert.Equal(3, list.Count);
    }
}
