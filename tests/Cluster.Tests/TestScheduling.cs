using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Ports of python/ray/tests/test_scheduling.py that a 2-node cluster can run. Ray's nodes have 4 CPUs (hybrid
/// threshold 2); ours have 2 (threshold 1), so the counts are halved.
/// </summary>
public sealed class TestScheduling(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void test_hybrid_policy_threshold()
    {
        // Ray's test_hybrid_policy_threshold: tasks pack on the local node up to half its CPUs, then spread. Ray blocks the
        // tasks with two semaphores until all run; here Started and Gate do the same.
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int perNodeThreshold = 1;

        var first = RunWave(perNodeThreshold);
        Assert.Single(first.Distinct());
        Assert.Equal(cluster.Node1.NodeId, first[0]);

        var second = RunWave(perNodeThreshold * 2);
        var counter = second.GroupBy(node => node).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, counter.Count);
        Assert.All(counter.Values, count => Assert.Equal(perNodeThreshold, count));
    }

    [Fact]
    public void test_local_scheduling_first()
    {
        // Ray's test_local_scheduling_first: while the local node has resources free, tasks run there.
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(cluster.Node1.NodeId, ClusterFunctions.Remote.WhereAmI().Get(Timeout));
        }
    }

    /// <summary>Submits <paramref name="count"/> tasks that hold a CPU until all of them run, and returns where each ran.</summary>
    private static List<string> RunWave(int count)
    {
        ClusterFunctions.Gate = new ManualResetEventSlim(false);
        ClusterFunctions.Started = new CountdownEvent(count);
        var refs = Enumerable.Range(0, count).Select(_ => ClusterFunctions.Remote.Hold()).ToList();
        Assert.True(ClusterFunctions.Started.Wait(Timeout), $"only {count - ClusterFunctions.Started.CurrentCount} of {count} tasks started");
        ClusterFunctions.Gate.Set();
        return refs.Select(r => r.Get(Timeout)).ToList();
    }
}
