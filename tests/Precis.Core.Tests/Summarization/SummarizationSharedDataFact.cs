namespace Precis.Core.Tests.Summarization;

/// <summary>A fact that needs ../shared/bench (beside the repository root); skipped with a message when absent.</summary>
public sealed class SummarizationSharedDataFactAttribute : FactAttribute
{
    public SummarizationSharedDataFactAttribute()
    {
        if (BenchFolder() is null) Skip = "../shared/bench not found beside the repository root; shared-data test skipped";
    }

    /// <summary>The shared bench folder, found by walking up from the test binaries to the folder holding Precis.slnx.</summary>
    public static string? BenchFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var bench = Path.Combine(dir.FullName, "..", "shared", "bench");
                return Directory.Exists(bench) ? Path.GetFullPath(bench) : null;
            }
        }
        return null;
    }
}
