using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Two silos on loopback TCP ports (Orleans' localhost clustering), as separate hosts in this process: a driver joins
/// them through the first one's gateway, as a program on another machine would. Node 2 has the custom resource.
/// </summary>
public sealed class TcpCluster : IAsyncLifetime
{
    private IHost? _silo1;
    private IHost? _silo2;

    public int GatewayPort { get; private set; }

    public RayNode Node1 { get; private set; } = null!;

    public RayNode Node2 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts(4);
        GatewayPort = ports[1];
        _silo1 = await StartSilo(ports[0], ports[1], null, new RayOptions { NumCpus = 2 });
        _silo2 = await StartSilo(ports[2], ports[3], new IPEndPoint(IPAddress.Loopback, ports[0]),
            new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 1 } });
        Node1 = _silo1.Services.GetRequiredService<RayNode>();
        Node2 = _silo2.Services.GetRequiredService<RayNode>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Node1.Backend.RefreshNodesAsync() < 1 || await Node2.Backend.RefreshNodesAsync() < 1)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the two silos did not see each other within 30 s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops node 2's silo ungracefully, as a crash: the others learn it from membership.</summary>
    public async Task KillNode2Async()
    {
        using var now = new CancellationTokenSource();
        now.Cancel();
        var silo = _silo2!;
        _silo2 = null;
        try
        {
            await silo.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
            // A kill does not wait for anything.
        }

        silo.Dispose();
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in new[] { _silo2, _silo1 })
        {
            if (silo is not null)
            {
                await silo.StopAsync();
                silo.Dispose();
            }
        }
    }

    /// <summary>Ports nothing listens on now (the OS picks them; a race with another process is possible but unlikely).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.ConvertAll(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static async Task<IHost> StartSilo(int siloPort, int gatewayPort, IPEndPoint? primary, RayOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, primary)
            .Configure<ClusterMembershipOptions>(membership =>
            {
                // A dead silo is declared so within seconds (the defaults take much longer; see docs/cluster.md).
                membership.ProbeTimeout = TimeSpan.FromSeconds(1);
                membership.NumMissedProbesLimit = 2;
                membership.NumVotesForDeathDeclaration = 1;
            })
            .AddRaySharpNode(options));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
