using System;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary><c>Ray.Cancel</c> from a driver (an Orleans client over loopback TCP) of tasks it placed on the nodes.</summary>
public sealed class CancelFromDriverTests(TcpCluster cluster) : IClassFixture<TcpCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_driver_cancels_a_task_running_on_node_2_and_one_queued_behind_it()
    {
        CancelFunctions.Reset();
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var running = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WaitForCancel();
            Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Await(CancelFunctions.Started));
            var queued = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).CountRun();
            Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Incoming.Count == 2, Timeout), "the queued task never reached node 2");

            Ray.Cancel(queued);
            Ray.Cancel(running);

            Assert.Throws<TaskCancelledException>(() => queued.Get(Timeout));
            Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
            Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Await(CancelFunctions.SawCancel));
            Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmIAfterCancels().Get(Timeout));
            Assert.Equal(0, CancelFunctions.Runs);
        }
        finally
        {
            Ray.Shutdown();
        }
    }
}
