using System;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>The same user program joins a cluster with <c>Ray.Init(new RayOptions { Address = … })</c>.</summary>
public sealed class DriverTests(TcpCluster cluster) : IClassFixture<TcpCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_driver_joins_with_Ray_Init_Address_and_its_tasks_run_on_the_nodes()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var there = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmI().Get(Timeout);
            var squares = Enumerable.Range(0, 50).Select(i => ClusterFunctions.Remote.Square(i)).ToList();
            var chained = ClusterFunctions.Remote.AddOne(ClusterFunctions.Remote.Square(3));

            Assert.Equal(cluster.Node2.NodeId, there);
            var results = squares.Select(s => s.Get(Timeout)).ToList();
            Assert.Equal(Enumerable.Range(0, 50).Select(i => i * i), results.Select(r => r.Value));
            Assert.All(results, r => Assert.Contains(r.Node, new[] { cluster.Node1.NodeId, cluster.Node2.NodeId }));
            Assert.Equal(10, chained.Get(Timeout).Value);
            Assert.StartsWith("driver-", Ray.GetRuntimeContext().NodeId, StringComparison.Ordinal);
            Assert.Equal(4, Ray.ClusterResources()["CPU"]);
        }
        finally
        {
            Ray.Shutdown();
        }
    }

    [Fact]
    public void Ray_Init_reads_the_address_from_RAY_ADDRESS_as_Ray_does()
    {
        Environment.SetEnvironmentVariable("RAY_ADDRESS", $"127.0.0.1:{cluster.GatewayPort}");
        try
        {
            Ray.Init();

            Assert.StartsWith("driver-", Ray.GetRuntimeContext().NodeId, StringComparison.Ordinal);
            Assert.Equal(cluster.Node2.NodeId, ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmI().Get(Timeout));
        }
        finally
        {
            Ray.Shutdown();
            Environment.SetEnvironmentVariable("RAY_ADDRESS", null);
        }
    }

    [Fact]
    public void Ray_Init_with_an_address_where_no_cluster_runs_fails_within_seconds_naming_it()
    {
        var address = $"127.0.0.1:{TcpCluster.FreePorts(1)[0]}";
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<InvalidOperationException>(() => Ray.Init(new RayOptions { Address = address }));

        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.False(Ray.IsInitialized);
    }
}
