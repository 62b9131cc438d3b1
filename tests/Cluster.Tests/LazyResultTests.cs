using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Wire;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A large result stays on the node that made it until its owner needs it (Ray's pull on first use): a task on that
/// node reads it there, <c>Get</c>, <c>Ray.Wait</c> and polls pull it to the owner once, and the owner's release frees it there.
/// </summary>
public sealed class LazyResultTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_large_result_used_by_a_second_task_on_its_node_is_not_pulled_to_the_owner_and_Get_pulls_it_once()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var objects1 = cluster.Node1.Backend.Objects;
        var objects2 = cluster.Node2.Backend.Objects;
        var (pulls1, bytes1, pulls2) = (objects1.Pulls, objects1.BytesPulled, objects2.Pulls);
        var onNode2 = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial);

        var made = onNode2.Make(1_000_000, 21);
        var digest = onNode2.Summarize(made).Get(Timeout);

        var expected = ObjectFunctions.Bytes(1_000_000, 21);
        Assert.Equal(Digest.SumOf(expected), digest.Sum);
        Assert.Equal(cluster.Node2.NodeId, digest.Node);
        Assert.Equal(cluster.Node2.NodeId, KeptAt(made).Node);
        Assert.False(made.IsCompleted, "the owner has the value although nothing here used it");
        Assert.Equal(pulls1, objects1.Pulls);
        Assert.Equal(bytes1, objects1.BytesPulled);
        Assert.Equal(pulls2, objects2.Pulls); // node 2 read the bytes it keeps

        Assert.Equal(expected, made.Get(Timeout));
        Assert.Equal(expected, made.Get(Timeout));
        Assert.Equal(pulls1 + 1, objects1.Pulls);
        Assert.InRange(objects1.BytesPulled - bytes1, expected.Length, expected.Length + 64);
    }

    [Fact]
    public void A_task_on_the_owners_node_that_takes_a_large_remote_result_pulls_it_once()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var objects1 = cluster.Node1.Backend.Objects;
        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(500_000, 26);
        KeptAt(made);
        var pulls = objects1.Pulls;

        var digests = Enumerable.Range(0, 2).Select(_ => ObjectFunctions.Remote.Summarize(made).Get(Timeout)).ToList();

        Assert.All(digests, digest => Assert.Equal(Digest.SumOf(ObjectFunctions.Bytes(500_000, 26)), digest.Sum));
        Assert.All(digests, digest => Assert.Equal(cluster.Node1.NodeId, digest.Node)); // run by the owner's node: free CPUs there
        Assert.Equal(pulls + 1, objects1.Pulls);
    }

    [Fact]
    public void Polling_Ray_Wait_with_timeout_0_reports_a_large_remote_result_ready()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(600_000, 22);
        KeptAt(made); // its task ended on node 2, and nothing here used it yet

        var clock = Stopwatch.StartNew();
        while (Ray.Wait([made], 1, TimeSpan.Zero).Ready.Count == 0)
        {
            Assert.True(clock.Elapsed < Timeout, "Ray.Wait never reported the result ready");
            Thread.Sleep(5); // a poller's pause: the poll itself must start the pull
        }

        Assert.True(made.IsCompleted);
        Assert.Equal(ObjectFunctions.Bytes(600_000, 22), made.Get(TimeSpan.Zero));
    }

    [Fact]
    public void Polling_IsReady_reports_a_large_remote_result_ready()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(600_000, 23);
        KeptAt(made);

        var clock = Stopwatch.StartNew();
        while (!made.IsReady)
        {
            Assert.True(clock.Elapsed < Timeout, "IsReady never became true");
            Thread.Sleep(5);
        }

        Assert.Equal(ObjectFunctions.Bytes(600_000, 23), made.Get(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Releasing_the_owners_ref_to_a_large_result_frees_its_bytes_on_the_node_that_made_it(bool pulledFirst)
    {
        var objects2 = cluster.Node2.Backend.Objects;
        var dropped = new TaskCompletionSource<ObjectId>(TaskCreationOptions.RunContinuationsAsynchronously);
        var kept = MakeKeptOnNode2(pulledFirst ? 25 : 24, pulledFirst);
        Assert.True(objects2.Serves(kept.Id));
        void OnDropped(ObjectId which)
        {
            if (which == kept.Id)
            {
                dropped.TrySetResult(which);
            }
        }

        objects2.ResultDropped += OnDropped;
        try
        {
            // The ref is unreachable now: the owner releases the object when the GC collects its entry.
            var deadline = DateTime.UtcNow + Timeout;
            while (!dropped.Task.IsCompleted && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(dropped.Task, Task.Delay(100));
            }

            Assert.True(dropped.Task.IsCompleted, "node 2 was not told to drop the result's bytes");
            Assert.False(objects2.Serves(kept.Id));
        }
        finally
        {
            objects2.ResultDropped -= OnDropped;
        }
    }

    /// <summary>Makes a large result on node 2 and waits until it is kept there (optionally pulls it); its ref is unreachable on return.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ObjectReference MakeKeptOnNode2(int seed, bool pull)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(400_000, seed);
        var kept = KeptAt(made);
        if (pull)
        {
            Assert.Equal(ObjectFunctions.Bytes(400_000, seed), made.Get(Timeout));
        }

        return kept;
    }

    /// <summary>Waits until node 1 knows where the result of <paramref name="made"/> is kept, without using it.</summary>
    private ObjectReference KeptAt(ObjectRef made)
    {
        var clock = Stopwatch.StartNew();
        ObjectReference kept;
        while (!cluster.Node1.Backend.Objects.TryLocate(made, out kept))
        {
            Assert.True(clock.Elapsed < Timeout, "the task's result never came back as a reference");
            Thread.Sleep(5);
        }

        return kept;
    }
}
