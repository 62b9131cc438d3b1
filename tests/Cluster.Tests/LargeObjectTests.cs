using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using RaySharp.Cluster.Objects;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>Large arguments and results cross nodes by reference and are pulled in chunks, not carried inside specs and results.</summary>
public sealed class LargeObjectTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_100_MB_object_crosses_to_node_2_and_back_and_reads_back_equal()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(100 * 1024 * 1024, seed: 2);
        var pulled2 = cluster.Node2.Backend.Objects.BytesPulled;
        var pulled1 = cluster.Node1.Backend.Objects.BytesPulled;

        var echoed = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Echo(Ray.Put(data)).Get(Timeout);

        Assert.True(data.AsSpan().SequenceEqual(echoed), "the 100 MB object did not read back equal");
        // Node 2 pulled the argument and node 1 the result, each in chunks of far less than the whole.
        Assert.InRange(cluster.Node2.Backend.Objects.BytesPulled - pulled2, data.Length, data.Length + 64);
        Assert.InRange(cluster.Node1.Backend.Objects.BytesPulled - pulled1, data.Length, data.Length + 64);
        Assert.True(Objects.ClusterObjects.ChunkBytes < data.Length / 10);
    }

    [Fact]
    public void A_large_result_made_on_node_2_is_pulled_back_and_right()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var pulls = cluster.Node1.Backend.Objects.Pulls;

        var made = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Make(3 * 1024 * 1024, 7).Get(Timeout);

        Assert.Equal(ObjectFunctions.Bytes(3 * 1024 * 1024, 7), made);
        Assert.Equal(1, cluster.Node1.Backend.Objects.Pulls - pulls);
    }

    [Fact]
    public void Without_the_side_channel_a_large_object_is_pulled_through_grain_calls_in_chunks()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(10 * 1024 * 1024, seed: 5);
        cluster.Node2.Backend.Objects.UseSideChannel = false;
        try
        {
            var digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(Ray.Put(data)).Get(Timeout);

            Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), digest);
        }
        finally
        {
            cluster.Node2.Backend.Objects.UseSideChannel = true;
        }
    }

    [Fact]
    public async Task A_reader_without_the_nodes_token_gets_no_bytes_from_its_side_channel()
    {
        var address = cluster.Node1.Backend.Objects.ChannelAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var hello = new byte[20 + ObjectChannelServer.RequestBytes]; // a zero token, an empty name, one request for nothing
        await stream.WriteAsync(hello);

        var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Timeout);

        Assert.Equal(0, read); // the node closed the connection without answering
    }

    [Fact]
    public void A_small_ref_argument_still_travels_inside_the_spec()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var pulls = cluster.Node2.Backend.Objects.Pulls;
        var small = Ray.Put(ObjectFunctions.Bytes(1024, seed: 3));

        var digest = ObjectFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Summarize(small).Get(Timeout);

        Assert.Equal(Digest.SumOf(small.Get()), digest.Sum);
        Assert.Equal(pulls, cluster.Node2.Backend.Objects.Pulls);
    }
}
