using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>Orleans' Redis membership, the production choice: two silos find each other through a real redis-server and run tasks.</summary>
public sealed class RedisMembershipTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_silos_join_through_Redis_and_run_tasks_on_both()
    {
        using var redis = await RedisServer.StartAsync();
        var ports = TcpCluster.FreePorts(4);
        var clusterId = "raysharp-test-" + Guid.NewGuid().ToString("N");
        using var silo1 = await StartSilo(redis.ConnectionString, clusterId, ports[0], ports[1], new RayOptions { NumCpus = 2 });
        using var silo2 = await StartSilo(redis.ConnectionString, clusterId, ports[2], ports[3],
            new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 1 } });
        try
        {
            var node1 = silo1.Services.GetRequiredService<RayNode>();
            var node2 = silo2.Services.GetRequiredService<RayNode>();
            var deadline = DateTime.UtcNow + Timeout;
            while (await node1.Backend.RefreshNodesAsync() < 1 || await node2.Backend.RefreshNodesAsync() < 1)
            {
                Assert.True(DateTime.UtcNow < deadline, "the two silos did not see each other through Redis within 30 s");
                await Task.Delay(50);
            }

            using (node1.Runtime.MakeCurrent())
            {
                var there = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmI().Get(Timeout);
                var here = ClusterFunctions.Remote.WhereAmI().Get(Timeout);
                var chained = ClusterFunctions.Remote.AddOne(ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Square(4)).Get(Timeout);

                Assert.Equal(node2.NodeId, there);
                Assert.Equal(node1.NodeId, here);
                Assert.Equal(17, chained.Value);
                Assert.Equal(4, Ray.ClusterResources()["CPU"]);
            }
        }
        finally
        {
            await silo2.StopAsync();
            await silo1.StopAsync();
        }
    }

    private static async Task<IHost> StartSilo(string redis, string clusterId, int siloPort, int gatewayPort, RayOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseRedisClustering(redis)
            .Configure<ClusterOptions>(cluster => cluster.ClusterId = clusterId)
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false)
            .AddRaySharpNode(options));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
