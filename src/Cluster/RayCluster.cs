using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Runtime;
using RaySharp.Cluster.Nodes;

namespace RaySharp.Cluster;

/// <summary>
/// Node mode and cluster status. Every node must run the application's own build (a task names its function by an id
/// the generated code registers when the assembly loads), so the application itself becomes a node when started with
/// node arguments: put <c>if (RayCluster.IsNodeCommand(args)) return await RayCluster.RunNodeAsync(args);</c> first
/// in its <c>Main</c>. <c>raysharp start --app MyApp.dll</c> starts it that way.
/// </summary>
public static class RayCluster
{
    /// <summary>The first argument of node mode.</summary>
    public const string NodeFlag = NodeArguments.Marker;

    /// <summary>The environment variable drivers, nodes and <c>raysharp</c> read the cluster token from.</summary>
    public const string TokenVariable = ClusterAccess.TokenVariable;

    /// <summary>True when <paramref name="args"/> ask this program to run as a node (they contain <c>--raysharp-node</c>).</summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>Whether to call <see cref="RunNodeAsync"/>.</returns>
    public static bool IsNodeCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Contains(NodeFlag, StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs this process as a node of a cluster until SIGTERM or SIGINT (or the exit of the process named by
    /// <c>--exit-with PID</c>), then leaves the cluster. Arguments: <c>--head [--port N]</c> starts a cluster (its
    /// gateway on port N, 30000 by default, 0 for a free one) or <c>--address HOST:PORT</c> joins the cluster of the node listening
    /// there; <c>--num-cpus N</c>, <c>--resources '{"GPU":1}'</c>, <c>--token T</c> (else <c>RAY_CLUSTER_TOKEN</c>; a head
    /// without one makes one), <c>--node-ip IP</c> (default 127.0.0.1), <c>--redis CONNECTION</c> (Redis membership
    /// instead of joining through the head). Once joined it prints <c>RaySharp node joined: node=… gateway=… head=… token=…</c>;
    /// when it cannot start, <c>RaySharp node failed: …</c> and a non-zero exit code.
    /// </summary>
    /// <param name="args">The program's arguments (with <c>--raysharp-node</c>).</param>
    /// <param name="cancellation">Stops the node as a signal would.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 when the node could not start or join, 2 for bad arguments, 3 for a refused token.</returns>
    public static Task<int> RunNodeAsync(IReadOnlyList<string> args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        return NodeHost.RunAsync(args, Console.Out, cancellation);
    }

    /// <summary>
    /// Every active node of the cluster whose gateway is at <paramref name="address"/>, as <c>raysharp status</c> shows
    /// them: resources in total and free, tasks running and queued, objects stored.
    /// </summary>
    /// <param name="address">A node's gateway, host:port.</param>
    /// <param name="token">The cluster token, or null for <c>RAY_CLUSTER_TOKEN</c>.</param>
    /// <returns>The nodes, the head first.</returns>
    /// <exception cref="ArgumentException">The address is not host:port.</exception>
    /// <exception cref="InvalidOperationException">No cluster answers there.</exception>
    /// <exception cref="UnauthorizedAccessException">The cluster refused the token.</exception>
    public static async Task<IReadOnlyList<RayNodeStatus>> StatusAsync(string address, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var client = await GatewayClient.ConnectAsync(address, NodeArguments.ParseAddress(address)).ConfigureAwait(false);
        await client.EnterAsync(token ?? Environment.GetEnvironmentVariable(TokenVariable), "status request").ConfigureAwait(false);
        var hosts = await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        var statuses = await Task.WhenAll(hosts.Where(h => h.Value == SiloStatus.Active)
            .Select(h => client.Grains.GetGrain<INodeStatusGrain>(h.Key.ToParsableString()).Status())).ConfigureAwait(false);
        return [.. statuses.OrderByDescending(s => s.IsHead).ThenBy(s => s.NodeId, StringComparer.Ordinal)];
    }
}
