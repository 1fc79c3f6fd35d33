using Precis.Documents;
using Precis.Text;

namespace Precis.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(text, new TextSpan(0, text.Length));

    private static string[] Raw(string text) => [.. Tokens(text).Select(t => t.Span.Slice(text))];

    [Fact]
    public void Spans_point_exactly_at_the_characters_of_each_token()
    {
        const string text = "  Rebels took  the town,\tofficials said.";
        var tokens = Tokens(text);
        Assert.Equal(["Rebels", "took", "the", "town", ",", "officials", "said", "."], tokens.Select(t => t.Span.Slice(text)));
        Assert.Equal(new TextSpan(2, 6), tokens[0].Span);
        Assert.Equal(new TextSpan(15, 3), tokens[2].Span);
    }

    [Fact]
    public void Contractions_and_possessives_are_one_word()
    {
        Assert.Equal(["don't", "stop", "O'Brien's", "men"], Raw("don't stop O'Brien's men"));
        var possessive = Tokens("Hezbollah\u2019s")[0];
        Assert.Equal("hezbollah's", possessive.Normal);
        Assert.Equal("hezbollah", possessive.Stem);
    }

    [Fact]
    public void Hyphenated_words_are_one_token_but_dashes_separate()
    {
        Assert.Equal(["al-Assad", "self-styled", "U.K.", "-", "based"], Raw("al-Assad self-styled U.K.-based"));
        Assert.Equal(["1990", "\u2013", "1995", "\u2014", "then"], Raw("1990\u20131995\u2014then"));
        Assert.Equal("-", Tokens("a \u2014 b")[1].Normal);
    }

    [Fact]
    public void Numbers_with_separators_are_one_number_token()
    {
        var tokens = Tokens("1,500 troops, 3.5 percent, 1,500.25 dollars, 10:30, 9/11, 52-48");
        var numbers = tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Normal);
        Assert.Equal(["1,500", "3.5", "1,500.25", "10:30", "9/11", "52-48"], numbers);
        Assert.All(tokens.Where(t => t.Kind == TokenKind.Number), t => Assert.Equal(t.Normal, t.Stem));
    }

    [Fact]
    public void Comma_between_unrelated_numbers_separates_them()
    {
        Assert.Equal(["1998", ",", "2000", "and", "1", ",", "20"], Raw("1998,2000 and 1,20"));
    }

    [Fact]
    public void Mixed_letter_digit_words_are_words()
    {
        var tokens = Tokens("1990s 10-year-old F-16");
        Assert.All(tokens, t => Assert.Equal(TokenKind.Word, t.Kind));
        Assert.Equal(3, tokens.Count);
    }

    [Fact]
    public void Currency_and_percent_signs_are_symbols()
    {
        var tokens = Tokens("$1.5 billion, 20%");
        Assert.Equal(["$", "1.5", "billion", ",", "20", "%"], tokens.Select(t => t.Normal));
        Assert.Equal(TokenKind.Symbol, tokens[0].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[3].Kind);
    }

    [Fact]
    public void Dotted_abbreviations_keep_their_final_dot()
    {
        Assert.Equal(["the", "U.S.", "and", "Ph.D.", "at", "3", "p.m."], Raw("the U.S. and Ph.D. at 3 p.m."));
        Assert.Equal("u.s.", Tokens("U.S.")[0].Normal);
    }

    [Fact]
    public void Urls_and_email_addresses_are_single_tokens()
    {
        const string text = "See https://news.example.org/a/b?id=7&x=(1). Mail press@example.org, or www.example.com.";
        Assert.Equal(["See", "https://news.example.org/a/b?id=7&x=(1)", ".", "Mail", "press@example.org", ",", "or", "www.example.com", "."],
            Raw(text));
    }

    [Fact]
    public void Normal_is_lower_case_with_quotes_dashes_and_spaces_folded()
    {
        var tokens = Tokens("\u201CHELLO\u201D \u2018x\u2019 ``y'' \uFF21\uFF22");
        Assert.Equal(["\"", "hello", "\"", "'", "x", "'", "''", "y", "''", "ab"], tokens.Select(t => t.Normal));
    }

    [Fact]
    public void Invisible_characters_inside_a_word_are_kept_in_the_span_and_dropped_from_normal()
    {
        const string text = "co\u00ADoperate zero\u200Bwidth";
        var tokens = Tokens(text);
        Assert.Equal(["co\u00ADoperate", "zero\u200Bwidth"], tokens.Select(t => t.Span.Slice(text)));
        Assert.Equal(["cooperate", "zerowidth"], tokens.Select(t => t.Normal));
    }

    [Fact]
    public void Non_breaking_space_separates_tokens()
    {
        Assert.Equal(["10", "km"], Raw("10\u00A0km"));
    }

    [Fact]
    public void Runs_of_one_punctuation_mark_are_one_token()
    {
        Assert.Equal(["Wait", "...", "what", "--", "now", "?", "!"], Raw("Wait... what -- now ?!"));
    }

    [Fact]
    public void Ampersand_between_capitals_is_part_of_a_name()
    {
        Assert.Equal(["AT&T", "and", "S&P", "rose", "&", "fell"], Raw("AT&T and S&P rose & fell"));
    }

    [Fact]
    public void Words_carry_stem_and_stop_word_flag()
    {
        var tokens = Tokens("The rebels attacked, and they were retreating.");
        Assert.Equal(["the", "rebel", "attack", ",", "and", "they", "were", "retreat", "."], tokens.Select(t => t.Stem));
        Assert.Equal([true, false, false, false, true, true, true, false, false], tokens.Select(t => t.IsStopWord));
    }

    [Fact]
    public void Accented_and_non_latin_words_are_words_and_not_stemmed()
    {
        const string text = "Caf\u00E9 \u0645\u062F\u064A\u0646\u0629 e\u0301t\u00E9";
        var tokens = Tokens(text);
        Assert.Equal(["Caf\u00E9", "\u0645\u062F\u064A\u0646\u0629", "e\u0301t\u00E9"], tokens.Select(t => t.Span.Slice(text)));
        Assert.All(tokens, t => Assert.Equal(TokenKind.Word, t.Kind));
        Assert.Equal("caf\u00E9", tokens[0].Stem);
    }

    [Fact]
    public void Surrogate_pairs_are_never_split()
    {
        const string text = "hi \U0001F600 there \U0001D400b";
        var tokens = Tokens(text);
        Assert.Equal(["hi", "\U0001F600", "there", "\U0001D400b"], tokens.Select(t => t.Span.Slice(text)));
        Assert.Equal(TokenKind.Symbol, tokens[1].Kind);
        Assert.Equal(TokenKind.Word, tokens[3].Kind);
    }

    [Fact]
    public void Only_the_given_range_is_tokenized_and_bad_ranges_are_clamped()
    {
        const string text = "alpha beta gamma";
        Assert.Equal(["beta"], Tokenizer.Tokenize(text, new TextSpan(6, 4)).Select(t => t.Span.Slice(text)));
        Assert.Equal(["gamma"], Tokenizer.Tokenize(text, new TextSpan(11, 400)).Select(t => t.Span.Slice(text)));
        Assert.Empty(Tokenizer.Tokenize(text, new TextSpan(400, 3)));
    }

    [Fact]
    public void Repeated_words_share_their_normal_string()
    {
        var tokens = Tokens("march March MARCH");
        Assert.Same(tokens[0].Normal, tokens[1].Normal);
        Assert.Same(tokens[0].Normal, tokens[2].Normal);
    }
}
