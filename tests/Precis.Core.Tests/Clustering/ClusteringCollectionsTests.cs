using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>The clusterer's own collections against the framework collections they replaced: the same contents, and
/// for <see cref="TermVector"/> the same order and the same sums (the clusterer's decisions depend on both).</summary>
public class ClusteringCollectionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_term_vector_keeps_a_dictionarys_insertion_order_and_sums(int seed)
    {
        var random = new Random(seed);
        var vector = new TermVector();
        var dictionary = new Dictionary<int, double>();
        for (int i = 0; i < 5_000; i++)
        {
            // Few distinct terms early (many repeats), then a wide range (growth and long chains).
            int term = i < 1_000 ? random.Next(64) : random.Next(1 << 20);
            double value = random.NextDouble();
            double old = vector.AddReturningOld(term, value);
            Assert.Equal(dictionary.GetValueOrDefault(term), old);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(dictionary, term, out _) += value;
        }
        Assert.Equal(dictionary.Count, vector.Count);
        Assert.Equal(dictionary.Keys, vector.Terms.ToArray());
        Assert.Equal(dictionary.Values, vector.Values.ToArray());
        foreach (var (term, value) in dictionary)
        {
            Assert.True(vector.TryGetValue(term, out var read));
            Assert.Equal(value, read);
            Assert.Equal(value, vector[term]);
        }
        Assert.False(vector.Contains(-1));
        Assert.Equal(0, vector[1 << 21]);

        var sum = new TermVector();
        sum.AddAll(vector);
        sum.AddAll(vector);
        Assert.Equal(vector.Terms.ToArray(), sum.Terms.ToArray());
        Assert.Equal(dictionary.Values.Select(v => v + v), sum.Values.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_long_set_holds_what_a_hash_set_holds_zero_included(int seed)
    {
        var random = new Random(seed);
        var set = new LongSet();
        var other = new LongSet();
        var reference = new HashSet<long>();
        var otherReference = new HashSet<long>();
        for (int i = 0; i < 3_000; i++)
        {
            // Small keys collide often; zero is the set's empty marker and must still count.
            long key = i % 7 == 0 ? random.Next(16) : random.NextInt64(long.MinValue, long.MaxValue);
            Assert.Equal(reference.Add(key), set.Add(key));
            if (i % 3 == 0)
            {
                long shared = i % 2 == 0 ? key : random.Next(32);
                Assert.Equal(otherReference.Add(shared), other.Add(shared));
            }
        }
        Assert.Equal(reference.Count, set.Count);
        foreach (var key in reference) Assert.True(set.Contains(key));
        for (int i = 0; i < 1_000; i++)
        {
            long probe = random.NextInt64();
            Assert.Equal(reference.Contains(probe), set.Contains(probe));
        }
        int expected = reference.Count(otherReference.Contains);
        Assert.Equal(expected, LongSet.SharedCount(set, other));
        Assert.Equal(expected, LongSet.SharedCount(other, set));

        set.UnionWith(other);
        reference.UnionWith(otherReference);
        Assert.Equal(reference.Count, set.Count);
        foreach (var key in reference) Assert.True(set.Contains(key));
    }

    [Fact]
    public void The_term_catalog_numbers_equal_strings_alike_whatever_the_object()
    {
        string a = "catalogue-test-" + Guid.NewGuid().ToString("N");
        string b = new(a.AsSpan());
        Assert.NotSame(a, b);
        Assert.Equal(TermCatalog.CachedIdOf(a), TermCatalog.CachedIdOf(b));
        Assert.Equal(TermCatalog.IdOf(a), TermCatalog.CachedIdOf(b));
        Assert.NotEqual(TermCatalog.IdOf(a), TermCatalog.NameIdOf(a));
        Assert.Equal(TermCatalog.NameIdOf(a), TermCatalog.CachedNameIdOf(b));
    }

    [Fact]
    public void Tokens_carry_their_stems_catalog_number_and_the_clustering_terms_use_it()
    {
        const string text = "Ministers met in Lisbon. The ministers' meeting ran late; a vote is due on 4 May.";
        var tokens = Precis.Text.Tokenizer.Tokenize(text, new Precis.Documents.TextSpan(0, text.Length));
        foreach (var token in tokens)
        {
            bool content = token.Kind == Precis.Documents.TokenKind.Word && !token.IsStopWord && token.Normal.Length >= 2;
            Assert.Equal(content ? TermCatalog.IdOf(token.Stem) : -1, token.StemNumber);
        }
        // The input's counted terms and lead are numbered as a lookup of each string would number them.
        var input = ClusterTerms.FromText("a", "Ministers meet", text);
        var table = input.CountedTerms();
        Assert.Equal(table.Distinct.Select(TermCatalog.IdOf), table.Ids);
        Assert.Equal(input.LeadTerms.Select(TermCatalog.IdOf), input.LeadIds());
        Assert.Equal(input.Terms.Count, table.Sequence.Length);
    }
}
