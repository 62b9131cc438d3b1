using System;
using System.Threading.Tasks;
using RaySharp.Cluster.Cancellation;
using RaySharp.Objects;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// The producer of a borrowed ref on this node, as far as <c>Ray.Cancel</c> goes: the object's owner, another node,
/// runs (or placed) the task that makes it, so a cancel here is forwarded to the owner (as Ray forwards
/// <c>ray.cancel</c> of a borrowed ref), which cancels that task as its own; the outcome reaches this node as the
/// borrowed object's value or error.
/// </summary>
internal sealed class BorrowedProducer(ObjectRef entry, string owner, Func<string, IObjectSourceGrain> source) : ITaskProducer
{
    public bool IsFinished => entry.IsCompleted;

    public void Cancel(bool force, bool recursive)
    {
        var mode = CancelMode.Cancel | (force ? CancelMode.Force : 0) | (recursive ? CancelMode.Recursive : 0);
        _ = ForwardAsync(mode);
    }

    public bool TryRunOnWaitingThread() => false;

    private async Task ForwardAsync(CancelMode mode)
    {
        try
        {
            await source(owner).Cancel(entry.Id.Owner, entry.Id.Sequence, mode).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The owner is gone: the borrowed object fails with OwnerDiedException through its pull; nothing to cancel.
        }
    }
}
