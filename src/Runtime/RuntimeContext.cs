using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Actors;

namespace RaySharp;

/// <summary>
/// Where the calling code runs, as Ray's <c>get_runtime_context()</c>: inside a task (its id, name, resources and
/// cancellation), inside an actor (its id, name, restarts and a handle to itself) or on the driver.
/// </summary>
/// <remarks>A snapshot taken when it is read; it never changes, so a task can return it by reference.</remarks>
[RayImmutable]
public sealed class RuntimeContext
{
    /// <summary>The actor the code runs in, for <see cref="CurrentActor"/>; null outside actors.</summary>
    private readonly IActorEndpoint? _actor;

    internal RuntimeContext(string nodeId, TaskId? taskId, string? taskName, IActorEndpoint? actor, IReadOnlyDictionary<string, double> assignedResources, int[] gpuIds, bool isCancelled, CancellationToken cancellationToken)
    {
        NodeId = nodeId;
        TaskId = taskId;
        _actor = actor;
        ActorId = actor?.Id;
        ActorName = actor is null ? null : actor.Name ?? string.Empty;
        WasCurrentActorReconstructed = actor is { Restarts: > 0 };
        TaskName = taskName;
        AssignedResources = assignedResources;
        GpuIds = gpuIds;
        IsCancelled = isCancelled;
        CancellationToken = cancellationToken;
    }

    /// <summary>The context of code outside tasks (the driver) on <paramref name="nodeId"/>.</summary>
    internal static RuntimeContext Driver(string nodeId) => new(nodeId, null, null, null, new Dictionary<string, double>(), [], false, CancellationToken.None);

    /// <summary>
    /// The node the code runs on (Ray's <c>get_node_id()</c>): in a cluster, the node that runs the task, which may not
    /// be the one that submitted it; in a runtime of its own, an id of that runtime.
    /// </summary>
    public string NodeId { get; }

    /// <summary>The current task's id, or null on the driver.</summary>
    public TaskId? TaskId { get; }

    /// <summary>The current task's name, or null on the driver.</summary>
    public string? TaskName { get; }

    /// <summary>The actor the current call runs on, or null outside actor methods.</summary>
    public ActorId? ActorId { get; }

    /// <summary>
    /// The name of the actor the code runs in (Ray's <c>get_actor_name()</c>): its <see cref="ActorOptions.Name"/>, the
    /// empty string for an unnamed actor, and null outside actors (in a task or on the driver), as in Ray.
    /// </summary>
    public string? ActorName { get; }

    /// <summary>
    /// True inside an actor that has restarted at least once (Ray's <c>was_current_actor_reconstructed</c>): in the
    /// constructor of a restart and in every call on a restarted actor. False in an actor's first life and outside actors.
    /// </summary>
    public bool WasCurrentActorReconstructed { get; }

    /// <summary>
    /// A handle to the actor the code runs in (Ray's <c>current_actor</c>), or null outside actors. The handle is of
    /// the actor's generated type, so <c>(Counter.Handle)context.CurrentActor!</c> works; <see cref="GetCurrentActor{THandle}"/>
    /// does the cast and checks it. Each read makes a new handle; handles to one actor are equal.
    /// </summary>
    public ActorHandle? CurrentActor => _actor?.NewHandle();

    /// <summary>A typed handle to the actor the code runs in (Ray's <c>current_actor</c>), for example <c>GetCurrentActor&lt;Counter.Handle&gt;()</c>.</summary>
    /// <typeparam name="THandle">The generated handle type of the actor's class.</typeparam>
    /// <exception cref="InvalidOperationException">The code does not run in an actor, or the actor is of another class than <typeparamref name="THandle"/> names.</exception>
    public THandle GetCurrentActor<THandle>()
        where THandle : ActorHandle, IActorHandle<THandle>
    {
        if (_actor is null)
        {
            throw new InvalidOperationException(
                "GetCurrentActor() is called outside an actor (in a task or on the driver). Call it inside an actor's constructor or method, or check ActorId first.");
        }

        return _actor.NewHandle() as THandle
            ?? throw new InvalidOperationException(
                $"The current actor is a {_actor.ClassName}, whose handle type is {_actor.HandleType.Name}, not {typeof(THandle).Name}. Ask for {_actor.HandleType.Name}.");
    }

    /// <summary>True when the caller runs inside a task.</summary>
    public bool IsInTask => TaskId is not null;

    /// <summary>
    /// The resources the task holds (name → amount, zero amounts left out); empty on the driver. In an actor's
    /// constructor and methods, the actor's own resources (empty by default, <c>{GPU: 1}</c> for a <c>NumGpus = 1</c>
    /// actor): a call on an actor holds no resources of its own, as in Ray.
    /// </summary>
    public IReadOnlyDictionary<string, double> AssignedResources { get; }

    /// <summary>
    /// The numbers (0 to <see cref="RayOptions.NumGpus"/> − 1) of the GPUs the task or actor holds, as Ray's
    /// <c>get_accelerator_ids()["GPU"]</c>; empty on the driver and without GPUs. See <see cref="Ray.GetGpuIds"/>.
    /// </summary>
    public IReadOnlyList<int> GpuIds { get; }

    /// <summary>True once <see cref="Ray.Cancel"/> was called for the current task.</summary>
    public bool IsCancelled { get; }

    /// <summary>Signalled when the current task is cancelled; <see cref="CancellationToken.None"/> on the driver.</summary>
    public CancellationToken CancellationToken { get; }
}
