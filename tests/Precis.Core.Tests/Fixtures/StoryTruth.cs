using System.Text.Json;

namespace Precis.Core.Tests.Fixtures;

/// <summary>
/// One labelled story cluster: the articles in examples/stories/&lt;name&gt;/ and the claims truth file
/// examples/stories/&lt;name&gt;.truth.json beside it (docs/truth-file.md, "Claims", describes the schema).
/// </summary>
public sealed class StoryTruth
{
    private StoryTruth(string name, JsonDocument document)
    {
        Name = name;
        Document = document;
    }

    public string Name { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public static string StoriesFolder => Path.Combine(RepositoryPaths.Examples, "stories");

    /// <summary>The folder holding the cluster's articles.</summary>
    public string Folder => Path.Combine(StoriesFolder, Name);

    /// <summary>Every cluster, in ordinal order of its name.</summary>
    public static IReadOnlyList<StoryTruth> All() =>
        [.. Directory.GetFiles(StoriesFolder, "*.truth.json")
            .Order(StringComparer.Ordinal)
            .Select(path => Load(Path.GetFileName(path)[..^".truth.json".Length]))];

    public static StoryTruth Load(string name)
    {
        var path = Path.Combine(StoriesFolder, name + ".truth.json");
        try
        {
            return new StoryTruth(name, JsonDocument.Parse(File.ReadAllText(path)));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    public IEnumerable<JsonElement> Files => Root.GetProperty("files").EnumerateArray();

    public IEnumerable<JsonElement> Frames => Root.GetProperty("frames").EnumerateArray();

    public IEnumerable<JsonElement> Claims => Root.GetProperty("claims").EnumerateArray();

    public IEnumerable<JsonElement> Relations => Root.GetProperty("relations").EnumerateArray();

    public IEnumerable<JsonElement> Sources => Root.GetProperty("sources").EnumerateArray();

    public static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidDataException($"\"{property}\" is null");

    public static IReadOnlyList<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
}
