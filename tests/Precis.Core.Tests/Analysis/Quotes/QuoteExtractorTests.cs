using Precis.Analysis.Quotes;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Quotes;

public class QuoteExtractorTests
{
    private static Quote Only(string article, QuoteKind kind = QuoteKind.Direct) =>
        Assert.Single(Brief(article).Quotes, q => q.Kind == kind);

    [Fact]
    public void Inverted_said_takes_the_speaker_and_appositive_role()
    {
        var q = Only("The depot burned for hours.\n\n\u201CWe lost everything in one night,\u201D said Marta Kowalczyk, a spokeswoman for the Lindholm Ferry Company.");
        Assert.Equal("We lost everything in one night,", q.Text);
        Assert.Equal("Marta Kowalczyk", q.Speaker.Name);
        Assert.Equal(SpeakerKind.Person, q.Speaker.Kind);
        Assert.Equal("a spokeswoman for the Lindholm Ferry Company", q.Speaker.Role);
    }

    [Fact]
    public void Speaker_before_said_with_premodifier_role()
    {
        var q = Only("The depot burned.\n\n\u201CThe roof fell in at midnight,\u201D Harbour chief Oskar Lindqvist told Reuters.");
        Assert.Equal("Oskar Lindqvist", q.Speaker.Name);
        Assert.Equal("Harbour chief", q.Speaker.Role);
    }

    [Fact]
    public void Title_before_name_is_the_role()
    {
        // a quotation inside the reporter's sentence is a partial (mixed) quote (issue 11)
        var q = Only("Talks ended.\n\nForeign Minister Petra Halvorsen said the talks had been \u201Cvery useful for everyone\u201D.", QuoteKind.Partial);
        Assert.Equal("Petra Halvorsen", q.Speaker.Name);
        Assert.Equal("Foreign Minister", q.Speaker.Role);
    }

    [Fact]
    public void Surname_only_speaker_resolves_to_the_full_name_and_earlier_role()
    {
        var b = Brief("Dock workers walked out on Monday, according to union leader Jonas Brekke.\n\n\u201CWe will not go back until the cranes are safe,\u201D Brekke said.");
        var q = Assert.Single(b.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Jonas Brekke", q.Speaker.Name);
        Assert.Equal("union leader", q.Speaker.Role);
    }

    [Fact]
    public void He_resolves_to_the_last_named_speaker()
    {
        var b = Brief("\u201CThe fire started in the east wing,\u201D said Tomas Varga, a fire inspector. \u201CIt spread fast,\u201D he said.");
        Assert.All(b.Quotes.Where(q => q.Kind == QuoteKind.Direct), q => Assert.Equal("Tomas Varga", q.Speaker.Name));
        Assert.Equal(2, b.Quotes.Count(q => q.Kind == QuoteKind.Direct));
    }

    [Fact]
    public void She_resolves_to_the_person_named_before_when_nobody_spoke_yet()
    {
        var q = Only("Mayor Anna Roos visited the pier. \u201CWe owe them answers,\u201D she told reporters.");
        Assert.Equal("Anna Roos", q.Speaker.Name);
    }

    [Fact]
    public void Organisation_speaker_is_not_a_person()
    {
        var q = Only("Boats were stranded.\n\n\u201CAll crossings are cancelled until further notice,\u201D the Lindholm Ferry Company said.");
        Assert.Equal("Lindholm Ferry Company", q.Speaker.Name);
        Assert.Equal(SpeakerKind.Organization, q.Speaker.Kind);
    }

    [Fact]
    public void Statement_carried_by_an_agency_is_attributed_to_the_agency()
    {
        var q = Only("Rains fell.\n\n\u201CThe dam is holding and residents may return,\u201D a statement carried by the official Nordpress news agency said.");
        Assert.Equal("Nordpress", q.Speaker.Name);
    }

    [Fact]
    public void Unnamed_source_is_a_description()
    {
        var q = Only("Rains fell.\n\n\u201CThe dam is holding,\u201D a senior engineer at the site told AFP.");
        Assert.Equal(SpeakerKind.Description, q.Speaker.Kind);
        Assert.Equal("a senior engineer at the site", q.Speaker.Name);
    }

    [Fact]
    public void A_quoted_sentence_after_an_attributed_one_continues_it()
    {
        var b = Brief("Rains fell.\n\n\u201CThe dam is holding,\u201D said Ilona Kert, a water engineer. \u201CWe check it every hour.\u201D");
        Assert.Equal(2, b.Quotes.Count(q => q.Kind == QuoteKind.Direct && q.Speaker.Name == "Ilona Kert"));
    }

    [Fact]
    public void Scare_quotes_without_a_speech_verb_are_not_quotes()
    {
        Assert.Empty(Brief("The group built a so-called \u201Csafe harbour\u201D near the coast last year.").Quotes);
    }

    [Fact]
    public void Tdt_quotes_are_found()
    {
        var q = Only("The vote was close.\n\n``We will appeal the ruling,'' said Rolf Amundsen, the party's lawyer.");
        Assert.Equal("We will appeal the ruling,", q.Text);
        Assert.Equal("Rolf Amundsen", q.Speaker.Name);
    }

    [Fact]
    public void Reported_speech_with_said_that_gives_the_clause()
    {
        var q = Only("The depot burned.\n\nHarbour master Eva Lund said that the north quay would reopen on Friday.", QuoteKind.Reported);
        Assert.Equal("the north quay would reopen on Friday", q.Text);
        Assert.Equal("Eva Lund", q.Speaker.Name);
    }

    [Fact]
    public void Trailing_attribution_gives_the_clause_before_it()
    {
        var q = Only("The depot burned.\n\nAt least twelve boats were damaged in the blaze, the Lindholm Coast Guard said on Monday.", QuoteKind.Reported);
        Assert.Equal("At least twelve boats were damaged in the blaze", q.Text);
        Assert.Equal("Lindholm Coast Guard", q.Speaker.Name);
    }

    [Fact]
    public void According_to_gives_the_clause_and_speaker()
    {
        var q = Only("The depot burned.\n\nThe fire began in a storage room, according to the Lindholm Fire Department.", QuoteKind.Reported);
        Assert.Equal("The fire began in a storage room", q.Text);
        Assert.Equal("Lindholm Fire Department", q.Speaker.Name);
    }

    [Fact]
    public void Cited_as_saying_attributes_to_the_citing_organisation()
    {
        var q = Only("The depot burned.\n\nThe Baltic Shipping Council cited its members as saying that freight rates would rise sharply next month.", QuoteKind.Reported);
        Assert.Equal("freight rates would rise sharply next month", q.Text);
        Assert.Equal("Baltic Shipping Council", q.Speaker.Name);
    }

    [Fact]
    public void They_said_is_left_unattributed()
    {
        Assert.Empty(Brief("The depot burned.\n\nThe crews worked through the night and saved the pier, they said.").Quotes);
    }

    [Fact]
    public void The_same_quote_in_two_articles_is_one_quote_citing_both()
    {
        var one = "Storm hits coast\n\n\u201CWe have never seen waves like this,\u201D said Henrik Sorensen, a local fisherman.";
        var two = "Coast battered\n\nA storm hit the coast overnight. \u201CWe have never seen waves like this,\u201D said Henrik Sorensen, a local fisherman.";
        var q = Assert.Single(Brief(one, two).Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal([1, 2], q.Articles);
    }

    [Fact]
    public void Quote_text_is_a_verbatim_slice_of_its_article()
    {
        var b = Brief("Rains fell.\n\n\u201CThe dam is holding,\u201D said Ilona Kert, a water engineer. \u201CWe check it every hour.\u201D\n\nOfficials said the river would peak on Sunday night.");
        Assert.NotEmpty(b.Quotes);
        foreach (var q in b.Quotes)
        foreach (var o in q.Occurrences)
            Assert.Equal(o.Text, o.Span.Slice(b.Articles.Single(a => a.Number == o.Article).Text));
    }

    [Fact]
    public void A_participle_clause_between_commas_is_not_a_role()
    {
        var q = Only("Talks ended.\n\nUnion leader Per Aasen, citing safety fears, said \u201Cwe will not load ships this week\u201D.", QuoteKind.Partial);
        Assert.Equal("Per Aasen", q.Speaker.Name);
        Assert.DoesNotContain("citing", q.Speaker.Role ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void It_said_resolves_to_the_last_organisation_speaker()
    {
        var b = Brief("Rains fell.\n\n\u201CAll ferries are cancelled today,\u201D the Lindholm Ferry Company said. \u201CRefunds will follow,\u201D it added.");
        Assert.Equal(2, b.Quotes.Count(q => q.Speaker.Name == "Lindholm Ferry Company"));
    }
}
