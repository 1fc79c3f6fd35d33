using Precis.Evaluation;

namespace Precis.Core.Tests.Evaluation;

public class RougeBootstrapTests
{
    [Fact]
    public void Drand48_follows_perl_srand_zero_and_one()
    {
        // x1 = 0x5DEECE66D * 0x330E + 0xB mod 2^48, i.e. 0x2BBB62DC5101 / 2^48.
        var r0 = new Drand48(0);
        Assert.Equal(0x2BBB62DC5101UL / 281474976710656.0, r0.Next());
        var r1 = new Drand48(1);
        ulong x = (0x5DEECE66DUL * ((1UL << 16) + 0x330E) + 0xB) & ((1UL << 48) - 1);
        Assert.Equal(x / 281474976710656.0, r1.Next());
        Assert.InRange(new Drand48(7).NextIndex(50), 0, 49);
    }

    [Fact]
    public void Constant_scores_average_to_themselves()
    {
        var clusters = Enumerable.Range(0, 7)
            .Select(i => new RougeClusterScores($"c{i}", [new RougeMetricScore("ROUGE-1", new RougeScore(0.25, 0.5, 0.33333, 0, 0, 0))]))
            .ToList();
        var m = RougeBootstrap.Aggregate(clusters).Find("ROUGE-1")!;
        Assert.Equal(new RougeEstimate(0.25, 0.25, 0.25), m.Recall);
        Assert.Equal(0.33333, m.F.Mean);
    }

    [Fact]
    public void Interval_brackets_the_average_and_input_order_does_not_matter()
    {
        var clusters = Enumerable.Range(0, 30)
            .Select(i => new RougeClusterScores($"d{i:00}", [new RougeMetricScore("ROUGE-2", new RougeScore(i / 100.0, i / 200.0, i / 150.0, 0, 0, 0))]))
            .ToList();
        var a = RougeBootstrap.Aggregate(clusters).Find("ROUGE-2")!;
        var b = RougeBootstrap.Aggregate([.. Enumerable.Reverse(clusters)]).Find("ROUGE-2")!;
        Assert.Equal(a, b);
        Assert.True(a.Recall.Lower < a.Recall.Mean && a.Recall.Mean < a.Recall.Upper);
        Assert.Equal(0.145, a.PlainRecall);
    }

    [Theory]
    [InlineData(0.015625, "0.01562")] // exact binary tie: glibc rounds to even
    [InlineData(0.046875, "0.04688")]
    [InlineData(0.123455, "0.12345")] // the double is just below …455
    [InlineData(1.0, "1.00000")]
    [InlineData(0.0, "0.00000")]
    public void Rounds_like_perl_sprintf(double value, string text) => Assert.Equal(text, PerlFormat.Format5(value));
}
