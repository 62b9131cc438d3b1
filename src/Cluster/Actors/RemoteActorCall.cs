using System;
using System.Threading;
using MessagePack;
using RaySharp.Cluster.Backend;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Transport;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Wire;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// A call (or the creation) of an actor on another node, on the caller's node: it waits, without a thread, until its
/// ref arguments are ready here, then its spec is written and it tells its actor, which sends it in its caller's order.
/// The result's bytes complete the caller's entry. It is its result's producer, so <c>Ray.Cancel</c> reaches it
/// (see <see cref="RemoteActor.Cancel"/>).
/// </summary>
internal sealed class RemoteActorCall : ArgumentWaiter, ITaskProducer
{
    private readonly RemoteActor _actor;
    private readonly TaskSpec _spec;
    private readonly WireActorOptions? _options;
    private volatile bool _ready;
    private int _cancel; // the CancelMode asked, once asked

    /// <summary>A method call, whose result goes to <paramref name="result"/>.</summary>
    public RemoteActorCall(RemoteActor actor, TaskSpec spec, ObjectRef result, object caller, long key)
    {
        _actor = actor;
        _spec = spec;
        Result = result;
        Caller = caller;
        Key = key;
    }

    /// <summary>The actor's creation, from its constructor spec and options.</summary>
    public RemoteActorCall(RemoteActor actor, TaskSpec constructor, WireActorOptions options)
    {
        _actor = actor;
        _spec = constructor;
        _options = options;
        Caller = actor;
    }

    /// <summary>The sender's key, under which the result comes back (negative); 0 for a creation.</summary>
    public long Key { get; }

    /// <summary>Null for a creation.</summary>
    public ObjectRef? Result { get; }

    /// <summary>Who submitted it (<see cref="RaySharp.Actors.CallerOrder.CallerOf"/>): its calls go out in submission order.</summary>
    public object Caller { get; }

    public RemoteActor Actor => _actor;

    /// <summary>The node the call was last sent to, or null before it left.</summary>
    public string? SentTo { get; set; }

    /// <summary>How many times the call was sent again after its actor's node died.</summary>
    public int Retries { get; set; }

    /// <summary>True once its arguments are ready (or it failed): it may go out when the calls before it did.</summary>
    public bool IsReady => _ready;

    /// <summary>What goes to the actor's node, once ready; null when the call failed here and sends nothing.</summary>
    public WireActorMessage? Message { get; private set; }

    /// <summary>True once <c>Ray.Cancel</c> reached this call: it is not sent (again) after that.</summary>
    public bool IsCancelRequested => Volatile.Read(ref _cancel) != 0;

    /// <summary>The cancel asked (<see cref="CancelMode.None"/> before).</summary>
    public CancelMode CancelMode => (CancelMode)Volatile.Read(ref _cancel);

    public bool IsFinished => Result?.IsCompleted ?? true;

    /// <summary>Becomes its result's producer (so <c>Ray.Cancel</c> reaches it), registers on the unready ref arguments; becomes ready at once when there are none.</summary>
    public void Start()
    {
        if (Result is not null)
        {
            Result.Producer = this;
        }

        WaitFor(_spec.Args);
    }

    public void Cancel(bool force, bool recursive)
    {
        var mode = CancelMode.Cancel | (force ? CancelMode.Force : 0) | (recursive ? CancelMode.Recursive : 0);
        if (Result is not null && Interlocked.CompareExchange(ref _cancel, (int)mode, 0) == 0)
        {
            _actor.Cancel(this);
        }
    }

    public bool TryRunOnWaitingThread() => false;

    /// <summary>The error of a cancelled call, as the local runtime's: the method's name, and its id on this node.</summary>
    public TaskCancelledException CancelledError() =>
        new(_spec.ResolveOptions().Name ?? _spec.Function.Name, new TaskId(Result!.Id.Owner, Result.Id.Sequence));

    /// <summary>Publishes a result that came back, or fails the entry with its error (a dead actor's as <see cref="ActorDiedException"/>).</summary>
    public void Complete(WireResult result, string nodeId, MessagePackSerializerOptions options)
    {
        if (Result is null)
        {
            return;
        }

        try
        {
            if (result.Error is { IsCancellation: true })
            {
                Result.TryFail(CancelledError());
            }
            else if (result.Error is { } error)
            {
                Result.TryFail(error.Type == typeof(ActorDiedException).FullName
                    ? _actor.Died("it is dead on node " + nodeId, error.ToException(nodeId))
                    : error.ToException(nodeId));
            }
            else
            {
                var reader = new MessagePackReader(result.Value);
                _spec.Function.Wire!.Result.TryPublish(Result, ref reader, options);
            }
        }
        catch (Exception error) when (error is MessagePackSerializationException or InvalidOperationException)
        {
            Result.TryFail(new NodeTaskException(nodeId, error.GetType().FullName!, "the result of actor call '" + _spec.Function.Name + "' did not read back: " + error.Message, error.StackTrace ?? string.Empty));
        }
    }

    protected override void OnArgumentsReady()
    {
        Message = Prepare();
        _ready = true;
        _actor.OnReady(this);
    }

    /// <summary>The message to send, or null when the call already failed here (its argument failed, or it could not be written).</summary>
    private WireActorMessage? Prepare()
    {
        if (Result is { IsCompleted: true })
        {
            return null;
        }

        var id = _actor.Id;
        var args = _spec.Args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            if (args.GetDependency(i).CapturedError is { } failed)
            {
                // As locally: a call whose argument failed fails with the same error; an actor whose constructor
                // argument failed is dead from the start, on its node too.
                if (Result is null)
                {
                    return new WireActorMessage(ActorMessageKind.Create, 0, id.Owner, id.Sequence, null, null, _options, WireError.From(failed.SourceException));
                }

                Result.TryFail(failed);
                return null;
            }
        }

        try
        {
            var cluster = _actor.Cluster;
            using var current = RayRuntime.CurrentOrNull == cluster.Runtime ? null : cluster.Runtime.MakeCurrent(); // a snapshot's nested refs resolve here
            var bytes = TaskSpecWire.Write(_spec, _actor.SerializerOptions, cluster.Objects); // large arguments travel by reference, as a task's
            MessageLimit.CheckSpec(bytes);
            return Result is null
                ? new WireActorMessage(ActorMessageKind.Create, 0, id.Owner, id.Sequence, bytes, null, _options, null)
                : new WireActorMessage(ActorMessageKind.Call, Key, id.Owner, id.Sequence, bytes, _spec.Options?.ConcurrencyGroup, null, null);
        }
        catch (Exception error) when (error is MessagePackSerializationException or InvalidOperationException or InvalidCastException)
        {
            var failure = new NodeTaskException(_actor.Backend.NodeId, error.GetType().FullName!, $"'{_spec.Function.Name}' could not be written to send to node {_actor.NodeId}: {error.Message}", error.StackTrace ?? string.Empty);
            if (Result is null)
            {
                return new WireActorMessage(ActorMessageKind.Create, 0, id.Owner, id.Sequence, null, null, _options, WireError.From(failure));
            }

            Result.TryFail(failure);
            return null;
        }
    }
}
