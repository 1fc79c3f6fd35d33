using System.Diagnostics;

namespace Precis.Cli.Tests;

/// <summary>
/// The CLI packs as a .NET tool that installs and runs: packed from this test run's build (no rebuild), installed into a
/// temporary tool path from that folder alone (offline), then run.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-tool-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void The_packed_tool_installs_and_briefs_the_example()
    {
        var root = RepositoryRoot();
        // bin/<Configuration>/<tfm>/: pack the configuration these tests were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var packages = Path.Combine(_dir, "nupkg");
        var (packCode, packOut) = Exec("dotnet", ["pack", Path.Combine(root, "src", "Precis.Cli"), "--no-build", "-c", configuration, "-o", packages, "--nologo"], root);
        Assert.True(packCode == 0, packOut);
        Assert.Single(Directory.GetFiles(packages, "precis.*.nupkg"));

        var config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");
        var tools = Path.Combine(_dir, "tools");
        var (installCode, installOut) = Exec("dotnet", ["tool", "install", "precis", "--tool-path", tools, "--configfile", config], _dir);
        Assert.True(installCode == 0, installOut);

        var precis = Path.Combine(tools, OperatingSystem.IsWindows() ? "precis.exe" : "precis");
        var (versionCode, version) = Exec(precis, ["--version"], _dir);
        Assert.Equal(0, versionCode);
        Assert.StartsWith("0.1.0", version.Trim(), StringComparison.Ordinal);
        var (briefCode, brief) = Exec(precis, ["brief", Path.Combine(root, "examples", "harbour-fire"), "--quiet"], _dir);
        Assert.Equal(0, briefCode);
        Assert.Contains("## What happened", brief, StringComparison.Ordinal);
        Assert.Contains("Pier 7", brief, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Exec(string file, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Precis.slnx not found");
    }
}
