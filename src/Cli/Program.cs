using System.CommandLine;
using RaySharp.Cli;

// raysharp start | status | stop: Ray's `ray start`, `ray status` and `ray stop` for RaySharp clusters.
var root = new RootCommand("raysharp: start, inspect and stop the nodes of a RaySharp cluster.")
{
    StartCommand.Create(),
    StatusCommand.Create(),
    StopCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
