using Precis.Analysis.Entities;
using static Precis.Core.Tests.Analysis.Quotes.QuotesTestSupport;

namespace Precis.Core.Tests.Analysis.Entities;

/// <summary>Issue 11: descriptors and common words that are not entities (fictional text).</summary>
public class EntityDescriptorTests
{
    private static bool Has(Precis.Documents.Briefing b, string alias) => b.Entities.Any(e => e.Aliases.Contains(alias, StringComparer.Ordinal));

    [Fact]
    public void Plural_role_noun_opening_a_sentence_is_not_a_name()
    {
        var b = Brief("A commander of the brigade spoke to the press. Commanders said the port of Velka had fallen.");
        Assert.False(Has(b, "Commanders"));
        Assert.True(Has(b, "Velka"));
    }

    [Fact]
    public void Common_word_opening_a_sentence_is_not_a_name_even_inside_a_longer_name()
    {
        var b = Brief("The Maritime State of Orlova held the port. The state had ruled it for years. State radio station Orlova One reported the fall.");
        Assert.False(Has(b, "State"));
    }

    [Fact]
    public void Adjectives_before_a_plural_noun_describe_a_group_and_name_none()
    {
        var b = Brief("The column was joined by Kurdish and Assyrian Christian volunteers from the north, officials in Dohuk said.");
        Assert.False(Has(b, "Assyrian Christian"));
        Assert.DoesNotContain(b.Entities, e => e.Kind == EntityKind.Person && e.Name.Contains("Christian", StringComparison.Ordinal));
    }
}
