using System;
using System.Linq;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Ports of python/ray/tests/test_object_manager.py that a 2-node cluster can run: a large object that many tasks on
/// another node need crosses once, in chunks.
/// </summary>
public sealed class TestObjectManager(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void test_object_broadcast()
    {
        // Ray's test_object_broadcast: an object put once and passed to many tasks on other nodes is transferred to each
        // node once ("we don't have too many excess object transfers"). Ray counts transfers in its object manager's
        // stats; here node 2 counts the pulls it started.
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(1024 * 1024, seed: 1);
        var pullsBefore = cluster.Node2.Backend.Objects.Pulls;

        for (var round = 0; round < 3; round++)
        {
            var x = Ray.Put(data);
            var digests = Enumerable.Range(0, 10)
                .Select(_ => ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(x))
                .ToList()
                .Select(d => d.Get(Timeout))
                .ToList();

            Assert.All(digests, d => Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), d));
            Assert.True(cluster.Node2.Backend.Objects.HoldsCopy(x.Id));
        }

        Assert.Equal(3, cluster.Node2.Backend.Objects.Pulls - pullsBefore);
    }
}
