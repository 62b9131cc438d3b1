using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>The owner of a large object frees the copies other nodes pulled once it releases the object.</summary>
public sealed class ObjectFreeingTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Releasing_the_owners_last_ref_frees_the_copy_on_node_2()
    {
        var id = UseOnNode2(ObjectFunctions.Bytes(512 * 1024, seed: 4));
        var objects2 = cluster.Node2.Backend.Objects;
        Assert.True(objects2.HoldsCopy(id));
        Assert.True(cluster.Node1.Backend.Objects.Serves(id));
        var freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFreed(ObjectId which)
        {
            if (which == id)
            {
                freed.TrySetResult();
            }
        }

        objects2.CopyFreed += OnFreed;
        try
        {
            // The ref is unreachable now: the runtime releases the object when the GC collects its entry.
            var deadline = DateTime.UtcNow + Timeout;
            while (!freed.Task.IsCompleted && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(freed.Task, Task.Delay(100));
            }

            Assert.True(freed.Task.IsCompleted, "node 2 was not told to free its copy");
            Assert.False(objects2.HoldsCopy(id));
            Assert.False(cluster.Node1.Backend.Objects.Serves(id));
        }
        finally
        {
            objects2.CopyFreed -= OnFreed;
        }
    }

    [Fact]
    public async Task A_free_that_reaches_node_2_while_a_task_there_uses_the_copy_leaves_the_task_its_value()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(512 * 1024, seed: 6);
        HoldingFunctions.Gate = new System.Threading.ManualResetEventSlim(false);
        HoldingFunctions.Started = new System.Threading.ManualResetEventSlim(false);
        var put = Ray.Put(data);
        var running = HoldingFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).SummarizeWhenLetGo(put);
        Assert.True(HoldingFunctions.Started.Wait(Timeout), "the task on node 2 did not start");
        Assert.True(cluster.Node2.Backend.Objects.HoldsCopy(put.Id));

        // The owner's free message, as node 1 sends it when it releases the object, arrives while the task runs.
        var grains = (Orleans.IGrainFactory)cluster.Node1Services.GetService(typeof(Orleans.IGrainFactory))!;
        await grains.GetGrain<Objects.IObjectSourceGrain>(cluster.Node2.NodeId).Free(cluster.Node1.NodeId, put.Id.Owner, put.Id.Sequence);
        Assert.False(cluster.Node2.Backend.Objects.HoldsCopy(put.Id));
        HoldingFunctions.Gate.Set();

        Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), running.Get(Timeout));
    }

    /// <summary>Puts <paramref name="data"/> on node 1, runs a task with it on node 2, and lets every ref to it go.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ObjectId UseOnNode2(byte[] data)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var put = Ray.Put(data);
        var digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(put).Get(Timeout);
        Assert.Equal(Digest.SumOf(data), digest.Sum);
        return put.Id;
    }
}
