using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using MessagePack;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.Cluster.Backend;
using RaySharp.Cluster.Cancellation;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// An actor on another node, as a node (or a driver) that calls it sees it: the endpoint its handles bind to. Calls
/// become <see cref="RemoteActorCall"/>s, which go to the actor's node in batches. Ray's per-caller order holds here:
/// each caller's calls leave in the order it submitted them, a call still waiting for its ref arguments holding up
/// only its own caller's later calls; the actor's node then runs them in arrival order (a sync actor) or as its
/// <c>MaxConcurrency</c> and concurrency groups allow. While the actor's own creation has not left yet (its
/// constructor arguments are pending), every call waits behind it.
/// </summary>
[DebuggerDisplay("Remote actor {ClassName,nq} {Id} on {NodeId,nq}")]
internal sealed partial class RemoteActor : IActorEndpoint
{
    private readonly ClusterActors _actors;
    private readonly ActorHandleType? _handleType;
    private readonly Lock _sync = new();
    /// <summary>Per caller, its calls not sent yet, in submission order; a caller leaves when its queue empties.</summary>
    private readonly Dictionary<object, Queue<RemoteActorCall>> _waiting = new(ReferenceEqualityComparer.Instance);
    private bool _created;
    private bool? _killBeforeCreation;
    private Exception? _death;
    private string _nodeId;
    /// <summary>This node's creation of the actor (null when it learnt the actor from a handle): sent again to restart it elsewhere.</summary>
    private RemoteActorCall? _creation;
    private WireActorOptions? _creationOptions;
    private int _moves;

    /// <param name="actors">This node's actor layer.</param>
    /// <param name="id">The actor's id.</param>
    /// <param name="nodeId">The node hosting it.</param>
    /// <param name="className">Its class, for messages.</param>
    /// <param name="handleType">Its handle type when known (it is not for a handle read from bytes).</param>
    /// <param name="name">Its name, or null.</param>
    /// <param name="created">False for an actor this node creates: calls wait until its creation has left.</param>
    public RemoteActor(ClusterActors actors, ActorId id, string nodeId, string className, ActorHandleType? handleType, string? name, bool created)
    {
        _actors = actors;
        Id = id;
        _nodeId = nodeId;
        ClassName = className;
        _handleType = handleType;
        Name = name;
        _created = created;
        _holding = !created; // the host counts the creating node from the creation on
    }

    public IRayBackend Backend => _actors.Backend;

    public MessagePackSerializerOptions SerializerOptions => _actors.Backend.SerializerOptions;

    /// <summary>The backend of the node that holds this handle, whose objects large call arguments refer to.</summary>
    public ClusterBackend Cluster => _actors.Backend;

    public ActorId Id { get; }

    /// <summary>The node hosting the actor; another one after a restart elsewhere (see <see cref="TryMoveFrom"/>).</summary>
    public string NodeId => Volatile.Read(ref _nodeId);

    public string ClassName { get; }

    public string? Name { get; }

    /// <summary>The namespace of its name, when this node created it with one.</summary>
    public string? Namespace => _creationOptions?.Namespace;

    /// <summary>Restarts on another node after its node died (see <see cref="TryMoveFrom"/>); restarts on its node are counted there.</summary>
    public int Restarts => Volatile.Read(ref _moves);

    /// <summary>The actor's <c>MaxTaskRetries</c>, when this node created it; else 0.</summary>
    public int MaxTaskRetries => _creationOptions?.MaxTaskRetries ?? 0;

    public Type HandleType => _handleType?.Type ?? typeof(ActorHandle);

    /// <summary>The resources its creation placed on its node's ledger here, removed when this node kills it; null when this node did not create it.</summary>
    public (RemoteNode Node, ResourceRequest Request)? Placement { get; set; }

    /// <summary>Sends the actor's creation once its constructor arguments are ready; calls submitted meanwhile wait behind it.</summary>
    public void Create(TaskSpec constructor, WireActorOptions options)
    {
        _creationOptions = options;
        _creation = new RemoteActorCall(this, constructor, options);
        _creation.Start();
    }

    /// <summary>
    /// Restarts the actor on another node after <paramref name="deadNode"/>, which hosted it, died: as Ray's GCS does,
    /// while its <c>MaxRestarts</c> allows (-1 for ever). Only the node that created it can, as only it holds the
    /// constructor's spec: its creation goes to the node <paramref name="place"/> picks, and the constructor runs again
    /// there with the same arguments. Returns false when it cannot (not created here, no restart left, no other node).
    /// </summary>
    public bool TryMoveFrom(string deadNode, Func<ResourceRequest, RemoteNode?> place)
    {
        lock (_sync)
        {
            if (_death is not null || _creation?.Message is not { Failure: null } creation || Placement is not { } placement || NodeId != deadNode)
            {
                return false;
            }

            var maxRestarts = _creationOptions?.MaxRestarts ?? 0;
            if (maxRestarts != -1 && _moves >= maxRestarts)
            {
                return false;
            }

            if (place(placement.Request) is not { } next)
            {
                return false;
            }

            Interlocked.Increment(ref _moves);
            Volatile.Write(ref _nodeId, next.NodeId);
            next.Ledger.Add(placement.Request);
            Placement = (next, placement.Request);
            _actors.Send(this, creation, null);
            return true;
        }
    }

    /// <summary>
    /// Its node <paramref name="deadNode"/> died, and another node may restart it (see <see cref="ActorDirectory"/>):
    /// new calls wait, as behind a creation, until <see cref="Resume"/> names its new node (or it is marked dead).
    /// </summary>
    public void Suspend(string deadNode)
    {
        lock (_sync)
        {
            if (_death is null && NodeId == deadNode)
            {
                _created = false;
            }
        }
    }

    /// <summary>
    /// The actor restarted on <paramref name="node"/>: <paramref name="resend"/> sends again the calls that were lost with
    /// its old node, then the calls that waited meanwhile leave, each caller's in order.
    /// </summary>
    public void Resume(string node, Action resend)
    {
        lock (_sync)
        {
            if (_death is not null)
            {
                return;
            }

            Volatile.Write(ref _nodeId, node);
            resend();
            _created = true;
            foreach (var caller in new List<object>(_waiting.Keys))
            {
                DrainLocked(caller);
            }

            if (_killBeforeCreation is { } noRestart)
            {
                _actors.SendKill(this, noRestart);
            }
        }
    }

    /// <summary>Marks the actor dead here (its creation cannot reach its node): its calls fail at once.</summary>
    public void MarkDead(string reason, Exception? cause)
    {
        List<RemoteActorCall> waiting = [];
        lock (_sync)
        {
            _death ??= Died(reason, cause);
            foreach (var queue in _waiting.Values)
            {
                waiting.AddRange(queue);
            }

            _waiting.Clear();
        }

        foreach (var call in waiting)
        {
            call.Result?.TryFail(_death);
        }
    }

    /// <summary>The exception a call of this actor fails with when it is dead.</summary>
    public ActorDiedException Died(string reason, Exception? cause) => new(ClassName, Id, reason, cause);

    /// <summary>Queues a method call: it leaves once its arguments are ready and its caller's earlier calls left.</summary>
    /// <exception cref="NotSupportedException">The method's calls cannot travel (several results, a stream, or no wire form).</exception>
    public void Submit(TaskSpec spec, TaskOutputs outputs)
    {
        if (spec.Function.Wire is null || outputs.Extra is not null)
        {
            throw new NotSupportedException(
                $"'{spec.Function.Name}' cannot be called on actor {ClassName} ({Id}), which lives on node {NodeId}: methods with several results, "
                + "streams, more than three parameters, params or ObjectRef parameters have no wire form yet, so they run only on the actor's own node.");
        }

        var caller = CallerOrder.CallerOf(BlockingScope.Current as LocalTask, _actors);
        var call = new RemoteActorCall(this, spec, outputs.Result, caller, _actors.NextCallKey());
        lock (_sync)
        {
            if (_death is { } death)
            {
                outputs.Result.TryFail(death);
                return;
            }

            if (!_waiting.TryGetValue(caller, out var queue))
            {
                queue = new Queue<RemoteActorCall>();
                _waiting.Add(caller, queue);
            }

            queue.Enqueue(call);
        }

        call.Start();
    }

    /// <summary>A call's (or the creation's) arguments are ready: sends what may leave, in each caller's order.</summary>
    public void OnReady(RemoteActorCall call)
    {
        lock (_sync)
        {
            if (call.Result is null)
            {
                // The creation: it leaves first, then every call that waited behind it.
                if (call.Message is { } creation)
                {
                    _actors.Send(this, creation, null);
                }

                _created = true;
                foreach (var caller in new List<object>(_waiting.Keys))
                {
                    DrainLocked(caller);
                }

                if (_killBeforeCreation is { } noRestart)
                {
                    _actors.SendKill(this, noRestart);
                }

                ReleaseIfDueLocked();
                return;
            }

            if (_created)
            {
                DrainLocked(call.Caller);
            }
        }
    }

    public ActorHandle NewHandle()
    {
        var type = _handleType ?? throw new NotSupportedException($"A new handle to actor {ClassName} ({Id}) needs its handle type, which this node learnt from bytes.");
        var handle = type.FromId(Id);
        handle.Bind(this);
        return handle;
    }

    /// <summary>Kills the actor on its node (after the calls this node already sent it); returns at once, as <c>ray.kill</c> does.</summary>
    public void Kill(bool noRestart)
    {
        lock (_sync)
        {
            if (!_created)
            {
                _killBeforeCreation = noRestart;
                return;
            }
        }

        _actors.SendKill(this, noRestart);
    }

    /// <summary>
    /// <c>Ray.Cancel</c> of <paramref name="call"/>, as the local runtime cancels an actor call: one not sent yet (it waits
    /// for its arguments, or behind its caller's earlier calls) never leaves, and its ref fails at once with
    /// <see cref="TaskCancelledException"/>; one sent is cancelled on the actor's node, behind it in the same outbox
    /// (a queued call never runs, a running async call sees its token, a running sync call only
    /// <c>RuntimeContext.IsCancelled</c>), which sends back the outcome; with <c>force</c> the ref fails here at once.
    /// </summary>
    public void Cancel(RemoteActorCall call)
    {
        var mode = call.CancelMode;
        lock (_sync)
        {
            if (call.SentTo is null)
            {
                call.Result!.TryFail(call.CancelledError());
                return;
            }

            _actors.SendCancel(this, call, mode);
        }

        if (mode.HasFlag(CancelMode.Force))
        {
            call.Result!.TryFail(call.CancelledError());
        }
    }

    /// <summary>Sends the ready calls at the head of <paramref name="caller"/>'s queue; a call that failed here is skipped.</summary>
    private void DrainLocked(object caller)
    {
        if (!_waiting.TryGetValue(caller, out var queue))
        {
            return;
        }

        while (queue.Count > 0 && queue.Peek().IsReady)
        {
            var next = queue.Dequeue();
            if (next.Message is { } message && !next.IsCancelRequested)
            {
                _actors.Send(this, message, next);
            }
        }

        if (queue.Count == 0)
        {
            _waiting.Remove(caller);
            ReleaseIfDueLocked();
        }
    }
}
