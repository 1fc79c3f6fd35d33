using Precis.Cli;

namespace Precis.Cli.Tests;

public class CliSmokeTests
{
    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(["brief", "x", "--format", "pdf"], TextReader.Null, stdout, stderr);
        Assert.Equal(ExitCodes.Usage, code);
    }
}
