using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Refs nested inside values cross nodes: each names its owner's node, the reading node borrows it from the owner and
/// pulls its value, and the owner keeps the object alive while a borrower holds it.
/// </summary>
public sealed class NestedRefTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_list_of_refs_put_on_node_1_resolves_on_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var refs = Enumerable.Range(1, 5).Select(i => Ray.Put(i)).ToList();

        var sum = NestedRefFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).SumNested(refs).Get(Timeout);

        Assert.Equal(15, sum);
        Assert.All(refs, r => Assert.True(cluster.Node1.Backend.Objects.IsPinned(r.Id)));
    }

    [Fact]
    public void Refs_put_on_node_2_and_returned_in_a_list_resolve_on_node_1()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var refs = NestedRefFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).PutTens(4).Get(Timeout);

        Assert.Equal([0, 10, 20, 30], refs.Select(r => r.Get(Timeout)));
        Assert.All(refs, r => Assert.True(cluster.Node2.Backend.Objects.IsPinned(r.Id)));
    }

    [Fact]
    public void An_ObjectRef_parameter_travels_to_node_2_as_a_ref_it_borrows_and_reads()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var put = Ray.Put(42);

        var read = PassedRefFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).ReadPassed(put).Get(Timeout);

        Assert.Equal(new Placed(42, cluster.Node2.NodeId), read);
        Assert.True(cluster.Node1.Backend.Objects.IsPinned(put.Id));
    }

    [Fact]
    public void A_record_holding_a_ref_to_a_large_object_resolves_on_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(2 * 1024 * 1024, seed: 9);

        var digest = NestedRefFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).SummarizeWrapped(new Wrapped(Ray.Put(data), "wrapped")).Get(Timeout);

        Assert.Equal(new Digest(Digest.SumOf(data), data.Length, "wrapped"), digest);
    }

    [Fact]
    public async Task A_ref_node_2_borrowed_keeps_the_object_alive_on_node_1_until_node_2_lets_it_go()
    {
        var data = ObjectFunctions.Bytes(256 * 1024, seed: 10);
        var id = LendToNode2(data);
        var objects1 = cluster.Node1.Backend.Objects;
        var unpinned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnUnpinned(ObjectId which)
        {
            if (which == id)
            {
                unpinned.TrySetResult();
            }
        }

        objects1.Unpinned += OnUnpinned;
        try
        {
            // Node 1 has no ref left, but node 2 borrows one: the object stays, and node 2 reads it.
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.True(objects1.IsPinned(id));
            Assert.NotNull(cluster.Node1.Backend.FindObject(id));
            Assert.Equal(data, NestedRefFunctions.Kept![0].Get(Timeout));

            // Node 2 lets go: its borrowed copy dies, it unborrows, and node 1 unpins the object.
            NestedRefFunctions.Kept = null;
            var deadline = DateTime.UtcNow + Timeout;
            while (!unpinned.Task.IsCompleted && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(unpinned.Task, Task.Delay(100));
            }

            Assert.True(unpinned.Task.IsCompleted, "node 1 kept the object pinned after node 2 let it go");
            Assert.False(objects1.IsPinned(id));
        }
        finally
        {
            objects1.Unpinned -= OnUnpinned;
        }
    }

    /// <summary>Puts <paramref name="data"/> on node 1 and hands a list holding its ref to a task on node 2 that keeps it; node 1 keeps no ref.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ObjectId LendToNode2(byte[] data)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var put = Ray.Put(data);
        var kept = NestedRefFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Keep(new List<ObjectRef<byte[]>> { put }).Get(Timeout);
        Assert.Equal(1, kept);
        return put.Id;
    }
}
