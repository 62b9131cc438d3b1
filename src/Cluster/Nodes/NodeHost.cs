using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace RaySharp.Cluster.Nodes;

/// <summary>Runs this process as a node from its node-mode arguments until a signal (or the watched parent's exit) stops it.</summary>
internal static class NodeHost
{
    /// <summary>The line a node prints once it has joined; <see cref="RayNodeProcess"/> waits for it.</summary>
    public const string JoinedLine = "RaySharp node joined:";

    /// <summary>The line a node prints when it cannot start.</summary>
    public const string FailedLine = "RaySharp node failed:";

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    /// <summary>The silo's stop: its node drains first (<see cref="NodeDrainOptions.DefaultTimeout"/>), then the silo leaves.</summary>
    private static readonly TimeSpan StopTimeout = NodeDrainOptions.DefaultTimeout + TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellation)
    {
        NodeArguments node;
        try
        {
            node = NodeArguments.Parse(args);
        }
        catch (ArgumentException error)
        {
            await output.WriteLineAsync($"{FailedLine} {error.Message}").ConfigureAwait(false);
            return 2;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        if (node.ExitWith is { } parent)
        {
            _ = Task.Run(() => StopWhenGoneAsync(parent, stopping), CancellationToken.None);
        }

        IHost host;
        string token;
        try
        {
            (host, token) = await StartAsync(node).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var what = error is InvalidOperationException or UnauthorizedAccessException or ArgumentException or TimeoutException
                ? error.Message
                : $"{error.GetType().Name}: {error.Message}{(error.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : "")}";
            await output.WriteLineAsync($"{FailedLine} {what}").ConfigureAwait(false);
            return error is UnauthorizedAccessException ? 3 : 1;
        }

        try
        {
            var rayNode = host.Services.GetRequiredService<RayNode>();
            var gateway = $"{node.NodeIp}:{ActualGatewayPort(host)}";
            await output.WriteLineAsync($"{JoinedLine} node={rayNode.NodeId} gateway={gateway} head={(node.Head ? "true" : "false")} token={token}").ConfigureAwait(false);
            if (node.Head)
            {
                await output.WriteLineAsync($"Connect a driver with RAY_ADDRESS={gateway} and RAY_CLUSTER_TOKEN={token}; add a node with --address {gateway} --token {token}.").ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(timeout.Token).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            host.Dispose();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static async Task<(IHost Host, string Token)> StartAsync(NodeArguments node)
    {
        var token = node.Token ?? NonEmpty(Environment.GetEnvironmentVariable(ClusterAccess.TokenVariable)) ?? (node.Head ? ClusterAccess.NewToken() : "");
        var siloPort = FreePort(node.NodeIp);
        var gatewayPort = node.Port is null or 0 ? FreePort(node.NodeIp) : node.Port.Value;
        IPEndPoint primary;
        if (node.Head)
        {
            primary = new IPEndPoint(node.NodeIp, siloPort);
        }
        else if (node.Address is { } address)
        {
            await using var client = await GatewayClient.ConnectAsync(address, NodeArguments.ParseAddress(address)).ConfigureAwait(false);
            var answer = await client.EnterAsync(token, "node").ConfigureAwait(false);
            primary = answer.PrimarySilo is { } silo
                ? NodeArguments.ParseAddress(silo)
                : throw new InvalidOperationException($"The cluster at '{address}' is not one of RaySharp's node mode (it names no head silo to join); start its nodes with --raysharp-node or raysharp start.");
        }
        else
        {
            primary = new IPEndPoint(node.NodeIp, siloPort); // Redis membership: the primary is not used.
        }

        var options = new RayOptions { NumCpus = node.NumCpus, Resources = node.Resources, EnableTaskEvents = true };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(new ClusterAccess(token.Length == 0 ? null : token, $"{primary.Address}:{primary.Port}", node.Head));
        builder.UseOrleans(silo =>
        {
            if (node.Redis is { } redis)
            {
                silo.UseRedisClustering(redis);
            }
            else
            {
                silo.UseDevelopmentClustering(primary);
            }

            silo.ConfigureEndpoints(node.NodeIp, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.AddRaySharpNode(options);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
            if (!node.Head)
            {
                await WaitForOtherNodesAsync(host.Services.GetRequiredService<RayNode>()).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not (OutOfMemoryException or TimeoutException))
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"The node could not start on {node.NodeIp} (gateway port {gatewayPort}, silo port {siloPort}): {error.Message}. "
                + "If another program (or node) uses the port, pick another with --port (0 for a free one), or stop the other node (raysharp stop).", error);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return (host, token);
    }

    /// <summary>Joined means this node sees another: the membership table lists it active, and it answered.</summary>
    private static async Task WaitForOtherNodesAsync(RayNode node)
    {
        var clock = Stopwatch.StartNew();
        while (await node.Backend.RefreshNodesAsync().ConfigureAwait(false) < 1)
        {
            if (clock.Elapsed > JoinTimeout)
            {
                throw new TimeoutException($"This node started but saw no other node of the cluster within {JoinTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static int ActualGatewayPort(IHost host) =>
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.EndpointOptions>>().Value.GatewayPort;

    private static async Task StopWhenGoneAsync(int parent, CancellationTokenSource stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var process = Process.GetProcessById(parent);
                if (process.HasExited)
                {
                    break;
                }
            }
            catch (ArgumentException)
            {
                break; // No such process: the parent is gone.
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int FreePort(IPAddress ip)
    {
        using var listener = new TcpListener(ip, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
