using Precis.Text;

namespace Precis.Core.Tests.Text;

public sealed class EnglishStemmerTests
{
    // Input -> Porter2 output pairs. Most come from the Snowball English sample vocabulary (the "consign..." and
    // "knack..." runs shown on the algorithm's page) and from the step-by-step examples of Porter's descriptions,
    // restricted to words where Porter2 and the original Porter algorithm agree or where Porter2's own rules
    // (exception lists, 'gener'/'commun'/'arsen' regions, 'ies' handling) are what is being checked.
    private const string Table = """
        consign consign
        consigned consign
        consigning consign
        consignment consign
        consist consist
        consisted consist
        consistency consist
        consistent consist
        consistently consist
        consisting consist
        consists consist
        consolation consol
        consolations consol
        consolatory consolatori
        console consol
        consoled consol
        consoles consol
        consolidate consolid
        consolidated consolid
        consolidating consolid
        consoling consol
        consolingly consol
        consols consol
        consonant conson
        consort consort
        consorted consort
        consorting consort
        conspicuous conspicu
        conspicuously conspicu
        conspiracy conspiraci
        conspirator conspir
        conspirators conspir
        conspire conspir
        conspired conspir
        conspiring conspir
        constable constabl
        constables constabl
        constance constanc
        constancy constanc
        constant constant
        knack knack
        knackeries knackeri
        knacks knack
        knag knag
        knave knave
        knaves knave
        knavish knavish
        kneaded knead
        kneading knead
        knee knee
        kneel kneel
        kneeled kneel
        kneeling kneel
        kneels kneel
        knees knee
        knell knell
        knelt knelt
        knew knew
        knick knick
        knif knif
        knife knife
        knight knight
        knightly knight
        knights knight
        knit knit
        knits knit
        knitted knit
        knitting knit
        knives knive
        knob knob
        knobs knob
        knock knock
        knocked knock
        knocker knocker
        knockers knocker
        knocking knock
        knocks knock
        knopp knopp
        knot knot
        knots knot
        caresses caress
        ponies poni
        caress caress
        cats cat
        feed feed
        agreed agre
        plastered plaster
        bled bled
        motoring motor
        sing sing
        conflated conflat
        troubled troubl
        sized size
        hopping hop
        hoped hope
        tanned tan
        falling fall
        hissing hiss
        fizzed fizz
        failing fail
        filing file
        happy happi
        relational relat
        conditional condit
        rational ration
        valenci valenc
        hesitanci hesit
        digitizer digit
        conformabli conform
        radicalli radic
        differentli differ
        vileli vile
        analogousli analog
        vietnamization vietnam
        predication predic
        operator oper
        feudalism feudal
        decisiveness decis
        hopefulness hope
        callousness callous
        formaliti formal
        sensitiviti sensit
        sensibiliti sensibl
        triplicate triplic
        formalize formal
        electriciti electr
        electrical electr
        hopeful hope
        goodness good
        revival reviv
        allowance allow
        inference infer
        airliner airlin
        gyroscopic gyroscop
        adjustable adjust
        defensible defens
        irritant irrit
        replacement replac
        adjustment adjust
        dependent depend
        adoption adopt
        homologous homolog
        activate activ
        effective effect
        bowdlerize bowdler
        probate probat
        rate rate
        cease ceas
        controll control
        roll roll
        sensational sensat
        traditional tradit
        reference refer
        colonizer colon
        plotted plot
        itemization item
        generously generous
        generous generous
        general general
        generally general
        generate generat
        generated generat
        generic generic
        communication communic
        community communiti
        communism communism
        arsenic arsenic
        arsenal arsenal
        ties tie
        cries cri
        gas gas
        this this
        gaps gap
        kiwis kiwi
        luxuriating luxuri
        bleed bleed
        cry cri
        say say
        yes yes
        enjoying enjoy
        played play
        flying fli
        dog's dog
        dogs' dog
        running run
        """;

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Fact]
    public void Sample_table_has_over_a_hundred_and_fifty_pairs() => Assert.True(Pairs().Count > 150);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Stems_sample_vocabulary_like_porter2(string word, string expected) =>
        Assert.Equal(expected, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("skis", "ski")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("lying", "lie")]
    [InlineData("tying", "tie")]
    [InlineData("idly", "idl")]
    [InlineData("gently", "gentl")]
    [InlineData("ugly", "ugli")]
    [InlineData("early", "earli")]
    [InlineData("only", "onli")]
    [InlineData("singly", "singl")]
    [InlineData("sky", "sky")]
    [InlineData("news", "news")]
    [InlineData("howe", "howe")]
    [InlineData("atlas", "atlas")]
    [InlineData("cosmos", "cosmos")]
    [InlineData("bias", "bias")]
    [InlineData("andes", "andes")]
    public void Uses_the_exceptional_forms_list(string word, string expected) =>
        Assert.Equal(expected, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("inning", "inning")]
    [InlineData("innings", "inning")]
    [InlineData("outing", "outing")]
    [InlineData("outings", "outing")]
    [InlineData("canning", "canning")]
    [InlineData("herring", "herring")]
    [InlineData("herrings", "herring")]
    [InlineData("earring", "earring")]
    [InlineData("proceed", "proceed")]
    [InlineData("proceeds", "proceed")]
    [InlineData("exceed", "exceed")]
    [InlineData("succeed", "succeed")]
    public void Leaves_step_1a_exceptions_alone(string word, string expected) =>
        Assert.Equal(expected, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("1,500")]
    [InlineData("3.5")]
    [InlineData("al-assad")]
    [InlineData("café")]
    [InlineData("")]
    public void Returns_short_and_non_alphabetic_words_unchanged(string word) =>
        Assert.Same(word, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("Running")]
    [InlineData("CATS")]
    public void Leaves_words_with_capitals_alone_because_input_is_expected_lower_case(string word) =>
        Assert.Same(word, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("sayings", "say")]
    [InlineData("enjoyed", "enjoy")]
    [InlineData("yelled", "yell")]
    [InlineData("employment", "employ")]
    [InlineData("buying", "buy")]
    public void Treats_consonant_y_as_a_consonant(string word, string expected) =>
        Assert.Equal(expected, EnglishStemmer.Stem(word));

    [Fact]
    public void Inflections_of_one_word_share_a_stem()
    {
        var stems = new[] { "attack", "attacks", "attacked", "attacking" }.Select(EnglishStemmer.Stem).Distinct().ToList();
        Assert.Equal(["attack"], stems);
    }

    [Fact]
    public void Handles_words_longer_than_the_stack_buffer()
    {
        var word = string.Concat(Enumerable.Repeat("nation", 30)) + "alizations";
        var stem = EnglishStemmer.Stem(word);
        Assert.StartsWith(string.Concat(Enumerable.Repeat("nation", 30)), stem, StringComparison.Ordinal);
        Assert.True(stem.Length < word.Length);
    }
}
