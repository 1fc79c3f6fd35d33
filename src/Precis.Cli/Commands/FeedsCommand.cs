using System.CommandLine;
using Precis.Server;
using Precis.Server.Feeds;

namespace Precis.Cli.Commands;

/// <summary><c>precis feeds add|list|remove</c>: the RSS/Atom feeds a server follows, kept in its store.</summary>
internal static class FeedsCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("feeds", "Follow RSS/Atom feeds: precis serve polls them and ingests new articles.");
        command.Subcommands.Add(Sub(io, "add", "Follow a feed.", async (feeds, url, ct) =>
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            {
                io.Error.WriteLine($"precis feeds add: not an http(s) URL: {url}");
                return ExitCodes.Usage;
            }
            await feeds.AddFeedAsync(u.AbsoluteUri, ct).ConfigureAwait(false);
            io.Out.WriteLine($"following {u.AbsoluteUri}");
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(Sub(io, "remove", "Stop following a feed.", async (feeds, url, ct) =>
        {
            if (await feeds.RemoveFeedAsync(url!, ct).ConfigureAwait(false))
            {
                io.Out.WriteLine($"no longer following {url}");
                return ExitCodes.Success;
            }
            io.Error.WriteLine($"precis feeds remove: not followed: {url}");
            return ExitCodes.Usage;
        }));
        command.Subcommands.Add(Sub(io, "list", "List followed feeds and their last poll.", async (feeds, _, ct) =>
        {
            foreach (var f in await feeds.ListFeedsAsync(ct).ConfigureAwait(false))
            {
                var polled = f.LastPolled is { } p ? p.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "never polled";
                io.Out.WriteLine($"{f.Url}\t{f.LastStatus ?? "waiting"}\t{polled}\t{f.ItemsIngested} articles{(f.LastError is null ? "" : "\t" + f.LastError)}");
            }
            return ExitCodes.Success;
        }, takesUrl: false));
        return command;
    }

    private static Command Sub(CliIO io, string name, string description, Func<IFeedStore, string?, CancellationToken, Task<int>> run, bool takesUrl = true)
    {
        var url = new Argument<string>("url") { Description = "The feed's URL." };
        var data = new Option<string>("--data") { Description = "Data folder for the SQLite store.", DefaultValueFactory = _ => "data" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (instead of --data)." };
        var command = new Command(name, description) { data, postgres };
        if (takesUrl) command.Arguments.Add(url);
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await PrecisServer.OpenStoreAsync(parse.GetValue(postgres), parse.GetValue(data)!, ct).ConfigureAwait(false);
            if (store is not IFeedStore feeds)
            {
                io.Error.WriteLine("precis feeds: this store does not keep feeds");
                return ExitCodes.Usage;
            }
            return await run(feeds, takesUrl ? parse.GetValue(url) : null, ct).ConfigureAwait(false);
        });
        return command;
    }
}
