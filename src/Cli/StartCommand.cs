using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Cluster;
using RaySharp.Cluster.Nodes;

namespace RaySharp.Cli;

/// <summary><c>raysharp start</c>: starts the application as a node in the background and waits until it has joined.</summary>
internal static class StartCommand
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);

    public static Command Create()
    {
        var head = new Option<bool>("--head") { Description = "Start a new cluster: this node is its head." };
        var address = new Option<string?>("--address") { Description = "Join the cluster whose head (or any node) has its gateway at HOST:PORT." };
        var port = new Option<int?>("--port") { Description = $"The node's gateway port (the head's default is {NodeArguments.DefaultHeadPort}; other nodes pick a free one)." };
        var numCpus = new Option<double?>("--num-cpus") { Description = "CPUs the node offers (default: the machine's cores)." };
        var resources = new Option<string?>("--resources") { Description = "Custom resources the node offers, as JSON: '{\"GPU\": 1}'." };
        var token = new Option<string?>("--token") { Description = $"The cluster token (default: {RayCluster.TokenVariable}; a new head makes one; other nodes use the head's from this machine's session)." };
        var nodeIp = new Option<string?>("--node-ip") { Description = "The IP address the node listens on and advertises (default 127.0.0.1: this machine only)." };
        var redis = new Option<string?>("--redis") { Description = "Redis membership: a StackExchange.Redis connection string such as 127.0.0.1:6379 (every node of the cluster gives the same)." };
        var app = new Option<string>("--app") { Description = "Your application's .dll (or executable): it must call RayCluster.RunNodeAsync in node mode. Every node runs the same build.", Required = true };
        var command = new Command("start", "Start a RaySharp node from your application, in the background.") { head, address, port, numCpus, resources, token, nodeIp, redis, app };
        command.SetAction((result, cancellation) => RunAsync(
            new Request(result.GetValue(head), result.GetValue(address), result.GetValue(port), result.GetValue(numCpus), result.GetValue(resources),
                result.GetValue(token), result.GetValue(nodeIp), result.GetValue(redis), result.GetValue(app)!),
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(Request request, CancellationToken cancellation)
    {
        var session = Session.Current();
        List<string> arguments;
        try
        {
            arguments = request.NodeArguments(session);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync($"raysharp start: {error.Message}").ConfigureAwait(false);
            return 2;
        }

        if (request.Head && session.RunningNodes().FirstOrDefault(n => n.IsHead) is { } running)
        {
            await Console.Error.WriteLineAsync(
                $"raysharp start: a head node started from this machine is already running (pid {running.Pid}, gateway {running.Gateway}). "
                + $"Stop it first with `raysharp stop`, or give this cluster a session of its own ({Session.DirectoryVariable}).").ConfigureAwait(false);
            return 1;
        }

        session.EnsureCreated();
        Console.WriteLine(request.Head
            ? $"Starting a head node from {request.App}…"
            : $"Starting a node from {request.App}, joining {request.Address ?? "the cluster in Redis"}…");
        RayNodeProcess node;
        var progress = WaitProgress.OnConsole("waiting for the node to join");
        try
        {
            node = await RayNodeProcess.StartAsync(request.App, arguments, session.NewLogPath(request.Head), JoinTimeout,
                seconds => progress.Report(TimeSpan.FromSeconds(seconds)), detach: true).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or FileNotFoundException)
        {
            progress.End();
            await Console.Error.WriteLineAsync($"raysharp start: {error.Message}").ConfigureAwait(false);
            return 1;
        }

        progress.End();

        session.Record(new NodeRecord(node.Pid, Session.StartTimeOf(node.Pid), node.NodeId, node.Gateway, node.IsHead, node.Token, Path.GetFullPath(request.App), node.LogPath));
        Console.WriteLine($"Node {node.NodeId} joined (pid {node.Pid}, gateway {node.Gateway}, log {node.LogPath}).");
        if (node.IsHead)
        {
            Console.WriteLine($"Cluster token: {node.Token}");
            Console.WriteLine("Next:");
            Console.WriteLine($"  connect a driver:  RAY_ADDRESS={node.Gateway} RAY_CLUSTER_TOKEN={node.Token} dotnet run   (your program calls Ray.Init())");
            Console.WriteLine($"  add a node:        raysharp start --address {node.Gateway} --app {request.App}   (on another machine: --token {node.Token} --node-ip ITS_IP)");
            Console.WriteLine("  see the cluster:   raysharp status");
            Console.WriteLine("  stop its nodes:    raysharp stop");
        }

        return 0;
    }

    private sealed record Request(bool Head, string? Address, int? Port, double? NumCpus, string? Resources, string? Token, string? NodeIp, string? Redis, string App)
    {
        /// <exception cref="ArgumentException">The request does not make a node.</exception>
        public List<string> NodeArguments(Session session)
        {
            var arguments = new List<string>();
            if (Head == (Address is not null) && Redis is null)
            {
                throw new ArgumentException("give either --head (start a new cluster) or --address HOST:PORT (join one), not both.");
            }

            if (Head)
            {
                arguments.Add("--head");
            }

            if (Address is not null)
            {
                Cluster.Nodes.NodeArguments.ParseAddress(Address);
                arguments.AddRange(["--address", Address]);
            }

            if (Port is { } port)
            {
                arguments.AddRange(["--port", port.ToString(CultureInfo.InvariantCulture)]);
            }

            if (NumCpus is { } cpus)
            {
                arguments.AddRange(["--num-cpus", cpus.ToString(CultureInfo.InvariantCulture)]);
            }

            if (Resources is not null)
            {
                Cluster.Nodes.NodeArguments.ParseResources(Resources);
                arguments.AddRange(["--resources", Resources]);
            }

            var token = Token ?? NonEmpty(Environment.GetEnvironmentVariable(RayCluster.TokenVariable)) ?? (Head ? null : session.Head()?.Token);
            if (token is not null)
            {
                arguments.AddRange(["--token", token]);
            }

            if (NodeIp is not null)
            {
                arguments.AddRange(["--node-ip", NodeIp]);
            }

            if (Redis is not null)
            {
                arguments.AddRange(["--redis", Redis]);
            }

            Cluster.Nodes.NodeArguments.Parse(arguments);
            return arguments;
        }

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
