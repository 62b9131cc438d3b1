using System;
using System.Linq;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Lineage reconstruction (issue 15): a large result stays on the node that made it until its owner pulls it; lost
/// there first, it is made again by running its task again, while the task's retries last.
/// </summary>
public sealed class LineageTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_large_result_lost_on_node_2_before_the_pull_is_rebuilt_by_running_its_task_again()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var failuresBefore = cluster.Node1.Backend.SystemFailures;
        cluster.Node2.Backend.Objects.LoseNextResults(1);

        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(1_000_000, 7).Get(Timeout);

        Assert.True(ObjectFunctions.Bytes(1_000_000, 7).AsSpan().SequenceEqual(made), "the rebuilt result differs");
        Assert.Equal(failuresBefore + 1, cluster.Node1.Backend.SystemFailures);
    }

    [Fact]
    public void With_MaxRetries_0_a_large_result_lost_before_the_pull_fails_naming_the_node_and_the_task()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        cluster.Node2.Backend.Objects.LoseNextResults(1);
        var once = new TaskOptions { Resources = TwoNodeCluster.NeedsSpecial.Resources, MaxRetries = 0 };

        var error = Assert.Throws<NodeTaskException>(() => ObjectFunctions.Remote.WithOptions(once).Make(1_000_000, 8).Get(Timeout));

        Assert.Equal(cluster.Node2.NodeId, error.NodeId);
        Assert.Contains("could not be pulled", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries is 0", error.Message, StringComparison.Ordinal);
    }
}
