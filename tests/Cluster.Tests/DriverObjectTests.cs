using System;
using RaySharp.Cluster.Backend;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>A driver (an Orleans client) sends large objects inline, since no node can pull from it, and pulls large results from the nodes.</summary>
public sealed class DriverObjectTests(TcpCluster cluster) : IClassFixture<TcpCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_driver_sends_a_large_ref_inline_and_pulls_a_large_result_from_node_2()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var driver = (ClusterBackend)RayRuntime.Current.Backend;
            var data = ObjectFunctions.Bytes(2 * 1024 * 1024, seed: 11);
            var nodePulls = cluster.Node2.Backend.Objects.Pulls;

            var digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(Ray.Put(data)).Get(Timeout);
            var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(3 * 1024 * 1024, 12).Get(Timeout);

            Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), digest);
            Assert.Equal(nodePulls, cluster.Node2.Backend.Objects.Pulls); // the argument came inside the spec
            Assert.Equal(ObjectFunctions.Bytes(3 * 1024 * 1024, 12), made);
            Assert.Equal(1, driver.Objects.Pulls); // the result was pulled from node 2
            Assert.False(driver.Objects.Serving);
        }
        finally
        {
            Ray.Shutdown();
        }
    }

    [Fact]
    public void A_driver_argument_over_Orleans_message_limit_fails_at_once_naming_the_limit()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var data = new byte[110 * 1024 * 1024];

            var error = Assert.Throws<NodeTaskException>(() => ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(Ray.Put(data)).Get(Timeout));

            Assert.Contains("could not be written to send to node", error.Message, StringComparison.Ordinal);
            Assert.Contains("115.3 MB, over the 103.8 MB one message can carry", error.Message, StringComparison.Ordinal);

            // The runtime stays usable: a small argument still travels.
            var small = ObjectFunctions.Bytes(1024, seed: 3);
            Assert.Equal(small.Length, ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(Ray.Put(small)).Get(Timeout).Length);
        }
        finally
        {
            Ray.Shutdown();
        }
    }
}
