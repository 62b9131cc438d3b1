using System.Collections.Generic;

namespace RaySharp.Actors;

/// <summary>
/// Ray's ownership for actors: an actor created inside another actor (its constructor or a method) is owned by it and
/// dies with it, when the owner dies or restarts (a restart is a new life: in Ray, a new worker process), unless it is
/// <see cref="ActorLifetime.Detached"/>. Actors created by the driver or by plain tasks are owned by the process and
/// live until their handles are gone, they are killed, or the runtime shuts down.
/// </summary>
internal sealed partial class LocalActor
{
    /// <summary>The non-detached actors this one created that are still alive; guarded by itself.</summary>
    private readonly HashSet<LocalActor> _owned = [];

    /// <summary>The actor that created this one and whose death ends it; null when the process owns it.</summary>
    private LocalActor? _owner;

    /// <summary>Makes <paramref name="child"/> share this actor's fate; ends it at once if this actor is already dead.</summary>
    public void Adopt(LocalActor child)
    {
        bool dead;
        lock (_owned)
        {
            dead = _state == ActorState.Dead;
            if (!dead)
            {
                _owned.Add(child);
                child._owner = this;
            }
        }

        if (dead)
        {
            child.Die($"its owner, actor {ClassName} ({Id}), died", null);
        }
    }

    /// <summary>Ends every actor this one owns: this life of the owner ended (<paramref name="reason"/> says how).</summary>
    private void EndOwned(string reason)
    {
        List<LocalActor> children;
        lock (_owned)
        {
            if (_owned.Count == 0)
            {
                return;
            }

            children = [.. _owned];
            _owned.Clear();
        }

        foreach (var child in children)
        {
            child.Die($"its owner, actor {ClassName} ({Id}), {reason}, and an actor dies with its owner unless it is created with Lifetime = ActorLifetime.Detached", null);
        }
    }

    /// <summary>A dead actor leaves its owner's set.</summary>
    private void LeaveOwner()
    {
        if (_owner is { } owner)
        {
            lock (owner._owned)
            {
                owner._owned.Remove(this);
            }
        }
    }
}
