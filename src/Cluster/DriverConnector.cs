using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
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
    private const int ConnectAttempts = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    /// <summary>How often a driver with tasks on the nodes asks which nodes died (it follows no membership of its own).</summary>
    private static readonly TimeSpan MembershipPoll = TimeSpan.FromSeconds(1);

    static DriverConnector() => Backends.Connector = Connect;

    /// <summary>Connects to the gateway at <paramref name="address"/> and returns the driver's backend.</summary>
    /// <exception cref="ArgumentException">The address is not <c>host:port</c>.</exception>
    /// <exception cref="InvalidOperationException">No cluster answers at the address (after 3 retries, at most 10 s).</exception>
    /// <exception cref="UnauthorizedAccessException">The cluster has a token and <see cref="RayOptions.ClusterToken"/> (else <c>RAY_CLUSTER_TOKEN</c>) is not it.</exception>
    public static IRayBackend Connect(RayRuntime runtime, string address)
    {
        var gateway = Parse(address);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var attempts = 0;
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .UseConnectionRetryFilter(async (_, cancellation) =>
            {
                // A few quick retries, then fail: a driver pointed at the wrong address hears so in seconds.
                if (++attempts > ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(RetryDelay, cancellation).ConfigureAwait(false);
                return true;
            }));
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            host.StartAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"No RaySharp cluster answered at '{address}' within {ConnectTimeout.TotalSeconds:0} s ({error.GetType().Name}: {error.Message}). "
                + "Start the cluster's nodes first, and give the address of one of their Orleans gateways (host:port).", error);
        }

        var grains = host.Services.GetRequiredService<IClusterClient>();
        var watching = new CancellationTokenSource();
        var refusal = grains.GetGrain<IClusterGateGrain>(0).Enter(runtime.Options.ClusterToken ?? Environment.GetEnvironmentVariable(ClusterAccess.TokenVariable), "driver").GetAwaiter().GetResult().Refusal;
        if (refusal is not null)
        {
            new HostStopper(host, watching).Dispose();
            throw new UnauthorizedAccessException(refusal);
        }

        var driverId = "driver-" + Guid.NewGuid().ToString("N");
        var backend = new ClusterBackend(runtime, driverId, ResourceRequest.Create(0, null, "driver"), grains, new GatewayDirectory(grains), membership: null, new HostStopper(host, watching));
        backend.RefreshNodesAsync().GetAwaiter().GetResult();
        _ = Task.Run(() => backend.PollMembershipAsync(MembershipPoll, watching.Token), CancellationToken.None);
        return backend;
    }

    private static IPEndPoint Parse(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon > 0 && int.TryParse(address.AsSpan(colon + 1), out var port) && port is > 0 and <= 65535)
        {
            var host = address[..colon];
            var ip = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host)[0];
            return new IPEndPoint(ip, port);
        }

        throw new ArgumentException($"The cluster address '{address}' is not host:port (for example 127.0.0.1:30000).", nameof(address));
    }

    /// <summary>Stops the driver's membership polling, then stops and disposes its client host, when its runtime shuts down.</summary>
    private sealed class HostStopper(IHost host, CancellationTokenSource watching) : IDisposable
    {
        public void Dispose()
        {
            watching.Cancel();
            watching.Dispose();
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            try
            {
                host.StopAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Shutting down anyway.
            }

            host.Dispose();
        }
    }
}
