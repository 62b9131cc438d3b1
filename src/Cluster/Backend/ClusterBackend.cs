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
using RaySharp.Cluster.Actors;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Draining;
using RaySharp.Cluster.Objects;
using RaySharp.Cluster.Transport;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Observability;
using RaySharp.Scheduling;
using RaySharp.Wire;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// A cluster node's backend: the node's own <see cref="LocalBackend"/> (scheduler and object store) plus placement.
/// A task runs here while this node has its resources free and is less than half busy; otherwise it goes to the least
/// loaded node with them free (Ray's hybrid policy), or, when every node is busy, to the least loaded node that can ever
/// run it, this one included; a spec placed on another node spills over to it in batches.
/// A task no node can ever run fails at once, naming the largest node's resources. Actors are placed and called
/// across nodes by <see cref="ClusterActors"/>, large objects pulled by <see cref="Objects"/>. Tasks with several results
/// or streams, and functions without a wire form, run here, as in a runtime of its own. A task lost with its node (or
/// its result, before it was pulled) runs again elsewhere while its retries last (<see cref="Retry"/>).
/// </summary>
internal sealed class ClusterBackend : IRayBackend
{
    /// <summary>Ray's <c>scheduler_spread_threshold</c>: a node packs tasks up to this share of its CPUs before the policy spreads them.</summary>
    public const double SpreadThreshold = 0.5;

    private static readonly TimeSpan ViewRefreshTimeout = TimeSpan.FromSeconds(10);

    private readonly LocalBackend _local;
    private readonly IGrainFactory _grains;
    private readonly INodeDirectory _directory;
    private readonly IClusterMembershipService? _membership;
    private readonly IDisposable? _owned;
    private readonly Lazy<INodeResults> _replyTo;
    /// <summary>Receives the results of the tasks this backend sent; held here, as Orleans holds observers weakly.</summary>
    private readonly ResultsReceiver _receiver;
    private readonly ConcurrentDictionary<long, RemoteTask> _pending = new();
    private readonly ConcurrentDictionary<string, Outbox<WireResult>> _results = new();
    private readonly SemaphoreSlim _viewGate = new(1, 1);
    /// <summary>Nodes that died (true) or drain (false): never placed on again, and an object they owned is lost with them.</summary>
    private readonly ConcurrentDictionary<string, bool> _departed = new();
    private int _renamings;
    private readonly NodeViewLog _viewLog;
    private RemoteNode[] _nodes = [];
    private object? _viewVersion;
    private long _nextKey;
    private long _systemFailures;
    private volatile bool _disposed;
    private volatile bool _silenced;

    /// <summary>A node's (or, with no CPUs and a gateway directory, a driver's) backend.</summary>
    /// <param name="runtime">The runtime this backend serves.</param>
    /// <param name="nodeId">This node's id: its silo's address, or a driver's own id.</param>
    /// <param name="capacity">What this node's own scheduler has.</param>
    /// <param name="grains">The grain factory of the silo or of the driver's client.</param>
    /// <param name="directory">Where the active nodes are learnt.</param>
    /// <param name="membership">A silo's membership, followed to fail the tasks of dead nodes; null for a driver.</param>
    /// <param name="owned">Disposed with the backend (a driver's client host), or null.</param>
    public ClusterBackend(RayRuntime runtime, string nodeId, ResourceRequest capacity, IGrainFactory grains, INodeDirectory directory, IClusterMembershipService? membership, IDisposable? owned = null)
    {
        _local = new LocalBackend(runtime, capacity) { NodeId = nodeId };
        _grains = grains;
        _directory = directory;
        _membership = membership;
        _owned = owned;
        _receiver = new ResultsReceiver(this);
        _replyTo = new Lazy<INodeResults>(() => grains.CreateObjectReference<INodeResults>(_receiver));
        Runtime = runtime;
        _viewLog = new NodeViewLog(runtime.Log.Cluster);
        LocalLedger = new ResourceLedger(_local.Scheduler.Pool.Capacity);
        Objects = new ClusterObjects(nodeId, grains, serves: membership is not null, () => SerializerOptions, _local.FindObject, _local.Store.Share);
        Objects.HasLeft = HasLeft;
        ClusterActors = new ClusterActors(this, _local, grains);
    }

    /// <summary>This node's drain (see <see cref="NodeDraining"/>): once it begins, specs that arrive are handed back.</summary>
    public NodeDrain Drain { get; } = new();

    /// <summary>Actors across the cluster: placement, remote handles and calls, the actors other nodes placed here.</summary>
    public ClusterActors ClusterActors { get; }

    /// <summary>The tasks other nodes sent here that have not ended, for their senders' cancels.</summary>
    public IncomingTasks Incoming { get; } = new();

    /// <summary>A driver (no membership): it hosts no actor.</summary>
    public bool IsDriver => _membership is null;

    /// <summary>Where the results of what this backend sends come back.</summary>
    public INodeResults ReplyTo => _replyTo.Value;

    /// <summary>Large objects: served to other nodes, and pulled from them once per node (see <see cref="ClusterObjects"/>).</summary>
    public ClusterObjects Objects { get; }

    public RayRuntime Runtime { get; }

    public string NodeId => _local.NodeId;

    /// <summary>This node's resources and the demand placed on them (its own tasks and those other nodes sent).</summary>
    public ResourceLedger LocalLedger { get; }

    public MessagePackSerializerOptions SerializerOptions => Runtime.Serializer.Options;

    /// <summary>The other nodes this one knows.</summary>
    public IReadOnlyList<RemoteNode> Nodes => Volatile.Read(ref _nodes);

    /// <summary>Specs this node sent to others, and the grain calls that carried them.</summary>
    public (long Specs, long Batches) Sent => Nodes.Aggregate((0L, 0L), (sum, node) => (sum.Item1 + node.Specs.Items, sum.Item2 + node.Specs.Batches));

    /// <summary>Tasks this node sent that were lost with their node (or their batch) and retried or failed since.</summary>
    public long SystemFailures => Interlocked.Read(ref _systemFailures);

    public NodeDescription Describe() => new(NodeId, LocalLedger.Capacity.ToDictionary());

    public void Submit(TaskSpec spec, TaskOutputs outputs, IActorEndpoint? actor)
    {
        if (actor is RemoteActor remoteActor)
        {
            remoteActor.Submit(spec, outputs);
            return;
        }

        if (actor is not null || spec.IsEmpty || _disposed)
        {
            _local.Submit(spec, outputs, actor);
            return;
        }

        var options = spec.ResolveOptions();
        var request = options.Request;
        var travels = outputs.Extra is null && options.ConcurrencyGroup is null && TaskSpecWire.CanTravel(spec);
        var here = true;
        var remote = travels ? Place(request, out here) : null;
        if (here)
        {
            SubmitHere(spec, outputs, request);
        }
        else if (remote is not null)
        {
            SendTo(remote, spec, outputs.Result, request, attempt: 1);
            RemoteChild.Link(_local, outputs.Result); // a recursive cancel of the task submitting it reaches it
        }
        else
        {
            outputs.Result.TryFail(new TaskUnschedulableException(options.Name ?? spec.Function.Name, request.ToString(), LargestNode()));
        }
    }

    /// <summary>Runs tasks <paramref name="from"/> sent; each result goes back to <paramref name="replyTo"/> when its task ends.</summary>
    public void Accept(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks)
    {
        Drain.Enter(); // counted first, so a drain that begins now waits for what this batch starts
        try
        {
            AcceptCounted(from, replyTo, tasks);
        }
        finally
        {
            Drain.Exit();
        }
    }

    private void AcceptCounted(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks)
    {
        if (Drain.IsDraining)
        {
            // Handed back untouched: the sender places them on another node without spending a retry.
            foreach (var task in tasks)
            {
                if (task.Cancel != CancelMode.None)
                {
                    Incoming.Cancel(from, task.Key, task.Cancel); // a cancel for a task that runs here is no spec to hand back
                    continue;
                }

                SendResult(from, replyTo, new WireResult(task.Key, null, WireError.NodeDraining(NodeId)));
            }

            return;
        }

        foreach (var task in tasks)
        {
            if (task.Cancel != CancelMode.None)
            {
                Incoming.Cancel(from, task.Key, task.Cancel);
                continue;
            }

            TaskSpec spec;
            ResourceRequest request;
            try
            {
                spec = TaskSpecWire.Read(task.Spec, SerializerOptions, Objects);
                request = spec.ResolveOptions().Request;
            }
            catch (Exception error) when (error is InvalidOperationException or MessagePackSerializationException or ArgumentException)
            {
                SendResult(from, replyTo, new WireResult(task.Key, null, WireError.From(error)));
                continue;
            }

            var codec = spec.Function.Wire!.Result;
            var entry = codec.NewEntry(_local.NextObjectId());
            LocalLedger.Add(request);
            Incoming.Add(from, task.Key, entry);
            try
            {
                _local.Submit(spec, new TaskOutputs(entry), null);
            }
            catch (Exception error) when (error is ArgumentException or RuntimeShutdownException)
            {
                Incoming.Remove(from, task.Key);
                LocalLedger.Remove(request);
                SendResult(from, replyTo, new WireResult(task.Key, null, WireError.From(error)));
                continue;
            }

            var incoming = new IncomingTask(this, from, replyTo, task.Key, codec, request);
            if (!entry.TryRegister(incoming))
            {
                incoming.OnObjectCompleted(entry, 0);
            }
        }
    }

    /// <summary>Results of tasks this backend sent to node <paramref name="from"/>.</summary>
    public void Complete(string from, IReadOnlyList<WireResult> results)
    {
        foreach (var result in results)
        {
            if (result.Key < 0)
            {
                ClusterActors.Complete(from, result);
                continue;
            }

            if (!_pending.TryRemove(result.Key, out var task))
            {
                continue;
            }

            if (result.Error is { IsNodeDraining: true })
            {
                // The node drains and did not take it: placed elsewhere, the task has not run, so no retry is spent.
                OnNodeDraining(task.Node.NodeId);
                Retry(task, spendsRetry: false);
            }
            else if (result.Error is { IsNodeShutdown: true })
            {
                // The node is leaving: nothing more goes there, and its task runs again elsewhere.
                Leave(task.Node);
                Retry(task);
            }
            else
            {
                task.Complete(result, SerializerOptions);
            }
        }
    }

    /// <summary>Queues a result for the node or driver <paramref name="to"/> that sent its task.</summary>
    public void SendResult(string to, INodeResults replyTo, WireResult result)
    {
        if (_silenced)
        {
            return;
        }

        // A static factory with its state: a capturing lambda would allocate its closure on every result, not only the first.
        _results.GetOrAdd(to, static (_, state) => new Outbox<WireResult>(
            batch => state.ReplyTo.Complete(state.NodeId, batch),
            static (_, _) => { /* The sender is gone: nobody waits for these results any more. */ },
            static result => result.Value?.Length ?? 0), (ReplyTo: replyTo, NodeId)).Post(result);
    }

    /// <summary>
    /// For a silo stopped ungracefully (as a crash): sends no more results, not even the shutdown failures of the tasks
    /// here, so their senders learn of the loss from membership, as they would after a real crash.
    /// </summary>
    public void Silence() => _silenced = true;

    /// <summary>A task whose spec (or an object it needs) did not reach its node: a system failure, retried on a live node.</summary>
    public void Undelivered(long key, Exception error)
    {
        if (_pending.TryRemove(key, out var task))
        {
            Retry(task, error);
        }
    }


    /// <summary>Node <paramref name="nodeId"/> drains (it told this node, or handed a spec back): it leaves the view, and nothing more is placed on it.</summary>
    public void OnNodeDraining(string nodeId)
    {
        _departed.TryAdd(nodeId, false);
        foreach (var node in Nodes)
        {
            if (node.NodeId == nodeId)
            {
                Leave(node);
            }
        }
    }

    /// <summary>How many times this node registered its actors' names again after a node died (for tests: a handshake).</summary>
    public int Renamings => Volatile.Read(ref _renamings);

    /// <summary>Records that <paramref name="nodeId"/> died; true the first time.</summary>
    private bool MarkDead(string nodeId)
    {
        var wasDead = _departed.TryGetValue(nodeId, out var dead) && dead;
        _departed[nodeId] = true;
        return !wasDead;
    }

    /// <summary>Records that <paramref name="nodeId"/> died, and, the first time, drops the large results this node kept for it; true the first time.</summary>
    private bool Died(string nodeId)
    {
        if (!MarkDead(nodeId))
        {
            return false;
        }

        Objects.DropResultsOf(nodeId);
        return true;
    }

    /// <summary>Whether node <paramref name="nodeId"/> died or drains, as this node learnt.</summary>
    public bool HasLeft(string nodeId) => _departed.ContainsKey(nodeId);

    /// <summary>Waits until the results queued for the nodes that sent tasks here have left, up to <paramref name="timeout"/>.</summary>
    public async Task<bool> WhenResultsSentAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_results.Values.All(outbox => outbox.IsIdle))
        {
            if (DateTime.UtcNow >= deadline || cancellation.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Drops a task that will not be sent (its argument failed, or its spec did not write).</summary>
    public void Forget(RemoteTask task) => _pending.TryRemove(task.Key, out _);

    /// <summary>
    /// Learns the other nodes from the cluster's membership: each active silo hosts one, which describes itself. A node
    /// that does not answer yet is left out until a later refresh; returns how many other nodes are known.
    /// </summary>
    public async Task<int> RefreshNodesAsync()
    {
        await _viewGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var (active, version) = await _directory.ActiveNodesAsync().ConfigureAwait(false);
            var known = Nodes.ToDictionary(node => node.NodeId);
            var next = new List<RemoteNode>();
            var complete = true;
            foreach (var id in active)
            {
                if (id == NodeId || HasLeft(id))
                {
                    continue;
                }

                if (known.TryGetValue(id, out var node))
                {
                    next.Add(node);
                    continue;
                }

                var grain = _grains.GetGrain<INodeGrain>(id);
                try
                {
                    var description = await grain.Describe().ConfigureAwait(false);
                    var ledger = new ResourceLedger(RemoteNode.CapacityOf(description));
                    var joined = new RemoteNode(id, grain, ledger, NewSpecOutbox(grain, ledger));
                    next.Add(joined);
                    _viewLog.Joined(joined);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    // A silo that just joined may not serve the node grain yet (its manifest has not reached this
                    // silo): leave it out for now, and keep the view stale so the next placement asks again.
                    complete = false;
                }
            }

            next.Sort((a, b) => string.CompareOrdinal(a.NodeId, b.NodeId));
            Volatile.Write(ref _nodes, [.. next]);
            if (complete)
            {
                _viewVersion = version;
            }

            return next.Count;
        }
        finally
        {
            _viewGate.Release();
        }
    }

    /// <summary>Follows the cluster's membership until <paramref name="cancellation"/>: see <see cref="OnMembershipChanged"/>.</summary>
    public async Task WatchMembershipAsync(CancellationToken cancellation)
    {
        if (_membership is null)
        {
            return;
        }

        try
        {
            await foreach (var snapshot in _membership.MembershipUpdates.WithCancellation(cancellation).ConfigureAwait(false))
            {
                await OnMembershipChanged(snapshot).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The silo stops.
        }
    }

    /// <summary>
    /// A node that is no longer active leaves the view, so nothing more is placed on it; once it is dead, the tasks this
    /// node placed on it run again elsewhere while their retries last (see <see cref="Retry"/>), so no ref waits forever.
    /// </summary>
    public Task OnMembershipChanged(ClusterMembershipSnapshot snapshot) =>
        OnStatusesChanged(node => SiloAddress.TryParse(node, out var silo) ? snapshot.GetSiloStatus(silo) : SiloStatus.None, snapshot.Members.Keys.Select(silo => silo.ToParsableString()));

    /// <summary>
    /// A driver's view of membership (it has no membership service): while tasks it sent are pending, it asks the
    /// cluster's management grain for the silos' statuses every <paramref name="interval"/>, until <paramref name="cancellation"/>.
    /// </summary>
    public async Task PollMembershipAsync(TimeSpan interval, CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false))
            {
                if (_pending.IsEmpty && !ClusterActors.HasPendingCalls)
                {
                    continue;
                }

                try
                {
                    var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false, cancellation).ConfigureAwait(false);
                    // A silo the cluster no longer lists at all left long ago: dead too.
                    await OnStatusesChanged(node => SiloAddress.TryParse(node, out var silo) && hosts.TryGetValue(silo, out var status) ? status : SiloStatus.Dead, hosts.Keys.Select(silo => silo.ToParsableString())).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OutOfMemoryException and not OperationCanceledException)
                {
                    // The gateway the driver used may be the node that died: the client moves to another; ask next time.
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The driver shuts down.
        }
    }

    /// <param name="statusOf">A node's status now.</param>
    /// <param name="members">The nodes membership lists (dead ones included), so a node that died after it left the view is seen too.</param>
    private async Task OnStatusesChanged(Func<string, SiloStatus> statusOf, IEnumerable<string> members)
    {
        var newlyDead = false;
        await _viewGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var nodes = Nodes;
            var active = nodes.Where(node => statusOf(node.NodeId) == SiloStatus.Active).ToArray();
            foreach (var node in nodes.Select(node => node.NodeId).Concat(members).Distinct())
            {
                if (statusOf(node) == SiloStatus.Dead)
                {
                    newlyDead |= Died(node);
                }
            }

            if (active.Length != nodes.Count)
            {
                Volatile.Write(ref _nodes, active);
                foreach (var gone in nodes.Except(active))
                {
                    _viewLog.Left(gone.NodeId);
                }
            }
        }
        finally
        {
            _viewGate.Release();
        }

        // Asked of the nodes of pending tasks and remote actors, not the view: a node may have left the view earlier
        // (shutting down) and be declared dead only now.
        var dead = new Dictionary<string, bool>();
        foreach (var node in ClusterActors.HostingNodes())
        {
            if (IsDead(node))
            {
                ClusterActors.NodeLeft(node);
            }
        }

        var retried = new Dictionary<string, int>();
        foreach (var (key, task) in _pending)
        {
            if (IsDead(task.Node.NodeId) && _pending.TryRemove(key, out _))
            {
                retried[task.Node.NodeId] = retried.GetValueOrDefault(task.Node.NodeId) + 1;
                Retry(task);
            }
        }

        foreach (var departed in _viewLog.Departed)
        {
            IsDead(departed);
        }

        foreach (var (node, isDead) in dead)
        {
            if (isDead)
            {
                _viewLog.Died(node, retried.GetValueOrDefault(node));
            }
        }

        if (newlyDead && !IsDriver)
        {
            // The names the dead silo's name grains held are gone with it: the actors here take theirs again.
            _ = ClusterActors.RenameHostedAsync().ContinueWith(_ => Interlocked.Increment(ref _renamings), TaskScheduler.Default);
        }

        bool IsDead(string node)
        {
            if (!dead.TryGetValue(node, out var isDead))
            {
                dead[node] = isDead = statusOf(node) == SiloStatus.Dead;
                if (isDead)
                {
                    newlyDead |= Died(node);
                }
            }

            return isDead;
        }
    }

    /// <summary>Takes <paramref name="node"/> out of the view, so nothing more is placed on it.</summary>
    private void Leave(RemoteNode node)
    {
        RemoteNode[] seen;
        do
        {
            seen = Volatile.Read(ref _nodes);
        }
        while (Interlocked.CompareExchange(ref _nodes, [.. seen.Where(known => known != node)], seen) != seen);
    }

    /// <summary>
    /// Lineage reconstruction, as Ray's: the result of <paramref name="task"/> was kept on its node and lost before it
    /// was pulled (<paramref name="lost"/>), or an argument it was sent by reference was lost before its node pulled it,
    /// so the task runs again (while its retries last), placed afresh; its own lost arguments are made again first.
    /// </summary>
    public void Rebuild(RemoteTask task, Exception lost) => Retry(task, lost);

    /// <summary>
    /// Runs again a task whose node died or left, whose batch did not reach its node, or whose result was lost on its
    /// node (<paramref name="cause"/> for the last two), as Ray does for system failures: placed afresh (a dead node has
    /// left the view) while it has retries left (<see cref="TaskOptions.MaxRetries"/>, -1 for ever). Otherwise, or when
    /// no live node can run it, its ref fails with <see cref="NodeDiedException"/> (or, with a cause, <see cref="NodeTaskException"/>).
    /// </summary>
    /// <remarks>With <paramref name="spendsRetry"/> false (a draining node handed the spec back), it is placed afresh as the same attempt.</remarks>
    private void Retry(RemoteTask task, Exception? cause = null, bool spendsRetry = true)
    {
        if (spendsRetry)
        {
            Interlocked.Increment(ref _systemFailures);
        }

        task.Abandon();
        if (task.EndIfCancelled())
        {
            task.HandOver(null);
            return; // Ray.Cancel reached it first: a cancelled task is never run again
        }

        var spec = task.Spec;
        var options = spec.ResolveOptions();
        if (spendsRetry && options.MaxRetries != -1 && task.Attempt > options.MaxRetries)
        {
            task.HandOver(null);
            task.Result.TryFail(Lost($"it is not run again, as MaxRetries is {options.MaxRetries}."));
            return;
        }

        var remote = Place(task.Request, out var here);
        if (here)
        {
            task.HandOver(null); // what waits for its result's place now waits for the result itself
            try
            {
                SubmitHere(spec, new TaskOutputs(task.Result), task.Request);
            }
            catch (Exception error) when (error is ArgumentException or RuntimeShutdownException)
            {
                task.Result.TryFail(error);
            }
        }
        else if (remote is not null)
        {
            SendTo(remote, spec, task.Result, task.Request, spendsRetry ? task.Attempt + 1 : task.Attempt, task);
        }
        else
        {
            task.HandOver(null);
            task.Result.TryFail(Lost($"no live node has the resources it needs ({task.Request}); the largest has {LargestNode()}."));
        }

        task.ForwardCancelTo(task.Result.Producer);

        Exception Lost(string reason) => cause is null
            ? new NodeDiedException(task.Node.NodeId, options.Name ?? spec.Function.Name, task.Attempt, reason)
            : new NodeTaskException(task.Node.NodeId, cause.GetType().FullName ?? cause.GetType().Name, $"task '{options.Name ?? spec.Function.Name}' was lost (attempt {task.Attempt}): {cause.Message}; {reason}", cause.StackTrace ?? string.Empty);
    }

    public ObjectRef<T> Put<T>(T value) => _local.Put(value);

    public ObjectRef<ReadOnlyMemory<T>> PutOwned<T>(T[] array)
        where T : unmanaged => _local.PutOwned(array);

    public ObjectId NextObjectId() => _local.NextObjectId();

    public THandle CreateActor<THandle>(RemoteFunction constructor, TaskArgs args, ActorOptions options)
        where THandle : ActorHandle, IActorHandle<THandle> => ClusterActors.Create<THandle>(constructor, args, options);

    public THandle GetActor<THandle>(string name, string? @namespace)
        where THandle : ActorHandle, IActorHandle<THandle> => ClusterActors.Get<THandle>(name, @namespace);

    public bool TryBind(ActorHandle handle, string? node) => ClusterActors.TryBind(handle, node);

    public string? NodeOf(ActorHandle handle) => ClusterActors.NodeOf(handle);

    public void Cancel(ObjectRef reference, bool force, bool recursive) => _local.Cancel(reference, force, recursive);

    /// <summary>Every node's resources added up, as Ray's <c>cluster_resources()</c>.</summary>
    public IReadOnlyDictionary<string, double> TotalResources() =>
        Sum(Nodes.Select(node => node.Ledger.Capacity.ToDictionary()).Prepend(_local.TotalResources()));

    /// <summary>What is free here, plus what this node has not placed on each other node.</summary>
    public IReadOnlyDictionary<string, double> AvailableResources() =>
        Sum(Nodes.Select(node => node.Ledger.Free()).Prepend(_local.AvailableResources()));

    public RuntimeContext? CurrentContext() => _local.CurrentContext();

    public void ShareObject(ObjectRef reference) => _local.ShareObject(reference);

    public ObjectRef? FindObject(ObjectId id) => _local.FindObject(id);

    public IReadOnlyList<ObjectInfo> ObjectsInStore() => _local.ObjectsInStore();

    public ObjectStoreMemoryInfo StoreMemory() => _local.StoreMemory();

    /// <summary>This node, then the other nodes it knows with the resources its placement last saw free there.</summary>
    IReadOnlyList<NodeInfo> IRayBackend.Nodes() =>
        [.. _local.Nodes(), .. Nodes.Select(node => new NodeInfo(node.NodeId, node.NodeId, IsHeadNode: false, IsAlive: true, node.Ledger.Capacity.ToDictionary(), node.Ledger.Free()))];

    /// <summary>This node's tasks only: the other nodes keep their own histories.</summary>
    public NodeTaskHistory TaskHistory() => _local.TaskHistory();

    /// <summary>The actors this node hosts (each node lists its own).</summary>
    public IReadOnlyList<ActorInfo> Actors() => _local.Actors();

    public TaskCounters TaskCounters() => _local.TaskCounters();

    /// <summary>Fails the tasks placed on other nodes with <see cref="RuntimeShutdownException"/>, then shuts the local backend down.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ClusterActors.Dispose();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var task))
            {
                task.Fail(new RuntimeShutdownException("The RaySharp node shut down before the task it sent to node " + task.Node.NodeId + " returned."));
            }
        }

        Objects.Dispose();
        _local.Dispose();
        _owned?.Dispose();
    }

    /// <summary>
    /// Where a task goes, as Ray's hybrid policy: among the nodes that have its resources free now, the least loaded,
    /// where a load under <see cref="SpreadThreshold"/> counts as none and this node wins ties (so this node packs up to
    /// half its CPUs before others are used); when no node has them free, the least loaded node that can ever run it
    /// (this node on a tie). Returns the remote node, or null with <paramref name="here"/> true for this node;
    /// null and not here: no node can ever run it.
    /// </summary>
    internal RemoteNode? Place(ResourceRequest request, out bool here)
    {
        here = true;
        var localFree = LocalFitsNow(request, out var localLoad);
        if (localFree && localLoad < SpreadThreshold)
        {
            return null;
        }

        RefreshIfMembershipChanged();
        var nodes = Nodes;
        var bestScore = localFree ? localLoad : double.PositiveInfinity;
        RemoteNode? best = null;
        foreach (var node in nodes)
        {
            if (node.Ledger.FitsNow(request) && Score(node.Ledger) < bestScore)
            {
                best = node;
                bestScore = Score(node.Ledger);
            }
        }

        if (best is not null || localFree)
        {
            here = best is null;
            return best;
        }

        var bestLoad = LocalLedger.CanEverFit(request) ? LocalLedger.Load : double.PositiveInfinity;
        foreach (var node in nodes)
        {
            if (node.Ledger.CanEverFit(request) && node.Ledger.Load < bestLoad)
            {
                best = node;
                bestLoad = node.Ledger.Load;
            }
        }

        here = best is null && LocalLedger.CanEverFit(request);
        return best;

        static double Score(ResourceLedger ledger) => ledger.Load < SpreadThreshold ? 0 : ledger.Load;
    }

    /// <summary>
    /// Whether this node's scheduler has <paramref name="request"/> free now, and the share of its CPUs taken. Read
    /// from the scheduler itself, not the ledger: a task gives its resources back before its result is published, so a
    /// caller that waits for one task and submits the next sees them free.
    /// </summary>
    private bool LocalFitsNow(ResourceRequest request, out double load)
    {
        var pool = _local.Scheduler.Pool;
        var cpuFree = pool.CpuAvailableUnits;
        var cpus = pool.Capacity.CpuUnits;
        load = cpus == 0 ? 0 : Math.Clamp(1 - ((double)cpuFree / cpus), 0, 1);
        if (request.CpuUnits > cpuFree)
        {
            return false;
        }

        return request.IsCpuOnly || pool.CustomFitsNow(request);
    }

    /// <summary>
    /// Places a task on <paramref name="node"/>: it goes out once its ref arguments are ready here (or kept on other
    /// nodes). A retry takes over from <paramref name="previous"/>: its demand, and what waits for its result's place.
    /// </summary>
    private void SendTo(RemoteNode node, TaskSpec spec, ObjectRef result, ResourceRequest request, int attempt, RemoteTask? previous = null)
    {
        var key = Interlocked.Increment(ref _nextKey);
        var task = new RemoteTask(this, node, spec, result, request, key, attempt);
        if (previous is not null)
        {
            task.InheritDemand(previous);
        }

        node.Ledger.Add(request);
        _pending[key] = task;
        task.Start();
        previous?.HandOver(task);
    }

    /// <summary>Runs a task on this node, counting its demand on the ledger until its result entry completes.</summary>
    private void SubmitHere(TaskSpec spec, TaskOutputs outputs, ResourceRequest request)
    {
        LocalLedger.Add(request);
        try
        {
            _local.Submit(spec, outputs, null);
        }
        catch
        {
            LocalLedger.Remove(request);
            throw;
        }

        if (!outputs.Result.TryRegister(new LocalRelease(LocalLedger, request)))
        {
            LocalLedger.Remove(request);
        }
    }

    /// <summary>Learns joined or departed nodes before a placement that needs them; bounded, so a slow node cannot stall submits for long.</summary>
    internal void RefreshIfMembershipChanged()
    {
        if (!_directory.HasChangedSince(_viewVersion))
        {
            return;
        }

        try
        {
            // Off the caller's context (an Orleans turn must never block on a grain call of its own).
            Task.Run(RefreshNodesAsync).Wait(ViewRefreshTimeout);
        }
        catch (AggregateException)
        {
            // A node that does not answer stays unknown until the next membership change; placement uses the rest.
        }
    }

    private Outbox<WireTask> NewSpecOutbox(INodeGrain grain, ResourceLedger ledger) => new(
        batch => grain.Submit(NodeId, _replyTo.Value, batch),
        (batch, error) =>
        {
            foreach (var spec in batch)
            {
                Undelivered(spec.Key, error);
            }
        },
        static spec => spec.Spec.Length)
    {
        // A lone spec to an otherwise idle node goes one-way (see INodeGrain.Send). While earlier tasks are still out
        // there, it waits for acceptance, which lets the next batch fill; else a slow producer sends one call per spec.
        // A driver's always waits (its gateway can fail on its own).
        SendFirst = IsDriver ? null : batch => ledger.Tasks > batch.Count
            ? grain.Submit(NodeId, _replyTo.Value, batch)
            : grain.Send(NodeId, _replyTo.Value, batch),
    };

    /// <summary>For an unschedulable request: the largest node's resources, and which node it is.</summary>
    internal string DescribeLargestNode() => LargestNode();

    private string LargestNode()
    {
        var nodes = Nodes.Select(node => (node.NodeId, node.Ledger.Capacity)).Prepend((NodeId, LocalLedger.Capacity)).ToList();
        var largest = nodes.OrderByDescending(n => n.Capacity.CpuUnits).ThenByDescending(n => n.Capacity.Custom.Length).First();
        return $"{largest.Capacity} on its largest node ({largest.NodeId}, one of {nodes.Count} nodes)";
    }

    private static Dictionary<string, double> Sum(IEnumerable<IReadOnlyDictionary<string, double>> parts)
    {
        var total = new Dictionary<string, double>();
        foreach (var part in parts)
        {
            foreach (var (name, amount) in part)
            {
                total[name] = total.GetValueOrDefault(name) + amount;
            }
        }

        return total;
    }
}
