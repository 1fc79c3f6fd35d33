using Precis.Evaluation;

namespace Precis.Core.Tests.Evaluation;

public class RougePorterStemmerTests
{
    [Theory]
    // Porter (1980) examples, step by step.
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("conflated", "conflat")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("triplicate", "triplic")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("adoption", "adopt")]
    [InlineData("controll", "control")]
    [InlineData("rate", "rate")]
    [InlineData("generalizations", "gener")]
    // Initial y is a consonant.
    [InlineData("youth", "youth")]
    [InlineData("yelling", "yell")]
    public void Stems_like_porter(string word, string stem) => Assert.Equal(stem, RougePorterStemmer.Stem(word));

    [Theory]
    // ROUGE's step 4 change: -ement, then -ment and -ent are tried again.
    [InlineData("replacement", "replac")]
    [InlineData("agreement", "agreem")] // reference Porter keeps "agreement" (m(agr) = 1); ROUGE then strips -ent
    [InlineData("government", "govern")]
    [InlineData("dependent", "depend")]
    public void Applies_rouge_step_4_change(string word, string stem) => Assert.Equal(stem, RougePorterStemmer.Stem(word));
}
