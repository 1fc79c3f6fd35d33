namespace Precis.Core.Tests.Fixtures;

/// <summary>Locates the repository root (the folder holding Precis.slnx) and the read-only ../shared folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string?> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) return dir.FullName;
        }
        return null;
    });

    public static string Root => RootLazy.Value ?? throw new InvalidOperationException("Precis.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>../shared beside the repository, or null when it is absent (a fresh clone).</summary>
    public static string? Shared
    {
        get
        {
            if (RootLazy.Value is null) return null;
            var shared = Path.GetFullPath(Path.Combine(RootLazy.Value, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    public static string Examples => Path.Combine(Root, "examples");
}

/// <summary>A fact that is skipped, with a message saying why, when ../shared (real seeds and bench data) is absent.</summary>
public sealed class RequiresSharedFactAttribute : FactAttribute
{
    public RequiresSharedFactAttribute()
    {
        if (RepositoryPaths.Shared is null) Skip = "../shared is absent (seeds and bench data are not part of the repository)";
    }
}
