using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Cluster;

namespace RaySharp.Cli;

/// <summary><c>raysharp stop</c>: stops every node this machine started (workers first, then the head), each drained first (Ray's <c>ray drain-node</c>).</summary>
internal static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Stop the RaySharp nodes this machine started: SIGTERM drains each (its running tasks finish, up to 30 s), then a kill after 60 s.");
        command.SetAction((_, _) => Task.FromResult(Run()));
        return command;
    }

    private static int Run()
    {
        var session = Session.Current();
        var nodes = session.RunningNodes();
        if (nodes.Count == 0)
        {
            Console.Error.WriteLine($"raysharp stop: no RaySharp node started from this machine is running (session {session.Directory}).");
            return 1;
        }

        foreach (var node in nodes.OrderBy(n => n.IsHead))
        {
            RayNodeProcess.Stop(node.Pid);
            session.Forget(node);
            Console.WriteLine($"Stopped node {node.NodeId} (pid {node.Pid}{(node.IsHead ? ", head" : "")}).");
        }

        Console.WriteLine($"Stopped {nodes.Count} node(s).");
        return 0;
    }
}
