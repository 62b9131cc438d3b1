using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Placement;

namespace RaySharp.Cluster.Objects;

/// <summary>The object service grain: hands each call to the node's <see cref="ClusterObjects"/>. Reentrant, so chunks of many pulls interleave.</summary>
[NodePlacement]
[Reentrant]
internal sealed class ObjectSourceGrain(RayNode node) : Grain, IObjectSourceGrain
{
    public Task<ObjectChannelAddress?> Channel() => Task.FromResult(node.Backend.Objects.ChannelAddress);

    public Task<byte[]> Read(ulong owner, ulong sequence, long offset, int count, string reader) =>
        Task.FromResult(node.Backend.Objects.ReadChunk(new ObjectId(owner, sequence), offset, count, reader));

    public Task<long> Borrow(ulong owner, ulong sequence, string reader) =>
        node.Backend.Objects.BorrowAsync(new ObjectId(owner, sequence), reader);

    public Task Unborrow(ulong owner, ulong sequence, string reader)
    {
        node.Backend.Objects.Unborrow(new ObjectId(owner, sequence));
        return Task.CompletedTask;
    }

    public Task Free(string from, ulong owner, ulong sequence)
    {
        node.Backend.Objects.FreeCopy(new ObjectId(owner, sequence));
        return Task.CompletedTask;
    }

    public Task Upload(string from, ulong owner, ulong sequence, long total, long offset, byte[] chunk)
    {
        node.Backend.Objects.ReceiveUpload(new ObjectId(owner, sequence), total, offset, chunk);
        return Task.CompletedTask;
    }

    public Task Drop(string holder, ulong owner, ulong sequence)
    {
        node.Backend.Objects.DropHolder(new ObjectId(owner, sequence), holder);
        return Task.CompletedTask;
    }

    public Task Cancel(ulong owner, ulong sequence, CancelMode mode)
    {
        node.Backend.Objects.CancelOwned(new ObjectId(owner, sequence), mode);
        return Task.CompletedTask;
    }

    public Task Done(string holder, ulong owner, ulong sequence)
    {
        node.Backend.Objects.DropResult(new ObjectId(owner, sequence), holder);
        return Task.CompletedTask;
    }
}
