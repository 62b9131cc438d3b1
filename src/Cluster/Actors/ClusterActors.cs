using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagePack;
using Orleans;
using Orleans.Runtime;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.Cluster.Backend;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Transport;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Scheduling;
using RaySharp.Wire;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// A node's (or a driver's) actors across the cluster. As a caller: places new actors where their resources are,
/// binds handles to actors on other nodes (<see cref="RemoteActor"/>), sends their calls in batches and completes
/// the callers' refs when results come back. As a host: creates the actors other nodes place here, runs their calls
/// on this node's <see cref="LocalBackend"/> (so <c>MaxConcurrency</c>, concurrency groups and restarts behave as
/// locally) and sends the results back. Names resolve cluster-wide through <see cref="ActorNames"/>.
/// </summary>
internal sealed class ClusterActors
{
    private const int NameMoveAttempts = 40;

    private static readonly TimeSpan NameMoveRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a message that did not reach its node waits for membership to declare the node dead (then it is sent again elsewhere) before it fails.</summary>
    private static readonly TimeSpan DeliveryGrace = TimeSpan.FromSeconds(30);

    private static readonly ResourceRequest NoResources = ResourceRequest.Create(0, null, "an actor call");

    private readonly ClusterBackend _backend;
    private readonly LocalBackend _local;
    private readonly IGrainFactory _grains;
    private readonly ActorNames _names;
    private readonly ActorDirectory _directory;
    /// <summary>Actors on other nodes this node knows, one endpoint per actor so every handle shares its callers' order.</summary>
    private readonly ConcurrentDictionary<ActorId, RemoteActor> _remote = new();
    /// <summary>
    /// Actors on this node that other nodes may call: those placed here by another node (held while a node holds a
    /// handle, see <see cref="ActorHolders"/>), named ones, and those whose handle was written to bytes (held), kept
    /// after death so late calls fail with <see cref="ActorDiedException"/>.
    /// </summary>
    private readonly ConcurrentDictionary<ActorId, ActorHandle> _hosted = new();
    private readonly ConcurrentDictionary<ActorId, (string Namespace, string Name)> _hostedNames = new();
    /// <summary>For the actors other nodes placed here: how many nodes hold a handle (see <see cref="ActorHolders"/>).</summary>
    private readonly ActorHolders _holders = new();
    /// <summary>Actors whose creation failed before they existed (a constructor argument failed, the spec did not read).</summary>
    private readonly ConcurrentDictionary<ActorId, WireError> _bornDead = new();
    /// <summary>Messages for actors whose creation has not arrived yet (a handle travelled faster than the creation).</summary>
    private readonly Dictionary<ActorId, List<(string From, INodeResults ReplyTo, WireActorMessage Message)>> _parked = [];
    private readonly ConcurrentDictionary<long, RemoteActorCall> _pending = new();
    private readonly ConcurrentDictionary<string, Outbox<WireActorMessage>> _outboxes = new();
    private long _nextKey;

    public ClusterActors(ClusterBackend backend, LocalBackend local, IGrainFactory grains)
    {
        _backend = backend;
        _local = local;
        _grains = grains;
        _names = new ActorNames(grains);
        _directory = new ActorDirectory(grains, backend.HasLeft);
        local.ActorForgotten = OnActorForgotten;
    }

    public ClusterBackend Backend => _backend;

    /// <summary>The nodes holding handles to the actors other nodes placed here.</summary>
    public ActorHolders Holders => _holders;

    /// <summary>Actor calls this node sent and the grain calls that carried them.</summary>
    public (long Messages, long Batches) Sent
    {
        get
        {
            long messages = 0, batches = 0;
            foreach (var outbox in _outboxes.Values)
            {
                messages += outbox.Items;
                batches += outbox.Batches;
            }

            return (messages, batches);
        }
    }

    /// <summary>A key for an actor call's result: negative, so it never meets a task's key.</summary>
    public long NextCallKey() => -Interlocked.Increment(ref _nextKey);

    /// <summary>
    /// Creates an actor where its resources are (this node first while it has them free and is less than half busy; a
    /// driver never hosts one), after taking its name cluster-wide; returns its handle at once.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range, or the name is taken and GetIfExists is not set.</exception>
    public THandle Create<THandle>(RemoteFunction constructor, TaskArgs args, ActorOptions options)
        where THandle : ActorHandle, IActorHandle<THandle>
    {
        ArgumentNullException.ThrowIfNull(constructor);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        if (constructor.Wire?.Actor is null)
        {
            // No wire form (a RayQueue, or a class a module initializer cannot reach): it lives here, as in a runtime of its own.
            return _local.CreateActor<THandle>(constructor, args, options);
        }

        LocalBackend.CheckActorOptions(options);
        var className = LocalBackend.ClassNameOf(constructor.Name);
        // Checked here, where a runtime of its own would throw, rather than on the node that hosts the actor.
        _ = ConcurrencyGroupSet.Create(options.ConcurrencyGroups, options.MaxConcurrency ?? 1, className);
        var type = ActorHandleType.Of<THandle>();
        var request = new TaskOptions { NumCpus = options.NumCpus ?? 0, NumGpus = options.NumGpus, Memory = options.Memory, Resources = options.Resources, MaxRetries = 0 }
            .Resolve(constructor.DefaultOptions).Request;
        var node = Place(request, out var here);
        var hostId = here ? _backend.NodeId : node?.NodeId;
        var id = _local.NewActorId();
        string? @namespace = null;
        if (options.Name is { } name && hostId is not null)
        {
            @namespace = _local.NamespaceOf(options.Namespace, nameof(options));
            var holder = _names.Register(@namespace, name, new ActorRecord(id.Owner, id.Sequence, hostId, type.Type.FullName!, className));
            if (holder.ActorId != id)
            {
                return options.GetIfExists == true
                    ? (THandle)HandleFor(holder, type, @namespace, name)
                    : throw new ArgumentException(
                        $"An actor named '{name}' already exists in {LocalBackend.Describe(@namespace)} ({holder.ClassName}, {holder.ActorId}, on node {holder.NodeId}). "
                        + "Pick another name or namespace, get it with Ray.GetActor, or set GetIfExists = true.", nameof(options));
            }
        }

        if (here)
        {
            ActorHandle handle;
            try
            {
                handle = _local.CreateActor(constructor, args, options, type, id);
            }
            catch (Exception error) when (error is ArgumentException or RuntimeShutdownException && @namespace is not null)
            {
                _names.Unregister(@namespace!, options.Name!, id);
                throw;
            }

            if (@namespace is not null)
            {
                _hosted[handle.Id] = handle;
                _hostedNames[handle.Id] = (@namespace, options.Name!);
            }

            return (THandle)handle;
        }

        var remote = new RemoteActor(this, id, hostId ?? "(none)", className, type, options.Name, created: false)
        {
            Placement = node is null ? null : (node, request),
        };
        _remote[id] = remote;
        var created = type.FromId(id);
        created.Bind(remote);
        if (node is null)
        {
            remote.MarkDead($"no node of the cluster can ever give it {request} ({_backend.DescribeLargestNode()})", null);
            return (THandle)created;
        }

        node.Ledger.Add(request);
        remote.Create(new TaskSpec(constructor, args), WireActorOptions.From(options, @namespace));
        if (options.MaxRestarts is { } restarts && restarts != 0)
        {
            // Where handles on other nodes find it after a restart elsewhere.
            _directory.Record(id, new ActorLocation(node.NodeId, 0, _backend.NodeId, options.MaxTaskRetries ?? 0, dead: false));
        }

        return (THandle)created;
    }

    /// <summary>Finds a named actor on any node (Ray's <c>ray.get_actor</c>).</summary>
    /// <exception cref="ArgumentException">No actor has that name in that namespace, or it is of another class.</exception>
    public THandle Get<THandle>(string name, string? @namespace)
        where THandle : ActorHandle, IActorHandle<THandle>
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var resolved = _local.NamespaceOf(@namespace, nameof(@namespace));
        return _names.Lookup(resolved, name) is { } record
            ? (THandle)HandleFor(record, ActorHandleType.Of<THandle>(), resolved, name)
            : _local.GetActor<THandle>(name, @namespace); // an actor without a wire form lives only here; else the local error names the name
    }

    /// <summary>Binds a handle read from bytes: to the actor here, or to the actor on <paramref name="node"/>.</summary>
    public bool TryBind(ActorHandle handle, string? node) => Bind(handle, node, null, null);

    /// <summary>The node hosting the handle's actor, written with the handle; a local actor whose handle leaves is held from then on.</summary>
    public string? NodeOf(ActorHandle handle)
    {
        switch (handle.Endpoint)
        {
            case null:
                return null;
            case RemoteActor remote:
                return remote.NodeId;
            default:
                // Another node may call it from now on. One placed here by another node is counted (ActorHolders); one
                // created here is held from now on, as the handle in flight is not counted yet.
                _hosted.TryAdd(handle.Id, handle);
                return _backend.NodeId;
        }
    }

    /// <summary>Posts a message to the actor's node; a call waits in <see cref="_pending"/> for its result.</summary>
    public void Send(RemoteActor actor, WireActorMessage message, RemoteActorCall? call)
    {
        var node = actor.NodeId;
        if (call is not null)
        {
            call.SentTo = node;
            _pending[call.Key] = call;
        }

        _outboxes.GetOrAdd(node, NewOutbox).Post(message);
    }

    /// <summary>Cancels <paramref name="call"/> on the node it was sent to, behind it in the same outbox.</summary>
    public void SendCancel(RemoteActor actor, RemoteActorCall call, CancelMode mode) =>
        _outboxes.GetOrAdd(call.SentTo!, NewOutbox).Post(WireActorMessage.CancelOf(actor.Id, call.Key, mode));

    /// <summary>Kills the actor on its node, after the messages this node already posted there.</summary>
    public void SendKill(RemoteActor actor, bool noRestart)
    {
        if (noRestart && actor.Placement is { } placement)
        {
            placement.Node.Ledger.Remove(placement.Request);
        }

        Send(actor, new WireActorMessage(noRestart ? ActorMessageKind.Kill : ActorMessageKind.KillAndRestart, 0, actor.Id.Owner, actor.Id.Sequence, null, null, null, null), null);
    }

    /// <summary>Results of actor calls this node sent to <paramref name="from"/>.</summary>
    public void Complete(string from, WireResult result)
    {
        if (_pending.TryRemove(result.Key, out var call))
        {
            call.Complete(result, from, _backend.SerializerOptions);
        }
    }

    /// <summary>
    /// Handles messages another node sent for actors here, in order: creations, calls (run on the actor's
    /// <see cref="LocalActor"/>; results go back to <paramref name="replyTo"/>) and kills.
    /// </summary>
    public void Accept(string from, INodeResults replyTo, IReadOnlyList<WireActorMessage> messages)
    {
        foreach (var message in messages)
        {
            var id = message.ActorId;
            if (message.Kind != ActorMessageKind.Create)
            {
                lock (_parked)
                {
                    if (!_hosted.ContainsKey(id) && !_bornDead.ContainsKey(id))
                    {
                        if (!_parked.TryGetValue(id, out var parked))
                        {
                            parked = [];
                            _parked.Add(id, parked);
                        }

                        parked.Add((from, replyTo, message));
                        continue;
                    }
                }

                Handle(from, replyTo, message);
                continue;
            }

            CreateHere(message);
            List<(string From, INodeResults ReplyTo, WireActorMessage Message)>? waiting;
            lock (_parked)
            {
                _parked.Remove(id, out waiting);
            }

            foreach (var (parkedFrom, parkedReplyTo, parkedMessage) in waiting ?? [])
            {
                Handle(parkedFrom, parkedReplyTo, parkedMessage);
            }
        }
    }

    /// <summary>Whether calls this node sent to actors on other nodes are waiting for their results.</summary>
    public bool HasPendingCalls => !_pending.IsEmpty;

    /// <summary>The nodes hosting the remote actors this node knows, or calls it sent.</summary>
    public IReadOnlyCollection<string> HostingNodes() =>
        [.. _remote.Values.Select(remote => remote.NodeId).Concat(_pending.Values.Select(call => call.Actor.NodeId)).Distinct()];

    /// <summary>
    /// A node left the cluster. Each actor it hosted that this node created restarts on another node while its
    /// <c>MaxRestarts</c> allows (<see cref="RemoteActor.TryMoveFrom"/>), and the calls that were on their way to it are
    /// sent again while their <c>MaxTaskRetries</c> allows; the other actors are dead here, and their calls fail with
    /// <see cref="ActorDiedException"/>.
    /// </summary>
    public void NodeLeft(string nodeId)
    {
        var moved = new HashSet<RemoteActor>();
        var followed = new HashSet<RemoteActor>();
        foreach (var (id, remote) in _remote)
        {
            if (remote.NodeId != nodeId || _directory.IsFollowing(id))
            {
                continue;
            }

            if (remote.TryMoveFrom(nodeId, PlaceElsewhere))
            {
                moved.Add(remote);
                Rename(remote);
                _directory.Record(id, new ActorLocation(remote.NodeId, remote.Restarts, _backend.NodeId, remote.MaxTaskRetries, dead: false));
                continue;
            }

            if (remote.Placement is null && Follow(remote, nodeId))
            {
                followed.Add(remote); // created by another node, which may restart it: its calls wait for the directory
                continue;
            }

            if (remote.Placement is not null)
            {
                _directory.Record(id, new ActorLocation(nodeId, int.MaxValue, _backend.NodeId, 0, dead: true));
            }

            remote.MarkDead($"its node {nodeId} left the cluster", null);
            _remote.TryRemove(id, out _);
        }

        // In submission order (keys count down from -1), after the creations the moves sent.
        foreach (var (key, call) in _pending.OrderByDescending(pending => pending.Key))
        {
            if (call.SentTo != nodeId || followed.Contains(call.Actor) || _directory.IsFollowing(call.Actor.Id))
            {
                continue;
            }

            var actor = call.Actor;
            var retries = actor.MaxTaskRetries;
            if (call.IsCancelRequested)
            {
                EndCancelled(key, call);
            }
            else if (moved.Contains(actor) && call.Message is { } message && (retries == -1 || call.Retries < retries))
            {
                call.Retries++;
                Send(actor, message, call);
            }
            else if (_pending.TryRemove(key, out _))
            {
                call.Result?.TryFail(actor.Died(moved.Contains(actor)
                    ? $"its node {nodeId} died while the call was on its way or running, and MaxTaskRetries is {retries}; the actor restarted on node {actor.NodeId}"
                    : $"its node {nodeId} left the cluster before the call returned", null));
            }
        }
    }

    /// <summary>
    /// Follows an actor another node created, whose node <paramref name="deadNode"/> died, through the actor directory:
    /// its calls wait; once its creator restarted it elsewhere, the calls lost with the dead node are sent again while
    /// its <c>MaxTaskRetries</c> allows and the rest follow; if it is not restarted, they fail with <see cref="ActorDiedException"/>.
    /// </summary>
    private bool Follow(RemoteActor remote, string deadNode)
    {
        remote.Suspend(deadNode);
        var following = _directory.Follow(
            remote,
            deadNode,
            moved: location => remote.Resume(location.NodeId, () => ResendLostCalls(remote, deadNode, location)),
            lost: reason =>
            {
                remote.MarkDead(reason, null);
                _remote.TryRemove(new(remote.Id, remote));
                FailLostCalls(remote, deadNode, reason);
            });
        return following;
    }

    /// <summary>The calls to <paramref name="actor"/> lost with <paramref name="deadNode"/>, in submission order: sent again to its new node while its retries allow, else failed.</summary>
    private void ResendLostCalls(RemoteActor actor, string deadNode, ActorLocation location)
    {
        var retries = location.MaxTaskRetries;
        foreach (var (key, call) in _pending.OrderByDescending(pending => pending.Key))
        {
            if (call.Actor != actor || call.SentTo != deadNode)
            {
                continue;
            }

            if (call.IsCancelRequested)
            {
                EndCancelled(key, call);
            }
            else if (call.Message is { } message && (retries == -1 || call.Retries < retries))
            {
                call.Retries++;
                Send(actor, message, call);
            }
            else if (_pending.TryRemove(key, out _))
            {
                call.Result?.TryFail(actor.Died($"its node {deadNode} died while the call was on its way or running, and MaxTaskRetries is {retries}; the actor restarted on node {location.NodeId}", null));
            }
        }
    }

    /// <summary>A call cancelled before its node died is not sent again: its ref fails with <see cref="TaskCancelledException"/>.</summary>
    private void EndCancelled(long key, RemoteActorCall call)
    {
        if (_pending.TryRemove(key, out _))
        {
            call.Result?.TryFail(call.CancelledError());
        }
    }

    private void FailLostCalls(RemoteActor actor, string deadNode, string reason)
    {
        foreach (var (key, call) in _pending)
        {
            if (call.Actor == actor && call.SentTo == deadNode && _pending.TryRemove(key, out _))
            {
                call.Result?.TryFail(actor.Died(reason, null));
            }
        }
    }

    /// <summary>
    /// A node died, and with it the name grains it held (their state is in memory): this node registers again the names
    /// of the named actors it hosts, so <c>GetActor</c> finds them. Returns once every name was written (or failed).
    /// </summary>
    public async Task RenameHostedAsync()
    {
        var renames = new List<Task>();
        foreach (var (id, (@namespace, name)) in _hostedNames)
        {
            if (_hosted.TryGetValue(id, out var handle))
            {
                var record = new ActorRecord(id.Owner, id.Sequence, _backend.NodeId, handle.GetType().FullName!, ClassNameOf(handle));
                renames.Add(_names.Move(@namespace, name, record));
            }
        }

        try
        {
            await Task.WhenAll(renames).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A name grain that does not answer now is written again at the next membership change.
        }
    }

    /// <summary>This node shuts down: the calls it sent fail with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose()
    {
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var call))
            {
                call.Result?.TryFail(new RuntimeShutdownException($"The RaySharp node shut down before the call it sent to actor {call.Actor.ClassName} on node {call.Actor.NodeId} returned."));
            }
        }

        _hosted.Clear();
    }

    /// <summary>Another node for an actor whose node died: a remote one (this node does not take over an actor it placed elsewhere).</summary>
    private RemoteNode? PlaceElsewhere(ResourceRequest request)
    {
        var node = Place(request, out var here);
        return here ? null : node;
    }

    /// <summary>A named actor that moved: its name now names its new node (the name grain may have died with the old one).</summary>
    private void Rename(RemoteActor actor)
    {
        if (actor.Name is { } name && actor.Namespace is { } @namespace)
        {
            var record = new ActorRecord(actor.Id.Owner, actor.Id.Sequence, actor.NodeId, actor.HandleType.FullName!, actor.ClassName);
            _ = MoveNameAsync(@namespace, name, record);
        }
    }

    /// <summary>
    /// Writes a moved actor's name, again while its grain does not answer: a name grain that lived on the dead node is
    /// unreachable until Orleans learns of the death and activates it elsewhere (found by ActorRestartTests in CI).
    /// </summary>
    private async Task MoveNameAsync(string @namespace, string name, ActorRecord record)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _names.Move(@namespace, name, record).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is not OutOfMemoryException && attempt < NameMoveAttempts)
            {
                await Task.Delay(NameMoveRetryDelay).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return; // the cluster is going down, or the name grain never came back: the next membership change writes it
            }
        }
    }

    private RemoteNode? Place(ResourceRequest request, out bool here)
    {
        if (!_backend.IsDriver)
        {
            var node = _backend.Place(request, out here);
            return node;
        }

        // A driver has no CPUs and hosts no actor: the least loaded node with the resources free, else the least loaded that can ever run it.
        here = false;
        _backend.RefreshIfMembershipChanged();
        RemoteNode? best = null;
        foreach (var node in _backend.Nodes)
        {
            if (node.Ledger.FitsNow(request) && (best is null || node.Ledger.Load < best.Ledger.Load))
            {
                best = node;
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (var node in _backend.Nodes)
        {
            if (node.Ledger.CanEverFit(request) && (best is null || node.Ledger.Load < best.Ledger.Load))
            {
                best = node;
            }
        }

        return best;
    }

    /// <summary>A handle for the named actor <paramref name="record"/>, after checking it is of the class asked for.</summary>
    private ActorHandle HandleFor(ActorRecord record, ActorHandleType type, string @namespace, string name)
    {
        if (record.HandleType != type.Type.FullName)
        {
            throw new ArgumentException(
                $"The actor named '{name}' in {LocalBackend.Describe(@namespace)} is a {record.ClassName}; its handle type is {record.HandleType}, not {type.Type.FullName}.", nameof(name));
        }

        var handle = type.FromId(record.ActorId);
        Bind(handle, record.NodeId, type, record.ClassName);
        return handle;
    }

    private bool Bind(ActorHandle handle, string? node, ActorHandleType? type, string? className)
    {
        if (handle.Endpoint is not null)
        {
            return false;
        }

        if (_hosted.TryGetValue(handle.Id, out var held) && held.Endpoint is { } here)
        {
            handle.Bind(here);
            return true;
        }

        if (node is null)
        {
            // Written without a runtime (a snapshot of a mutable argument, thawed inside the task): the actor is here, or
            // it is one this node already learnt with its node when the value first arrived.
            if (_local.TryBind(handle, null))
            {
                return true;
            }

            if (!_remote.TryGetValue(handle.Id, out var known))
            {
                return false;
            }

            handle.Bind(known);
            return true;
        }

        if (node == _backend.NodeId && _local.TryBind(handle, null))
        {
            return true;
        }

        // On another node, or on this one before its creation arrived (the messages wait for it here).
        var remote = _remote.GetOrAdd(handle.Id, id => new RemoteActor(this, id, node, className ?? ClassNameOf(handle), type, null, created: true));
        handle.Bind(remote);
        return true;
    }

    /// <summary>The class of a handle read from bytes: the generated handle is nested in its actor class.</summary>
    private static string ClassNameOf(ActorHandle handle) => handle.GetType().DeclaringType?.Name ?? handle.GetType().Name;

    private void CreateHere(WireActorMessage message)
    {
        var id = message.ActorId;
        if (message.Failure is not null || message.Spec is null || message.Options is null)
        {
            BornDead(message, message.Failure ?? new WireError(typeof(InvalidOperationException).FullName!, "the creation carried no constructor spec", string.Empty, null, 0, 0));
            return;
        }

        try
        {
            var spec = TaskSpecWire.Read(message.Spec, _backend.SerializerOptions, _backend.Objects);
            var type = spec.Function.Wire!.Actor
                ?? throw new InvalidOperationException($"'{spec.Function.Name}' is not an actor constructor, so it cannot create actor {id}.");
            var options = message.Options.ToOptions();
            var handle = _local.CreateActor(spec.Function, spec.Args, options, type, id);
            _holders.Track(handle); // before it is listed: a node's AddHolder may arrive at once
            _hosted[id] = handle;
            if (options.Name is { } name)
            {
                _hostedNames[id] = (message.Options.Namespace ?? string.Empty, name);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or MessagePackSerializationException or ArgumentException or RuntimeShutdownException)
        {
            BornDead(message, WireError.From(error));
        }
    }

    /// <summary>An actor that could not be created is dead from the start: its calls fail, and its name is free again.</summary>
    private void BornDead(WireActorMessage creation, WireError failure)
    {
        _bornDead[creation.ActorId] = failure;
        FreeName(creation);
    }

    /// <summary>Frees the name a creation took, if any (the actor will never hold it).</summary>
    private void FreeName(WireActorMessage creation)
    {
        if (creation.Options is { Name: { } name } options)
        {
            _names.Unregister(options.Namespace ?? string.Empty, name, creation.ActorId);
        }
    }

    private void Handle(string from, INodeResults replyTo, WireActorMessage message)
    {
        var id = message.ActorId;
        _hosted.TryGetValue(id, out var handle);
        if (message.Kind is ActorMessageKind.Kill or ActorMessageKind.KillAndRestart)
        {
            handle?.Endpoint?.Kill(message.Kind == ActorMessageKind.Kill);
            return;
        }

        if (message.Kind == ActorMessageKind.Cancel)
        {
            _backend.Incoming.Cancel(from, message.Key, message.CancelMode); // behind its call: not listed means it ended
            return;
        }

        if (message.Kind is ActorMessageKind.AddHolder or ActorMessageKind.ReleaseHolder)
        {
            _holders.Apply(id, message.Kind, handle?.Endpoint);
            return;
        }

        if (handle?.Endpoint is not { } actor)
        {
            var reason = _bornDead.TryGetValue(id, out var failure) ? "its creation failed: " + failure.Type + ": " + failure.Message : "this node does not host it";
            _backend.SendResult(from, replyTo, new WireResult(message.Key, null, new WireError(typeof(ActorDiedException).FullName!, $"Actor {id} is dead: {reason}.", string.Empty, null, 0, 0)));
            return;
        }

        TaskSpec spec;
        try
        {
            spec = TaskSpecWire.Read(message.Spec!, _backend.SerializerOptions, _backend.Objects);
        }
        catch (Exception error) when (error is InvalidOperationException or MessagePackSerializationException or ArgumentException or NullReferenceException)
        {
            _backend.SendResult(from, replyTo, new WireResult(message.Key, null, WireError.From(error)));
            return;
        }

        if (message.ConcurrencyGroup is { } group)
        {
            spec = new TaskSpec(spec.Function, spec.Args, InGroup(spec.Options, group));
        }

        var codec = spec.Function.Wire!.Result;
        var entry = codec.NewEntry(_local.NextObjectId());
        _backend.Incoming.Add(from, message.Key, entry); // a cancel behind the call finds it
        try
        {
            _local.Submit(spec, new TaskOutputs(entry), actor);
        }
        catch (Exception error) when (error is ArgumentException or RuntimeShutdownException)
        {
            _backend.Incoming.Remove(from, message.Key);
            _backend.SendResult(from, replyTo, new WireResult(message.Key, null, WireError.From(error)));
            return;
        }

        var incoming = new IncomingTask(_backend, from, replyTo, message.Key, codec, NoResources);
        if (!entry.TryRegister(incoming))
        {
            incoming.OnObjectCompleted(entry, 0);
        }
    }

    private static TaskOptions InGroup(TaskOptions? options, string group) => new()
    {
        NumCpus = options?.NumCpus,
        NumGpus = options?.NumGpus,
        Memory = options?.Memory,
        Resources = options?.Resources,
        MaxRetries = options?.MaxRetries,
        RetryExceptions = options?.RetryExceptions,
        Name = options?.Name,
        ConcurrencyGroup = group,
    };

    private void OnActorForgotten(LocalActor actor)
    {
        if (_hostedNames.TryRemove(actor.Id, out var key))
        {
            _names.Unregister(key.Namespace, key.Name, actor.Id);
        }
    }

    private Outbox<WireActorMessage> NewOutbox(string nodeId)
    {
        var grain = _grains.GetGrain<IActorHostGrain>(nodeId);
        return new Outbox<WireActorMessage>(
            batch => grain.Submit(_backend.NodeId, _backend.ReplyTo, batch),
            (batch, error) => _ = UndeliveredAsync(nodeId, batch, error),
            static message => message.Spec?.Length ?? 0);
    }

    /// <summary>
    /// A batch that did not reach <paramref name="nodeId"/>: most often the node is dying, and membership will soon say
    /// so; <see cref="NodeLeft"/> then restarts its actors elsewhere and sends these calls again. What is still waiting
    /// on that node after <see cref="DeliveryGrace"/> fails: a creation leaves its actor dead, a call fails with
    /// <see cref="ActorDiedException"/>.
    /// </summary>
    private async Task UndeliveredAsync(string nodeId, List<WireActorMessage> batch, Exception error)
    {
        await Task.Delay(DeliveryGrace).ConfigureAwait(false);
        foreach (var message in batch)
        {
            if (message.Kind == ActorMessageKind.Create && _remote.TryGetValue(message.ActorId, out var actor) && actor.NodeId == nodeId)
            {
                actor.MarkDead($"its creation did not reach node {nodeId}: {error.Message}", error);
                FreeName(message);
            }
            else if (message.Kind == ActorMessageKind.Call && _pending.TryGetValue(message.Key, out var call) && call.SentTo == nodeId && _pending.TryRemove(message.Key, out _))
            {
                call.Result?.TryFail(call.Actor.Died($"the call did not reach its node {nodeId}: {error.Message}", error));
            }
        }
    }
}
