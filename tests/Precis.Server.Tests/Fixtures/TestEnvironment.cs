namespace Precis.Server.Tests.Fixtures;

/// <summary>Where the tests run and what the machine has. Missing infrastructure skips a test locally but fails it on
/// CI (CI=true), like Npgsql's IgnoreExceptOnBuildServer, so a broken CI install cannot pass silently.</summary>
internal static class TestEnvironment
{
    public static bool OnBuildServer =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("PRECIS_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Skips (locally) or fails (on CI) when <paramref name="missing"/>.</summary>
    public static void RequireUnlessBuildServer(bool missing, string what)
    {
        if (!missing) return;
        if (OnBuildServer) Assert.Fail($"{what} is required on the build server (CI=true); .ci/run installs it.");
        Skip.If(true, $"{what} is not available; skipped locally (required when CI=true).");
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) return dir.FullName;
            }
            throw new InvalidOperationException("Precis.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "precis-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
