using System.Threading.Tasks;
using Orleans;
using RaySharp.Cluster.Cancellation;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// A node's object service, keyed by its silo address and placed on that silo (as the node grain): other nodes and
/// drivers pull the bytes of the large objects it holds in chunks, and it hears when copies of its objects are no longer
/// needed. Kept apart from the node grain, so objects and tasks evolve separately.
/// </summary>
internal interface IObjectSourceGrain : IGrainWithStringKey
{
    /// <summary>Where this node serves object bytes over its side channel, with the token to present; null when it has none.</summary>
    Task<ObjectChannelAddress?> Channel();

    /// <summary>
    /// Up to <paramref name="count"/> bytes of object (<paramref name="owner"/>, <paramref name="sequence"/>) from
    /// <paramref name="offset"/>, read by node <paramref name="reader"/>, which this node then counts as a holder of a copy.
    /// </summary>
    Task<byte[]> Read(ulong owner, ulong sequence, long offset, int count, string reader);

    /// <summary>
    /// Node <paramref name="reader"/> read a ref to object (<paramref name="owner"/>, <paramref name="sequence"/>) from
    /// inside a value and borrows it: this node keeps the object alive until the borrower calls <see cref="Unborrow"/>,
    /// and returns the length of its bytes once it is ready (to be pulled with <see cref="Read"/> or the side channel).
    /// </summary>
    Task<long> Borrow(ulong owner, ulong sequence, string reader);

    /// <summary>Node <paramref name="reader"/>'s last local ref to a borrowed object is gone.</summary>
    Task Unborrow(ulong owner, ulong sequence, string reader);

    /// <summary>The owner of an object released it: node <paramref name="from"/> tells this node to drop its copy.</summary>
    Task Free(string from, ulong owner, ulong sequence);

    /// <summary>
    /// Driver <paramref name="from"/> uploads <paramref name="chunk"/> of its object (<paramref name="owner"/>,
    /// <paramref name="sequence"/>), <paramref name="total"/> bytes long, at <paramref name="offset"/>; once every chunk
    /// is in, this node serves the object as a copy the driver frees.
    /// </summary>
    Task Upload(string from, ulong owner, ulong sequence, long total, long offset, byte[] chunk);

    /// <summary>Node <paramref name="holder"/> leaves the cluster and dropped its copy of the object: it is no longer told to free it.</summary>
    Task Drop(string holder, ulong owner, ulong sequence);

    /// <summary>
    /// A borrower cancels object (<paramref name="owner"/>, <paramref name="sequence"/>), which this node owns: the task
    /// that makes it is cancelled here as <paramref name="mode"/> says (Ray forwards <c>ray.cancel</c> of a borrowed
    /// ref to the owner). Nothing happens when the object is ready, released, or not this node's.
    /// </summary>
    Task Cancel(ulong owner, ulong sequence, CancelMode mode);

    /// <summary>Node <paramref name="holder"/>, the owner of a large result this node keeps, released it: the bytes and every copy pulled from here go.</summary>
    Task Done(string holder, ulong owner, ulong sequence);
}
