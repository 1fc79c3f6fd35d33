namespace Precis.Core.Tests.Ingest;

/// <summary>Locates ../shared (next to the folder holding Precis.slnx); null when absent.</summary>
internal static class IngestSharedData
{
    public static string? Root { get; } = Find();

    public static string? Seeds => Root is null ? null : Path.Combine(Root, "seeds");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(Path.Combine(shared, "seeds")) ? shared : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a clear message, when ../shared/seeds is not there.</summary>
public sealed class IngestSeedsFactAttribute : FactAttribute
{
    public IngestSeedsFactAttribute()
    {
        if (IngestSharedData.Seeds is null) Skip = "../shared/seeds not found next to the repository (shared data is not part of a fresh clone)";
    }
}
