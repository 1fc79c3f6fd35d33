using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>Issue 14: page furniture is kept out of events. All texts here are written for the tests.</summary>
public sealed class BoilerplateDetectorTests
{
    private static string? Check(string text) => BoilerplateDetector.Check(ClusterTerms.FromText("t", null, text).Shape!);

    [Theory]
    [InlineData("Please enable JavaScript in your browser settings to view this page. Reload the page once you have enabled it.")]
    [InlineData("Subscribe to our newsletter! Enter your email address and click the link we send you to confirm your subscription.")]
    [InlineData("This page has been archived. The crawl that captured it stored a copy of the website and the links it refers to.")]
    [InlineData("Sign in\nHome\nNews\nSport\nWeather\nYour account\nSettings")]
    public void Page_furniture_is_rejected_with_a_reason(string text)
    {
        var reason = Check(text);
        Assert.NotNull(reason);
        Assert.Contains("score", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A passenger ferry struck a pier of the Alder Bridge in Westhaven on Tuesday. Divers inspected the damaged pier overnight, and the harbour authority said the bridge would stay closed to traffic until engineers had checked its foundations.")]
    [InlineData("Milbrook growers counted their losses.")]
    public void News_text_is_kept(string text) => Assert.Null(Check(text));

    [Fact]
    public void A_long_report_about_a_website_is_kept()
    {
        // Many web words, but a long, sentence-shaped report: length outweighs them.
        var sentence = "The regulator said the social network's website collected browser cookies and email addresses from users in Westhaven without consent, and ordered the company to delete the archived data within ninety days. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 6)) + "The company said it would appeal the decision before the Westhaven court, where hearings begin next month.";
        Assert.Null(Check(text));
    }

    [Fact]
    public void Rejected_documents_get_their_own_event_which_no_article_joins()
    {
        var clusterer = new OnlineEventClusterer();
        const string prompt = "Please enable JavaScript in your browser settings to view this page. Reload the page once you have enabled it.";
        var first = clusterer.Add(ClusterTerms.FromText("p1", null, prompt));
        var second = clusterer.Add(ClusterTerms.FromText("p2", null, prompt + " Thank you."));
        Assert.NotNull(first.Rejection);
        Assert.NotNull(second.Rejection);
        Assert.True(second.IsNewEvent);
        Assert.NotEqual(first.EventId, second.EventId);
    }

    [Fact]
    public void Rejection_can_be_switched_off()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { RejectBoilerplate = false });
        var decision = clusterer.Add(ClusterTerms.FromText("p1", null, "Please enable JavaScript in your browser settings to view this page."));
        Assert.Null(decision.Rejection);
    }
}
