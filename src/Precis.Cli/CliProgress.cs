using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Precis.Cli;

/// <summary>
/// A progress bar (count, rate, time left) on standard error for long runs. Shown only when standard error is the
/// process's own terminal and <c>--quiet</c> was not given, so pipes, files and tests see nothing of it; standard
/// output always carries the result alone.
/// </summary>
internal static class CliProgress
{
    /// <summary>The global <c>--quiet</c> option (recursive: every command accepts it).</summary>
    public static Option<bool> QuietOption { get; } = new("--quiet", "-q") { Description = "No progress display on standard error.", Recursive = true };

    public static bool Enabled(CliIO io, ParseResult parse) =>
        !parse.GetValue(QuietOption) && ReferenceEquals(io.Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, giving it a callback that advances the bar by n items.</summary>
    public static T Run<T>(bool enabled, string description, int total, Func<Action<int>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!enabled || total <= 0) return work(_ => { });
        T result = default!;
        ErrorConsole().Progress().AutoClear(true).HideCompleted(true).Columns(Columns()).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(description), maxValue: total);
            result = work(n => task.Increment(n));
        });
        return result;
    }

    /// <summary>The asynchronous form of <see cref="Run{T}"/>.</summary>
    public static async Task<T> RunAsync<T>(bool enabled, string description, int total, Func<Action<int>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!enabled || total <= 0) return await work(_ => { }).ConfigureAwait(false);
        T result = default!;
        await ErrorConsole().Progress().AutoClear(true).HideCompleted(true).Columns(Columns()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(description), maxValue: total);
            result = await work(n => task.Increment(n)).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    private static IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Error),
        Interactive = InteractionSupport.Yes,
    });

    private static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new RateColumn(), new RemainingTimeColumn()];

    /// <summary>"123/456".</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Spectre.Console.Text(FormattableString.Invariant($"{task.Value:0}/{task.MaxValue:0}"));
    }

    /// <summary>"12.3/s": items per second over the recent window Spectre keeps.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Spectre.Console.Text(task.Speed is { } s ? s.ToString(s >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + "/s" : "-/s", new Style(Color.Grey));
    }
}
