using Precis.Documents; using Precis.Pipeline; using Precis.Rendering;

namespace Precis.Core.Tests.Documentation;

/// <summary>The five-line library example of README.md and src/Precis.Core/README.md compiles and runs (it is this file's code).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_library_example_compiles_runs_and_matches_the_readmes()
    {
        var pipeline = new PrecisPipelineBuilder().UseBudget(SummaryBudget.OfWords(100)).Build();
        var article = SourceDocument.PlainText("quay.txt", "The Lindholm quay closed on Friday after a crane collapsed, the port said. Repairs will take a week.");
        var briefing = pipeline.Run([article]);
        MarkdownBriefingRenderer.Default.Render(briefing, Console.Out);

        Assert.Contains(briefing.Summary.Sentences, s => s.Text.StartsWith("The Lindholm quay closed", StringComparison.Ordinal));
        // The READMEs show exactly these lines, so the example cannot drift from code that compiles.
        var root = Precis.Core.Tests.Timeline.ExampleCorpus.RepositoryRoot();
        var self = File.ReadAllLines(Path.Combine(root, "tests", "Precis.Core.Tests", "Documentation", "ReadmeExampleTests.cs")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var readme in new[] { "README.md", Path.Combine("src", "Precis.Core", "README.md") })
        {
            var text = File.ReadAllText(Path.Combine(root, readme));
            var start = text.IndexOf("```csharp\nusing Precis.Documents;", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{readme}: no library example");
            var block = text[(start + "```csharp\n".Length)..text.IndexOf("\n```", start + 5, StringComparison.Ordinal)].Split('\n');
            Assert.Equal(5, block.Length);
            Assert.All(block, line => Assert.Contains(line.Trim(), self));
        }
    }
}
