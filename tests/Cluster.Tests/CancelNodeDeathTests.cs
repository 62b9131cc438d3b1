using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>A cancelled task is never run again by the node-death retry path (three silos of its own, one killed).</summary>
public sealed class CancelNodeDeathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_cancelled_task_still_running_on_a_node_that_dies_is_not_run_again_and_its_ref_is_cancelled()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        try
        {
            var onWorker = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 }, MaxRetries = 3 };
            var running = CancelFunctions.Remote.WithOptions(onWorker).HoldUntilOpened(); // deaf to its token: it runs on
            var node = await CancelFunctions.Started.Task.WaitAsync(Timeout);

            Ray.Cancel(running);
            await cluster.KillWorkerAsync(cluster.Workers.ToList().FindIndex(worker => worker.NodeId == node));

            // Without the cancel, the retry would run it again on the other worker (MaxRetries = 3).
            await Assert.ThrowsAsync<TaskCancelledException>(async () => await running.GetAsync().AsTask().WaitAsync(Timeout));
            Assert.Equal(1, CancelFunctions.Runs);
            var sibling = CancelFunctions.Remote.WithOptions(onWorker).CountRun().Get(Timeout); // the survivor still runs tasks
            Assert.NotEqual(node, sibling);
            Assert.Equal(2, CancelFunctions.Runs);
        }
        finally
        {
            CancelFunctions.Gate.Set(); // the killed node's thread still waits in the task
        }
    }
}
