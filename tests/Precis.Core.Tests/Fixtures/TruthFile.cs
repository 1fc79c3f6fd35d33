using System.Text.Json;

namespace Precis.Core.Tests.Fixtures;

/// <summary>Reads an example corpus's truth file (docs/truth-file.md describes the schema).</summary>
public sealed class TruthFile
{
    private TruthFile(JsonDocument document) => Document = document;

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public static TruthFile Load(string corpus) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, corpus + ".truth.json"))));

    public IEnumerable<JsonElement> Files => Root.GetProperty("files").EnumerateArray();

    public IReadOnlyList<string> Furniture(string file) =>
        [.. Files.Single(f => f.GetProperty("file").GetString() == file).GetProperty("furniture").EnumerateArray().Select(e => e.GetString()!)];

    public IReadOnlyList<IReadOnlyList<string>> SyndicationGroups =>
        [.. Root.GetProperty("syndication_groups").EnumerateArray().Select(g => (IReadOnlyList<string>)[.. g.EnumerateArray().Select(e => e.GetString()!)])];
}
