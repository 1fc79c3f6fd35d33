using Precis.Rendering;
using Xunit.Abstractions;

namespace Precis.Core.Tests.Timeline;

public class ExampleDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump_example_briefing_sections()
    {
        var c = ExampleCorpus.Get();
        var w = new StringWriter();
        MarkdownBriefingRenderer.Default.Render(c.Briefing, w);
        output.WriteLine(w.ToString());
        foreach (var e in c.Dates.Expressions) output.WriteLine($"{e.Article}: {e.Phrase} -> {e.Resolution?.Evidence ?? e.Unresolved}");
        var extra = new List<string>();
        foreach (var a in c.Articles)
        {
            foreach (var n in Precis.Analysis.Facts.NumericClaimExtractor.Extract(a, c.Dates)) extra.Add($"N {a.Number}: [{n.Quantity.Phrase}] noun={n.Noun} pred={n.Predicate} names={string.Join(",", n.Names)}");
            foreach (var st in Precis.Analysis.Facts.StateClaimExtractor.Extract(a, c.Dates)) extra.Add($"S {a.Number}: {st.Family}/{st.Target} {st.Pole} [{st.Cue}] when={st.When?.Date}");
        }
        File.WriteAllText("/tmp/example-claims.txt", string.Join("\n", extra));
        File.WriteAllText("/tmp/example-dump.md", w.ToString() + string.Join("\n", c.Dates.Expressions.Select(e => $"{e.Article}: {e.Phrase} [{e.Direction}] -> {e.Resolution?.Evidence ?? e.Unresolved}")));
    }
}
