using Precis.Analysis.Entities;

namespace Precis.Core.Tests.Analysis.Entities;

public class NameKeyTests
{
    [Theory]
    [InlineData("Gaddafi", "Qadhafi")]
    [InlineData("Gaddafi", "al-Qaddafi")]
    [InlineData("Deir Ezzor", "Deir al-Zour")]
    [InlineData("Deir Ezzor", "Deir Al Zor")]
    [InlineData("Raqqa", "Raqa")]
    [InlineData("Al Qaim", "al-Qaim")]
    [InlineData("Al-Qaim", "Al Qaim")]
    [InlineData("Vandermeer", "Van der Meer")]
    [InlineData("Al-Rashid Shipping", "Al Rashid Shipping")]
    [InlineData("Assad", "al-Assad")]
    [InlineData("Sergei", "Sergey")]
    [InlineData("ALBU KAMAL", "Albu Kamal")]
    public void Spelling_variants_share_a_key(string a, string b)
    {
        Assert.Equal(NameKey.Compute(a), NameKey.Compute(b));
    }

    [Theory]
    [InlineData("Abdel Rahman", "Abdul Rahman")]
    [InlineData("Mohammed Haddad", "Muhammad Hadad")]
    public void Close_variants_are_near(string a, string b)
    {
        var (x, y) = (NameKey.Compute(a), NameKey.Compute(b));
        Assert.True(x == y || NameKey.AreNear(x, y), $"{a} → {x}, {b} → {y}");
    }

    [Theory]
    [InlineData("Iran", "Iraq")]
    [InlineData("Austria", "Australia")]
    [InlineData("Mosul", "Basra")]
    [InlineData("Jordan", "Sudan")]
    public void Different_names_stay_apart(string a, string b)
    {
        var (x, y) = (NameKey.Compute(a), NameKey.Compute(b));
        Assert.NotEqual(x, y);
        Assert.False(NameKey.AreNear(x, y));
    }

    [Fact]
    public void Edit_distance_counts_insertions_and_substitutions()
    {
        Assert.Equal(1, NameKey.EditDistance("karim", "kareem".Replace("ee", "i", StringComparison.Ordinal) + "x", 3));
        Assert.Equal(2, NameKey.EditDistance("abcd", "abxy", 3));
        Assert.Equal(3, NameKey.EditDistance("a", "abcdef", 2)); // cut off above max
    }
}
