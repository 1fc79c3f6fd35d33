using System.Collections.Immutable;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

/// <summary>A small fictional news cluster (written for these tests) run through the pipeline up to segmentation.</summary>
internal static class SummarizationFixture
{
    public static readonly string[] Texts =
    [
        "The Harlow river bridge in Penwick was closed on Monday after engineers found deep cracks in two of its piers. " +
        "The county transport office said the closure would last at least six weeks while repairs are planned. " +
        "Commuters were told to use the ferry crossing at Dunmore, which added thirty minutes to most journeys. " +
        "Local shop owners warned that the detour would keep customers away from the old town. " +
        "Is this the end of the old bridge? " +
        "The bridge was built in 1931 and carries about twelve thousand vehicles every day.",

        "Engineers found deep cracks in two piers of the Harlow river bridge, and the county closed it on Monday. " +
        "A spokeswoman for the county transport office said repairs could start in the spring if funding is approved. " +
        "The ferry at Dunmore will run every fifteen minutes instead of every hour during the closure. " +
        "\"We had no choice,\" she said. " +
        "Residents of Penwick held a meeting on Tuesday evening to demand a temporary footbridge.",

        "Penwick residents demanded a temporary footbridge at a crowded meeting on Tuesday evening. " +
        "The Harlow river bridge has been closed since Monday because engineers found deep cracks in its piers. " +
        "Council members promised to ask the regional government for emergency funding to repair the bridge. " +
        "Several parents said the longer trip to school had forced them to leave home before dawn. " +
        "Bridge closed.",

        "The Harlow river bridge in Penwick was closed on Monday after engineers found deep cracks in two of its piers. " +
        "The county transport office said the closure would last at least six weeks while repairs are planned. " +
        "This copy was published by a partner newspaper with one added sentence about the weather in the valley.",
    ];

    public static Briefing Run(ISummarizer? summarizer = null, SummaryBudget? budget = null, int articles = 4)
    {
        var builder = new PrecisPipelineBuilder();
        if (summarizer is not null) builder.UseSummarizer(summarizer);
        if (budget is { } b) builder.UseBudget(b);
        // The pipeline numbers articles by publication time, then text (never by input position); each fixture
        // article is published an hour after the previous one so that articles[i] is Texts[i].
        var sources = Texts.Take(articles).Select((t, i) => SourceDocument.PlainText($"a{i + 1}.txt", t,
            new SourceMetadata(Published: $"2026-03-03T{9 + i:D2}:00:00Z")));
        return builder.Build().Run(sources, "fixture");
    }

    public static SummarizationInput Input(int articles = 4)
    {
        var briefing = Run(articles: articles);
        return new SummarizationInput(briefing.Articles, briefing.SyndicationGroups);
    }

    public static ImmutableArray<Article> Articles(int articles = 4) => Input(articles).Articles;
}
