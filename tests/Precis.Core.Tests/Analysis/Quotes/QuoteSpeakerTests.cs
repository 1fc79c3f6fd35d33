using Precis.Analysis.Quotes;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Quotes;

/// <summary>Issue 11: split and continued quotes, unattributed statements, partial quotes and quoted terms (fictional text).</summary>
public class QuoteSpeakerTests
{
    [Fact]
    public void Split_quote_is_one_quote_with_both_pieces()
    {
        var b = Brief("The ferry ran aground.\n\n\u201CWe saw the rocks too late,\u201D said Captain Edda Moen, \u201Cand the tide did the rest.\u201D");
        var q = Assert.Single(b.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Edda Moen", q.Speaker.Name);
        var o = Assert.Single(q.Occurrences);
        Assert.Equal(2, o.Pieces.Length);
        var text = b.Articles[0].Text;
        Assert.Equal("We saw the rocks too late,", o.Pieces[0].Slice(text));
        Assert.Equal("and the tide did the rest.", o.Pieces[1].Slice(text));
    }

    [Fact]
    public void Quote_after_a_colon_takes_the_speaker_of_the_introducing_sentence()
    {
        var b = Brief("Council leader Ruth Adeyemi opened the meeting.\n\nThe harbour master, Piet Lanning, continued:\n\n\u201CNo ship will dock here until the wall is rebuilt and inspected.\u201D");
        var q = Assert.Single(b.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Piet Lanning", q.Speaker.Name);
    }

    [Fact]
    public void Paragraph_of_quotation_after_an_attributed_one_keeps_its_speaker()
    {
        var b = Brief("\u201CThe pumps failed first,\u201D engineer Sofia Brandt told reporters.\n\n\u201CThen the backup generator would not start, and the water rose for an hour.\u201D");
        var quotes = b.Quotes.Where(q => q.Kind == QuoteKind.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Sofia Brandt", q.Speaker.Name));
    }

    [Fact]
    public void Partial_quote_inside_a_paraphrase_keeps_its_speaker()
    {
        var b = Brief("Minister Lena Voss said the repairs were \u201Ca test of whether this town can still build things\u201D and promised a report.");
        var q = Assert.Single(b.Quotes, q => q.Kind == QuoteKind.Partial);
        Assert.Equal("Lena Voss", q.Speaker.Name);
        Assert.False(q.IsTerm);
    }

    [Fact]
    public void Quoted_term_in_an_attributed_sentence_is_a_term_not_a_statement()
    {
        var b = Brief("Analysts say the navy has adopted a \u201Cfirst strike\u201D doctrine along the coast.");
        Assert.All(b.Quotes.Where(q => q.Kind != QuoteKind.Reported), q => Assert.True(q.IsTerm, q.Text));
    }

    [Fact]
    public void Title_in_quotation_marks_is_not_a_quote()
    {
        var b = Brief("The mayor spent the evening reading \u201CThe Long Road Home\u201D before the vote.");
        Assert.DoesNotContain(b.Quotes, q => q.Kind != QuoteKind.Reported);
    }

    [Fact]
    public void Unattributed_statement_in_a_story_continues_the_last_speaker()
    {
        var b = Brief("\u201CWe will reopen the bridge in May,\u201D said Ivo Marek, the city engineer.\n\nThe works began in March.\n\n\u201CEvery cable has been replaced and tested twice.\u201D");
        var quotes = b.Quotes.Where(q => q.Kind == QuoteKind.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Ivo Marek", q.Speaker.Name));
    }

    [Fact]
    public void Participle_cue_takes_the_subject_of_its_clause()
    {
        var b = Brief("Senator Alma Kruger posted a photo of the site on Sunday, writing \u201Cthis is what neglect looks like after ten years\u201D.");
        var q = Assert.Single(b.Quotes, q => q.Kind != QuoteKind.Reported);
        Assert.Equal("Alma Kruger", q.Speaker.Name);
    }
}
