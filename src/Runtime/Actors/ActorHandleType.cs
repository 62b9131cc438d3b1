using System;

namespace RaySharp.Actors;

/// <summary>
/// A generated handle type and how to make one from an actor id, without reflection: what a node needs to create an
/// actor whose constructor spec another node sent, where the handle type is not known statically.
/// </summary>
internal sealed class ActorHandleType
{
    private ActorHandleType(Type type, Func<ActorId, ActorHandle> fromId)
    {
        Type = type;
        FromId = fromId;
    }

    /// <summary>The generated handle type.</summary>
    public Type Type { get; }

    /// <summary>Makes an unbound handle of <see cref="Type"/> for an actor id.</summary>
    public Func<ActorId, ActorHandle> FromId { get; }

    /// <summary>The description of <typeparamref name="THandle"/>, one per type.</summary>
    public static ActorHandleType Of<THandle>()
        where THandle : ActorHandle, IActorHandle<THandle> => Cache<THandle>.Instance;

    private static class Cache<THandle>
        where THandle : ActorHandle, IActorHandle<THandle>
    {
        public static readonly ActorHandleType Instance = new(typeof(THandle), static id => THandle.FromId(id));
    }
}
