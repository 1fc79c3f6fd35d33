using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Evaluation.Timex;
using Precis.Core.Tests.Evaluation.Timex;
using Precis.Text;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>
/// The word cues (<see cref="TimexCues"/>) only skip rules that cannot match: the tagger and the extractor find the
/// same expressions with and without them.
/// </summary>
public sealed class TimexCuesTests
{
    [Theory]
    [InlineData("Sales fell two years ago.", true, false)]
    [InlineData("Sales fell over the past day.", false, false)]
    [InlineData("The plant will close in the third quarter.", false, false)]
    [InlineData("It happened on the morning of a big day.", false, false)]
    public void Count_and_unit_cues(string sentence, bool countUnit, bool period)
    {
        var cues = TimexCues.Of(sentence);
        Assert.Equal(countUnit, cues.CountUnit);
        Assert.Equal(period, cues.Period);
    }

    [Fact]
    public void Cues_name_the_families_a_sentence_can_hold()
    {
        Assert.True(TimexCues.Of("Sales fell over the past day.").PastUnit);
        Assert.True(TimexCues.Of("The plant will close in the third quarter.").Quarter);
        Assert.True(TimexCues.Of("It rose in fiscal 1990's first half.").Quarter);
        Assert.True(TimexCues.Of("Sales fell 3 years ago.").CountUnitDirection);
        Assert.False(TimexCues.Of("Sales fell for three years and then rose before a rebound.").CountUnitDirection);
        Assert.True(TimexCues.Of("Prices have been rising for years.").BarePlural);
        Assert.True(TimexCues.Of("The plant opened in 1998.").Year4);
        Assert.False(TimexCues.Of("The plant has 19980 workers and lost a quarter.").Year4);
        Assert.False(TimexCues.Of("The plant has 19980 workers and lost a quarter.").Quarter);
        Assert.True(TimexCues.Of("Last wee\u212Ak the plant closed.").Period); // Kelvin sign: every flag set
    }

    private static readonly string[] Vocabulary =
    [
        "two", "a", "an", "several", "few", "couple", "of", "dozen", "half", "hundred", "twenty-one", "3", "30", "2.5", "1,000",
        "year", "years", "Year", "YEARS", "week", "weeks", "weekend", "day", "days", "month", "months", "quarter", "quarters",
        "decade", "century", "centuries", "hour", "minutes", "seconds", "fall", "summer", "spring", "winter", "autumn", "period",
        "ago", "earlier", "later", "from", "now", "hence", "before", "after", "the", "this", "last", "next", "past", "previous",
        "prior", "coming", "current", "following", "same", "recent", "recently", "over", "for", "within", "took", "lasted", "many",
        "first", "third", "fourth", "final", "3rd", "fiscal", "calendar", "year-ago", "year-earlier", "just-ended", "latest",
        "comparable", "'s", "1990", "1990's", "2017", "1990s", "'80s", "20th", "May", "March", "Nov.", "Nov", "November", "9",
        "Monday", "Friday", "morning", "tonight", "yesterday", "5", "p.m.", "noon", "old", "-old", "long", "in", "since",
        "during", "by", "until", "was", "will", "said", "sold", "earlyNovember", "wee\u212Ak", "\u017Fince", "Yesterday", "TODAY",
        "Today's", "night", "evening", "10:30am", "5pm", "A.M.", "am", "noon", "Nov9", "Sept", "Sept.", "Marches", "Mayor", "Dec", "Oct.", "9th", "weekends", "behalf",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "-", ", ", ". ", "\n", "  ", ""];

    public static Arbitrary<string> Sentences() =>
        (from n in Gen.Choose(1, 14)
         from words in Gen.ArrayOf(Gen.Elements(Vocabulary), n)
         from seps in Gen.ArrayOf(Gen.Elements(Separators), n)
         select string.Concat(words.Zip(seps, (w, s) => w + s))).ToArbitrary();

    private static List<(int, int, string)> Tagger(string text, bool datesOnly, bool cues)
    {
        var found = new List<TimexCandidate>();
        TimexRules.Find(text, new TextSpan(0, text.Length), found, datesOnly, cues);
        return [.. found.Select(c => (c.Start, c.End, c.Rule))];
    }

    private static List<(TextSpan, TemporalKind, string)> Extractor(string text, bool cues) =>
        [.. TemporalExtractor.ExtractMentions(text, new TextSpan(0, text.Length), cues).Select(m => (m.Span, m.Kind, m.Phrase))];

    [Fact]
    public void A_year_at_the_end_of_a_longer_number_still_lets_the_quarter_rule_run()
    {
        // Found by the property below: the quarter rule has no leading word boundary, so "1990" in "20171990" is a year.
        const string text = "20171990\nperiod  seconds-spring  ";
        Assert.Equal(Tagger(text, false, false), Tagger(text, false, true));
        Assert.Equal(Tagger(text, true, false), Tagger(text, true, true));
    }

    [Property(Arbitrary = [typeof(TimexCuesTests)], MaxTest = 2000)]
    public bool Cues_never_change_what_is_found(string text) =>
        Tagger(text, false, true).SequenceEqual(Tagger(text, false, false))
        && Tagger(text, true, true).SequenceEqual(Tagger(text, true, false))
        && Extractor(text, true).SequenceEqual(Extractor(text, false));

    [TimexSharedDataFact]
    public void Cues_change_nothing_on_the_TempEval3_training_articles()
    {
        var diagnostics = new List<Diagnostic>();
        var docs = TimexBenchFile.Read(Path.Combine(TimexSharedData.Folder!, "train.jsonl.gz"), diagnostics);
        int sentences = 0;
        foreach (var doc in docs)
        {
            foreach (var s in SentenceSegmenter.Split(doc.Text, new TextSpan(0, doc.Text.Length)))
            {
                var text = s.Slice(doc.Text);
                Assert.Equal(Tagger(text, false, false), Tagger(text, false, true));
                Assert.Equal(Extractor(text, false), Extractor(text, true));
                sentences++;
            }
        }
        Assert.True(sentences > 1000, $"only {sentences} sentences");
    }

    [TimexSharedDataFact]
    public void The_on_demand_normaliser_gives_the_values_of_the_full_pass()
    {
        var diagnostics = new List<Diagnostic>();
        var docs = TimexBenchFile.Read(Path.Combine(TimexSharedData.Folder!, "train.jsonl.gz"), diagnostics);
        int asked = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            var found = TimexTagger.Find(doc.Text);
            var all = TimexTagger.NormalizeAll(found, doc.Dct, null);
            var lazy = new TimexNormalizer(found, doc.Dct, null);
            // Ask every other dated candidate (a different subset per document), in increasing order.
            for (int i = d % 2; i < found.Count; i += 2)
            {
                if (found[i].Rule is "duration" or "set" or "vague") continue;
                Assert.Equal(all[i], lazy.At(i));
                asked++;
            }
        }
        Assert.True(asked > 500, $"only {asked} values asked");
    }
}
