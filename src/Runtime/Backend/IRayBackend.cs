using System;
using System.Collections.Generic;
using RaySharp.Actors;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Observability;
using RaySharp.Scheduling;

namespace RaySharp.Backend;

/// <summary>
/// The one seam between the public API and where work runs. <see cref="LocalBackend"/> runs everything in this
/// process; a cluster backend (on Orleans) implements the same calls by shipping the plain-data
/// <see cref="TaskSpec"/> (function id, argument values or object ids, options) to another process and filling
/// the returned ref's entry when the result arrives there. Nothing above this interface assumes that caller and
/// callee share a process.
/// </summary>
internal interface IRayBackend : IDisposable
{
    /// <summary>The node this backend runs tasks on, for <see cref="RuntimeContext.NodeId"/>, <see cref="NodeInfo.NodeId"/> and the metrics' node tag.</summary>
    string NodeId { get; }

    /// <summary>Stores a value and returns a ref that is ready at once.</summary>
    ObjectRef<T> Put<T>(T value);

    /// <summary>Stores an array the caller hands over, with no copy, as a read-only buffer.</summary>
    ObjectRef<ReadOnlyMemory<T>> PutOwned<T>(T[] array)
        where T : unmanaged;

    /// <summary>A fresh object id, owned by this backend.</summary>
    ObjectId NextObjectId();

    /// <summary>
    /// The one submit path: accepts a task, or with <paramref name="actor"/> a call on that actor, whose results go
    /// to <paramref name="outputs"/>. Returns at once; the outputs complete when the task ends.
    /// </summary>
    /// <exception cref="ArgumentException">The spec's options are out of range.</exception>
    /// <exception cref="RuntimeShutdownException">The backend is shut down.</exception>
    void Submit(TaskSpec spec, TaskOutputs outputs, IActorEndpoint? actor);

    /// <summary>Creates an actor and returns its handle at once.</summary>
    THandle CreateActor<THandle>(RemoteFunction constructor, TaskArgs args, ActorOptions options)
        where THandle : ActorHandle, IActorHandle<THandle>;

    /// <summary>Finds a named actor in a namespace (null: the runtime's).</summary>
    THandle GetActor<THandle>(string name, string? @namespace)
        where THandle : ActorHandle, IActorHandle<THandle>;

    /// <summary>
    /// Binds a handle read from bytes to its actor: one this backend runs, or (a cluster backend) one on
    /// <paramref name="node"/>, the node the writer said hosts it; false when it cannot.
    /// </summary>
    bool TryBind(ActorHandle handle, string? node);

    /// <summary>The node that hosts the handle's actor, written with the handle so another node can reach it; null in a runtime of its own.</summary>
    string? NodeOf(ActorHandle handle);

    /// <summary>Cancels the task that produces <paramref name="reference"/>, if this backend owns it.</summary>
    void Cancel(ObjectRef reference, bool force, bool recursive);

    /// <summary>What the backend has in total, as resource name → amount.</summary>
    IReadOnlyDictionary<string, double> TotalResources();

    /// <summary>What is free now, as resource name → amount.</summary>
    IReadOnlyDictionary<string, double> AvailableResources();

    /// <summary>The task the calling code runs in, if it runs in one of this backend's tasks.</summary>
    RuntimeContext? CurrentContext();

    /// <summary>
    /// Notes that <paramref name="reference"/> was serialized (possibly inside another object), so a copy read back
    /// finds the same object. A cluster backend would count it as a borrowed ref with the object's owner.
    /// </summary>
    void ShareObject(ObjectRef reference);

    /// <summary>The live object with this id, or null when this backend does not know it (or it was released).</summary>
    ObjectRef? FindObject(ObjectId id);

    /// <summary>The live tracked objects of the store, for <see cref="Ray.State.Objects"/>.</summary>
    IReadOnlyList<ObjectInfo> ObjectsInStore();

    /// <summary>The store's totals, for <see cref="Ray.State.Memory"/>.</summary>
    ObjectStoreMemoryInfo StoreMemory();

    /// <summary>The nodes this backend runs on and their resources, for <see cref="RuntimeState.Nodes"/>.</summary>
    IReadOnlyList<NodeInfo> Nodes();

    /// <summary>The tasks its task events describe (empty when they are off), for the state API and the timeline.</summary>
    NodeTaskHistory TaskHistory();

    /// <summary>Its actors, alive then the dead ones it remembers, for <see cref="RuntimeState.Actors"/>.</summary>
    IReadOnlyList<ActorInfo> Actors();

    /// <summary>Task counts for the metrics, without assembling the history.</summary>
    TaskCounters TaskCounters();
}
