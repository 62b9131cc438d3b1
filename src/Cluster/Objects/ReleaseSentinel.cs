using System;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// Attached to an entry through a <see cref="System.Runtime.CompilerServices.ConditionalWeakTable{TKey, TValue}"/>, so it
/// becomes unreachable with the entry: its finalizer tells the owner that the object was released (the runtime frees an
/// object once no ref to it is reachable).
/// </summary>
internal sealed class ReleaseSentinel(Action<ObjectId> released, ObjectId id)
{
    ~ReleaseSentinel() => released(id);
}
