using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Actors;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// Handle counting across nodes, as the hosting node sees it: for each actor another node placed here, how many nodes
/// (and drivers) hold a handle to it, the creating node from the creation on. While one does, the actor counts one
/// handle more (the host's own handle, whose finalizer is suppressed so only this count releases it); when the last
/// lets go, that handle is released, and the actor ends as locally once no handle here is left either and its mailbox
/// is empty (an unnamed, non-detached actor; named and detached ones never end this way).
/// </summary>
internal sealed class ActorHolders
{
    private readonly Lock _sync = new();
    private readonly Dictionary<ActorId, int> _holders = [];

    /// <summary>How many nodes hold <paramref name="id"/> now (0 when untracked).</summary>
    public int HoldersOf(ActorId id)
    {
        lock (_sync)
        {
            return _holders.GetValueOrDefault(id);
        }
    }

    /// <summary>Starts counting an actor another node created here; <paramref name="pin"/>, its bound handle here, stands for the holders.</summary>
    public void Track(ActorHandle pin)
    {
#pragma warning disable CA1816 // Not a Dispose: the handle's finalizer would release the actor a second time; the count does it once.
        GC.SuppressFinalize(pin);
#pragma warning restore CA1816
        lock (_sync)
        {
            _holders[pin.Id] = 1; // the creating node
        }
    }

    /// <summary>A node's holding changed (<see cref="ActorMessageKind.AddHolder"/> or <see cref="ActorMessageKind.ReleaseHolder"/>).</summary>
    public void Apply(ActorId id, ActorMessageKind kind, IActorEndpoint? actor)
    {
        if (actor is null)
        {
            return;
        }

        bool pin, release;
        lock (_sync)
        {
            if (!_holders.TryGetValue(id, out var count))
            {
                return; // not counted: an actor created on this node is held once its handle leaves
            }

            count += kind == ActorMessageKind.AddHolder ? 1 : -1;
            _holders[id] = Math.Max(count, 0);
            pin = kind == ActorMessageKind.AddHolder && count == 1;
            release = kind == ActorMessageKind.ReleaseHolder && count == 0;
        }

        if (pin)
        {
            actor.HandleCreated();
        }
        else if (release)
        {
            actor.HandleCollected();
        }
    }
}
