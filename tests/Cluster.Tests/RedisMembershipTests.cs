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

    [Fact]
    public async Task Node_mode_with_redis_joins_a_node_to_the_head_without_its_address()
    {
        using var redis = await RedisServer.StartAsync();
        var logs = System.IO.Directory.CreateTempSubdirectory("raysharp-redis-nodes-").FullName;
        try
        {
            using var head = await RayNodeProcess.StartAsync(CliSession.App, ["--head", "--port", "0", "--num-cpus", "1", "--redis", redis.ConnectionString],
                System.IO.Path.Combine(logs, "head.log"), TimeSpan.FromSeconds(90));
            using var worker = await RayNodeProcess.StartAsync(CliSession.App, ["--num-cpus", "2", "--redis", redis.ConnectionString],
                System.IO.Path.Combine(logs, "worker.log"), TimeSpan.FromSeconds(90));

            var nodes = await RayCluster.StatusAsync(head.Gateway, head.Token);

            Assert.Equal([head.NodeId, worker.NodeId], nodes.Select(n => n.NodeId));
            Assert.True(nodes[0].IsHead);
            Assert.Equal(3, nodes.Sum(n => n.Total["CPU"]));
        }
        finally
        {
            System.IO.Directory.Delete(logs, recursive: true);
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
