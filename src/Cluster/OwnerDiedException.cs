using System;

namespace RaySharp.Cluster;

/// <summary>
/// An object's owner (the node that put it, or that submitted the task that makes it) died or left the cluster before
/// this node had the object's value, so the value can no longer be had: in RaySharp, as in Ray, an object dies with its
/// owner and is not reconstructed. Ray raises <c>OwnerDiedError</c> (an <c>ObjectLostError</c>) in this case. To avoid
/// it, let a node that stays up own the objects others borrow (put them, or submit the tasks that make them, on the
/// driver's node or the head node), or get the value (<c>Get</c>) while the owner is alive; stopping a node cleanly
/// (<c>raysharp stop</c>) lets the tasks running there finish first, but the objects it owns still go with it.
/// </summary>
public sealed class OwnerDiedException : Exception
{
    /// <summary>Describes object <paramref name="objectId"/>, lost with its owner node <paramref name="ownerNodeId"/>.</summary>
    /// <param name="objectId">The object that was lost.</param>
    /// <param name="ownerNodeId">Its owner node, which died or left.</param>
    /// <param name="cause">What this node saw (the failed call to the owner), or null.</param>
    public OwnerDiedException(ObjectId objectId, string ownerNodeId, Exception? cause)
        : base(
            $"Object {objectId} was lost: its owner, node {ownerNodeId}, died or left the cluster before this node had its value"
            + (cause is null ? "" : $" ({cause.GetType().Name}: {cause.Message})")
            + ". An object dies with its owner and is not rebuilt; let a node that stays up own objects that other nodes borrow, or get the value while its owner is alive.",
            cause)
    {
        ObjectId = objectId;
        OwnerNodeId = ownerNodeId;
    }

    /// <summary>The object that was lost.</summary>
    public ObjectId ObjectId { get; }

    /// <summary>The node that owned it, which died or left the cluster.</summary>
    public string OwnerNodeId { get; }
}
