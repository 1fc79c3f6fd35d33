using Precis.Text;

namespace Precis.Core.Tests.Text;

public sealed class StopWordsAndNormalizerTests
{
    [Fact]
    public void Stop_word_list_is_a_full_function_word_list()
    {
        Assert.InRange(StopWords.Count, 170, 320);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("The")]
    [InlineData("because")]
    [InlineData("themselves")]
    [InlineData("don't")]
    [InlineData("would")]
    [InlineData("said")]
    public void Function_words_are_stop_words(string word)
    {
        Assert.True(StopWords.Contains(word));
        Assert.True(StopWords.Contains(word.AsSpan()));
    }

    [Theory]
    [InlineData("army")]
    [InlineData("attack")]
    [InlineData("syria")]
    [InlineData("")]
    [InlineData("don\u2019t")]
    public void Content_words_are_not_stop_words(string word) => Assert.False(StopWords.Contains(word));

    [Theory]
    [InlineData('\u2018', '\'')]
    [InlineData('\u2019', '\'')]
    [InlineData('`', '\'')]
    [InlineData('\u201C', '"')]
    [InlineData('\u00AB', '"')]
    [InlineData('\u2013', '-')]
    [InlineData('\u2014', '-')]
    [InlineData('\u2212', '-')]
    [InlineData('\u00A0', ' ')]
    [InlineData('\u2009', ' ')]
    [InlineData('\u3000', ' ')]
    [InlineData('\uFF21', 'A')]
    [InlineData('\uFF10', '0')]
    [InlineData('a', 'a')]
    [InlineData('\u00E9', '\u00E9')]
    public void Typographic_variants_fold_to_ascii(char input, char expected) => Assert.Equal(expected, TextNormalizer.FoldChar(input));

    [Fact]
    public void Normalize_folds_lowers_and_drops_invisible_characters()
    {
        Assert.Equal("it's a co-op", TextNormalizer.Normalize("IT\u2019S A CO\u2011OP\u200B"));
    }
}
