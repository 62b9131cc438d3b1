using System;
using RaySharp.Cluster.Objects;
using Xunit;

namespace RaySharp.Cluster.Tests;

public sealed class IncomingUploadsTests
{
    [Fact]
    public void Chunks_in_any_order_complete_the_object()
    {
        var uploads = new IncomingUploads();
        var id = new ObjectId(1, 1);

        Assert.Null(uploads.Receive(id, 6, 3, [4, 5, 6]));
        var bytes = uploads.Receive(id, 6, 0, [1, 2, 3]);

        Assert.Equal([1, 2, 3, 4, 5, 6], bytes);
        Assert.Equal(0, uploads.Count);
    }

    [Fact]
    public void An_upload_without_a_chunk_for_too_long_is_dropped_by_the_next_chunk_of_another()
    {
        // A driver that died mid-upload sends no more chunks: its half-sent object must not stay on the node.
        var now = 0L;
        var uploads = new IncomingUploads(() => now);
        var abandoned = new ObjectId(1, 1);
        Assert.Null(uploads.Receive(abandoned, 8, 0, [1, 2, 3, 4]));

        now += (long)IncomingUploads.Abandoned.TotalMilliseconds; // not yet past the limit
        Assert.Null(uploads.Receive(new ObjectId(2, 1), 4, 0, [1, 2]));
        Assert.Equal(2, uploads.Count);

        now += 1;
        Assert.Null(uploads.Receive(new ObjectId(3, 1), 4, 0, [1, 2]));

        Assert.Equal(2, uploads.Count); // the abandoned one is gone; the other two are under way
        Assert.Null(uploads.Receive(abandoned, 8, 4, [5, 6, 7, 8])); // a late chunk starts over: the first half is lost
    }

    [Fact]
    public void A_chunk_that_does_not_fit_the_announced_length_is_refused_naming_it()
    {
        var uploads = new IncomingUploads();
        var id = new ObjectId(1, 1);
        uploads.Receive(id, 4, 0, [1, 2]);

        var outside = Assert.Throws<InvalidOperationException>(() => uploads.Receive(id, 4, 3, [1, 2]));
        var otherLength = Assert.Throws<InvalidOperationException>(() => uploads.Receive(id, 5, 0, [1]));

        Assert.Contains("do not fit object", outside.Message, StringComparison.Ordinal);
        Assert.Contains("was announced with 4 bytes, not 5", otherLength.Message, StringComparison.Ordinal);
    }
}
