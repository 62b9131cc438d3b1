using System;
using RaySharp.Wire;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// Where the value of a result this node owns is kept (the node that ran its task), tied to the owner's entry through a
/// <see cref="System.Runtime.CompilerServices.ConditionalWeakTable{TKey, TValue}"/>: refs to it are sent by this
/// reference, and when the entry becomes unreachable (the owner released the object), or a newer place replaces this
/// one, the finalizer tells that node to drop the bytes.
/// </summary>
internal sealed class RemoteResult(ObjectReference where, Action<ObjectReference> released)
{
    public ObjectReference Where { get; } = where;

    ~RemoteResult() => released(Where);
}
