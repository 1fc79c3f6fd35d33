namespace Precis.Core.Tests.Text;

/// <summary>Locates ../shared (next to the repository root, found by walking up to Precis.slnx).</summary>
internal static class TextSharedData
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a reason, when ../shared is not next to the repository.</summary>
public sealed class TextSharedDataFactAttribute : FactAttribute
{
    public TextSharedDataFactAttribute()
    {
        if (TextSharedData.Root is null) Skip = "../shared (seed articles and bench data) is not next to the repository root";
    }
}
