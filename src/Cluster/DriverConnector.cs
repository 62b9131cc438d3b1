using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using RaySharp.Backend;
using RaySharp.Cluster.Backend;
using RaySharp.Cluster.Nodes;
using RaySharp.Scheduling;

namespace RaySharp.Cluster;

/// <summary>
/// Joins a cluster as a driver for <c>Ray.Init(new RayOptions { Address = "host:port" })</c> (or <c>RAY_ADDRESS</c>):
/// an Orleans client connects to the gateway at that address, and the runtime's backend places every task on the
/// cluster's nodes (the driver has no CPUs of its own). The core package finds this type by name when it needs it.
/// </summary>
internal static class DriverConnector
{
    /// <summary>How often a driver with tasks on the nodes asks which nodes died (it follows no membership of its own).</summary>
    private static readonly TimeSpan MembershipPoll = TimeSpan.FromSeconds(1);

    static DriverConnector() => Backends.Connector = Connect;

    /// <summary>Connects to the gateway at <paramref name="address"/> and returns the driver's backend.</summary>
    /// <exception cref="ArgumentException">The address is not <c>host:port</c>.</exception>
    /// <exception cref="InvalidOperationException">No cluster answers at the address (after 3 retries, at most 10 s).</exception>
    /// <exception cref="UnauthorizedAccessException">The cluster has a token and <see cref="RayOptions.ClusterToken"/> (else <c>RAY_CLUSTER_TOKEN</c>) is not it.</exception>
    public static IRayBackend Connect(RayRuntime runtime, string address)
    {
        var client = GatewayClient.ConnectAsync(address, NodeArguments.ParseAddress(address)).GetAwaiter().GetResult();
        var watching = new CancellationTokenSource();
        var stopper = new ClientStopper(client, watching);
        try
        {
            client.EnterAsync(runtime.Options.ClusterToken ?? Environment.GetEnvironmentVariable(ClusterAccess.TokenVariable), "driver").GetAwaiter().GetResult();
        }
        catch (UnauthorizedAccessException)
        {
            stopper.Dispose();
            throw;
        }

        var grains = client.Grains;
        var driverId = "driver-" + Guid.NewGuid().ToString("N");
        var backend = new ClusterBackend(runtime, driverId, ResourceRequest.Create(0, null, "driver"), grains, new GatewayDirectory(grains), membership: null, stopper);
        backend.RefreshNodesAsync().GetAwaiter().GetResult();
        _ = Task.Run(() => backend.PollMembershipAsync(MembershipPoll, watching.Token), CancellationToken.None);
        return backend;
    }

    /// <summary>Stops the driver's membership polling, then its client, when its runtime shuts down.</summary>
    private sealed class ClientStopper(GatewayClient client, CancellationTokenSource watching) : IDisposable
    {
        public void Dispose()
        {
            watching.Cancel();
            watching.Dispose();
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
