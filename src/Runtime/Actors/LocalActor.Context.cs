using System;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Actors;

/// <summary>What an actor's own code learns about it through <see cref="RuntimeContext"/>.</summary>
internal sealed partial class LocalActor
{
    /// <summary>Makes a handle of the actor's generated type for an id (<c>THandle.FromId</c>), so the actor can hand itself out.</summary>
    public required Func<ActorId, ActorHandle> HandleFactory { get; init; }

    /// <summary>The resources the actor holds for its whole life (name → amount, zero amounts left out).</summary>
    public Dictionary<string, double> HeldResources() => _creationOptions.Request.ToAssignedDictionary();

    /// <summary>The GPU numbers the actor holds for its life (those its constructor acquired); empty without GPUs.</summary>
    public int[] GpuIds => Volatile.Read(ref _creation)?.GpuIds ?? [];

    /// <summary>Takes the actor's GPU numbers away to give them back with its resources.</summary>
    private int[]? TakeGpuIds() => Volatile.Read(ref _creation)?.TakeGpuIds();

    /// <summary>A new handle to this actor, bound to it like one from <c>Remote.New</c>.</summary>
    public ActorHandle NewHandle()
    {
        var handle = HandleFactory(Id);
        handle.Bind(this);
        return handle;
    }
}
