using System;
using System.Threading.Tasks;
using RaySharp.Cluster.Backend;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A driver (an Orleans client, which no node can pull from) uploads its large ref arguments to the node a task goes to,
/// sends values passed by value inline, and pulls large results from the nodes.
/// </summary>
public sealed class DriverObjectTests(TcpCluster cluster) : IClassFixture<TcpCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_driver_uploads_a_large_ref_to_node_2_and_pulls_a_large_result_from_it()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var driver = (ClusterBackend)RayRuntime.Current.Backend;
            var data = ObjectFunctions.Bytes(2 * 1024 * 1024, seed: 11);
            var nodePulls = cluster.Node2.Backend.Objects.Pulls;
            var put = Ray.Put(data);

            var digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(put).Get(Timeout);
            var again = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(put).Get(Timeout);
            var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(3 * 1024 * 1024, 12).Get(Timeout);

            Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), digest);
            Assert.Equal(digest, again);
            Assert.Equal(1, driver.Objects.Uploads); // once, for both tasks
            Assert.Equal(nodePulls, cluster.Node2.Backend.Objects.Pulls); // node 2 read the upload it holds, no pull
            Assert.True(cluster.Node2.Backend.Objects.Serves(put.Id));
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

            // Passed by value, the array travels inside the spec (a ref would be uploaded in chunks instead).
            var error = Assert.Throws<NodeTaskException>(() => ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(data).Get(Timeout));

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

    [Fact]
    public async Task A_driver_put_over_Orleans_message_limit_is_uploaded_in_chunks_and_freed_when_released()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        var freed = new TaskCompletionSource<ObjectId>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFreed(ObjectId id) => freed.TrySetResult(id);
        cluster.Node2.Backend.Objects.CopyFreed += OnFreed;
        try
        {
            var id = SummarizeOnNode2(ObjectFunctions.Bytes(110 * 1024 * 1024, seed: 5), out var digest);

            Assert.Equal(110 * 1024 * 1024, digest.Length);
            Assert.Equal(cluster.Node2.NodeId, digest.Node);
            // The ref is unreachable now: the driver releases the object when the GC collects its entry.
            var deadline = DateTime.UtcNow + Timeout;
            while (!freed.Task.IsCompleted && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(freed.Task, Task.Delay(100));
            }

            Assert.True(freed.Task.IsCompleted, "node 2 was not told to free the upload");
            Assert.Equal(id, await freed.Task); // the driver released its ref: node 2 dropped the upload
            Assert.False(cluster.Node2.Backend.Objects.Serves(id));
        }
        finally
        {
            cluster.Node2.Backend.Objects.CopyFreed -= OnFreed;
            Ray.Shutdown();
        }
    }

    /// <summary>Puts <paramref name="data"/> and summarizes it on node 2; no ref to it outlives the call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ObjectId SummarizeOnNode2(byte[] data, out Digest digest)
    {
        var put = Ray.Put(data);
        digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(put).Get(Timeout);
        return put.Id;
    }
}
